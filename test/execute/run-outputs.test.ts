import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltActionAsync, type ActionRun } from '../support/action-run.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { tagPush } from '../support/payloads.js';
import { markdownLines, markdownTables } from '../support/markdown-structure.js';
import { BUILD_COMMAND, copyProject, makeProject } from '../python/support/project.js';
import { startPypiIndex, type PypiIndex } from '../python/support/pypi-server.js';

let index: PypiIndex;
let github: GithubApiServer;
let project: string;
beforeAll(async () => {
  index = await startPypiIndex();
  index.tokens.add('pypi-outputs-token');
  github = await GithubApiServer.start({ owner: 'acme', repo: 'app' });
  github.commit('feat: first version');
  github.tag('v1.2.3');
  project = makeProject('outputs-fixture', '1.2.3');
});
afterAll(async () => {
  await index.close();
  await github.stop();
});

/** The built action on a Python project: build, upload to the local index, GitHub release on the local API. */
function release(githubToken: string): Promise<ActionRun> {
  const workspace = copyProject(project);
  mkdirSync(join(workspace, '.github'));
  writeFileSync(
    join(workspace, '.github', 'tagship.yml'),
    `python:\n  build-command: ${JSON.stringify(BUILD_COMMAND)}\n  repository-url: ${index.uploadUrl}\nverify: { enabled: false }\n`,
  );
  return runBuiltActionAsync({
    eventName: 'push',
    ref: 'refs/tags/v1.2.3',
    payload: tagPush('v1.2.3'),
    workspace,
    inputs: { 'known-versions': '1.0.0', stages: 'release', 'pypi-token': 'pypi-outputs-token', 'github-token': githubToken },
    env: { GITHUB_API_URL: github.apiUrl, GITHUB_SERVER_URL: github.serverUrl },
  });
}

const FILES = ['outputs_fixture-1.2.3-py3-none-any.whl', 'outputs-fixture-1.2.3.tar.gz'];
const published = (run: ActionRun) => JSON.parse(run.outputs.published!) as Array<{ kind: string; state: string }>;

describe('outputs after the steps ran, in the outputs file', () => {
  it('a release names what it published, the release and the files; a re-run says already-there', async () => {
    const first = await release('test-token');
    expect(first.status, first.stdout).toBe(0);
    expect(published(first).map(({ kind, state }) => [kind, state])).toEqual([
      ['pypi-upload', 'published'],
      ['github-release', 'published'],
    ]);
    const [created] = github.releasesFor('v1.2.3');
    expect(first.outputs['release-id']).toBe(String(created!.id));
    expect(first.outputs['release-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*v1\.2\.3$/);
    expect(JSON.parse(first.outputs['pypi-files']!).sort()).toEqual([...FILES].sort());
    expect(first.outputs).toMatchObject({ digest: '', 'image-refs': '[]', 'npm-packages': '[]' });
    // The summary a person reads opens with the outcome.
    expect(markdownLines(first.summary).slice(0, 3)).toEqual(['### tagship released: 1.2.3', '', '✅ **Released** 1.2.3: 3 steps run, 2 published.']);

    const again = await release('test-token');
    expect(again.status, again.stdout).toBe(0);
    expect(published(again).map(({ kind, state }) => [kind, state])).toEqual([
      ['pypi-upload', 'already-there'],
      ['github-release', 'already-there'],
    ]);
    expect(again.outputs['release-id']).toBe(String(created!.id));
    expect(markdownLines(again.summary).slice(0, 3)).toEqual(['### tagship: 1.2.3 already released', '', '✓ **Nothing to do**: everything was already there (3 steps run, 2 already there); nothing was changed.']);
    const results = markdownTables(again.summary).at(-1)!;
    expect(results.rows.map((row) => row.slice(0, 2))).toEqual([
      ['✅ done', 'python-build'],
      ['✓ already there', 'pypi-upload'],
      ['✓ already there', 'github-release'],
    ]);
    expect(JSON.parse(again.outputs['pypi-files']!).sort()).toEqual([...FILES].sort());
  }, 120_000);

  it('a failed later step still leaves what was published before it', async () => {
    // Preflight passes (the token may write releases); creating the release is then refused, as GitHub
    // refuses a release whose commit changes workflow files when the token may not write workflows.
    github.releases.splice(0);
    github.fail({ operationId: 'repos/create-release', status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    const run = await release('test-token');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::github-release.* failed: GitHub answered 404 while /);
    expect(published(run).map(({ kind, state }) => [kind, state])).toEqual([['pypi-upload', 'already-there']]);
    expect(JSON.parse(run.outputs['pypi-files']!).sort()).toEqual([...FILES].sort());
    expect(run.outputs['release-url']).toBe('');
    const [title, , status] = markdownLines(run.summary);
    expect(title).toBe('### tagship failed: 1.2.3');
    // As rendered: backslash escapes resolved.
    expect(status!.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toMatch(/^❌ \*\*Failed at `github-release`\*\*: GitHub answered 404 while .*`contents: write`.* 2 steps finished before it; re-run the failed jobs when fixed/);
  }, 120_000);

  it('a preflight failure: nothing is built, and the summary still opens with what stopped the run and each failed check', async () => {
    github.tokens.set('read-only-token', false);
    const run = await release('read-only-token');
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('python-build: ');
    const lines = markdownLines(run.summary);
    expect(lines.slice(0, 3)).toEqual([
      '### tagship failed: 1.2.3',
      '',
      '❌ **Failed at preflight**: 1 check failed; nothing was built or published. Fix it and re-run the workflow.',
    ]);
    // As rendered: backslash escapes resolved.
    expect(lines[4]!.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(
      '- github-release: the GitHub token cannot write releases of acme/app (POST /releases/generate-notes: HTTP 403 Resource not accessible by integration): give the job `permissions: contents: write`, or pass a token that has it in the github-token input.',
    );
    // The plan's tables follow, as for every run.
    expect(markdownTables(run.summary)[0]!.rows[0]![1]).toBe('1.2.3');
  }, 120_000);
});
