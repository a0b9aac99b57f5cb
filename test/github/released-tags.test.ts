import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listGitTags } from '../../src/gather.js';
import { listTagsThroughApi } from '../../src/github/tags.js';
import { runBuiltActionAsync } from '../support/action-run.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { tagPush } from '../support/payloads.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', '-c', 'advice.detachedHead=false', ...args], { cwd, encoding: 'utf8' });

/**
 * What GitHub's git endpoint answers a clone without credentials of a private repository: 401 with a
 * Basic challenge. With no terminal to ask (GIT_TERMINAL_PROMPT=0), `git ls-remote` fails.
 */
let privateRemote: Server;
let privateUrl = '';
beforeAll(async () => {
  privateRemote = createServer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' }).end());
  await new Promise<void>((resolve) => privateRemote.listen(0, '127.0.0.1', resolve));
  privateUrl = `http://127.0.0.1:${(privateRemote.address() as AddressInfo).port}/acme/app.git`;
});
afterAll(() => new Promise<void>((resolve) => privateRemote.close(() => resolve())));

let server: GithubApiServer;
afterEach(async () => {
  await server?.stop();
});

/** 150 tags on the API side (more than any one page of GitHub's paged endpoints), the 1.x line among them. */
async function apiWithTags(): Promise<GithubApiServer> {
  server = await GithubApiServer.start({ owner: 'acme', repo: 'app' });
  server.commit('initial');
  for (let minor = 0; minor < 146; minor++) server.tag(`v0.${minor}.0`);
  for (const tag of ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.1.5']) server.tag(tag);
  return server;
}

/**
 * A repository released 1.0.0, 1.1.0, 1.2.0, then the backport 1.1.5 from a 1.1 branch; the
 * workspace is what actions/checkout makes of the 1.1.5 tag: a shallow clone holding that one tag.
 * Its origin refuses a clone without credentials, as a private repository's does, unless `readable`.
 */
function shallowCheckoutOfBackport(readable = false): string {
  const origin = mkdtempSync(join(tmpdir(), 'tagship-origin-'));
  git(origin, 'init', '-q');
  const release = (version: string) => {
    writeFileSync(join(origin, 'package.json'), JSON.stringify({ name: 'widget', version }));
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', version);
    git(origin, 'tag', `v${version}`);
  };
  release('1.0.0');
  release('1.1.0');
  git(origin, 'branch', 'release-1.1');
  release('1.2.0');
  git(origin, 'checkout', '-q', 'release-1.1');
  release('1.1.5');
  const clone = mkdtempSync(join(tmpdir(), 'tagship-checkout-'));
  git(clone, 'clone', '-q', '--depth', '1', '--branch', 'v1.1.5', `file://${origin}`, '.');
  if (!readable) git(clone, 'remote', 'set-url', 'origin', privateUrl);
  return clone;
}

const ENV = { PATH: process.env.PATH, HOME: process.env.HOME };

describe('released tags through the GitHub API', () => {
  it('one request lists every tag, more than a hundred, with the token', async () => {
    await apiWithTags();
    const tags = await listTagsThroughApi({ token: 'test-token', repository: 'acme/app', apiUrl: server.apiUrl });
    expect(tags).toHaveLength(150);
    expect(tags).toEqual(expect.arrayContaining(['v0.0.0', 'v0.145.0', 'v1.1.5', 'v1.2.0']));
    expect(server.requestsFor('git/list-matching-refs').map((r) => [r.path, r.authorization])).toEqual([['/repos/acme/app/git/matching-refs/tags', 'token test-token']]);
    expect(server.violations).toEqual([]);
  });

  it('a shallow clone of a private repository: ls-remote is refused, so the API answers', async () => {
    await apiWithTags();
    const clone = shallowCheckoutOfBackport();
    expect(git(clone, 'tag', '--list').trim()).toBe('v1.1.5');
    const env = { ...ENV, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: server.apiUrl };
    expect(await listGitTags(clone, env, { githubToken: 'test-token' })).toHaveLength(150);
    expect(server.requestsFor('git/list-matching-refs')).toHaveLength(1);
    expect(server.violations).toEqual([]);
  });

  it('a remote git can read is asked first: no API request', async () => {
    await apiWithTags();
    const clone = shallowCheckoutOfBackport(true);
    const env = { ...ENV, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: server.apiUrl };
    expect((await listGitTags(clone, env, { githubToken: 'test-token' })).sort()).toEqual(['v1.0.0', 'v1.1.0', 'v1.1.5', 'v1.2.0']);
    expect(server.requests).toEqual([]);
  });

  it('neither git nor the API can read the tags: one error line saying how to fix it, never the clone’s one tag', async () => {
    await apiWithTags();
    const clone = shallowCheckoutOfBackport();
    const env = { ...ENV, GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: server.apiUrl };
    const fix = 'Give the action a token that can read the repository (the github-token input, default ${{ github.token }}, with `permissions: contents: read`), or pass the released versions in known-versions.';
    await expect(listGitTags(clone, env, { githubToken: 'revoked' })).rejects.toThrow(
      /^Cannot read the released tags, so which release is latest is unknown: git ls-remote origin failed \(fatal: could not read Username for 'http:\/\/127\.0\.0\.1:\d+': terminal prompts disabled\), and the GitHub API refused to list acme\/app's tags \(HTTP 401\)\. /,
    );
    await expect(listGitTags(clone, env)).rejects.toThrow(`, and no github-token was given. ${fix}`);
    // Told that this job writes no tags (a docker-job: build), it reports and goes on with none.
    const lines: string[] = [];
    expect(await listGitTags(clone, env, { unreadable: (line) => lines.push(line) })).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^Released tags not read \(this job writes no tags, so it needs none\): git ls-remote origin failed .*, and no github-token was given\.$/)]);
  });
});

describe('a clone with no origin remote', () => {
  it('shallow: its own tags are used, with a warning that latest may be wrong', async () => {
    const clone = shallowCheckoutOfBackport(true);
    git(clone, 'remote', 'remove', 'origin');
    const warnings: string[] = [];
    expect(await listGitTags(clone, ENV, { warn: (line) => warnings.push(line) })).toEqual(['v1.1.5']);
    expect(warnings).toEqual([
      'Released versions were read from a shallow clone with no origin remote to ask (1 tag in it): which release is latest may be wrong. Clone with all tags (actions/checkout: fetch-depth: 0), add the origin remote, or pass the released versions in known-versions.',
    ]);
  });

  it('complete: its tags are all there are, and nothing is said', async () => {
    const clone = shallowCheckoutOfBackport(true);
    git(clone, 'fetch', '-q', '--unshallow', '--tags');
    git(clone, 'remote', 'remove', 'origin');
    const warnings: string[] = [];
    expect((await listGitTags(clone, ENV, { warn: (line) => warnings.push(line) })).sort()).toEqual(['v1.0.0', 'v1.1.0', 'v1.1.5', 'v1.2.0']);
    expect(warnings).toEqual([]);
  });
});

describe('the built action in a shallow clone of a private repository (dry run)', () => {
  /** A dry run of the backport v1.1.5 in a clone that holds only its own tag, with this github-token. */
  async function planBackport(token: string) {
    await apiWithTags();
    return runBuiltActionAsync({
      eventName: 'push',
      ref: 'refs/tags/v1.1.5',
      payload: tagPush('v1.1.5'),
      workspace: shallowCheckoutOfBackport(),
      inputs: { 'dry-run': 'true', 'github-token': token },
      env: { GITHUB_API_URL: server.apiUrl },
    });
  }

  it('the backport 1.1.5 is not latest: the tags come through the API with the github-token', async () => {
    const run = await planBackport('test-token');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.1.5', latest: 'false' });
    expect(run.stdout).toContain('- github-release  acme/app@v1.1.5  make_latest=false');
    expect(run.stdout).toContain('- npm-publish  widget@1.1.5  --tag latest-1.1');
    expect(server.requestsFor('git/list-matching-refs')).toHaveLength(1);
    expect(server.violations).toEqual([]);
  });

  it('without a token that can read the tags: exit 1 with the one line, and no outputs', async () => {
    const run = await planBackport('no-access');
    expect(run.status).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Cannot read the released tags, so which release is latest is unknown: git ls-remote origin failed \(.*\), and the GitHub API refused to list acme\/app's tags \(HTTP 401\)\. Give the action a token/);
    expect(run.outputs).toEqual({});
  });

  it('a docker-job: build writes no tags: an unreadable remote is a warning, and the build is planned', async () => {
    const workspace = shallowCheckoutOfBackport();
    mkdirSync(join(workspace, '.github'));
    writeFileSync(join(workspace, '.github/tagship.yml'), 'docker:\n  images: [ghcr.io/acme/app]\n');
    const run = await runBuiltActionAsync({
      eventName: 'push',
      ref: 'refs/tags/v1.1.5',
      payload: tagPush('v1.1.5'),
      workspace,
      inputs: { 'dry-run': 'true', 'docker-job': 'build', 'docker-platform': 'linux/amd64' },
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(lines.filter((line) => line.includes('Released tags'))).toEqual([
      expect.stringMatching(/^::warning::Released tags not read \(this job writes no tags, so it needs none\): git ls-remote origin failed \(.*\), and no github-token was given\.$/),
    ]);
    expect(JSON.parse(run.outputs.plan!).stages.flatMap((s: { steps: { id: string }[] }) => s.steps.map((step) => step.id))).toEqual(['docker-build:linux/amd64']);
  });
});
