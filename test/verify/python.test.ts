import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyPythonStep } from '../../src/plan/steps/verify.js';
import { executePlan } from '../../src/execute/run.js';
import type { ExecutorRegistry } from '../../src/execute/types.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import { createRunner } from '../../src/runtime/action-io.js';
import { executeVerifyPython, verifyPython } from '../../src/verify/python.js';
import { buildWheel, startSimpleIndex, SYSTEM_PYTHON } from './support/python-index.js';
import type { LocalServer } from './support/http-server.js';

let good: string;
let lying: string;
const servers: LocalServer[] = [];
beforeAll(() => {
  good = buildWheel('tagship-smoke', '1.2.3');
  lying = buildWheel('tagship-smoke', '2.0.0', '1.9.0');
});
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function index(...args: Parameters<typeof startSimpleIndex>) {
  const server = await startSimpleIndex(...args);
  servers.push(server);
  return server.index;
}

const step = (indexUrl: string, over: Partial<VerifyPythonStep> = {}): VerifyPythonStep => ({
  kind: 'verify-python',
  id: 'verify-python:tagship-smoke',
  target: 'tagship-smoke==1.2.3',
  project: 'tagship-smoke',
  version: '1.2.3',
  indexUrl,
  importName: 'tagship_smoke',
  python: SYSTEM_PYTHON,
  waitMs: 10_000,
  ...over,
});
const env = { PATH: process.env.PATH, HOME: process.env.HOME };

describe('Python smoke test: pip installs the release from a real simple index', () => {
  it('installs into a fresh venv and finds __version__ equal to the release', async () => {
    const url = await index([good, lying]);
    await expect(verifyPython(step(url), { env })).resolves.toBe(`tagship-smoke 1.2.3 installs from ${url}; tagship_smoke.__version__ is 1.2.3`);
  }, 120_000);

  it('fails when the installed module reports another version, and says nothing was unpublished', async () => {
    const url = await index([good, lying]);
    await expect(verifyPython(step(url, { version: '2.0.0', target: 'tagship-smoke==2.0.0' }), { env })).rejects.toThrow(
      /^tagship-smoke 2\.0\.0 was published, but tagship_smoke\.__version__ says "1\.9\.0" after installing 2\.0\.0\. Nothing was unpublished/,
    );
  }, 120_000);

  it('waits for an index that lists the upload late', async () => {
    const lines: string[] = [];
    const url = await index([good], (_file, n) => n >= 3);
    await expect(verifyPython(step(url), { env, intervalMs: 50, log: (l) => lines.push(l) })).resolves.toMatch(/installs from/);
    expect(lines.slice(0, 2)).toEqual([`${url}tagship-smoke/ → HTTP 404`, `tagship-smoke 1.2.3 is on ${url}tagship-smoke/`]);
    // Then pip's own output, as it comes.
    expect(lines.slice(2)).toEqual(expect.arrayContaining([expect.stringMatching(/^Successfully installed tagship[-_]smoke-1\.2\.3$/)]));
  }, 120_000);

  it('in the action: pip streams inside the step\'s log group, between ::group:: and ::endgroup::', async () => {
    const url = await index([good]);
    const written: string[] = [];
    const plan = { dryRun: false, stages: [{ name: 'verify', steps: [step(url)] }] } as unknown as ReleasePlan;
    const registry: ExecutorRegistry = { 'verify-python': async () => executeVerifyPython };
    const report = await executePlan(registry, { plan, cwd: process.cwd(), runner: createRunner({}, (line) => written.push(line)), env, secrets: {} });
    expect(report.failed).toBeUndefined();
    const open = written.indexOf('::group::verify-python: tagship-smoke==1.2.3');
    const close = written.indexOf('::endgroup::');
    expect(open).toBeGreaterThanOrEqual(0);
    const inside = written.slice(open + 1, close);
    expect(inside).toEqual(expect.arrayContaining([expect.stringMatching(/^Collecting tagship[-_]smoke==1\.2\.3/), expect.stringMatching(/^Successfully installed tagship[-_]smoke-1\.2\.3$/)]));
    expect(written.slice(close + 1)).toEqual([expect.stringMatching(/^✓ verify-python:tagship-smoke: tagship-smoke 1\.2\.3 installs from/)]);
  }, 120_000);

  it('gives up on an index that never lists it, naming the index', async () => {
    const url = await index([good]);
    await expect(verifyPython(step(url, { version: '1.2.4', waitMs: 300 }), { env, intervalMs: 50 })).rejects.toThrow(
      `tagship-smoke 1.2.4 was published, but ${url} did not list it within 0.3 s (${url}tagship-smoke/ does not list 1.2.4 yet).`,
    );
  });

  it('runs a configured check inside the venv, with TAGSHIP_VERSION set', async () => {
    const url = await index([good]);
    const command = ['python', '-c', 'import os, sys, tagship_smoke; sys.exit(0 if os.environ["TAGSHIP_VERSION"] == tagship_smoke.__version__ and sys.prefix.endswith("venv") else 3)'];
    await expect(verifyPython(step(url, { command }), { env })).resolves.toMatch(/`python -c .*` passed$/);
    const failing = ['python', '-c', 'import sys; print("health check said no", file=sys.stderr); sys.exit(4)'];
    await expect(verifyPython(step(url, { command: failing }), { env })).rejects.toThrow(/exited 4: health check said no\./);
  }, 120_000);
});

describe('an interpreter without pip of its own', () => {
  it('seeds pip into the venv instead (ensurepip), and still installs', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const bare = join(mkdtempSync(join(tmpdir(), 'tagship-bare-')), 'venv');
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', '--without-pip', bare]);
    const url = await index([good]);
    await expect(verifyPython(step(url, { python: join(bare, 'bin/python') }), { env })).resolves.toMatch(/__version__ is 1\.2\.3$/);
  }, 120_000);
});
