import { UserError } from '../errors.js';
import type { ChangelogCommit } from '../github/changelog.js';
import { runProcess, tail } from '../runtime/process.js';

// Fields and records split by bytes git never writes in a message it stores (NUL would end it).
const FIELD = '\x1f';
const RECORD = '\x1e';

export interface HistoryOptions {
  /** Only commits touching this directory (relative to `cwd`): one package of a repository. */
  path?: string;
  env: NodeJS.ProcessEnv;
  /** `https://github.com/owner/repo`: each commit gets its page's URL; without it, none. */
  repositoryUrl?: string;
}

/**
 * The commits since `sinceTag` (all of them without one), oldest first, as the changelog renders
 * them: full messages, so `BREAKING CHANGE:` footers and squash bodies count. Merge commits are
 * listed too (parseCommit drops them); the commits they bring in are listed on their own.
 */
export async function commitsSince(cwd: string, sinceTag: string | undefined, options: HistoryOptions): Promise<ChangelogCommit[]> {
  const range = sinceTag ? [`refs/tags/${sinceTag}..HEAD`] : ['HEAD'];
  const args = ['log', '--reverse', `--format=%H${FIELD}%B${RECORD}`, ...range];
  // `--` then `.` scoped to the package: git takes a pathspec relative to cwd.
  if (options.path !== undefined) args.push('--', options.path || '.');
  const git = (argv: string[]) => runProcess('git', argv, { parentEnv: options.env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs: 60_000 });
  // A repository with no commit yet has no history: nothing to list.
  if (!sinceTag && (await git(['rev-parse', '--verify', '--quiet', 'HEAD'])).code !== 0) return [];
  // A user's log.showSignature would put gpg's report into the output.
  const result = await git(['-c', 'log.showSignature=false', ...args]);
  if (result.code !== 0) throw new UserError(`git log ${range.join(' ')} failed in ${cwd}: ${tail(result, 2)}`);
  const base = options.repositoryUrl?.replace(/\/+$/, '');
  return result.stdout
    .split(RECORD)
    .map((record) => record.replace(/^\r?\n/, ''))
    .filter((record) => record.includes(FIELD))
    .map((record) => {
      const at = record.indexOf(FIELD);
      const sha = record.slice(0, at);
      return { sha, message: record.slice(at + 1).replace(/\s+$/, ''), url: base ? `${base}/commit/${sha}` : '' };
    });
}
