import { describe, expect, it } from 'vitest';
import { decideAutoBump } from '../../src/bump/auto.js';
import { commitsSince } from '../../src/bump/history.js';
import { parseCommit, type ChangelogEntry } from '../../src/github/changelog.js';
import { usesTools } from '../support/system-tools.js';
import { makeRepo, type TestRepo } from './git-repo.js';

usesTools('git');

/** The repository's commits since `v1.0.0`, parsed as the changelog parses them. */
async function entriesSince(repo: TestRepo, tag: string | undefined, path?: string): Promise<ChangelogEntry[]> {
  const commits = await commitsSince(repo.dir, tag, { env: repo.env, ...(path ? { path } : {}) });
  return commits.map(parseCommit).filter((e): e is ChangelogEntry => e !== undefined);
}

function released(): TestRepo {
  const repo = makeRepo();
  repo.commit('feat: the first release');
  repo.git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  return repo;
}

const stable = { major: 1, prerelease: false };

describe('auto: the bump conventional commits ask for, from real git histories', () => {
  it('fix and chore only → patch; a feat → minor', async () => {
    const repo = released();
    repo.commit('fix: a crash on empty input');
    repo.commit('chore(deps): bump things');
    expect(decideAutoBump(await entriesSince(repo, 'v1.0.0'), stable).kind).toBe('patch');
    repo.commit('feat(cli): a --json flag');
    const decision = decideAutoBump(await entriesSince(repo, 'v1.0.0'), stable);
    expect(decision.kind).toBe('minor');
    expect(decision.because).toContain('feat(cli): a --json flag');
  });

  it('`!` after the type → major', async () => {
    const repo = released();
    repo.commit('fix!: drop Python 3.8');
    expect(decideAutoBump(await entriesSince(repo, 'v1.0.0'), stable)).toMatchObject({ kind: 'major', because: expect.stringContaining('breaking change') });
  });

  it('a BREAKING CHANGE: footer in the body → major (and BREAKING-CHANGE:)', async () => {
    for (const footer of ['BREAKING CHANGE: the config key moved', 'BREAKING-CHANGE: the config key moved']) {
      const repo = released();
      repo.commit(`refactor: config loading\n\nLonger explanation.\n\n${footer}\nRefs: #12`);
      expect(decideAutoBump(await entriesSince(repo, 'v1.0.0'), stable).kind).toBe('major');
    }
  });

  it('commits released before the tag do not count', async () => {
    const repo = makeRepo();
    repo.commit('feat!: something big');
    repo.git('tag', '-a', 'v2.0.0', '-m', 'v2.0.0');
    repo.commit('fix: small');
    const entries = await entriesSince(repo, 'v2.0.0');
    expect(entries.map((e) => e.subject)).toEqual(['fix: small']);
    expect(decideAutoBump(entries, { major: 2, prerelease: false }).kind).toBe('patch');
  });

  it('a merge commit: the merged branch commits count, the merge subject is no entry', async () => {
    const repo = released();
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('feat: from a branch');
    repo.git('checkout', '-q', 'main');
    repo.commit('docs: readme');
    repo.git('merge', '--no-ff', '-q', '-m', 'Merge pull request #7 from someone/topic\n\nfeat: from a branch', 'topic');
    const entries = await entriesSince(repo, 'v1.0.0');
    expect(entries.map((e) => e.subject).sort()).toEqual(['docs: readme', 'feat: from a branch']);
    expect(decideAutoBump(entries, stable).kind).toBe('minor');
  });

  it('a squash commit counts by its subject and its breaking footer, not the listed commits', async () => {
    const repo = released();
    repo.commit('fix: parser edge cases (#31)\n\n* feat: wip\n\n* fix: more');
    expect(decideAutoBump(await entriesSince(repo, 'v1.0.0'), stable).kind).toBe('patch');
    repo.commit('feat: new output format (#32)\n\n* feat: first\n\n* fix: second\n\nBREAKING CHANGE: the old format is gone');
    const entries = await entriesSince(repo, 'v1.0.0');
    expect(entries.at(-1)).toMatchObject({ pullRequest: 32, conventional: { type: 'feat', breaking: true } });
    expect(decideAutoBump(entries, stable).kind).toBe('major');
  });

  it('a feat reverted in the same range counts for nothing (git revert)', async () => {
    const repo = released();
    repo.commit('fix: one');
    repo.commit('feat!: risky rewrite');
    repo.git('revert', '--no-edit', 'HEAD');
    const entries = await entriesSince(repo, 'v1.0.0');
    expect(entries).toHaveLength(3);
    expect(decideAutoBump(entries, stable).kind).toBe('patch');
  });

  it('a revert of a released feature is a change (patch)', async () => {
    const repo = makeRepo();
    repo.commit('feat: shipped');
    repo.git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0');
    repo.git('revert', '--no-edit', 'HEAD');
    const entries = await entriesSince(repo, 'v1.1.0');
    expect(entries.map((e) => e.subject)).toEqual(['Revert "feat: shipped"']);
    expect(decideAutoBump(entries, stable).kind).toBe('patch');
  });

  it('below 1.0.0: breaking → minor (1.0.0 stays deliberate), feat → minor, fix → patch', async () => {
    const initial = { major: 0, prerelease: false };
    const repo = released();
    repo.commit('fix: x');
    expect(decideAutoBump(await entriesSince(repo, 'v1.0.0'), initial).kind).toBe('patch');
    repo.commit('feat: y');
    expect(decideAutoBump(await entriesSince(repo, 'v1.0.0'), initial).kind).toBe('minor');
    repo.commit('feat!: z');
    const decision = decideAutoBump(await entriesSince(repo, 'v1.0.0'), initial);
    expect(decision.kind).toBe('minor');
    expect(decision.because).toContain('tagship bump major');
  });

  it('scoped to a package path: only commits touching it', async () => {
    const repo = released();
    repo.commit('feat: in core', { 'core/a.py': 'x\n' });
    repo.commit('fix: in cli', { 'cli/b.py': 'x\n' });
    const cli = await entriesSince(repo, 'v1.0.0', 'cli');
    expect(cli.map((e) => e.subject)).toEqual(['fix: in cli']);
    expect(decideAutoBump(cli, stable).kind).toBe('patch');
  });

  it('full history without a tag, oldest first, with commit URLs when the repository is known', async () => {
    const repo = makeRepo();
    const first = repo.commit('feat: one');
    repo.commit('fix: two\n\nbody line');
    const commits = await commitsSince(repo.dir, undefined, { env: repo.env, repositoryUrl: 'https://github.com/o/r/' });
    expect(commits.map((c) => c.message)).toEqual(['feat: one', 'fix: two\n\nbody line']);
    expect(commits[0]!.url).toBe(`https://github.com/o/r/commit/${first}`);
  });

  it('an empty repository has no history; an unknown tag is one clear line', async () => {
    const repo = makeRepo();
    expect(await commitsSince(repo.dir, undefined, { env: repo.env })).toEqual([]);
    repo.commit('feat: x');
    await expect(commitsSince(repo.dir, 'v9.9.9', { env: repo.env })).rejects.toThrow(/git log refs\/tags\/v9\.9\.9\.\.HEAD failed/);
  });
});
