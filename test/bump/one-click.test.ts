/**
 * A one-click release end to end, in-process: a `workflow_dispatch` with `bump` on a checkout of a
 * GitHub-like git remote (smart HTTP, GitHub's refusals) and the GitHub API stand-in. The run bumps,
 * commits and tags as github-actions[bot], pushes both atomically with the job's token, then releases
 * the new version in the same run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { run } from '../../src/main.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { cloneOverHttp, git, GitHttpRemote } from '../support/git-http-remote.js';
import { usesTools } from '../support/system-tools.js';
import { recordingRunner } from '../verify/support/runner.js';

usesTools('git');

const TOKEN = 'test-token';
const CONFIG = 'github-release:\n  enabled: true\n';
let remote: GitHttpRemote;
let api: GithubApiServer;

beforeEach(async () => {
  remote = await GitHttpRemote.start('acme/widget', { VERSION: '1.0.0\n', '.github/tagship.yml': CONFIG });
  remote.tokens.set(TOKEN, 'write');
  api = await GithubApiServer.start();
  mirrorIntoApi(remote);
});

/** The API serves the repository the git remote holds: its commits and tags, after each push too. */
function mirrorIntoApi(from: GitHttpRemote): void {
  const mirror = () => {
    const { commits, tags } = from.history();
    for (const commit of commits) if (!api.commits.some((c) => c.sha === commit.sha)) api.commits.push(commit);
    for (const [name, sha] of tags) api.tag(name, sha);
  };
  mirror();
  from.onPush.push(mirror);
}
afterEach(async () => {
  await remote.stop();
  await api.stop();
  expect(api.violations).toEqual([]);
});

/** The runner's environment for a dispatch of the one-click workflow on `ref` with `inputs`. */
function dispatchEnv(workspace: string, inputs: Record<string, string>, actionInputs: Record<string, string> = {}, ref = 'refs/heads/main'): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-dispatch-'));
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ inputs, ref, repository: { full_name: 'acme/widget', private: false, visibility: 'public' }, sender: { login: 'octocat', type: 'User' } }));
  return {
    PATH: process.env.PATH,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REF: ref,
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_SERVER_URL: remote.serverUrl,
    GITHUB_API_URL: api.apiUrl,
    GITHUB_SHA: git(workspace, 'rev-parse', 'HEAD').trim(),
    'INPUT_GITHUB-TOKEN': TOKEN,
    ...Object.fromEntries(Object.entries(actionInputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

function errors(lines: readonly string[]): string[] {
  return lines.filter((line) => line.startsWith('::error::')).map((line) => line.slice('::error::'.length));
}

describe('a dispatch with bump', () => {
  test('bumps, commits and tags as github-actions[bot], pushes both, then releases the new version in the same run', async () => {
    const workspace = await cloneOverHttp(remote);
    const before = remote.ref('refs/heads/main');
    const { runner, lines, outputs } = recordingRunner();
    const code = await run(dispatchEnv(workspace, { bump: 'minor' }), runner);
    expect(code, lines.join('\n')).toBe(0);

    // The release commit and its annotated tag are on the remote, made by the Actions bot.
    const head = remote.ref('refs/heads/main')!;
    expect(head).not.toBe(before);
    expect(git(remote.bare, 'rev-parse', `${head}^`).trim()).toBe(before);
    expect(git(remote.bare, 'show', `${head}:VERSION`)).toBe('1.1.0\n');
    expect(git(remote.bare, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', head).trim()).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|chore(release): v1.1.0',
    );
    expect(git(remote.bare, 'cat-file', '-t', 'refs/tags/v1.1.0').trim()).toBe('tag');
    expect(git(remote.bare, 'for-each-ref', '--format=%(taggername) %(taggeremail)', 'refs/tags/v1.1.0').trim()).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>');
    expect(git(remote.bare, 'rev-parse', 'refs/tags/v1.1.0^{commit}').trim()).toBe(head);

    // The same run goes on as the hand-off for v1.1.0: the release stage ran against the API.
    expect(outputs.trigger).toBe('handoff');
    expect(outputs.version).toBe('1.1.0');
    expect(api.releasesFor('v1.1.0').map((r) => [r.draft, r.prerelease])).toEqual([[false, false]]);
    expect(api.tags.get('v1.1.0')).toBe(head);
    // The run's commit is the release commit from here on, not the one the workflow was dispatched at.
    expect(api.releasesFor('v1.1.0')[0]!.targetCommitish).toBe(head);
    expect(lines.join('\n')).toContain('one-click release: bumped 1.0.0 → 1.1.0');

    // The token went to the server in a header only: not into the checkout's config.
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    for (const request of remote.requests.filter((r) => r.service === 'git-receive-pack')) expect(request.authorizations).toHaveLength(1);
  }, 90_000);

  test('branch protection that forbids the push is one line; nothing is pushed and nothing released', async () => {
    remote.refuse({ ref: 'refs/heads/main', kind: 'protected-branch', rules: ['Changes must be made through a pull request.'] });
    const workspace = await cloneOverHttp(remote);
    const before = remote.ref('refs/heads/main');
    const { runner, lines } = recordingRunner();
    const code = await run(dispatchEnv(workspace, { bump: 'patch' }), runner);
    expect(code).toBe(1);
    const [line, ...more] = errors(lines);
    expect(more).toEqual([]);
    expect(line).toMatch(/GitHub refused the push to branch main: it is a protected branch \(GH006: Changes must be made through a pull request\.\); nothing was pushed/);
    expect(remote.ref('refs/heads/main')).toBe(before);
    expect(remote.ref('refs/tags/v1.0.1')).toBeUndefined();
    expect(api.releases).toEqual([]);
  }, 90_000);

  test('a token without contents: write is one line naming the permission', async () => {
    remote.tokens.set(TOKEN, 'read');
    const workspace = await cloneOverHttp(remote);
    const { runner, lines } = recordingRunner();
    expect(await run(dispatchEnv(workspace, { bump: 'patch' }), runner)).toBe(1);
    expect(errors(lines)).toEqual([expect.stringMatching(/The token may not push to acme\/widget \(HTTP 403.*permissions: contents: write/)]);
    expect(api.releases).toEqual([]);
  }, 90_000);

  test('both version and bump is one line, and nothing changes', async () => {
    const workspace = await cloneOverHttp(remote);
    const head = git(workspace, 'rev-parse', 'HEAD');
    const { runner, lines } = recordingRunner();
    expect(await run(dispatchEnv(workspace, { bump: 'patch', version: '1.0.1' }), runner)).toBe(1);
    expect(errors(lines)).toEqual(["The dispatch gives both 'version' (\"1.0.1\") and 'bump' (\"patch\"): 'version' releases an existing version, 'bump' makes a new one. Leave one of them empty and run the workflow again."]);
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(workspace, 'tag', '--list').trim()).toBe('v1.0.0');
    expect(git(workspace, 'status', '--porcelain')).toBe('');
  }, 60_000);

  test('a shallow checkout (actions/checkout without fetch-depth: 0) is one line before anything is written', async () => {
    const workspace = await cloneOverHttp(remote, 'main', 1);
    const { runner, lines } = recordingRunner();
    expect(await run(dispatchEnv(workspace, { bump: 'patch' }), runner)).toBe(1);
    expect(errors(lines)).toEqual([expect.stringContaining('give actions/checkout `fetch-depth: 0`')]);
    expect(git(workspace, 'status', '--porcelain')).toBe('');
  }, 60_000);

  test('dispatched on a tag instead of a branch is one line', async () => {
    const workspace = await cloneOverHttp(remote);
    const { runner, lines } = recordingRunner();
    expect(await run(dispatchEnv(workspace, { bump: 'patch' }, {}, 'refs/tags/v1.0.0'), runner)).toBe(1);
    expect(errors(lines)).toEqual([expect.stringMatching(/^A one-click release commits the bump to a branch, but the workflow was dispatched on "refs\/tags\/v1\.0\.0"/)]);
  }, 60_000);

  test('dry-run shows the bump and changes nothing, here or on the remote', async () => {
    const workspace = await cloneOverHttp(remote);
    const before = remote.ref('refs/heads/main');
    const { runner, lines, outputs } = recordingRunner();
    expect(await run(dispatchEnv(workspace, { bump: 'major' }, { 'dry-run': 'true' }), runner)).toBe(0);
    expect(lines.join('\n')).toContain('one-click release (dry run): would bump 1.0.0 → 2.0.0, commit, tag v2.0.0 and push to main; nothing changed.');
    expect(lines.join('\n')).toContain('+2.0.0');
    expect(outputs.version).toBe('2.0.0');
    expect(remote.ref('refs/heads/main')).toBe(before);
    expect(git(workspace, 'status', '--porcelain')).toBe('');
    expect(git(workspace, 'tag', '--list').trim()).toBe('v1.0.0');
  }, 60_000);

  test('with package, bumps and releases that package of the packages: map under its own tag prefix', async () => {
    await remote.stop();
    remote = await GitHttpRemote.start('acme/widget', {
      VERSION: '1.0.0\n',
      'core/VERSION': '0.4.0\n',
      '.github/tagship.yml': `${CONFIG}packages:\n  core:\n    path: core\n    tag-prefix: core-v\n`,
    });
    remote.tokens.set(TOKEN, 'write');
    mirrorIntoApi(remote);
    const workspace = await cloneOverHttp(remote);
    const { runner, lines, outputs } = recordingRunner();
    const code = await run(dispatchEnv(workspace, { bump: 'minor', package: 'core' }), runner);
    expect(code, lines.join('\n')).toBe(0);
    const head = remote.ref('refs/heads/main')!;
    expect(git(remote.bare, 'show', `${head}:core/VERSION`)).toBe('0.5.0\n');
    expect(git(remote.bare, 'show', `${head}:VERSION`)).toBe('1.0.0\n');
    expect(git(remote.bare, 'rev-parse', 'refs/tags/core-v0.5.0^{commit}').trim()).toBe(head);
    expect(remote.ref('refs/tags/v1.1.0')).toBeUndefined();
    expect(outputs.version).toBe('0.5.0');
    expect(api.releasesFor('core-v0.5.0')).toHaveLength(1);
    expect(api.releasesFor('v1.1.0')).toEqual([]);
  }, 90_000);
});
