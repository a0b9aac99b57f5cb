import { describe, expect, it } from 'vitest';
import { prependChangelog } from '../../src/bump/changelog-file.js';
import { parseCommit, renderConventionalChangelog, type ChangelogEntry } from '../../src/github/changelog.js';

const repositoryUrl = 'https://github.com/acme/crawlkit';
const entries = ['feat: a --json flag', 'fix(parser): empty input crashed', 'feat!: drop the v1 API', 'chore: tidy'].map(
  (message, i) => parseCommit({ sha: `${i + 1}`.repeat(40).slice(0, 40).replace(/\d/g, (d) => 'abcdef0123'[Number(d)]!), message, url: `${repositoryUrl}/commit/${i}` })!,
) as ChangelogEntry[];
const section = { version: '1.3.0', tag: 'v1.3.0', date: '2026-12-02', entries, compareUrl: `${repositoryUrl}/compare/v1.2.0...v1.3.0`, repositoryUrl };

const KEEP_A_CHANGELOG = `# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

## [1.2.0] - 2026-10-01

### Added

- Something.

## [1.1.0] - 2026-09-01

### Fixed

- Another thing.

[unreleased]: https://github.com/acme/crawlkit/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/acme/crawlkit/compare/v1.1.0...v1.2.0
[1.1.0]: https://github.com/acme/crawlkit/releases/tag/v1.1.0
`;

describe('prependChangelog', () => {
  it('the section is the release notes’ grouping (one renderer), on top of a plain file, below its title', () => {
    const existing = '# Changelog\n\n## 1.2.0 (2026-10-01)\n\n- old\n';
    const result = prependChangelog(existing, section);
    const notes = renderConventionalChangelog(entries, { repositoryUrl });
    expect(result).toBe(`# Changelog\n\n## [1.3.0](${section.compareUrl}) (2026-12-02)\n\n${notes}\n\n## 1.2.0 (2026-10-01)\n\n- old\n`);
    expect(result.indexOf('### ⚠ Breaking changes')).toBeLessThan(result.indexOf('### Features'));
  });

  it('no file yet: a new one with a title', () => {
    const result = prependChangelog(undefined, { ...section, compareUrl: undefined });
    expect(result.startsWith(`# Changelog\n\n## [1.3.0](${repositoryUrl}/releases/tag/v1.3.0) (2026-12-02)\n\n### ⚠ Breaking changes\n`)).toBe(true);
  });

  it('Keep a Changelog: Unreleased stays first and empty, ## [x.y.z] - date, links updated', () => {
    const result = prependChangelog(KEEP_A_CHANGELOG, section);
    const lines = result.split('\n');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## [Unreleased]', '## [1.3.0] - 2026-12-02', '## [1.2.0] - 2026-10-01', '## [1.1.0] - 2026-09-01']);
    expect(result).toContain('## [Unreleased]\n\n## [1.3.0] - 2026-12-02\n\n### ⚠ Breaking changes\n');
    expect(result.endsWith(
      [
        '[unreleased]: https://github.com/acme/crawlkit/compare/v1.3.0...HEAD',
        `[1.3.0]: ${section.compareUrl}`,
        '[1.2.0]: https://github.com/acme/crawlkit/compare/v1.1.0...v1.2.0',
        '[1.1.0]: https://github.com/acme/crawlkit/releases/tag/v1.1.0',
        '',
      ].join('\n'),
    )).toBe(true);
    // Everything that was there is still there, in order.
    expect(result.replace(/## \[1\.3\.0\][\s\S]*?(?=## \[1\.2\.0\])/, '').replace(/\n\[1\.3\.0\]: .*/, '').replace('v1.3.0...HEAD', 'v1.2.0...HEAD')).toBe(
      KEEP_A_CHANGELOG.replace('## [Unreleased]\n\n', '## [Unreleased]\n\n'),
    );
  });

  it('Keep a Changelog: what was written under Unreleased becomes the release’s section', () => {
    const written = KEEP_A_CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Added\n\n- Hand-written note.\n');
    const result = prependChangelog(written, section);
    expect(result).toContain('## [Unreleased]\n\n## [1.3.0] - 2026-12-02\n\n### Added\n\n- Hand-written note.\n\n## [1.2.0] - 2026-10-01');
    expect(result).not.toContain('### Features');
  });

  it('Keep a Changelog with Unreleased as the only section and no links', () => {
    const result = prependChangelog('# Changelog\n\n## [Unreleased]\n\n- pending\n', { ...section, compareUrl: undefined, repositoryUrl: undefined });
    expect(result).toBe('# Changelog\n\n## [Unreleased]\n\n## [1.3.0] - 2026-12-02\n\n- pending\n');
  });

  it('Keep a Changelog without an Unreleased section: the release goes above the newest version', () => {
    const existing = '# Changelog\n\n## [1.2.0] - 2026-10-01\n\n- Old.\n\n[1.2.0]: https://github.com/acme/crawlkit/releases/tag/v1.2.0\n';
    expect(prependChangelog(existing, section)).toBe(
      `# Changelog\n\n## [1.3.0] - 2026-12-02\n\n${renderConventionalChangelog(entries, { repositoryUrl })}\n\n## [1.2.0] - 2026-10-01\n\n- Old.\n\n[1.3.0]: ${section.compareUrl}\n[1.2.0]: https://github.com/acme/crawlkit/releases/tag/v1.2.0\n`,
    );
  });

  it('a pull request number without the repository address stays plain text, not a dead link', () => {
    const squashed = [parseCommit({ sha: 'abcdef0123abcdef0123abcdef0123abcdef0123', message: 'fix: empty input crashed (#12)', url: '' })!];
    const result = prependChangelog(undefined, { ...section, entries: squashed, compareUrl: undefined, repositoryUrl: undefined });
    expect(result).toContain('- empty input crashed');
    expect(result).toContain('(#12)');
    expect(result).not.toContain('](#)');
  });

  it('CRLF files stay CRLF', () => {
    const crlf = KEEP_A_CHANGELOG.replace(/\n/g, '\r\n');
    const result = prependChangelog(crlf, section);
    expect(result.replace(/\r\n/g, '')).not.toContain('\n');
    expect(result).toContain('## [1.3.0] - 2026-12-02\r\n');
  });

  it('a section that already exists for the version is left as written', () => {
    const existing = '# Changelog\n\n## [1.3.0] - 2026-12-01\n\n- written by hand\n';
    expect(prependChangelog(existing, section)).toBe(existing);
  });

  it('commit text is escaped; without a repository URL the hashes are plain text, not "#" links', () => {
    const hostile = parseCommit({ sha: 'abcdef1234567', message: 'fix: <img src=x onerror=alert(1)> [link](javascript:alert(1))', url: '' })!;
    const result = prependChangelog(undefined, { version: '0.2.0', tag: 'v0.2.0', date: '2026-12-02', entries: [hostile] });
    expect(result).not.toMatch(/[^\\]<img/);
    expect(result).toContain('\\<img');
    expect(result).not.toContain('](#)');
    expect(result).toContain('(abcdef1)');
  });

  it('no commits: says so', () => {
    expect(prependChangelog(undefined, { ...section, entries: [] })).toContain('No changes since the last release.');
  });
});
