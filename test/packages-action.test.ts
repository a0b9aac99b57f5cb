/**
 * The action (src/main.ts, in process) in a repository releasing packages independently: the pushed tag
 * selects its package, the guard reads the package's directory, the released versions are its tags only,
 * and the GitHub release (against the local GitHub stand-in) is made latest by the package's own releases,
 * with notes listing only the commits touching its path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/main.js';
import { createRunner } from '../src/runtime/action-io.js';
import { GithubApiServer } from './support/github-api-server.js';
import { tagPush } from './support/payloads.js';
import { usesTools } from './support/system-tools.js';
import { recordingRunner } from './verify/support/runner.js';

usesTools('git');

let server: GithubApiServer;
let workspace: string;

function git(...args: string[]): void {
  execFileSync('git', args, {
    cwd: workspace,
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

beforeAll(async () => {
  server = await GithubApiServer.start();
  workspace = mkdtempSync(join(tmpdir(), 'tagship-packages-action-'));
  mkdirSync(join(workspace, '.github'));
  mkdirSync(join(workspace, 'docs'));
  mkdirSync(join(workspace, 'site'));
  writeFileSync(join(workspace, '.github/tagship.yml'), 'python: { enabled: false }\nnpm: { enabled: false }\npackages:\n  docs: { path: docs }\n  site: { path: site, tag-prefix: site@ }\n');
  writeFileSync(join(workspace, 'docs/VERSION'), '1.1.0\n');
  writeFileSync(join(workspace, 'site/VERSION'), '0.3.0\n');
  writeFileSync(join(workspace, 'VERSION'), '9.0.0\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  // No origin remote: the clone's own tags are all the released versions there are.
  for (const tag of ['docs-v1.0.0', 'docs-v2.0.0', 'site@0.2.0', 'v9.0.0']) git('tag', tag);

  // The same history on the GitHub side, with the paths each commit touched.
  server.commit('feat(docs): first docs', undefined, ['docs/index.md']);
  server.tag('docs-v1.0.0');
  server.tag('site@0.2.0');
  server.commit('feat(site): a new theme', undefined, ['site/theme.css']);
  server.commit('fix(docs): a broken link', undefined, ['docs/index.md']);
  server.tag('docs-v1.1.0');
  server.tag('site@0.3.0');
});
afterAll(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

async function push(tag: string, inputs: Record<string, string> = {}, recorder = recordingRunner()) {
  const eventPath = join(mkdtempSync(join(tmpdir(), 'tagship-event-')), 'event.json');
  writeFileSync(eventPath, JSON.stringify(tagPush(tag)));
  const code = await run(
    {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: `refs/tags/${tag}`,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/widget',
      GITHUB_API_URL: server.apiUrl,
      GITHUB_SERVER_URL: server.serverUrl,
      'INPUT_GITHUB-TOKEN': 'test-token',
      INPUT_STAGES: 'release',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    },
    recorder.runner,
    () => new Date('2026-12-02T00:00:00Z'),
  );
  return { code, ...recorder };
}

describe('the action with packages', () => {
  it("releases a package's backport: not latest, since its own 2.0.0 is higher; notes from its path only", async () => {
    const { code, outputs, lines } = await push('docs-v1.1.0');
    expect(code, lines.join('\n')).toBe(0);
    expect(outputs).toMatchObject({ version: '1.1.0', latest: 'false', trigger: 'tag' });
    const [release] = server.releasesFor('docs-v1.1.0');
    expect(release).toMatchObject({ name: 'docs-v1.1.0', draft: false });
    expect(server.requestsFor('repos/create-release').at(-1)!.json).toMatchObject({ tag_name: 'docs-v1.1.0', make_latest: 'false' });
    expect(release!.body).toContain('## Changes since docs-v1.0.0');
    expect(release!.body).toContain('a broken link');
    expect(release!.body).not.toContain('a new theme');
  });

  it("releases another package as its latest though the root project's and other packages' versions are higher", async () => {
    const { code, outputs, lines } = await push('site@0.3.0');
    expect(code, lines.join('\n')).toBe(0);
    expect(outputs).toMatchObject({ version: '0.3.0', latest: 'true' });
    expect(server.requestsFor('repos/create-release').at(-1)!.json).toMatchObject({ tag_name: 'site@0.3.0', make_latest: 'true' });
    const body = server.releasesFor('site@0.3.0')[0]!.body!;
    expect(body).toContain('a new theme');
    expect(body).not.toContain('a broken link');
  });

  it("checks the package's own version file, and refuses a package input that contradicts the tag", async () => {
    // The runner as on GitHub, printing workflow commands: the annotation names the file from the repository root.
    const printed: string[] = [];
    const wrong = await push('docs-v1.2.0', { 'dry-run': 'true' }, { ...recordingRunner(), runner: createRunner({}, (line) => printed.push(line)) });
    expect(wrong.code).toBe(1);
    expect(printed).toContain('::error file=docs/VERSION,line=1::VERSION:1: version is "1.1.0" but tag docs-v1.2.0 says "1.2.0". Update VERSION or move the tag.');
    const contradicting = await push('docs-v1.1.0', { 'dry-run': 'true', package: 'site' });
    expect(contradicting.code).toBe(1);
    expect(contradicting.lines.find((line) => line.startsWith('::error::'))).toBe(
      '::error::The run is for package "site", but its tag belongs to package "docs": give the package\'s own tag (site@1.2.3) or leave the package input empty.',
    );
  });
});
