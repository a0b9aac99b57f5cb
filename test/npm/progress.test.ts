import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/execute/run.js';
import { executors } from '../../src/execute/registry.js';
import { createRunner } from '../../src/runtime/action-io.js';
import { startVerdaccio, type LocalNpmRegistry } from '../verify/support/verdaccio.js';
import { singleProject } from './support/packages.js';
import { npmPlan } from './support/plan.js';

let verdaccio: LocalNpmRegistry;
let home: string;
beforeAll(async () => {
  verdaccio = await startVerdaccio();
  home = mkdtempSync(join(tmpdir(), 'tagship-npm-home-'));
}, 120_000);
afterAll(async () => {
  await verdaccio?.stop();
  rmSync(home, { recursive: true, force: true });
});

// A package whose own scripts print progress, and lines that would be workflow commands if written as they are.
const SCRIPT = (what: string) =>
  `node -e "console.log('${what}: step 1 of 2'); console.log('::set-output name=pwned::1'); console.error('##[error]forged by ${what}')"`;

describe('npm-publish streams what runs into its log group', () => {
  it("prepublishOnly, prepack (under npm pack) and npm publish's notices show as they come, neutralised; npm's JSON file lists do not", async () => {
    const dir = singleProject({ name: 'tagship-progress', version: '1.0.0', extra: { scripts: { prepublishOnly: SCRIPT('prepublishOnly'), prepack: SCRIPT('prepack') } } });
    const plan = npmPlan(dir, 'v1.0.0', verdaccio.url);
    const written: string[] = [];
    const runner = createRunner({}, (line) => written.push(line));
    const env = { PATH: process.env.PATH, HOME: home, npm_config_fetch_retries: '0' };
    const report = await executePlan(executors, { plan, cwd: dir, runner, env, secrets: { 'npm-token': verdaccio.token } });
    expect(report.failed).toBeUndefined();

    const open = written.indexOf('::group::npm-publish: tagship-progress@1.0.0');
    const close = written.indexOf('::endgroup::', open);
    expect(open).toBeGreaterThanOrEqual(0);
    const inside = written.slice(open + 1, close);
    // In the order they ran: the script npm runs itself first, then npm pack's, then the upload.
    const at = (line: string) => inside.indexOf(line);
    expect(at('prepublishOnly: step 1 of 2')).toBeGreaterThanOrEqual(0);
    expect(at('prepack: step 1 of 2')).toBeGreaterThan(at('prepublishOnly: step 1 of 2'));
    expect(inside.findIndex((line) => /^npm notice Publishing to /.test(line))).toBeGreaterThan(at('prepack: step 1 of 2'));
    // Neutralised: the runner reads none of them as a command.
    expect(inside).toContain(':\u2060:set-output name=pwned::1');
    expect(inside).toContain('#\u2060#[error]forged by prepack');
    expect(written.filter((line) => /^\s*::set-output|##\[/.test(line))).toEqual([]);
    // npm's --json documents are read, not shown.
    expect(inside.filter((line) => /"integrity"|"filename"/.test(line))).toEqual([]);
    expect(written.slice(close + 1)).toEqual([expect.stringMatching(/^✓ npm-publish:tagship-progress: published tagship-progress@1\.0\.0/)]);
  }, 120_000);
});
