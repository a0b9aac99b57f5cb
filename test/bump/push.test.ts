/**
 * `pushRelease` against a GitHub-like remote over smart HTTP (git http-backend, a pre-receive hook
 * answering with GitHub's GH006/GH013 wording, 401/403 as github.com answers a workflow's token).
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pushRelease, type PushAuth } from '../../src/bump/push.js';
import { UserError } from '../../src/errors.js';
import { cloneWithRelease, git, GitHttpRemote, isolatedGitEnv } from '../support/git-http-remote.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

const TOKEN = 'ghs_pushTokenForTheRelease0123456789';
let remote: GitHttpRemote;

beforeEach(async () => {
  remote = await GitHttpRemote.start();
  remote.tokens.set(TOKEN, 'write');
});
afterEach(async () => {
  await remote.stop();
});

function auth(token = TOKEN): PushAuth {
  return { token, serverUrl: remote.serverUrl, repository: remote.repository };
}

/** The environment the action runs git in: a runner's, with its own HOME. */
function runnerEnv(clone: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...isolatedGitEnv(join(clone, '..')), 'INPUT_GITHUB-TOKEN': TOKEN, ...extra };
}

async function refusal(run: Promise<void>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message).not.toContain('\n');
  expect(message).not.toContain(TOKEN);
  return message;
}

describe('a release pushed with the workflow token', () => {
  test('moves the branch and adds the annotated tag in one push; the token is only in the request headers', async () => {
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const configBefore = readFileSync(join(clone, '.git', 'config'), 'utf8');
    // A git on PATH that records its command lines before running the real one.
    const bin = mkdtempSync(join(tmpdir(), 'tagship-git-argv-'));
    const log = join(bin, 'argv.log');
    const realGit = git(clone, '--exec-path').trim() + '/git';
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);

    await pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone, { PATH: `${bin}:${process.env.PATH}` }), auth: auth() });

    const head = git(clone, 'rev-parse', 'HEAD').trim();
    expect(remote.ref('refs/heads/main')).toBe(head);
    expect(git(remote.bare, 'cat-file', '-t', 'refs/tags/v1.1.0').trim()).toBe('tag');
    expect(git(remote.bare, 'rev-parse', 'refs/tags/v1.1.0^{commit}').trim()).toBe(head);
    const pushes = remote.requests.filter((r) => r.service === 'git-receive-pack');
    expect(pushes.length).toBeGreaterThan(0);
    const basic = `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
    for (const request of pushes) expect(request.authorizations).toEqual([basic]);
    expect(readFileSync(log, 'utf8')).not.toContain(TOKEN);
    expect(readFileSync(log, 'utf8')).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    expect(readFileSync(join(clone, '.git', 'config'), 'utf8')).toBe(configBefore);
  });

  test("replaces the header actions/checkout persisted in .git/config instead of sending a second one", async () => {
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const stale = Buffer.from('x-access-token:ghs_checkoutsReadOnlyToken').toString('base64');
    remote.tokens.set('ghs_checkoutsReadOnlyToken', 'read');
    git(clone, 'config', '--local', `http.${remote.serverUrl}/.extraheader`, `AUTHORIZATION: basic ${stale}`);
    await pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth() });
    expect(remote.ref('refs/tags/v1.1.0')).toBeDefined();
    for (const request of remote.requests.filter((r) => r.service === 'git-receive-pack')) expect(request.authorizations).toHaveLength(1);
  });

  test('without auth (the CLI), pushes to origin with the user\'s own git setup', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tagship-cli-push-'));
    const clone = join(home, 'work');
    git(home, 'clone', '--quiet', remote.bare, clone);
    writeFileSync(join(clone, 'VERSION'), '1.0.1\n');
    git(clone, 'commit', '--quiet', '-am', 'chore: release v1.0.1');
    git(clone, 'tag', '-a', 'v1.0.1', '-m', 'v1.0.1');
    await pushRelease({ cwd: clone, branch: 'main', tag: 'v1.0.1', env: isolatedGitEnv(home) });
    expect(remote.ref('refs/heads/main')).toBe(git(clone, 'rev-parse', 'HEAD').trim());
    expect(remote.ref('refs/tags/v1.0.1')).toBeDefined();
  });
});

describe('a refused push is one line and changes nothing on the remote', () => {
  function unchanged(before: string | undefined, tag = 'v1.1.0'): void {
    expect(remote.ref('refs/heads/main')).toBe(before);
    expect(remote.ref(`refs/tags/${tag}`)).toBeUndefined();
  }

  test('branch protection (GH006)', async () => {
    remote.refuse({ ref: 'refs/heads/main', kind: 'protected-branch', rules: ['Changes must be made through a pull request.'] });
    const before = remote.ref('refs/heads/main');
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth() }));
    expect(message).toMatch(/^GitHub refused the push to branch main: it is a protected branch \(GH006: Changes must be made through a pull request\.\); nothing was pushed/);
    expect(message).toContain('docs/one-click.md');
    unchanged(before);
  });

  test('a ruleset on the branch (GH013)', async () => {
    remote.refuse({ ref: 'refs/heads/main', kind: 'ruleset', rules: ['Changes must be made through a pull request.'] });
    const before = remote.ref('refs/heads/main');
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth() }));
    expect(message).toMatch(/^GitHub's repository rules refused the push to branch main \(GH013: Changes must be made through a pull request\.\); nothing was pushed/);
    expect(message).toContain('bypass list');
    unchanged(before);
  });

  test('a ruleset on version tags (GH013 for the tag): the branch does not move either', async () => {
    remote.refuse({ ref: 'refs/tags/v*', kind: 'ruleset', rules: ['Cannot create ref due to creations being restricted.'] });
    const before = remote.ref('refs/heads/main');
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth() }));
    expect(message).toMatch(/refused the push to tag v1\.1\.0 \(GH013: Cannot create ref due to creations being restricted\.\)/);
    unchanged(before);
  });

  test('someone pushed to the branch meanwhile (non-fast-forward)', async () => {
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const theirs = remote.commitElsewhere('fix: meanwhile');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth() }));
    expect(message).toMatch(/^Branch main on acme\/app has commits this run does not have .*; nothing was pushed \(the push is atomic\)\. Run the release again/);
    unchanged(theirs);
  });

  test('the tag already exists on the remote', async () => {
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const other = await cloneWithRelease(remote, 'v1.1.0');
    // Someone else's v1.1.0: made in the same second, an identical tag object would push as "up to date".
    git(other, 'tag', '-f', '-a', 'v1.1.0', '-m', 'v1.1.0 from another clone');
    git(other, 'push', '--quiet', remote.bare, 'refs/tags/v1.1.0');
    const before = remote.ref('refs/heads/main');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth() }));
    expect(message).toMatch(/^Tag v1\.1\.0 already exists on acme\/app .*; nothing was pushed/);
    expect(remote.ref('refs/heads/main')).toBe(before);
  });

  test('a token without contents: write (403)', async () => {
    remote.tokens.set('ghs_readOnly', 'read');
    const before = remote.ref('refs/heads/main');
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth('ghs_readOnly') }));
    expect(message).toMatch(/^The token may not push to acme\/app \(HTTP 403, denied to github-actions\[bot\]\); nothing was pushed .*`permissions: contents: write`/);
    unchanged(before);
  });

  test('a token the server does not know (401)', async () => {
    const before = remote.ref('refs/heads/main');
    const clone = await cloneWithRelease(remote, 'v1.1.0');
    const message = await refusal(pushRelease({ cwd: clone, branch: 'main', tag: 'v1.1.0', env: runnerEnv(clone), auth: auth('ghs_expired') }));
    expect(message).toMatch(/^acme\/app refused the token \(HTTP 401\); nothing was pushed/);
    unchanged(before);
  });
});
