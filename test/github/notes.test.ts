import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isConventionalHistory, parseCommit, renderConventionalChangelog, type ChangelogEntry } from '../../src/github/changelog.js';
import { createGithubReleaseExecutor } from '../../src/github/executor.js';
import { TAGSHIP_NOTES_BEGIN, TAGSHIP_RELEASE_MARKER } from '../../src/github/marker.js';
import { renderBody, renderVerify } from '../../src/github/notes.js';
import { DEFAULT_BODY_TEMPLATE } from '../../src/config/sections/github-release.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { parseRunnerCommands } from '../support/runner-commands.js';
import { FAST, harness, planRelease, projectWithDist, releaseStep } from './fixtures.js';

const links = { repositoryUrl: 'https://github.com/acme/widget' };
const entry = (message: string, sha = 'a'.repeat(40)): ChangelogEntry =>
  parseCommit({ sha, message, url: `https://github.com/acme/widget/commit/${sha}` })!;

/** Subjects written to break Markdown or the runner's log. */
const HOSTILE = [
  '::set-output name=released::false',
  'fix: </details><script>alert(1)</script>',
  'feat: [click me](javascript:alert(1)) and ![x](http://evil/x.png)',
  'fix: | a | table | cell |',
  'chore: ```',
  'docs: # not a heading <!-- hide',
  'fix(`scope`): 1. not a list **bold** _em_ ~strike~ @team',
];

describe('conventional changelog', () => {
  test('groups by type with breaking changes first, linking commits and pull requests', () => {
    const text = renderConventionalChangelog(
      [
        entry('feat(cli): add --json (#12)', '1'.repeat(40)),
        entry('fix: crash on empty config', '2'.repeat(40)),
        entry('feat!: drop Python 3.8\n\nBREAKING CHANGE: 3.9 is the minimum', '3'.repeat(40)),
        entry('refactor: split the planner', '4'.repeat(40)),
        entry('update readme', '5'.repeat(40)),
      ],
      links,
    );
    expect(text.split('\n').filter((l) => l.startsWith('### '))).toEqual([
      '### ⚠ Breaking changes',
      '### Features',
      '### Bug fixes',
      '### Refactoring',
      '### Other changes',
    ]);
    expect(text).toContain(
      '- **cli:** add \\-\\-json ([1111111](https://github.com/acme/widget/commit/1111111111111111111111111111111111111111)) ([#12](https://github.com/acme/widget/pull/12))',
    );
    expect(text).toContain('- drop Python 3\\.8 ([3333333]');
  });

  test('merge commits are left out; a mostly non-conventional history is not grouped', () => {
    expect(parseCommit({ sha: 'a', message: 'Merge pull request #4 from x/y', url: 'https://x' })).toBeUndefined();
    expect(isConventionalHistory(['feat: a', 'fix: b', 'oops'].map((m) => entry(m)))).toBe(true);
    expect(isConventionalHistory(['feat: a', 'wip', 'oops', 'more'].map((m) => entry(m)))).toBe(false);
    expect(isConventionalHistory([])).toBe(false);
  });

  test('hostile subjects stay one plain list item each: no link, HTML, code, table or heading survives', () => {
    const text = renderConventionalChangelog(HOSTILE.map((m) => entry(m)), links);
    const items = text.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(HOSTILE.length);
    for (const item of items) {
      // Strip the trusted commit link tagship adds, then every escaped character: nothing active may remain.
      const subject = item.replace(/ \(\[[0-9a-f]{7}\]\(https:\/\/github\.com\/acme\/widget\/commit\/[0-9a-f]{40}\)\)$/, '').slice(2);
      const unescaped = subject.replace(/^\*\*(?:\\.|[^*\\])+:\*\* /, '').replace(/\\./g, '');
      expect(unescaped, item).not.toMatch(/[[\]()<>`*_|#~!:@]/);
    }
    expect(text).not.toMatch(/^[^\S\n]*::/m);
    expect(text).not.toContain('<script>');
  });
});

describe('the Verify section', () => {
  test('names the repository and a placeholder file, and mentions SHA256SUMS only when it is attached', () => {
    const text = renderVerify('acme/widget', true);
    expect(text).toContain('```sh\ngh attestation verify <file> --repo acme/widget\n```');
    expect(text).toContain('sha256sum -c SHA256SUMS');
    expect(renderVerify('acme/widget', false)).not.toContain('SHA256SUMS');
  });

  test('a repository name cannot close the fence or add markup', () => {
    expect(renderVerify('acme/wid`get\n```\n<b>', false)).toContain('gh attestation verify <file> --repo acme/widgetb\n```');
  });

  test('an empty {{verify}} leaves the default body as it was', () => {
    const values = { version: '1.2.3', tag: 'v1.2.3', 'previous-tag': '', repository: 'acme/widget', install: '## Install', verify: '', changelog: '## Changes', 'compare-url': '' };
    expect(renderBody(DEFAULT_BODY_TEMPLATE, values)).toBe(renderBody('{{install}}\n\n{{changelog}}\n', values));
  });
});

describe('body template', () => {
  test('fills placeholders once (a changelog that mentions {{install}} stays literal) and hides the section between its markers', () => {
    const body = renderBody('# {{ tag }}\n\n{{install}}\n\n{{changelog}}', {
      version: '1.2.3',
      tag: 'v1.2.3',
      'previous-tag': 'v1.2.2',
      repository: 'acme/widget',
      install: '## Install',
      verify: '',
      changelog: 'see {{install}}',
      'compare-url': '',
    });
    expect(body).toBe(`${TAGSHIP_NOTES_BEGIN}\n# v1.2.3\n\n## Install\n\nsee {{install}}\n\n${TAGSHIP_RELEASE_MARKER}\n`);
  });
});

describe('notes in a release', () => {
  let server: GithubApiServer;
  const execute = createGithubReleaseExecutor(FAST);
  beforeEach(async () => {
    server = await GithubApiServer.start();
  });
  afterEach(async () => {
    await server.stop();
    expect(server.violations).toEqual([]);
  });

  test('a backport lists the changes since the highest lower version, not since the newest tag', async () => {
    server.commit('feat: base');
    const v114 = server.commits.at(-1)!.sha;
    server.tag('v1.1.4', v114);
    server.commit('feat: the 1.2 line');
    server.tag('v1.2.0');
    server.commit('fix: backported fix (#31)', v114);
    server.tag('v1.1.5');
    const plan = planRelease({ ref: 'refs/tags/v1.1.5', known: ['1.1.4', '1.2.0'], python: false });
    expect(releaseStep(plan).previousTag).toBe('v1.1.4');

    await execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    const body = server.releasesFor('v1.1.5')[0]!.body!;
    expect(body).toContain('## Changes since v1.1.4');
    expect(body).toContain('backported fix');
    expect(body).not.toContain('the 1.2 line');
    expect(body).toContain(`${server.serverUrl}/acme/widget/compare/v1.1.4...v1.1.5`);
    expect(server.requestsFor('repos/compare-commits-with-basehead')[0]!.path).toBe('/repos/acme/widget/compare/v1.1.4...v1.1.5');
  });

  test('install lines name only what was published in this run', async () => {
    server.commit('feat: one');
    server.tag('v1.2.2');
    server.commit('feat: two');
    server.tag('v1.2.3');
    const plan = planRelease({ known: ['1.2.2'], config: 'docker:\n  images: [ghcr.io/acme/widget]\n' });
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: [] }).ctx);
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    expect(body).not.toContain('pip install');
    expect(body).toContain('docker pull ghcr.io/acme/widget:1.2.3');

    const published = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    expect(published.status).toBe('done');
    expect(server.releasesFor('v1.2.3')[0]!.body).toContain('pip install crawlkit==1.2.3\ndocker pull ghcr.io/acme/widget:1.2.3');
  });

  test('a history that is not conventional falls back to GitHub generated notes', async () => {
    server.commit('initial');
    server.tag('v1.2.2');
    server.commit('Add the thing (#40)');
    server.commit('tweak');
    server.tag('v1.2.3');
    const plan = planRelease({ known: ['1.2.2'], python: false });
    await execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(server.requestsFor('repos/generate-release-notes')[0]!.json).toEqual({ tag_name: 'v1.2.3', previous_tag_name: 'v1.2.2' });
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    expect(body).toContain("## What's Changed");
    expect(body).toContain('Add the thing by @octocat');
  });

  test('hostile commit subjects are escaped in the release and never become workflow commands in the log', async () => {
    server.commit('feat: base');
    server.tag('v1.2.2');
    for (const subject of HOSTILE) server.commit(subject);
    server.commit('::add-mask::secret-looking\n\n::error::second line of the message');
    server.tag('v1.2.3');
    const plan = planRelease({ known: ['1.2.2'], python: false, config: 'github-release:\n  changelog: conventional\n' });
    const h = harness(plan, server, projectWithDist());
    await execute(releaseStep(plan), h.ctx);
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    expect(body).toContain('\\:\\:set\\-output name=released\\:\\:false');
    expect(body).not.toContain('<script>');
    // The notes are logged; the only workflow command is tagship's own mask of the token.
    expect(h.lines.join('\n')).toContain('\\:\\:set\\-output');
    const commands = h.lines.filter((l) => /^\s*(::|##\[)/.test(l)).map((l) => l.trim().split('::')[1]);
    expect(new Set(commands)).toEqual(new Set(['add-mask']));
    expect(h.lines.filter((l) => l.trim().startsWith('::add-mask::'))).toEqual(['::add-mask::test-token']);
  });

  test('GitHub generated notes print PR titles verbatim: ##[ mid-line and U+0085 never run in the log', async () => {
    server.commit('initial');
    server.tag('v1.2.2');
    server.commit('Bump lib ##[error]injected (#41)');
    server.commit('Title\u0085::set-output name=pwned::1 ##[add-mask]x (#42)');
    server.tag('v1.2.3');
    const plan = planRelease({ known: ['1.2.2'], python: false });
    const h = harness(plan, server, projectWithDist());
    await execute(releaseStep(plan), h.ctx);
    const log = h.lines.map((line) => `${line}\n`).join('');
    expect(log).toContain('Bump lib #\u2060#[error]injected by @octocat');
    expect(parseRunnerCommands(log).map((c) => `${c.command}::${c.data}`)).toEqual(['add-mask::test-token']);
  });

  test('the first release (no previous version) uses generated notes for the whole history', async () => {
    server.commit('feat: everything');
    server.tag('v1.0.0');
    const plan = planRelease({ ref: 'refs/tags/v1.0.0', known: [], python: false });
    expect(releaseStep(plan).previousTag).toBeUndefined();
    await execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(server.requestsFor('repos/generate-release-notes')[0]!.json).toEqual({ tag_name: 'v1.0.0' });
    expect(server.requestsFor('repos/compare-commits-with-basehead')).toEqual([]);
  });
});
