import { UserError } from '../errors.js';
import { runProcess, tail, type ProcessResult } from '../runtime/process.js';

/** The git operations a bump needs, in one repository, each a `runProcess` child with git's allow-listed env. */
export interface Git {
  topLevel(): Promise<string>;
  /** Tracked files with changes, staged or not (untracked files are no part of a commit, as `npm version` sees it). */
  dirtyFiles(): Promise<string[]>;
  /** The branch HEAD is on; undefined when detached. */
  branch(): Promise<string | undefined>;
  tags(): Promise<string[]>;
  tagsMergedIntoHead(): Promise<string[]>;
  /** The tags on origin; none (and a warning) when origin cannot be read, none when there is no origin. */
  remoteTags(warn?: (line: string) => void): Promise<string[]>;
  /** `https://host/owner/repo` from origin's URL, without any credentials it holds. */
  originWebUrl(): Promise<string | undefined>;
  commit(files: readonly string[], message: string): Promise<string>;
  unstage(files: readonly string[]): Promise<void>;
  annotatedTag(tag: string, message: string): Promise<void>;
}

/** The remote a bump pushes to when it is not `origin` (the action: the run's repository, with the job's token). */
export interface AuthenticatedRemote {
  url: string;
  /** The token as git config through the environment (push.ts `tokenConfig`): this child only. */
  secretEnv: Record<string, string>;
}

export function gitIn(cwd: string, env: NodeJS.ProcessEnv, author?: { name: string; email: string }, pushTo?: AuthenticatedRemote): Git {
  // Who the commit is by, as config given on the command line (the child's env is an allow-list).
  const identity = author ? ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`] : [];
  const run = (args: string[], timeoutMs = 30_000) => runProcess('git', [...identity, ...args], { parentEnv: env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs });
  const ok = async (args: string[], what: string): Promise<ProcessResult> => {
    const result = await run(args);
    if (result.code !== 0) throw new UserError(`${what} failed: ${tail(result, 2) || `git exited with ${result.code}`}`);
    return result;
  };
  const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    async topLevel() {
      const result = await run(['rev-parse', '--show-toplevel']);
      if (result.code !== 0) throw new UserError(`${cwd} is not in a git repository: tagship bump commits and tags, so it needs one (git init, or give --cwd).`);
      return result.stdout.trim();
    },
    async dirtyFiles() {
      const result = await ok(['status', '--porcelain=v1', '--untracked-files=no'], 'git status');
      return result.stdout.split('\n').filter((line) => line.length > 3).map((line) => line.slice(3));
    },
    async branch() {
      const result = await run(['symbolic-ref', '--quiet', '--short', 'HEAD']);
      return result.code === 0 ? result.stdout.trim() : undefined;
    },
    async tags() {
      return lines((await ok(['tag', '--list'], 'git tag --list')).stdout);
    },
    async tagsMergedIntoHead() {
      // No commit yet: nothing is merged.
      if ((await run(['rev-parse', '--verify', '--quiet', 'HEAD'])).code !== 0) return [];
      return lines((await ok(['tag', '--merged', 'HEAD'], 'git tag --merged HEAD')).stdout);
    },
    async remoteTags(warn) {
      if (!pushTo && (await run(['remote', 'get-url', 'origin'])).code !== 0) return [];
      const result = pushTo
        ? await runProcess('git', ['ls-remote', '--tags', '--refs', pushTo.url], { parentEnv: env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, secretEnv: pushTo.secretEnv, cwd, timeoutMs: 20_000 })
        : await run(['ls-remote', '--tags', '--refs', 'origin'], 20_000);
      if (result.code !== 0) {
        warn?.(`could not read the remote's tags (${tail(result, 1) || 'no answer'}); only this clone's tags were checked.`);
        return [];
      }
      return lines(result.stdout).flatMap((line) => line.split('\trefs/tags/')[1] ?? []);
    },
    async originWebUrl() {
      const result = await run(['remote', 'get-url', 'origin']);
      return result.code === 0 ? webUrl(result.stdout.trim()) : undefined;
    },
    async commit(files, message) {
      await ok(['add', '--', ...files], 'git add');
      await ok(['commit', '--quiet', '-m', message, '--', ...files], 'git commit');
      return (await ok(['rev-parse', 'HEAD'], 'git rev-parse HEAD')).stdout.trim();
    },
    async unstage(files) {
      await run(['reset', '--quiet', '--', ...files]);
    },
    async annotatedTag(tag, message) {
      await ok(['tag', '--annotate', '--message', message, '--', tag], `git tag ${tag}`);
    },
  };
}

/** `git@github.com:o/r.git`, `ssh://git@host/o/r`, `https://user:token@host/o/r.git` → `https://host/o/r`. */
export function webUrl(remote: string): string | undefined {
  const scp = /^[^@/\s]+@([^:/\s]+):([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
    if (!/^\/[^/]+\/[^/]+$/.test(path)) return undefined;
    return `https://${url.hostname}${url.port && url.protocol.startsWith('http') ? `:${url.port}` : ''}${path}`;
  } catch {
    return undefined;
  }
}
