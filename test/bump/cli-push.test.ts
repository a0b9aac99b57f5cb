import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBump } from '../../src/bump/run.js';
import { runCli } from '../../src/cli/main.js';
import { UserError } from '../../src/errors.js';
import { cloneOverHttp, git, GitHttpRemote, isolatedGitEnv } from '../support/git-http-remote.js';
import { usesTools } from '../support/system-tools.js';
import { makeRepo } from './git-repo.js';

usesTools('git');

const NOW = new Date('2026-12-02T12:00:00Z');
const TOKEN = 'ghs_bumpPushToken0123456789abcdef';
const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

describe('bump --push', () => {
  it('the CLI pushes the release commit and its tag to origin, atomically', async () => {
    const origin = makeRepo('tagship-origin-', { bare: true });
    const repo = makeRepo();
    repo.commit('feat: first', { VERSION: '0.4.0\n' });
    repo.git('tag', '-a', 'v0.4.0', '-m', 'v0.4.0');
    repo.git('remote', 'add', 'origin', origin.dir);
    repo.git('push', '-q', 'origin', 'main', 'v0.4.0');
    repo.commit('feat: second');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['bump', 'auto', '--push'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: repo.env, cwd: repo.dir, now: () => NOW });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.join('\n')).toContain('pushed the commit and v0.5.0 to origin');
    expect(origin.git('rev-parse', 'refs/heads/main')).toBe(repo.git('rev-parse', 'HEAD'));
    expect(origin.git('cat-file', '-t', 'refs/tags/v0.5.0')).toBe('tag');
    expect(origin.git('show', 'main:VERSION')).toBe('0.5.0');
  });

  describe('with the workflow token (as the action pushes)', () => {
    let remote: GitHttpRemote;
    beforeEach(async () => {
      remote = await GitHttpRemote.start();
      remote.tokens.set(TOKEN, 'write');
    });
    afterEach(async () => {
      await remote.stop();
    });

    const bump = async (clone: string) =>
      runBump({
        cwd: clone,
        request: 'patch',
        dryRun: false,
        commit: true,
        tag: true,
        push: true,
        env: isolatedGitEnv(join(clone, '..')),
        now: NOW,
        pushAuth: { token: TOKEN, serverUrl: remote.serverUrl, repository: remote.repository },
        author: BOT,
      });

    it('pushes as github-actions[bot]', async () => {
      const clone = await cloneOverHttp(remote);
      const result = await bump(clone);
      expect(result).toMatchObject({ previous: '1.0.0', version: '1.0.1', tag: 'v1.0.1', tagged: true, pushed: true });
      expect(remote.ref('refs/heads/main')).toBe(result.commit);
      expect(git(remote.bare, 'log', '-1', '--format=%an <%ae>|%cn', 'main').trim()).toBe(`${BOT.name} <${BOT.email}>|${BOT.name}`);
      expect(git(remote.bare, 'for-each-ref', '--format=%(taggername)', 'refs/tags/v1.0.1').trim()).toBe(BOT.name);
      expect(readFileSync(join(clone, '.git/config'), 'utf8')).not.toContain(TOKEN);
    });

    it('a tag that exists on the run’s repository (read with the token) is refused before anything changes', async () => {
      const clone = await cloneOverHttp(remote);
      git(remote.bare, 'tag', 'v1.0.1', 'main');
      const head = git(clone, 'rev-parse', 'HEAD');
      const error = await bump(clone).then(() => undefined, (e: unknown) => e);
      expect((error as Error).message).toBe('Tag v1.0.1 already exists on the remote: that version is released. Bump to a higher one.');
      expect(git(clone, 'rev-parse', 'HEAD')).toBe(head);
      expect(git(clone, 'status', '--porcelain')).toBe('');
    });

    it('a protected branch: one line that says the commit and tag are here and nothing was pushed', async () => {
      remote.refuse({ ref: 'refs/heads/main', kind: 'protected-branch', rules: ['Changes must be made through a pull request.'] });
      const before = remote.ref('refs/heads/main');
      const clone = await cloneOverHttp(remote);
      const error = await bump(clone).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).toMatch(/^Committed and tagged v1\.0\.1 here, but not pushed: GitHub refused the push to branch main: it is a protected branch \(GH006/);
      expect(message).not.toContain('\n');
      expect(message).not.toContain(TOKEN);
      expect(remote.ref('refs/heads/main')).toBe(before);
      expect(remote.ref('refs/tags/v1.0.1')).toBeUndefined();
    });
  });
});
