import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { listGitTags } from '../../src/gather.js';
import { childEnv, RUNNER_CACHE, type Tool } from '../../src/runtime/child-env.js';
import { runProcess } from '../../src/runtime/process.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

const TOOLS: Tool[] = ['git', 'python-build', 'python', 'npm', 'npm-publish', 'docker', 'docker-remote', 'buildx', 'buildah'];

/** What a GitHub-hosted runner gives a JavaScript action, plus every secret input tagship takes. */
const RUNNER: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  USER: 'runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  LD_LIBRARY_PATH: '/opt/hostedtoolcache/Python/3.12.7/x64/lib',
  RUNNER_TEMP: '/home/runner/work/_temp',
  TMPDIR: '/tmp',
  https_proxy: 'http://proxy:3128',
  NO_PROXY: 'localhost',
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_SHA: 'c0ffee',
  GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/release.yml@refs/tags/v1.2.3',
  GITHUB_TOKEN: 'ghs_env_token',
  GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output',
  GITHUB_PATH: '/home/runner/work/_temp/_runner_file_commands/add_path',
  GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
  'INPUT_PYPI-TOKEN': 'pypi-secret',
  'INPUT_NPM-TOKEN': 'npm-secret',
  'INPUT_GITHUB-TOKEN': 'ghs_input_token',
  'INPUT_REGISTRY-CREDENTIALS': 'ghcr.io bot registry-secret',
  'INPUT_NOTIFY-WEBHOOK': 'https://hooks.example/secret-path',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/idtoken',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  ACTIONS_CACHE_SERVICE_V2: 'True',
  ACTIONS_RUNTIME_URL: 'https://runtime.example/',
  PIP_INDEX_URL: 'https://pypi.example/simple',
  UV_PUBLISH_TOKEN: 'uv-upload-secret',
  SETUPTOOLS_SCM_PRETEND_VERSION: '1.2.3',
  SOURCE_DATE_EPOCH: '1700000000',
  npm_config_fetch_retries: '5',
  npm_config_userconfig: '/home/runner/.npmrc',
  NPM_CONFIG_REGISTRY: 'https://elsewhere.example/',
  npm_config_tag: 'next',
  'npm_config_//registry.npmjs.org/:_authToken': 'npmrc-secret',
  npm_config__auth: 'basic-secret',
  NODE_AUTH_TOKEN: 'node-auth-secret',
  NPM_TOKEN: 'npm-env-secret',
  TWINE_PASSWORD: 'twine-secret',
  DOCKER_CONFIG: '/home/runner/.docker',
  DOCKER_HOST: 'unix:///var/run/docker.sock',
  DOCKER_CONTEXT: 'default',
  BUILDX_BUILDER: 'builder',
  REGISTRY_AUTH_FILE: '/home/runner/auth.json',
  GIT_SSH_COMMAND: 'ssh -o StrictHostKeyChecking=yes',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
};

const SECRET_VALUES = ['pypi-secret', 'npm-secret', 'ghs_input_token', 'ghs_env_token', 'registry-secret', 'secret-path', 'oidc-request-token', 'uv-upload-secret', 'npmrc-secret', 'basic-secret', 'node-auth-secret', 'npm-env-secret', 'twine-secret', 'aws-secret'];
const names = (env: Record<string, string>) => Object.keys(env).sort();

describe('every child', () => {
  it.each(TOOLS)('%s gets no input, no OIDC request credential, no token and no file-command path', (tool) => {
    const env = childEnv(RUNNER, tool);
    expect(names(env).filter((name) => /^INPUT_|^ACTIONS_ID_TOKEN_REQUEST_|^GITHUB_(TOKEN|ENV|OUTPUT|PATH|STEP_SUMMARY|EVENT_PATH)$|^ACTIONS_RUNTIME_URL$/.test(name))).toEqual([]);
    for (const secret of SECRET_VALUES) expect(Object.values(env).join('\n')).not.toContain(secret);
    // What every program needs, and the public CI context.
    expect(env).toMatchObject({ LD_LIBRARY_PATH: RUNNER.LD_LIBRARY_PATH, PATH: '/usr/bin:/bin', HOME: '/home/runner', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC', RUNNER_TEMP: RUNNER.RUNNER_TEMP, TMPDIR: '/tmp', https_proxy: 'http://proxy:3128', NO_PROXY: 'localhost', CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_SHA: 'c0ffee' });
  });

  it('only buildx gets the runner cache credentials', () => {
    for (const tool of TOOLS) {
      const cache = names(childEnv(RUNNER, tool)).filter((name) => RUNNER_CACHE.includes(name));
      expect({ tool, cache }).toEqual({ tool, cache: tool === 'buildx' ? [...RUNNER_CACHE].sort() : [] });
    }
  });

  it('a caller cannot hand a child a forbidden name, not even explicitly', () => {
    expect(() => childEnv(RUNNER, 'npm', { secretEnv: { 'INPUT_NPM-TOKEN': 'x' } })).toThrow('refusing to pass INPUT_NPM-TOKEN to a npm process');
    expect(() => childEnv(RUNNER, 'npm-publish', { set: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' } })).toThrow(/refusing/);
    expect(() => childEnv(RUNNER, 'npm', { set: { ACTIONS_ID_TOKEN_REQUEST_URL: 'x' } })).toThrow(/refusing/);
    expect(() => childEnv(RUNNER, 'python-build', { set: { ACTIONS_RUNTIME_TOKEN: 'x' } })).toThrow(/refusing/);
    // npm publish may be told the request URL (npm checks it is set before signing provenance), never its token.
    expect(childEnv(RUNNER, 'npm-publish', { set: { ACTIONS_ID_TOKEN_REQUEST_URL: 'u' } }).ACTIONS_ID_TOKEN_REQUEST_URL).toBe('u');
    expect(childEnv(RUNNER, 'npm-publish').ACTIONS_ID_TOKEN_REQUEST_URL).toBeUndefined();
  });

  it('a config may hand a build or lifecycle scripts more variables, never a forbidden one', () => {
    const config = (text: string) => () => parseConfig({ file: '.github/tagship.yml', text });
    expect(config('python:\n  build-env: [MY_FLAG]\nnpm:\n  script-env: [VITE_API_URL]\n')).not.toThrow();
    for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'INPUT_PYPI_TOKEN', 'actions_cache_url']) {
      expect(config(`python:\n  build-env: [${name}]\n`)).toThrow(/other than INPUT_\* and the runner's ACTIONS_ID_TOKEN_REQUEST_\* and cache credentials/);
      expect(config(`npm:\n  script-env: [${name}]\n`)).toThrow(/other than INPUT_\*/);
    }
  });

  it('Windows spellings of the basics pass', () => {
    const windows = { Path: 'C:\\Windows', SystemRoot: 'C:\\Windows', ComSpec: 'cmd.exe', PATHEXT: '.COM;.EXE;.CMD', USERPROFILE: 'C:\\Users\\runner', LOCALAPPDATA: 'C:\\Users\\runner\\AppData\\Local' };
    expect(childEnv({ ...windows, 'INPUT_NPM-TOKEN': 'npm-secret' }, 'npm')).toEqual(windows);
    // A PATH tagship sets (the venv's bin/ first) replaces the inherited `Path` instead of sitting beside it.
    const { Path: _inherited, ...rest } = windows;
    expect(childEnv(windows, 'python', { set: { PATH: 'C:\\venv\\Scripts;C:\\Windows' } })).toStrictEqual({ ...rest, PATH: 'C:\\venv\\Scripts;C:\\Windows' });
  });
});

describe('per tool', () => {
  it('git: how to reach the remote, nothing of Python, npm or Docker', () => {
    const env = childEnv(RUNNER, 'git');
    expect(env.GIT_SSH_COMMAND).toBe(RUNNER.GIT_SSH_COMMAND);
    expect(names(env).filter((name) => /^(PIP|npm_config|NPM_CONFIG|DOCKER|BUILDX|SOURCE_DATE)/.test(name))).toEqual([]);
  });

  it('the Python build: pip and setuptools_scm settings, the reproducible timestamp and git, not uv publish credentials', () => {
    const env = childEnv(RUNNER, 'python-build');
    expect(env).toMatchObject({ PIP_INDEX_URL: RUNNER.PIP_INDEX_URL, SETUPTOOLS_SCM_PRETEND_VERSION: '1.2.3', SOURCE_DATE_EPOCH: '1700000000', GIT_SSH_COMMAND: RUNNER.GIT_SSH_COMMAND });
    expect(env.UV_PUBLISH_TOKEN).toBeUndefined();
    expect(names(env).filter((name) => /^(npm_config|NPM_CONFIG|DOCKER|BUILDX|REGISTRY_AUTH)/i.test(name))).toEqual([]);
  });

  it('the verify venv: pip settings, not the build’s git or timestamp', () => {
    const env = childEnv(RUNNER, 'python');
    expect(env.PIP_INDEX_URL).toBe(RUNNER.PIP_INDEX_URL);
    expect(names(env).filter((name) => /^(GIT_|SOURCE_DATE|SETUPTOOLS|npm_config|DOCKER)/i.test(name))).toEqual([]);
  });

  it.each(['npm', 'npm-publish'] as const)('%s: npm settings except credentials and what tagship decides (userconfig, registry, tag)', (tool) => {
    const env = childEnv(RUNNER, tool);
    expect(names(env).filter((name) => /^npm_config_/i.test(name))).toEqual(['npm_config_fetch_retries']);
    expect(names(env).filter((name) => /^(PIP|GIT_|DOCKER|BUILDX)/.test(name))).toEqual([]);
  });

  it('docker: the daemon and its config; docker-remote leaves out the runner’s host and context', () => {
    expect(childEnv(RUNNER, 'docker')).toMatchObject({ DOCKER_CONFIG: '/home/runner/.docker', DOCKER_HOST: RUNNER.DOCKER_HOST, DOCKER_CONTEXT: 'default' });
    expect(childEnv(RUNNER, 'docker').BUILDX_BUILDER).toBeUndefined();
    const remote = childEnv(RUNNER, 'docker-remote', { set: { DOCKER_HOST: 'ssh://deploy@host' } });
    expect(remote).toMatchObject({ DOCKER_CONFIG: '/home/runner/.docker', DOCKER_HOST: 'ssh://deploy@host' });
    expect(remote.DOCKER_CONTEXT).toBeUndefined();
  });

  it('buildx: docker, BUILDX_* and the cache; buildah: its storage and auth file', () => {
    expect(childEnv(RUNNER, 'buildx')).toMatchObject({ DOCKER_CONFIG: '/home/runner/.docker', BUILDX_BUILDER: 'builder', ACTIONS_RUNTIME_TOKEN: 'runtime-token', ACTIONS_CACHE_URL: RUNNER.ACTIONS_CACHE_URL });
    expect(childEnv(RUNNER, 'buildah')).toMatchObject({ REGISTRY_AUTH_FILE: '/home/runner/auth.json', DOCKER_CONFIG: '/home/runner/.docker' });
    expect(names(childEnv(RUNNER, 'buildah')).filter((name) => /^(BUILDX|ACTIONS_|DOCKER_HOST)/.test(name))).toEqual([]);
  });

  it('set and secretEnv are added, and win over the parent', () => {
    const env = childEnv(RUNNER, 'npm-publish', { set: { NPM_CONFIG_USERCONFIG: '/tmp/x/npmrc' }, secretEnv: { TAGSHIP_NPM_TOKEN: 'the-token' } });
    expect(env).toMatchObject({ NPM_CONFIG_USERCONFIG: '/tmp/x/npmrc', TAGSHIP_NPM_TOKEN: 'the-token' });
    expect(env.npm_config_userconfig).toBeUndefined();
  });
});

describe('runProcess', () => {
  it('starts the child with exactly the allow-listed environment, not its own process.env', async () => {
    process.env['INPUT_PYPI-TOKEN'] = 'pypi-secret-in-process-env';
    try {
      const result = await runProcess(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { parentEnv: RUNNER, tool: 'python-build', set: { SOURCE_DATE_EPOCH: '1' } });
      const seen = JSON.parse(result.stdout) as Record<string, string>;
      expect(seen).toEqual(childEnv(RUNNER, 'python-build', { set: { SOURCE_DATE_EPOCH: '1' } }));
    } finally {
      delete process.env['INPUT_PYPI-TOKEN'];
    }
  });

  it('a missing program is a user error naming it; stdin, exit codes and streamed lines come through', async () => {
    await expect(runProcess('tagship-no-such-program', [], { parentEnv: RUNNER, tool: 'git', missingHint: 'install it' })).rejects.toThrow('tagship-no-such-program is not installed on this runner (or not on PATH): install it.');
    const lines: string[] = [];
    const result = await runProcess(process.execPath, ['-e', 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{console.log("got "+s);console.error("oops");process.exit(3)})'], {
      parentEnv: RUNNER,
      tool: 'docker',
      stdin: 'password',
      onLine: (line) => lines.push(line),
    });
    expect(result).toEqual({ code: 3, stdout: 'got password\n', stderr: 'oops\n' });
    expect(lines.sort()).toEqual(['got password', 'oops']);
  });

  it('a missing program leaves no timer behind (the process can exit at once), and a program past its timeout is killed', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    await expect(runProcess('tagship-no-such-program', [], { parentEnv: RUNNER, tool: 'git', timeoutMs: 600_000 })).rejects.toThrow('is not installed');
    expect(timers()).toBeLessThanOrEqual(before);
    const hung = await runProcess(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { parentEnv: RUNNER, tool: 'git', timeoutMs: 200 });
    expect(hung.stderr).toContain('killed by SIGTERM after 200 ms');
  });

  it('git, run with the git allow-list, lists the remote’s tags (and local ones without a remote)', async () => {
    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, stdio: 'ignore' });
    const origin = mkdtempSync(join(tmpdir(), 'tagship-origin-'));
    git(origin, 'init', '-q');
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'one');
    git(origin, 'tag', 'v1.0.0');
    git(origin, 'tag', 'v1.1.0');
    const clone = mkdtempSync(join(tmpdir(), 'tagship-clone-'));
    git(clone, 'clone', '-q', '--depth', '1', '--no-tags', origin, '.');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...{ 'INPUT_GITHUB-TOKEN': 'secret' } };
    expect((await listGitTags(clone, env)).sort()).toEqual(['v1.0.0', 'v1.1.0']);
    expect((await listGitTags(origin, env)).sort()).toEqual(['v1.0.0', 'v1.1.0']);
  });
});

describe('one way to spawn', () => {
  it('no module in src/ but runtime/process.ts loads node:child_process or execa', () => {
    const files = readdirSync(new URL('../../src', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const spawners = files.filter((file) => {
      const text = readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8');
      return /from ['"](node:)?child_process['"]|import\(['"](node:)?child_process['"]\)|from ['"]execa['"]|import\(['"]execa['"]\)/.test(text);
    });
    expect(spawners.map((file) => file.replaceAll('\\', '/'))).toEqual(['runtime/process.ts']);
  });
});
