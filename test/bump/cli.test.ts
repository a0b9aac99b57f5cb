import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { usesTools } from '../support/system-tools.js';
import { makeRepo, type TestRepo } from './git-repo.js';

usesTools('git');

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const NOW = new Date('2026-12-02T12:00:00Z');

async function tagship(repo: TestRepo, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: repo.env, cwd: repo.dir, now: () => NOW });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** An example project as a repository whose current version is released (tagged). */
function released(example: string, tag: string, extra: Record<string, string> = {}): TestRepo {
  const repo = makeRepo();
  cpSync(join(examples, example), repo.dir, { recursive: true });
  repo.commit('chore: the project as released', extra);
  repo.git('tag', '-a', tag, '-m', tag);
  return repo;
}

/** What a refusal must leave: the same commit, the same tags, the same files. */
function snapshot(repo: TestRepo) {
  return { head: repo.git('rev-parse', 'HEAD'), tags: repo.git('tag', '--list'), status: repo.git('status', '--porcelain', '--untracked-files=all') };
}

const KEEP_A_CHANGELOG = '# Changelog\n\nThe format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/).\n\n## [Unreleased]\n\n## [1.2.3] - 2026-10-01\n\n- First.\n\n[unreleased]: https://github.com/acme/crawlkit/compare/v1.2.3...HEAD\n[1.2.3]: https://github.com/acme/crawlkit/releases/tag/v1.2.3\n';

describe('tagship bump', () => {
  it('minor on the Python example: version lines and the changelog section only, one commit, an annotated tag; plan then passes', async () => {
    const repo = released('python-app', 'v1.2.3', { 'CHANGELOG.md': KEEP_A_CHANGELOG });
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/crawlkit.git');
    repo.commit('feat(cli): a json flag');
    repo.commit('fix: empty input');
    const { code, stdout, stderr } = await tagship(repo, 'bump', 'minor');
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining("could not read the remote's tags") });
    expect(stdout).toContain('1.2.3 → 1.3.0');
    expect(stdout).toContain('tagged v1.3.0 (annotated)');
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('log', '-1', '--format=%s')).toBe('chore(release): v1.3.0');
    expect(repo.git('cat-file', '-t', 'v1.3.0')).toBe('tag');
    expect(repo.git('rev-parse', 'v1.3.0^{commit}')).toBe(repo.git('rev-parse', 'HEAD'));
    // Only version lines and the changelog section.
    const diff = repo.git('diff', '--unified=0', 'HEAD~1', 'HEAD', '--', '.', ':!CHANGELOG.md');
    const changed = diff.split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(changed.sort()).toEqual(['+__version__ = "1.3.0"', '+version = "1.3.0"', '-__version__ = "1.2.3"', '-version = "1.2.3"']);
    const changelog = readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## [Unreleased]\n\n## [1.3.0] - 2026-12-02\n\n### Features\n\n- **cli:** a json flag');
    expect(changelog).toContain('[1.3.0]: https://github.com/acme/crawlkit/compare/v1.2.3...v1.3.0');
    const plan = await tagship(repo, 'plan', '--ref', 'refs/tags/v1.3.0', '--known-versions', '1.2.3');
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
  });

  it('auto reads the commits since the highest release; --json (an npm workspace, its lockstep members)', async () => {
    const repo = released('npm-workspace', 'v2.0.0');
    repo.commit('fix: one', { 'packages/core/index.js': '// fixed\n' });
    repo.commit('feat!: the new API\n\nBREAKING CHANGE: the old one is gone', { 'packages/cli/index.js': '// new\n' });
    const { code, stdout } = await tagship(repo, 'bump', 'auto', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ previous: '2.0.0', version: '3.0.0', tag: 'v3.0.0', tagged: true, pushed: false, dryRun: false, because: expect.stringContaining('breaking change') });
    expect(result.edits.map((e: { file: string }) => e.file).sort()).toEqual(['packages/cli/package.json', 'packages/core/package.json']);
    expect(result.commit).toBe(repo.git('rev-parse', 'HEAD'));
    const plan = await tagship(repo, 'plan', '--ref', 'refs/tags/v3.0.0', '--known-versions', '2.0.0');
    expect(plan.code).toBe(0);
  });

  it('commit text is untrusted: no terminal escape reaches the output or the changelog', async () => {
    const repo = released('python-app', 'v1.2.3', { 'CHANGELOG.md': '# Changelog\n' });
    repo.commit('feat: \x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 <script>');
    const { code, stdout } = await tagship(repo, 'bump', 'auto', '--dry-run');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(stdout).toContain('1.2.3 → 1.3.0 (auto: feature in');
    expect(stdout).toContain('\\<script\\>');
  });

  it('--dry-run prints the diff and the tag and changes nothing', async () => {
    const repo = released('python-app', 'v1.2.3');
    const before = snapshot(repo);
    const { code, stdout } = await tagship(repo, 'bump', 'patch', '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain('--- a/pyproject.toml\n+++ b/pyproject.toml\n');
    expect(stdout).toContain('-version = "1.2.3"\n+version = "1.2.4"');
    expect(stdout).toContain('would commit and tag v1.2.4');
    expect(snapshot(repo)).toEqual(before);
  });

  it('--no-commit writes the files only; --no-tag commits without a tag', async () => {
    const repo = released('python-app', 'v1.2.3');
    const head = repo.git('rev-parse', 'HEAD');
    expect((await tagship(repo, 'bump', 'patch', '--no-commit')).code).toBe(0);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('tag', '--list')).toBe('v1.2.3');
    expect(repo.git('diff', '--name-only').split('\n').sort()).toEqual(['crawlkit/__version__.py', 'pyproject.toml']);
    repo.git('checkout', '--', '.');
    const noTag = await tagship(repo, 'bump', 'patch', '--no-tag');
    expect(noTag.code).toBe(0);
    expect(repo.git('log', '-1', '--format=%s')).toBe('chore(release): v1.2.4');
    expect(repo.git('tag', '--list')).toBe('v1.2.3');
  });

  it('a prerelease with --preid, then the next one', async () => {
    const repo = released('python-app', 'v1.2.3');
    expect((await tagship(repo, 'bump', 'preminor', '--preid', 'rc')).stdout).toContain('1.2.3 → 1.3.0rc0');
    expect((await tagship(repo, 'bump', 'prerelease')).stdout).toContain('1.3.0rc0 → 1.3.0rc1');
    expect(repo.git('tag', '--list').split('\n')).toEqual(['v1.2.3', 'v1.3.0rc0', 'v1.3.0rc1']);
  });

  it('an exact version; a backport below a higher release on another branch is fine', async () => {
    const repo = released('python-app', 'v1.2.3');
    repo.git('branch', 'release-1.2');
    expect((await tagship(repo, 'bump', '2.0.0')).code).toBe(0);
    repo.git('checkout', '-q', 'release-1.2');
    repo.commit('fix: backported');
    const backport = await tagship(repo, 'bump', 'patch');
    expect(backport.stderr).toBe('');
    expect(backport.stdout).toContain('1.2.3 → 1.2.4');
  });

  it('--package: one package of the repository, by its own tags and its own history; plan for its tag passes', async () => {
    const repo = makeRepo();
    repo.commit('chore: two packages', {
      '.github/tagship.yml': 'packages:\n  core: { path: core, tag-prefix: core-v }\n  web: { path: web, tag-prefix: web-v }\n',
      'core/pyproject.toml': '[project]\nname = "acme-core"\nversion = "1.4.0"  # the core\'s version\n',
      'core/CHANGELOG.md': '# Changelog\n',
      'web/package.json': '{\n  "name": "acme-web",\n  "version": "0.3.1"\n}\n',
    });
    repo.git('tag', '-a', 'core-v1.4.0', '-m', 'core 1.4.0');
    repo.git('tag', '-a', 'web-v0.3.1', '-m', 'web 0.3.1');
    repo.commit('feat: web only', { 'web/index.js': '1\n' });
    repo.commit('fix(core): core only', { 'core/x.py': '1\n' });
    const core = await tagship(repo, 'bump', 'auto', '--package', 'core');
    expect(core.stderr).toBe('');
    expect(core.stdout).toContain('core: 1.4.0 → 1.4.1 (auto: no feature and no breaking change in 1 commit)');
    expect(repo.git('show', '--name-only', '--format=%s', 'HEAD').split('\n')).toEqual(['chore(release): core-v1.4.1', '', 'core/CHANGELOG.md', 'core/pyproject.toml']);
    expect(readFileSync(join(repo.dir, 'core/pyproject.toml'), 'utf8')).toContain('version = "1.4.1"  # the core\'s version');
    expect(readFileSync(join(repo.dir, 'core/CHANGELOG.md'), 'utf8')).toContain('### Bug fixes\n\n- **core:** core only');
    expect(readFileSync(join(repo.dir, 'core/CHANGELOG.md'), 'utf8')).not.toContain('web only');
    const web = await tagship(repo, 'bump', 'auto', '--package', 'web');
    expect(web.stdout).toContain('web: 0.3.1 → 0.4.0');
    expect(repo.git('tag', '--list').split('\n')).toEqual(['core-v1.4.0', 'core-v1.4.1', 'web-v0.3.1', 'web-v0.4.0']);
    const plan = await tagship(repo, 'plan', '--ref', 'refs/tags/core-v1.4.1', '--known-versions', '1.4.0');
    expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
    const unknown = await tagship(repo, 'bump', 'patch', '--package', 'nope');
    expect({ code: unknown.code, stderr: unknown.stderr }).toEqual({ code: 1, stderr: 'tagship: No package "nope" in the config\'s packages: expected one of "core", "web".' });
  });

  describe('refusals: one line on stderr, exit 1, nothing changed', () => {
    const refusals: Array<[string, (repo: TestRepo) => void, string[], RegExp]> = [
      ['uncommitted changes', (repo) => writeFileSync(join(repo.dir, 'pyproject.toml'), `${readFileSync(join(repo.dir, 'pyproject.toml'), 'utf8')}\n# edited\n`), ['patch'], /uncommitted changes \(pyproject\.toml\): commit or stash/],
      ['a source edited by hand since the release', (repo) => repo.commit('chore: oops', { 'crawlkit/__version__.py': '__version__ = "1.2.5"\n' }), ['patch'], /crawlkit\/__version__\.py:1 says 1\.2\.5 but pyproject\.toml:7 says 1\.2\.3: the version sources disagree/],
      ['a version not higher than the highest release', (repo) => repo.git('tag', '-a', 'v1.4.0', '-m', 'x'), ['1.3.0'], /1\.3\.0 is not higher than 1\.4\.0, the highest release on this branch/],
      ['a tag that already exists (on another branch)', (repo) => {
        repo.git('checkout', '-q', '-b', 'other');
        repo.commit('feat: elsewhere');
        repo.git('tag', '-a', 'v1.2.4', '-m', 'x');
        repo.git('checkout', '-q', 'main');
      }, ['patch'], /Tag v1\.2\.4 already exists: that version is released/],
      ['a source it cannot rewrite safely', (repo) => repo.commit('chore: twice', { 'crawlkit/__version__.py': '__version__ = "1.2.3"\n__version__ = "1.2.3"\n' }), ['patch'], /crawlkit\/__version__\.py:2.*__version__ is assigned again/],
      ['the same version under another spelling (PEP 440)', (repo) => {
        repo.git('checkout', '-q', '-b', 'other');
        repo.git('tag', '-a', 'v1.3.0-rc.0', '-m', 'x');
        repo.git('checkout', '-q', 'main');
      }, ['preminor', '--preid', 'rc'], /Tag v1\.3\.0-rc\.0 already exists and is the same version as 1\.3\.0rc0/],
      ['auto with no commits since the release', () => undefined, ['auto'], /No commits since v1\.2\.3: nothing to release\. Give a kind or a version/],
      ['a lower version than the files state', () => undefined, ['1.2.0'], /1\.2\.0 is not higher than 1\.2\.3/],
      ['a prerelease id with invalid characters', () => undefined, ['prerelease', '--preid', 'r c'], /Prerelease id "r c" is not a PEP 440 prerelease label/],
      ['--preid with a plain kind', () => undefined, ['minor', '--preid', 'rc'], /--preid "rc" goes with premajor, preminor, prepatch, prerelease or auto/],
      ['an unknown bump kind', () => undefined, ['huge'], /unknown bump kind "huge"; expected major, minor, patch/],
      ['a version that is not one', () => undefined, ['1.2.3.4.x'], /not a PEP 440 version/],
    ];
    for (const [name, prepare, args, message] of refusals) {
      it(name, async () => {
        const repo = released('python-app', 'v1.2.3');
        prepare(repo);
        const before = snapshot(repo);
        const { code, stdout, stderr } = await tagship(repo, 'bump', ...args);
        expect(stderr).toMatch(message);
        expect(stderr.split('\n')).toHaveLength(1);
        expect(stderr.startsWith('tagship: ')).toBe(true);
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(snapshot(repo)).toEqual(before);
      });
    }

    it('a commit that fails (a pre-commit hook says no) puts every file back', async () => {
      const repo = released('python-app', 'v1.2.3', { 'CHANGELOG.md': '# Changelog\n' });
      writeFileSync(join(repo.dir, '.git/hooks/pre-commit'), '#!/bin/sh\necho "lint failed" >&2\nexit 1\n', { mode: 0o755 });
      const before = snapshot(repo);
      const { code, stderr } = await tagship(repo, 'bump', 'patch');
      expect({ code, stderr }).toEqual({ code: 1, stderr: 'tagship: git commit failed: lint failed' });
      expect(snapshot(repo)).toEqual(before);
      expect(repo.git('diff', 'HEAD', '--stat')).toBe('');
    });

    it('a tag that exists only on origin', async () => {
      const origin = makeRepo('tagship-origin-', { bare: true });
      const repo = released('python-app', 'v1.2.3');
      repo.git('remote', 'add', 'origin', origin.dir);
      repo.git('push', '-q', 'origin', 'main', 'v1.2.3');
      repo.git('push', '-q', 'origin', 'HEAD:refs/tags/v1.2.4');
      const before = snapshot(repo);
      const { code, stderr } = await tagship(repo, 'bump', 'patch');
      expect({ code, stderr }).toEqual({ code: 1, stderr: 'tagship: Tag v1.2.4 already exists on the remote: that version is released. Bump to a higher one.' });
      expect(snapshot(repo)).toEqual(before);
    });

    it('not a git repository', async () => {
      const repo = released('python-app', 'v1.2.3');
      const plain = mkdtempSync(join(tmpdir(), 'tagship-plain-'));
      cpSync(join(examples, 'python-app'), plain, { recursive: true });
      const { code, stderr } = await tagship(repo, 'bump', 'patch', '--cwd', plain);
      expect({ code, stderr }).toEqual({ code: 1, stderr: `tagship: ${plain} is not in a git repository: tagship bump commits and tags, so it needs one (git init, or give --cwd).` });
      expect(readFileSync(join(plain, 'pyproject.toml'), 'utf8')).toContain('version = "1.2.3"');
    });
  });
});
