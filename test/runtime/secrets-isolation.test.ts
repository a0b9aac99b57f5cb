import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/execute/run.js';
import type { ExecutorRegistry } from '../../src/execute/types.js';
import { createNpmPublishExecutor } from '../../src/npm/publish.js';
import { readPackument } from '../../src/npm/packument.js';
import type { VerifyPythonStep } from '../../src/plan/steps/verify.js';
import { executePythonBuild, type BuiltFiles } from '../../src/python/build.js';
import { verifyPython } from '../../src/verify/python.js';
import { startFaultyRegistry, type FaultyRegistry } from '../npm/support/faulty-registry.js';
import { npmPlan } from '../npm/support/plan.js';
import { singleProject } from '../npm/support/packages.js';
import { context, pythonPlan, pythonSteps } from '../python/support/harness.js';
import { makeProject } from '../python/support/project.js';
import { startSimpleIndex, SYSTEM_PYTHON } from '../verify/support/python-index.js';
import { recordingRunner } from '../verify/support/runner.js';
import { startVerdaccio, type LocalNpmRegistry } from '../verify/support/verdaccio.js';

/**
 * Code a release runs but nobody at tagship wrote: a PEP 517 build backend, a dependency's `.pth`
 * file (run by every interpreter start), npm lifecycle scripts. Each fixture below writes the
 * environment it was given to a file; tagship runs with every secret a workflow can hand it, and
 * none may arrive there.
 */
const SECRETS = {
  'INPUT_PYPI-TOKEN': 'sentinel-pypi-token',
  'INPUT_NPM-TOKEN': 'sentinel-npm-token',
  'INPUT_GITHUB-TOKEN': 'sentinel-github-token',
  'INPUT_REGISTRY-CREDENTIALS': 'ghcr.io bot sentinel-registry-password',
  'INPUT_NOTIFY-WEBHOOK': 'https://hooks.example/sentinel-webhook',
  GITHUB_TOKEN: 'sentinel-env-github-token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'sentinel-oidc-request-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/sentinel-oidc-url',
  ACTIONS_RUNTIME_TOKEN: 'sentinel-runtime-token',
  ACTIONS_CACHE_URL: 'https://cache.example/sentinel-cache-url',
  ACTIONS_RESULTS_URL: 'https://results.example/sentinel-results-url',
};
const FORBIDDEN_NAME = /^INPUT_|^ACTIONS_ID_TOKEN_REQUEST_|^ACTIONS_RUNTIME_TOKEN$|^ACTIONS_CACHE_URL$|^ACTIONS_RESULTS_URL$|^GITHUB_TOKEN$/i;

type Seen = { hook: string; env: Record<string, string> };

function readSeen(file: string): Seen[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Seen)
    : [];
}

/** No secret value anywhere in what the child saw, and no forbidden name. */
function expectClean(seen: Seen[], secrets: Record<string, string>) {
  for (const { hook, env } of seen) {
    expect({ hook, names: Object.keys(env).filter((name) => FORBIDDEN_NAME.test(name)) }).toEqual({ hook, names: [] });
    const text = JSON.stringify(env);
    for (const value of Object.values(secrets)) expect({ hook, leaked: text.includes(value) ? value : null }).toEqual({ hook, leaked: null });
  }
}

// execa is told not to extend process.env; the secrets are put there too, so a child that inherited
// tagship's own environment would show them.
beforeEach(() => Object.assign(process.env, SECRETS));
afterEach(() => {
  for (const name of Object.keys(SECRETS)) delete process.env[name];
});

const base = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true', ...SECRETS });

describe('the Python build backend', () => {
  it('runs with the python-build allow-list: no secret, no OIDC request, no cache credential; the build still works', async () => {
    const dir = makeProject('tagship-spy', '1.2.3');
    const seen = join(dir, '..', `${dir.split('/').pop()}-backend-env.jsonl`);
    // An in-tree backend (PEP 517 backend-path) that records its environment, then lets setuptools build.
    mkdirSync(join(dir, '_backend'));
    writeFileSync(
      join(dir, '_backend', 'spy_backend.py'),
      [
        'import json, os',
        'from setuptools import build_meta as _setuptools',
        'def _record(hook):',
        `    with open(${JSON.stringify(seen)}, "a") as f:`,
        '        f.write(json.dumps({"hook": hook, "env": dict(os.environ)}) + "\\n")',
        'def get_requires_for_build_wheel(config_settings=None):',
        '    _record("get_requires_for_build_wheel")',
        '    return _setuptools.get_requires_for_build_wheel(config_settings)',
        'def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):',
        '    _record("build_wheel")',
        '    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)',
        'def build_sdist(sdist_directory, config_settings=None):',
        '    _record("build_sdist")',
        '    return _setuptools.build_sdist(sdist_directory, config_settings)',
        '',
      ].join('\n'),
    );
    const pyproject = readFileSync(join(dir, 'pyproject.toml'), 'utf8').replace('build-backend = "setuptools.build_meta"', 'build-backend = "spy_backend"\nbackend-path = ["_backend"]');
    writeFileSync(join(dir, 'pyproject.toml'), pyproject);
    writeFileSync(join(dir, 'MANIFEST.in'), 'recursive-include _backend *.py\n');

    const plan = pythonPlan('tagship-spy', '1.2.3', 'http://127.0.0.1:9/legacy/', '  build-env: [SPY_BUILD_FLAG]\n');
    const { ctx } = context(plan, dir, { env: { ...base(), SPY_BUILD_FLAG: 'on', SPY_NOT_LISTED: 'off' }, token: SECRETS['INPUT_PYPI-TOKEN'] });
    const outcome = await executePythonBuild(pythonSteps(plan).build, ctx);
    expect((outcome.produced as unknown as BuiltFiles).files.map((f) => f.filename)).toEqual(['tagship_spy-1.2.3-py3-none-any.whl', 'tagship-spy-1.2.3.tar.gz']);

    const records = readSeen(seen);
    expect(records.map((r) => r.hook)).toEqual(expect.arrayContaining(['build_sdist', 'build_wheel']));
    expectClean(records, SECRETS);
    // What the build is given on purpose: the commit's time (from git, itself run with the git allow-list), and the public CI context.
    for (const { env } of records) expect(env).toMatchObject({ SOURCE_DATE_EPOCH: expect.stringMatching(/^\d+$/), CI: 'true', GITHUB_ACTIONS: 'true' });
    // python.build-env hands on what the config names, and only that.
    for (const { env } of records) expect([env.SPY_BUILD_FLAG, env.SPY_NOT_LISTED]).toEqual(['on', undefined]);
  }, 120_000);
});

/** A wheel whose `.pth` file writes the environment of every interpreter that starts in its venv. */
function pthWheel(name: string, version: string, record: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-pth-wheel-'));
  const script = `
import base64, hashlib, sys, zipfile
name, version, record, out = sys.argv[1:5]
module = name.replace("-", "_")
files = {
    f"{module}/__init__.py": f"__version__ = {version!r}\\n",
    f"{module}_spy.pth": "import json, os; open(" + repr(record) + ", 'a').write(json.dumps({'hook': '.pth', 'env': dict(os.environ)}) + '\\\\n')\\n",
    f"{module}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n",
    f"{module}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: tagship-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
lines = []
for path, text in files.items():
    digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
    lines.append(f"{path},sha256={digest},{len(text.encode())}")
lines.append(f"{module}-{version}.dist-info/RECORD,,")
files[f"{module}-{version}.dist-info/RECORD"] = "\\n".join(lines) + "\\n"
with zipfile.ZipFile(out, "w") as whl:
    for path, text in files.items():
        whl.writestr(path, text)
`;
  const wheel = join(dir, `${name.replace(/-/g, '_')}-${version}-py3-none-any.whl`);
  execFileSync(SYSTEM_PYTHON, ['-c', script, name, version, record, wheel]);
  return wheel;
}

describe('the verify stage’s install', () => {
  it('a .pth file of the installed distribution sees no secret, and the check still passes', async () => {
    const record = join(mkdtempSync(join(tmpdir(), 'tagship-pth-seen-')), 'env.jsonl');
    const server = await startSimpleIndex([pthWheel('tagship-pth', '1.2.3', record)]);
    try {
      const step: VerifyPythonStep = { kind: 'verify-python', id: 'verify-python', target: 'tagship-pth==1.2.3', project: 'tagship-pth', version: '1.2.3', indexUrl: server.index, importName: 'tagship_pth', python: SYSTEM_PYTHON, waitMs: 5_000 };
      await expect(verifyPython(step, { env: base(), intervalMs: 50 })).resolves.toBe(`tagship-pth 1.2.3 installs from ${server.index}; tagship_pth.__version__ is 1.2.3`);
      const records = readSeen(record);
      // The .pth ran (at least for the version check's interpreter) and saw only the allow-list.
      expect(records.length).toBeGreaterThan(0);
      expectClean(records, SECRETS);
      expect(records.at(-1)!.env).toMatchObject({ TAGSHIP_VERSION: '1.2.3', CI: 'true' });
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('npm lifecycle scripts and npm publish', () => {
  let verdaccio: LocalNpmRegistry;
  let proxy: FaultyRegistry;
  let home: string;
  let shim: string;
  let calls: string;

  beforeAll(async () => {
    verdaccio = await startVerdaccio();
    proxy = await startFaultyRegistry(verdaccio.url, verdaccio.token);
    home = mkdtempSync(join(tmpdir(), 'tagship-npm-home-'));
    // A real npm behind a wrapper that records each call's command and environment names.
    shim = mkdtempSync(join(tmpdir(), 'tagship-npm-env-spy-'));
    calls = join(shim, 'calls.jsonl');
    const real = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(shim, 'npm'),
      `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(calls)}, JSON.stringify({ hook: 'npm ' + process.argv[2], env: process.env }) + '\\n');\nconst r = require('node:child_process').spawnSync(${JSON.stringify(real)}, process.argv.slice(2), { stdio: 'inherit' });\nprocess.exit(r.status ?? 1);\n`,
    );
    chmodSync(join(shim, 'npm'), 0o755);
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    await verdaccio?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  /** A package whose every lifecycle script appends its `process.env` to a file. */
  function spyPackage(name: string) {
    const seen = join(mkdtempSync(join(tmpdir(), 'tagship-scripts-seen-')), 'env.jsonl');
    const record = `node -e "require('fs').appendFileSync(process.argv[1], JSON.stringify({hook: process.env.npm_lifecycle_event, env: process.env}) + '\\\\n')" ${seen}`;
    const events = ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'];
    const dir = singleProject({ name, version: '1.0.0', extra: { scripts: Object.fromEntries(events.map((event) => [event, record])) } });
    return { dir, seen };
  }

  async function publish(dir: string, env: NodeJS.ProcessEnv, token: string | undefined, config = '') {
    const executors: ExecutorRegistry = { 'npm-publish': async () => createNpmPublishExecutor() };
    const { runner } = recordingRunner();
    rmSync(calls, { force: true });
    const parent = { ...base(), PATH: `${shim}${delimiter}${process.env.PATH}`, HOME: home, npm_config_fetch_retries: '0', ...env };
    return executePlan(executors, { plan: npmPlan(dir, 'v1.0.0', proxy.url, { config }), cwd: dir, runner, env: parent, secrets: { 'npm-token': token } });
  }

  it('with the npm-token: scripts run without it (or any other secret), only npm publish holds it', async () => {
    const { dir, seen } = spyPackage('tagship-scripts-token');
    const token = verdaccio.token;
    const report = await publish(dir, { 'INPUT_NPM-TOKEN': token, SPY_SCRIPT_FLAG: 'on', SPY_NOT_LISTED: 'off' }, token, '  script-env: [SPY_SCRIPT_FLAG]\n');
    expect(report.failed).toBeUndefined();
    expect((await readPackument(verdaccio.url, 'tagship-scripts-token'))?.distTags).toEqual({ latest: '1.0.0' });

    const scripts = readSeen(seen);
    // npm pack runs prepack, prepare and postpack; prepublishOnly runs on its own; a tarball's publish runs none.
    expect(scripts.map((s) => s.hook).sort()).toEqual(['postpack', 'prepack', 'prepare', 'prepublishOnly']);
    expectClean(scripts, { ...SECRETS, token });
    // npm.script-env hands on what the config names, and only that.
    for (const { env } of scripts) expect([env.SPY_SCRIPT_FLAG, env.SPY_NOT_LISTED]).toEqual(['on', undefined]);
    const npm = readSeen(calls);
    expectClean(
      npm.filter((c) => c.hook !== 'npm publish' && c.hook !== 'npm dist-tag'),
      { ...SECRETS, token },
    );
    const publishCall = npm.find((c) => c.hook === 'npm publish')!;
    expect(publishCall.env.TAGSHIP_NPM_TOKEN).toBe(token);
    expectClean([publishCall], SECRETS);
  }, 120_000);

  it('with trusted publishing: npm publish gets minted ID tokens, never the runner’s request token; scripts get neither', async () => {
    const { dir, seen } = spyPackage('tagship-scripts-oidc');
    const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: proxy.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: proxy.oidc.requestToken };
    const report = await publish(dir, oidc, undefined);
    expect(report.failed).toBeUndefined();
    expect(report.outcomes[0]!.detail).toBe(`published tagship-scripts-oidc@1.0.0 under latest (via trusted publishing) to ${proxy.url}`);
    expect(proxy.oidc.exchanges).toContain('tagship-scripts-oidc');

    const secrets = { ...SECRETS, request: proxy.oidc.requestToken };
    const scripts = readSeen(seen);
    expect(scripts.map((s) => s.hook).sort()).toEqual(['postpack', 'prepack', 'prepare', 'prepublishOnly']);
    expectClean(scripts, secrets);
    for (const script of scripts) expect(script.env.NPM_ID_TOKEN).toBeUndefined();
    const publishCall = readSeen(calls).find((c) => c.hook === 'npm publish')!;
    expect(publishCall.env.NPM_ID_TOKEN).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Object.keys(publishCall.env).filter((name) => /^ACTIONS_ID_TOKEN_REQUEST_TOKEN$|^INPUT_/.test(name))).toEqual([]);
    expect(JSON.stringify(publishCall.env)).not.toContain(proxy.oidc.requestToken);
  }, 120_000);
});
