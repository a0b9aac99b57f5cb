import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure, executePlan } from '../../src/execute/run.js';
import { run as run_ } from '../../src/main.js';
import { UserError } from '../../src/errors.js';
import { tagPush } from '../support/payloads.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import type { ExecutorRegistry } from '../../src/execute/types.js';
import { readPackument } from '../../src/npm/packument.js';
import { createNpmPublishExecutor } from '../../src/npm/publish.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import { recordingRunner } from '../verify/support/runner.js';
import { startVerdaccio, type LocalNpmRegistry } from '../verify/support/verdaccio.js';
import { startFaultyRegistry, type FaultyRegistry } from './support/faulty-registry.js';
import { spyOnNpm } from './support/npm-spy.js';
import { npmPlan } from './support/plan.js';
import { singleProject, workspaceProject, writePackage } from './support/packages.js';

const run = promisify(execFile);
let verdaccio: LocalNpmRegistry;
let proxy: FaultyRegistry;
let home: string;
const spy = spyOnNpm();

beforeAll(async () => {
  verdaccio = await startVerdaccio();
  proxy = await startFaultyRegistry(verdaccio.url, verdaccio.token);
  home = mkdtempSync(join(tmpdir(), 'tagship-npm-home-'));
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await verdaccio?.stop();
  rmSync(home, { recursive: true, force: true });
});

const executor = createNpmPublishExecutor({ backoff: { minDelayMs: 20, maxDelayMs: 100 }, http: { minDelayMs: 20, maxDelayMs: 100 }, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) });
const executors: ExecutorRegistry = { 'npm-publish': async () => executor };

function publish(plan: ReleasePlan, cwd: string, options: { token?: string | null; env?: NodeJS.ProcessEnv } = {}) {
  const recorded = recordingRunner();
  const token = options.token === null ? undefined : (options.token ?? verdaccio.token);
  // npm's own fetch retries are off, so the faults below reach tagship's retry rather than npm's 10 s backoff.
  const env = { PATH: spy.path(), HOME: home, npm_config_fetch_retries: '0', ...options.env };
  const report = executePlan(executors, { plan, cwd, runner: recorded.runner, env, secrets: { 'npm-token': token } });
  return report.then((r) => ({ report: r, ...recorded, everything: () => [...recorded.lines, ...recorded.warnings, describeFailure(r), renderOutcomes(r)].join('\n') }));
}

const packument = (name: string) => readPackument(verdaccio.url, name);
const npmView = async (spec: string, field: string) => JSON.parse((await run('npm', ['view', spec, field, '--json', '--registry', verdaccio.url], { env: { ...process.env, HOME: home } })).stdout);

describe('npm-publish against Verdaccio', () => {
  it('publishes a package once under the planned dist-tag; the real client sees it', async () => {
    spy.reset();
    const dir = singleProject({ name: 'tagship-first', version: '1.0.0' });
    const plan = npmPlan(dir, 'v1.0.0', proxy.url);
    const { report, everything } = await publish(plan, dir);
    expect(report.failed).toBeUndefined();
    expect(report.outcomes).toEqual([
      expect.objectContaining({ id: 'npm-publish:tagship-first', status: 'done', detail: `published tagship-first@1.0.0 under latest to ${proxy.url}` }),
    ]);
    expect(report.outcomes[0]!.links).toEqual([{ label: 'npm tagship-first@1.0.0', url: `${proxy.url}tagship-first` }]);
    expect(renderOutcomes(report)).toContain(`[npm tagship-first\\@1.0.0](${proxy.url}tagship-first)`);

    expect(await npmView('tagship-first', 'dist-tags')).toEqual({ latest: '1.0.0' });
    const install = mkdtempSync(join(tmpdir(), 'tagship-npm-install-'));
    writeFileSync(join(install, 'package.json'), '{"name":"consumer","private":true}');
    await run('npm', ['install', '--no-package-lock', 'tagship-first@1.0.0', '--registry', verdaccio.url], { cwd: install, env: { ...process.env, HOME: home } });
    expect(readFileSync(join(install, 'node_modules/tagship-first/index.js'), 'utf8')).toContain('tagship-first@1.0.0');
    rmSync(install, { recursive: true, force: true });

    // What npm was run with: the tarball tagship packed, the planned tag, and a token only by reference.
    const [publishCall, ...more] = spy.commands('publish');
    expect(more).toEqual([]);
    expect(publishCall!.argv).toEqual(['publish', expect.stringMatching(/tagship-first-1\.0\.0\.tgz$/), '--ignore-scripts', '--json', '--tag', 'latest', '--registry', proxy.url, '--no-provenance']);
    expect(publishCall!.tokenInEnv).toBe(true);
    expect(publishCall!.npmrcMode).toBe('600');
    expect(publishCall!.npmrc).toBe(`registry=${proxy.url}\n//127.0.0.1:${new URL(proxy.url).port}/:_authToken=\${TAGSHIP_NPM_TOKEN}\n`);
    expect(spy.commands('pack').map((call) => call.tokenInEnv)).toEqual([false]);
    expect(existsSync(publishCall!.userconfig!)).toBe(false);
    expect(existsSync(join(publishCall!.argv[1]!, '..'))).toBe(false);
    expect([everything(), ...spy.calls().flatMap((c) => [...c.argv, c.npmrc ?? ''])].join('\n')).not.toContain(verdaccio.token);
  }, 90_000);

  it('a re-run finds the same tarball published and reports unchanged without publishing', async () => {
    const dir = singleProject({ name: 'tagship-rerun', version: '1.0.0' });
    const plan = npmPlan(dir, 'v1.0.0', proxy.url);
    expect((await publish(plan, dir)).report.outcomes[0]!.status).toBe('done');
    spy.reset();
    const again = await publish(plan, dir);
    expect(again.report.outcomes).toEqual([expect.objectContaining({ status: 'unchanged', detail: 'tagship-rerun@1.0.0 is already published, same contents, latest → 1.0.0' })]);
    expect(spy.commands('publish')).toEqual([]);
  }, 90_000);

  it('a re-run moves the planned dist-tag to the version when it points elsewhere', async () => {
    const dir = singleProject({ name: 'tagship-retag', version: '1.0.0' });
    await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir);
    await run('npm', ['dist-tag', 'add', 'tagship-retag@1.0.0', 'stable', '--registry', verdaccio.url], { env: { ...process.env, HOME: home, NPM_CONFIG_USERCONFIG: writeNpmrc() } });
    const plan = npmPlan(dir, 'v1.0.0', proxy.url);
    (plan.stages[0]!.steps[0] as { distTag: string }).distTag = 'stable-1';
    const again = await publish(plan, dir);
    expect(again.report.outcomes[0]).toMatchObject({ status: 'done', detail: 'tagship-retag@1.0.0 was already published; moved stable-1 to it' });
    expect(await npmView('tagship-retag', 'dist-tags')).toEqual({ latest: '1.0.0', stable: '1.0.0', 'stable-1': '1.0.0' });
  }, 90_000);

  it('refuses the same version with different contents, and publishes nothing after it', async () => {
    const dir = workspaceProject('@clash', '2.0.0');
    // Someone published @clash/core@2.0.0 with other contents.
    const other = writePackage(mkdtempSync(join(tmpdir(), 'tagship-npm-other-')), { name: '@clash/core', version: '2.0.0', body: 'module.exports = "not ours";\n' });
    await run('npm', ['publish', '--registry', verdaccio.url, '--access', 'public'], { cwd: other, env: { ...process.env, HOME: home, NPM_CONFIG_USERCONFIG: writeNpmrc() } });
    const theirs = (await packument('@clash/core'))!.versions['2.0.0']!.integrity;

    spy.reset();
    const { report, everything } = await publish(npmPlan(dir, 'v2.0.0', proxy.url), dir);
    expect(describeFailure(report)).toBe(
      'npm-publish:@clash/core failed: @clash/core@2.0.0 is already published with different contents; npm never allows re-publishing a version: release a new version (a new tag). Nothing was published.' +
        ' Done before it: nothing. Not run: npm-publish:@clash/core, npm-publish:@clash/cli. Re-running the same workflow resumes: finished steps are checked and skipped.',
    );
    expect(spy.commands('publish')).toEqual([]);
    expect((await packument('@clash/core'))!.versions['2.0.0']!.integrity).toBe(theirs);
    expect(await packument('@clash/cli')).toBeUndefined();
    expect(everything()).not.toContain(verdaccio.token);
  }, 90_000);

  it('a prerelease goes under its own dist-tag and leaves latest alone', async () => {
    const dir = singleProject({ name: 'tagship-pre', version: '1.0.0' });
    await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir);
    writePackage(dir, { name: 'tagship-pre', version: '1.1.0-rc.1' });
    spy.reset();
    const { report } = await publish(npmPlan(dir, 'v1.1.0-rc.1', proxy.url, { known: ['1.0.0'] }), dir);
    expect(report.outcomes[0]!.detail).toBe(`published tagship-pre@1.1.0-rc.1 under rc to ${proxy.url}`);
    expect(spy.commands('publish')[0]!.argv).toContain('rc');
    expect(await npmView('tagship-pre', 'dist-tags')).toEqual({ latest: '1.0.0', rc: '1.1.0-rc.1' });

    // A rehearsal of a stable version is never latest either.
    writePackage(dir, { name: 'tagship-pre', version: '1.2.0' });
    const rehearsal = await publish(npmPlan(dir, 'test-v1.2.0', proxy.url, { known: ['1.0.0'] }), dir);
    expect(rehearsal.report.outcomes[0]!.detail).toBe(`published tagship-pre@1.2.0 under rehearsal to ${proxy.url}`);
    expect(await npmView('tagship-pre', 'dist-tags')).toEqual({ latest: '1.0.0', rc: '1.1.0-rc.1', rehearsal: '1.2.0' });
  }, 90_000);

  it('warns that a brand-new package published as a prerelease also becomes latest', async () => {
    const dir = singleProject({ name: 'tagship-newpre', version: '0.1.0-beta.1' });
    const { report, warnings } = await publish(npmPlan(dir, 'v0.1.0-beta.1', proxy.url), dir);
    expect(report.outcomes[0]!.status).toBe('done');
    expect(warnings).toEqual([`tagship-newpre is new on ${proxy.url}: registries point latest at a package's first version whatever its tag, so latest will be 0.1.0-beta.1 until a stable version is published.`]);
  }, 90_000);

  it('publishes scoped packages with public access', async () => {
    // prepublishOnly runs (as `npm publish <dir>` would run it), without the token in its environment.
    const script = `node -e "require('fs').writeFileSync('built.txt', process.env.TAGSHIP_NPM_TOKEN ? 'leaked' : 'built')"`;
    const dir = singleProject({ name: '@acme-t/scoped', version: '3.0.0', extra: { scripts: { prepublishOnly: script } } });
    spy.reset();
    const { report } = await publish(npmPlan(dir, 'v3.0.0', proxy.url), dir);
    expect(readFileSync(join(dir, 'built.txt'), 'utf8')).toBe('built');
    expect(spy.commands('run').map((c) => [c.argv[1], c.tokenInEnv])).toEqual([['prepublishOnly', false]]);
    expect(report.outcomes[0]!.detail).toBe(`published @acme-t/scoped@3.0.0 under latest (public) to ${proxy.url}`);
    expect(spy.commands('publish')[0]!.argv).toEqual(expect.arrayContaining(['--access', 'public']));
    expect(report.outcomes[0]!.links![0]!.url).toBe(`${proxy.url}@acme-t%2Fscoped`);
    expect((await packument('@acme-t/scoped'))!.distTags).toEqual({ latest: '3.0.0' });
  }, 90_000);

  it('publishes workspace packages in dependency order; a failure part-way says what to do, a re-run resumes', async () => {
    const dir = workspaceProject('@ws', '1.4.0');
    const plan = npmPlan(dir, 'v1.4.0', proxy.url);
    expect(plan.stages[0]!.steps.map((s) => s.id)).toEqual(['npm-publish:@ws/core', 'npm-publish:@ws/cli']);

    // The second package's publish is answered 500 every time: core is out, cli is not.
    proxy.inject('PUT', [500, 500, 500, 500], '/@ws%2fcli');
    const first = await publish(plan, dir);
    expect(first.report.outcomes.map((o) => [o.id, o.status])).toEqual([['npm-publish:@ws/core', 'done']]);
    const line = describeFailure(first.report);
    expect(line).toMatch(/^npm-publish:@ws\/cli failed: npm publish of @ws\/cli@1\.4\.0 failed after 4 attempts: E500 .* does not list @ws\/cli@1\.4\.0 \(read back after the failure\); re-run to try again\. Done before it: npm-publish:@ws\/core\. Not run: npm-publish:@ws\/cli\. Re-running the same workflow resumes/);
    expect(line).not.toContain('\n');
    expect(await packument('@ws/cli')).toBeUndefined();

    spy.reset();
    const third = await publish(plan, dir);
    expect(third.report.outcomes.map((o) => [o.id, o.status])).toEqual([
      ['npm-publish:@ws/core', 'unchanged'],
      ['npm-publish:@ws/cli', 'done'],
    ]);
    expect(spy.commands('publish').map((c) => c.argv[1]!.split('/').pop())).toEqual(['ws-cli-1.4.0.tgz']);
    expect(await npmView('@ws/cli@1.4.0', 'dependencies')).toEqual({ '@ws/core': '1.4.0' });
  }, 120_000);

  it('a wrong token fails fast with a clear message, and nothing is published', async () => {
    const dir = singleProject({ name: 'tagship-badtoken', version: '1.0.0' });
    spy.reset();
    const started = Date.now();
    const { report, everything } = await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir, { token: 'not-the-token-0123456789' });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(spy.commands('publish')).toHaveLength(1);
    expect(describeFailure(report)).toMatch(/^npm-publish:tagship-badtoken failed: The npm token is wrong or lacks publish rights for tagship-badtoken \(E401: .*\): check the secret behind npm-token\. tagship-badtoken@1\.0\.0 was not published\./);
    expect(await packument('tagship-badtoken')).toBeUndefined();
    expect(everything()).not.toContain('not-the-token-0123456789');
  }, 90_000);

  it('without a token or OIDC, preflight names both ways to authenticate before npm runs', async () => {
    const dir = singleProject({ name: 'tagship-noauth', version: '1.0.0' });
    spy.reset();
    const recorded = recordingRunner();
    const plan = npmPlan(dir, 'v1.0.0', proxy.url);
    const error = await executePlan(executors, { plan, cwd: dir, runner: recorded.runner, env: { PATH: spy.path(), HOME: home }, secrets: {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(recorded.lines.filter((line) => line.startsWith('::error::'))).toEqual([
      `::error::npm-publish:tagship-noauth: publishing tagship-noauth@1.0.0 needs credentials: pass the npm-token input, or use npm trusted publishing (grant \`permissions: id-token: write\` and register this workflow as the package's trusted publisher).`,
    ]);
    expect(spy.commands('publish')).toHaveLength(0);
    expect(await packument('tagship-noauth')).toBeUndefined();
  });

  it('with no token but an OIDC-enabled job, npm trusted publishing does the login', async () => {
    const dir = singleProject({ name: 'tagship-oidc', version: '1.0.0' });
    spy.reset();
    const env = { GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: proxy.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: proxy.oidc.requestToken };
    const { report, lines } = await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir, { token: null, env });
    expect(report.failed).toBeUndefined();
    expect(report.outcomes[0]!.detail).toBe(`published tagship-oidc@1.0.0 under latest (via trusted publishing) to ${proxy.url}`);
    expect(proxy.oidc.exchanges).toContain('tagship-oidc');
    // tagship asked the runner for npm's ID token itself; npm got that token, not the request credentials.
    // One read by preflight for its claims, one minted right before the publish for npm.
    expect(proxy.oidc.audiences).toEqual(['npm:127.0.0.1', 'npm:127.0.0.1']);
    // npm matches the calling workflow's file, not the reusable one that runs the job: preflight names it.
    expect(lines).toContain(
      `Trusted publishing to ${proxy.url}: npm matches the calling workflow; the token names repository \`acme/app\`, workflow file \`release.yml\`, environment \`npm\`; the package's trusted publisher must name the same.`,
    );
    const call = spy.commands('publish')[0]!;
    expect(call.npmrc).toBe(`registry=${proxy.url}\n`);
    expect(call.tokenInEnv).toBe(false);
    expect((await packument('tagship-oidc'))!.distTags).toEqual({ latest: '1.0.0' });
  }, 90_000);

  it('publishes exactly once through 5xx, 429 and connection resets, and after a lost answer', async () => {
    const dir = singleProject({ name: 'tagship-faults', version: '1.0.0' });
    spy.reset();
    proxy.inject('GET', [500, 503, 429, 'reset']);
    proxy.inject('PUT', [503, 'reset', 429, 'lose-answer']);
    const { report, warnings, lines } = await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir);
    expect(report.failed).toBeUndefined();
    expect(report.outcomes[0]).toMatchObject({ status: 'done', detail: `published tagship-faults@1.0.0 under latest to ${proxy.url} (confirmed by integrity after a lost answer)` });
    expect(proxy.served.filter((s) => s.path.includes('tagship-faults')).map((s) => s.fault)).toEqual([500, 503, 429, 'reset', 503, 'reset', 429, 'lose-answer']);
    const accepted = proxy.forwarded.filter((f) => f.method === 'PUT' && f.path === '/tagship-faults' && f.status < 300);
    expect(accepted).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('failed transiently'))).toHaveLength(3);
    expect(lines).toContain('tagship-faults@1.0.0: the registry already has this exact tarball (an earlier attempt went through)');
    expect(Object.keys((await packument('tagship-faults'))!.versions)).toEqual(['1.0.0']);
  }, 120_000);

  it('a failed publish whose registry cannot be read back says the outcome is unknown instead of "not published"', async () => {
    const dir = singleProject({ name: 'tagship-unknown', version: '1.0.0' });
    // The first read (before publishing: anonymous, then with the token, as the package is new) goes
    // through; every publish and every later read fails.
    proxy.inject('GET', ['pass', 'pass', ...Array<'reset'>(40).fill('reset')], '/tagship-unknown');
    proxy.inject('PUT', [500, 500, 500, 500], '/tagship-unknown');
    const { report } = await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir);
    const line = describeFailure(report);
    expect(line).toMatch(/^npm-publish:tagship-unknown failed: npm publish of tagship-unknown@1\.0\.0 failed after 4 attempts: E500 .*\. Whether tagship-unknown@1\.0\.0 was published is unknown: reading .* back failed too \(.*\); re-run: it compares by integrity before publishing\./);
    expect(line).not.toContain('was not published');
  }, 120_000);

  it('a conflict on publish is success only when the registry holds our exact tarball', async () => {
    const dir = singleProject({ name: 'tagship-conflict', version: '1.0.0' });
    // The same files published by the plain client: npm packs deterministically, so the integrity is ours.
    await run('npm', ['publish', '--registry', verdaccio.url], { cwd: dir, env: { ...process.env, HOME: home, NPM_CONFIG_USERCONFIG: writeNpmrc() } });
    // A lagging document hides it from the first look (both the anonymous and the authenticated read).
    proxy.inject('GET', [404, 404], '/tagship-conflict');
    spy.reset();
    const { report } = await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir);
    expect(spy.commands('publish')).toHaveLength(1);
    expect(report.outcomes[0]).toMatchObject({ status: 'done', detail: expect.stringContaining('(confirmed by integrity after a lost answer)') });

    // Other contents behind the same conflict: the hard error.
    writePackage(dir, { name: 'tagship-conflict', version: '1.0.0', body: 'module.exports = "changed";\n' });
    proxy.inject('GET', [404, 404], '/tagship-conflict');
    const changed = await publish(npmPlan(dir, 'v1.0.0', proxy.url), dir);
    expect(describeFailure(changed.report)).toContain('tagship-conflict@1.0.0 is already published with different contents; npm never allows re-publishing a version: release a new version');
  }, 90_000);

  it('a registry that never answers is a clear failure, not a crash', async () => {
    const dir = singleProject({ name: 'tagship-down', version: '1.0.0' });
    const closed = await startFaultyRegistry(verdaccio.url, verdaccio.token);
    await closed.close();
    const { report } = await publish(npmPlan(dir, 'v1.0.0', closed.url), dir);
    expect(describeFailure(report)).toMatch(new RegExp(`^npm-publish:tagship-down failed: ${closed.url.replace(/[.]/g, '\\.')} cannot be reached to read tagship-down: GET .* failed after 5 attempts: ECONNREFUSED\\. Re-run when the registry answers\\.`));
    expect(report.failed!.error).toBeInstanceOf(UserError);
  }, 90_000);

  it('never publishes as latest below a higher latest already in the registry', async () => {
    const dir = singleProject({ name: 'tagship-backwards', version: '2.0.0' });
    await publish(npmPlan(dir, 'v2.0.0', proxy.url), dir);
    writePackage(dir, { name: 'tagship-backwards', version: '1.5.0' });
    // The git tags do not know 2.0.0, so the plan says latest; the registry knows better.
    const { report } = await publish(npmPlan(dir, 'v1.5.0', proxy.url, { known: ['1.4.0'] }), dir);
    expect(describeFailure(report)).toContain('already has tagship-backwards@2.0.0 as latest, higher than 1.5.0; publishing it as latest would move latest backwards');
    expect(Object.keys((await packument('tagship-backwards'))!.versions)).toEqual(['2.0.0']);
  }, 90_000);
});

describe('the action publishes to npm with the npm-token input', () => {
  it('masks the token, publishes, and links the package in the job summary', async () => {
    const dir = singleProject({ name: 'tagship-action', version: '4.0.0' });
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/tagship.yml'), `npm:\n  registry: ${verdaccio.url}\ngithub-release:\n  enabled: false\nverify:\n  enabled: false\n`);
    const files = { event: join(dir, '.event.json'), summary: join(dir, '.summary.md') };
    writeFileSync(files.event, JSON.stringify(tagPush('v4.0.0')));
    writeFileSync(files.summary, '');
    const recorded = recordingRunner();
    spy.reset();
    const env = {
      PATH: spy.path(),
      HOME: home,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/tags/v4.0.0',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'acme/app',
      'INPUT_NPM-TOKEN': verdaccio.token,
      'INPUT_KNOWN-VERSIONS': '3.0.0',
    };
    expect(await run_(env, recorded.runner)).toBe(0);
    expect(recorded.masked).toContain(verdaccio.token);
    expect(recorded.lines.join('\n')).toContain(`[npm tagship-action\\@4.0.0](${verdaccio.url}tagship-action)`);
    expect(recorded.lines.join('\n')).not.toContain(verdaccio.token);
    expect(spy.commands('publish').flatMap((c) => c.argv).join(' ')).not.toContain(verdaccio.token);
    expect((await packument('tagship-action'))!.distTags).toEqual({ latest: '4.0.0' });
  }, 90_000);
});

/** An npmrc with the Verdaccio token, for setting up registry state with the plain npm client. */
function writeNpmrc(): string {
  const file = join(home, 'setup.npmrc');
  writeFileSync(file, `//${new URL(verdaccio.url).host}/:_authToken=${verdaccio.token}\n`);
  return file;
}
