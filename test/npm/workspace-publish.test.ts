import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure, executePlan } from '../../src/execute/run.js';
import type { ExecutorRegistry } from '../../src/execute/types.js';
import { readPackument } from '../../src/npm/packument.js';
import { createNpmPublishExecutor } from '../../src/npm/publish.js';
import { entryData, listTarEntries } from '../../src/npm/tar-entries.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import { recordingRunner } from '../verify/support/runner.js';
import { startVerdaccio, type LocalNpmRegistry } from '../verify/support/verdaccio.js';
import { npmPlan } from './support/plan.js';

const run = promisify(execFile);
let verdaccio: LocalNpmRegistry;
let home: string;

beforeAll(async () => {
  verdaccio = await startVerdaccio();
  home = mkdtempSync(join(tmpdir(), 'tagship-npm-ws-home-'));
}, 120_000);
afterAll(async () => {
  await verdaccio?.stop();
  rmSync(home, { recursive: true, force: true });
});

const executors: ExecutorRegistry = { 'npm-publish': async () => createNpmPublishExecutor({ http: { minDelayMs: 20, maxDelayMs: 100 } }) };

function publish(plan: ReleasePlan, cwd: string) {
  const recorded = recordingRunner();
  return executePlan(executors, { plan, cwd, runner: recorded.runner, env: { PATH: process.env.PATH, HOME: home }, secrets: { 'npm-token': verdaccio.token } });
}

/** The package.json the registry serves inside a version's tarball, byte for byte. */
async function servedManifest(name: string, version: string): Promise<string> {
  const response = await fetch((await servedDoc(name, version)).dist.tarball);
  const tar = gunzipSync(Buffer.from(await response.arrayBuffer()));
  return entryData(tar, listTarEntries(tar).find((entry) => entry.path === 'package/package.json')!).toString('utf8');
}

const servedDoc = async (name: string, version: string) => (await (await fetch(`${verdaccio.url}${name.replace('/', '%2F')}`)).json()).versions[version];

/**
 * A pnpm workspace in the shape people write it: members in pnpm-workspace.yaml, the cli's manifest
 * with CRLF line ends and tabs, every dependency field using the protocol, and files whose paths npm's
 * tar splits into the ustar prefix or puts in a pax header (the rewrite must walk past both).
 */
function pnpmWorkspace(scope: string, version: string): string {
  const root = mkdtempSync(join(tmpdir(), 'tagship-npm-pnpm-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: `${scope}/root`, private: true }));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
  const core = join(root, 'packages', 'core');
  mkdirSync(core, { recursive: true });
  writeFileSync(join(core, 'package.json'), JSON.stringify({ name: `${scope}/core`, version, main: 'index.js', license: 'MIT' }, null, 2));
  writeFileSync(join(core, 'index.js'), 'module.exports = "core";\n');
  const cli = join(root, 'packages', 'cli');
  const deep = join(cli, 'lib', 'a-rather-long-directory-name-for-the-tar-header', 'and-another-long-directory-name-below-it');
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, 'deep-module-with-a-long-name.js'), 'module.exports = 1;\n');
  writeFileSync(join(cli, 'lib', `${'x'.repeat(110)}.js`), 'module.exports = 2;\n');
  writeFileSync(
    join(cli, 'package.json'),
    [
      '{',
      `\t"name": "${scope}/cli",`,
      `\t"version": "${version}",`,
      '\t"main": "index.js",',
      '\t"license": "MIT",',
      `\t"dependencies": { "${scope}/core": "workspace:^" },`,
      `\t"devDependencies": { "${scope}/core": "workspace:*" },`,
      `\t"optionalDependencies": { "${scope}/util": "workspace:~" },`,
      `\t"peerDependencies": { "${scope}/core": "workspace:>=1.0.0" }`,
      '}',
      '',
    ].join('\r\n'),
  );
  writeFileSync(join(cli, 'index.js'), 'module.exports = "cli";\n');
  const util = join(root, 'packages', 'util');
  mkdirSync(util, { recursive: true });
  writeFileSync(join(util, 'package.json'), JSON.stringify({ name: `${scope}/util`, version, main: 'index.js', license: 'MIT' }));
  writeFileSync(join(util, 'index.js'), 'module.exports = "util";\n');
  return root;
}

describe('workspace: ranges published to Verdaccio', () => {
  it('the registry serves real ranges (in the packument and in the tarball), formatting kept; npm installs the release from them', async () => {
    const root = pnpmWorkspace('@pw', '1.4.0');
    const plan = npmPlan(root, 'v1.4.0', verdaccio.url);
    const report = await publish(plan, root);
    expect(describeFailure(report)).toBe('');
    expect(report.outcomes.map((o) => `${o.id} ${o.status}`)).toEqual(['npm-publish:@pw/core done', 'npm-publish:@pw/util done', 'npm-publish:@pw/cli done']);

    const doc = await servedDoc('@pw/cli', '1.4.0');
    expect(doc.dependencies).toEqual({ '@pw/core': '^1.4.0' });
    expect(doc.devDependencies).toEqual({ '@pw/core': '1.4.0' });
    expect(doc.optionalDependencies).toEqual({ '@pw/util': '~1.4.0' });
    expect(doc.peerDependencies).toEqual({ '@pw/core': '>=1.0.0' });
    // Only the values changed: tabs, CRLF and key order as written.
    const original = readFileSync(join(root, 'packages/cli/package.json'), 'utf8');
    expect(await servedManifest('@pw/cli', '1.4.0')).toBe(
      original.replace('"workspace:^"', '"^1.4.0"').replace('"workspace:*"', '"1.4.0"').replace('"workspace:~"', '"~1.4.0"').replace('"workspace:>=1.0.0"', '">=1.0.0"'),
    );
    // The checkout is untouched: the rewrite lives in the tarball only.
    expect(original).toContain('"workspace:^"');
    // A package without the protocol goes out byte for byte as npm packed it.
    expect(await servedManifest('@pw/core', '1.4.0')).toBe(readFileSync(join(root, 'packages/core/package.json'), 'utf8'));

    const install = mkdtempSync(join(tmpdir(), 'tagship-npm-ws-install-'));
    writeFileSync(join(install, 'package.json'), '{"name":"consumer","private":true}');
    await run('npm', ['install', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '@pw/cli@1.4.0', '--registry', verdaccio.url], { cwd: install, env: { ...process.env, HOME: home } });
    const modules = join(install, 'node_modules', '@pw');
    expect(JSON.parse(readFileSync(join(modules, 'core', 'package.json'), 'utf8')).version).toBe('1.4.0');
    expect(JSON.parse(readFileSync(join(modules, 'util', 'package.json'), 'utf8')).version).toBe('1.4.0');
    expect(readFileSync(join(modules, 'cli', 'package.json'), 'utf8')).not.toContain('workspace:');
    // Every other entry survived the rewrite (the ustar-prefixed and the pax-named one included).
    expect(readFileSync(join(modules, 'cli', 'lib', `${'x'.repeat(110)}.js`), 'utf8')).toBe('module.exports = 2;\n');
    expect(readFileSync(join(modules, 'cli', 'lib', 'a-rather-long-directory-name-for-the-tar-header', 'and-another-long-directory-name-below-it', 'deep-module-with-a-long-name.js'), 'utf8')).toBe('module.exports = 1;\n');
    rmSync(install, { recursive: true, force: true });
  }, 120_000);

  it('a re-run finds the rewritten tarball published and changes nothing', async () => {
    const root = pnpmWorkspace('@again', '2.0.0');
    const plan = npmPlan(root, 'v2.0.0', verdaccio.url);
    expect(describeFailure(await publish(plan, root))).toBe('');
    const again = await publish(plan, root);
    expect(again.outcomes.map((o) => `${o.id} ${o.status}`)).toEqual(['npm-publish:@again/core unchanged', 'npm-publish:@again/util unchanged', 'npm-publish:@again/cli unchanged']);
  }, 120_000);

  it('a packed manifest whose workspace: ranges the plan did not resolve is refused, never published verbatim', async () => {
    const root = pnpmWorkspace('@late', '1.0.0');
    const plan = npmPlan(root, 'v1.0.0', verdaccio.url);
    // After planning, someone adds another `workspace:` range (a prepack script could do the same).
    const file = join(root, 'packages/core/package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...manifest, dependencies: { '@late/util': 'workspace:^' } }, null, 2));
    const report = await publish(plan, root);
    expect(describeFailure(report)).toMatch(
      /^npm-publish:@late\/core failed: The packed package.json of @late\/core differs from the plan: dependencies\.@late\/util is "workspace:\^" \(a prepack script or a change after planning\): plan again from a clean checkout\. @late\/core@1\.0\.0 was not published\./,
    );
    expect(await readPackument(verdaccio.url, '@late/core')).toBeUndefined();
  }, 120_000);

  it('a workspace: range naming a package outside the workspace stops the plan: the registry receives nothing', async () => {
    const root = pnpmWorkspace('@lost', '1.0.0');
    const file = join(root, 'packages/cli/package.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"@lost/util": "workspace:~"', '"@lost/gone": "workspace:~"'));
    expect(() => npmPlan(root, 'v1.0.0', verdaccio.url)).toThrow(/^packages\/cli\/package\.json: optionalDependencies\.@lost\/gone is "workspace:~", but no package named @lost\/gone is in the workspace/);
    for (const name of ['@lost/core', '@lost/util', '@lost/cli']) expect(await readPackument(verdaccio.url, name)).toBeUndefined();
  }, 60_000);
});
