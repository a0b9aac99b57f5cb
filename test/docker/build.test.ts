import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeDockerBuild } from '../../src/docker/build.js';
import type { ExecutionContext } from '../../src/execute/types.js';
import { createRunner } from '../../src/runtime/action-io.js';
import { parseRunnerCommands } from '../support/runner-commands.js';
import { recordingRunner } from '../verify/support/runner.js';
import { builds, dockerPlan } from './support.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** A `docker` on PATH that records argv and stdin, and writes the metadata file buildx would. */
function fakeDocker() {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-fake-docker-'));
  const log = join(dir, 'calls.jsonl');
  writeFileSync(
    join(dir, 'docker'),
    `#!${process.execPath}
const fs = require('node:fs');
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv, stdin: fs.readFileSync(0, 'utf8'), secret: process.env.PIP_INDEX_TOKEN ?? null, cache: process.env.ACTIONS_RUNTIME_TOKEN ?? null, names: Object.keys(process.env) }) + '\\n');
// Switches are files next to this script: the child's environment is tagship's allow-list, not the test's.
const flag = (name) => fs.existsSync(${JSON.stringify(dir)} + '/' + name);
if (argv[0] === 'login' && (flag('FAKE_LOGIN_FAILS') || (flag('FAKE_HUB_LOGIN_FAILS') && argv[1] === '--username'))) { console.error('Error response from daemon: unauthorized'); process.exit(1); }
if (argv[0] === 'buildx' && flag('FAKE_BUILD_FAILS')) { console.log('#9 ERROR: failed to solve'); console.log('::error::from a Dockerfile'); process.exit(1); }
const at = argv.indexOf('--metadata-file');
if (at > 0) fs.writeFileSync(argv[at + 1], JSON.stringify({ 'containerimage.digest': ${JSON.stringify(DIGEST)}, 'image.name': 'x' }));
`,
  );
  chmodSync(join(dir, 'docker'), 0o755);
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { argv: string[]; stdin: string; secret: string | null; cache: string | null; names: string[] })
      : [];
  return { dir, calls };
}

const CONFIG = 'docker:\n  images: [ghcr.io/acme/crawlkit, docker.io/acme/crawlkit, quay.io/acme/crawlkit]\n  secrets: [{ id: pip, env: PIP_INDEX_TOKEN }]\n';

function setup(options: { env?: Record<string, string>; credentials?: string; fail?: 'FAKE_LOGIN_FAILS' | 'FAKE_HUB_LOGIN_FAILS' | 'FAKE_BUILD_FAILS' } = {}) {
  const docker = fakeDocker();
  if (options.fail) writeFileSync(join(docker.dir, options.fail), '');
  const temp = mkdtempSync(join(tmpdir(), 'tagship-build-'));
  const plan = { ...dockerPlan({ config: CONFIG, job: { job: 'build', platform: 'linux/arm64' }, workDir: join(temp, 'work'), digestsDir: join(temp, 'digests') }), dryRun: false };
  const recorded = recordingRunner();
  const ctx: ExecutionContext = {
    plan,
    cwd: temp,
    runner: recorded.runner,
    env: {
      PATH: `${docker.dir}:${process.env.PATH}`,
      GITHUB_ACTOR: 'octocat',
      PIP_INDEX_TOKEN: 'pip-secret',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_CACHE_URL: 'https://cache.example/',
      'INPUT_GITHUB-TOKEN': 'ghs_token',
      'INPUT_REGISTRY-CREDENTIALS': 'docker.io acme dckr_pat_secret',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
      ...options.env,
    },
    secrets: { 'github-token': 'ghs_token', 'registry-credentials': options.credentials ?? 'docker.io acme dckr_pat_secret\n' },
    outcomes: new Map(),
  };
  return { step: builds(plan)[0]!, ctx, docker, temp, recorded };
}

describe('docker-build executor (buildx, with a fake docker on PATH)', () => {
  it('logs in with passwords on stdin, runs the planned argv, and writes the digest file', async () => {
    const { step, ctx, docker, temp, recorded } = setup();
    const outcome = await executeDockerBuild(step, ctx);
    const calls = docker.calls();
    expect(calls.map((c) => c.argv.slice(0, 2))).toEqual([['login', 'ghcr.io'], ['login', '--username'], ['buildx', 'build'], ['logout', 'ghcr.io'], ['logout']]);
    // GHCR falls back to GITHUB_TOKEN as the actor; Docker Hub is the CLI's default server; quay.io has no credentials.
    expect(calls[0]).toMatchObject({ argv: ['login', 'ghcr.io', '--username', 'octocat', '--password-stdin'], stdin: 'ghs_token' });
    expect(calls[1]).toMatchObject({ argv: ['login', '--username', 'acme', '--password-stdin'], stdin: 'dckr_pat_secret' });
    expect(recorded.lines).toContain('No credentials for quay.io in registry-credentials: pushing without logging in.');
    expect(recorded.masked).toEqual(['pip-secret', 'ghs_token', 'dckr_pat_secret']);
    for (const call of calls) {
      for (const secret of ['ghs_token', 'dckr_pat_secret', 'pip-secret']) expect(call.argv.join(' ')).not.toContain(secret);
    }
    // The exact planned argv; the build gets the secrets docker.secrets names and the gha cache credentials.
    expect(['docker', ...calls[2]!.argv]).toEqual(step.argv);
    expect(calls[2]).toMatchObject({ stdin: '', secret: 'pip-secret', cache: 'runtime-token' });
    expect(calls[2]!.names).toEqual(expect.arrayContaining(['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL']));
    // A login gets its password on stdin and neither the build secret nor the cache token.
    for (const login of [...calls.slice(0, 2), ...calls.slice(3)]) expect(login).toMatchObject({ secret: null, cache: null });
    // Nobody gets the action's inputs or the runner's OIDC request credentials.
    for (const call of calls) expect(call.names.filter((name) => /^INPUT_|^ACTIONS_ID_TOKEN_REQUEST_/.test(name))).toEqual([]);
    expect(readFileSync(join(temp, 'digests', 'linux-arm64'), 'utf8')).toBe(DIGEST);
    expect(outcome).toEqual({
      id: 'docker-build:linux/arm64',
      status: 'done',
      detail: `pushed linux/arm64 as ${DIGEST} to ghcr.io/acme/crawlkit, docker.io/acme/crawlkit, quay.io/acme/crawlkit (untagged until the merge)`,
      produced: { digest: DIGEST, platforms: ['linux/arm64'], repositories: step.repositories },
    });
  });

  it('a missing build secret stops before anything runs, naming the variable', async () => {
    const { step, ctx, docker } = setup({ env: { PIP_INDEX_TOKEN: '' } });
    await expect(executeDockerBuild(step, ctx)).rejects.toThrow(
      "docker.secrets reads PIP_INDEX_TOKEN from the environment, but it is not set: add it to the tagship step's env (e.g. PIP_INDEX_TOKEN: ${{ secrets.PIP_INDEX_TOKEN }}).",
    );
    expect(docker.calls()).toEqual([]);
  });

  it('a failed login names the host and user, never the password, and builds nothing', async () => {
    const { step, ctx, docker } = setup({ fail: 'FAKE_LOGIN_FAILS' });
    await expect(executeDockerBuild(step, ctx)).rejects.toThrow(
      'docker login to ghcr.io as octocat failed (exit 1): Error response from daemon: unauthorized. Check the registry-credentials line for ghcr.io.',
    );
    expect(docker.calls().map((c) => c.argv[0])).toEqual(['login']);
  });

  it('a login that fails after another logs the earlier one out again', async () => {
    const { step, ctx, docker } = setup({ fail: 'FAKE_HUB_LOGIN_FAILS' });
    await expect(executeDockerBuild(step, ctx)).rejects.toThrow('docker login to docker.io as acme failed (exit 1)');
    expect(docker.calls().map((c) => c.argv)).toEqual([
      ['login', 'ghcr.io', '--username', 'octocat', '--password-stdin'],
      ['login', '--username', 'acme', '--password-stdin'],
      ['logout', 'ghcr.io'],
    ]);
  });

  it('a failed build says so in one line, writes no digest, and its output cannot issue workflow commands', async () => {
    const { step, ctx, temp, docker } = setup({ fail: 'FAKE_BUILD_FAILS' });
    // The real Runner: the build log is untrusted text, made safe where it is printed.
    const printed: string[] = [];
    ctx.runner = createRunner({}, (line) => printed.push(line));
    await expect(executeDockerBuild(step, ctx)).rejects.toThrow(
      'docker buildx build failed (exit 1) for linux/arm64: #9 ERROR: failed to solve | ::error::from a Dockerfile. Nothing was tagged (builds push by digest only).',
    );
    expect(existsSync(join(temp, 'digests', 'linux-arm64'))).toBe(false);
    expect(parseRunnerCommands(printed.join('\n')).map((c) => c.command).filter((name) => !['add-mask', 'group', 'endgroup'].includes(name))).toEqual([]);
    expect(printed).toContain(':\u2060:error::from a Dockerfile');
    // The failed build still removes tagship's logins from the Docker config.
    expect(docker.calls().map((c) => c.argv.slice(0, 2)).slice(-2)).toEqual([['logout', 'ghcr.io'], ['logout']]);
  });

  it('a build that wrote no digest is an error, not an empty digest file', async () => {
    const { step, ctx, temp } = setup();
    const broken = { ...step, commands: [['docker', 'version']], argv: ['docker', 'version'] };
    await expect(executeDockerBuild(broken, ctx)).rejects.toThrow(/The build did not write .*metadata\.json: see the build log above\./);
    expect(existsSync(join(temp, 'digests', 'linux-arm64'))).toBe(false);
  });
});
