import { escapeInline, safeUrl } from './markdown.js';

/** A commit as the compare API reports it; `message` is untrusted text. */
export interface ChangelogCommit {
  sha: string;
  message: string;
  /** The commit's page. */
  url: string;
}

export interface ConventionalCommit {
  type: string;
  scope?: string;
  breaking: boolean;
  subject: string;
}

export interface ChangelogEntry {
  commit: ChangelogCommit;
  /** Undefined when the subject is not a conventional commit. */
  conventional?: ConventionalCommit;
  /** The subject without the trailing `(#123)`. */
  subject: string;
  pullRequest?: number;
}

// `type(scope)!: subject` — https://www.conventionalcommits.org/en/v1.0.0/
const CONVENTIONAL = /^([a-zA-Z]+)(?:\(([^()\r\n]{1,60})\))?(!)?: +(\S.*)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: /m;
const MERGE_SUBJECT = /^Merge (pull request #\d+ from|branch |remote-tracking branch )/;
const TRAILING_PR = /\s*\(#(\d+)\)\s*$/;

/** Sections in the order they appear; types not listed go to "Other changes". */
const SECTIONS: ReadonlyArray<{ title: string; types: readonly string[] }> = [
  { title: 'Features', types: ['feat', 'feature'] },
  { title: 'Bug fixes', types: ['fix', 'bugfix'] },
  { title: 'Performance', types: ['perf'] },
  { title: 'Reverts', types: ['revert'] },
  { title: 'Documentation', types: ['docs'] },
  { title: 'Refactoring', types: ['refactor'] },
  { title: 'Build and CI', types: ['build', 'ci'] },
  { title: 'Tests', types: ['test', 'tests'] },
  { title: 'Chores', types: ['chore', 'style'] },
];

export function parseCommit(commit: ChangelogCommit): ChangelogEntry | undefined {
  const [firstLine = ''] = commit.message.split(/\r?\n/, 1);
  if (MERGE_SUBJECT.test(firstLine)) return undefined;
  const pr = TRAILING_PR.exec(firstLine);
  const subject = pr ? firstLine.slice(0, pr.index) : firstLine;
  const match = CONVENTIONAL.exec(subject.trim());
  const conventional = match
    ? {
        type: match[1]!.toLowerCase(),
        ...(match[2] ? { scope: match[2].trim() } : {}),
        breaking: match[3] === '!' || BREAKING_FOOTER.test(commit.message),
        subject: match[4]!.trim(),
      }
    : undefined;
  return { commit, subject: subject.trim(), ...(conventional ? { conventional } : {}), ...(pr ? { pullRequest: Number(pr[1]) } : {}) };
}

/**
 * Whether a history follows conventional commits well enough to group it: at least half of its
 * commits (merge commits aside). Otherwise GitHub's generated notes, built from pull requests, say more.
 */
export function isConventionalHistory(entries: readonly ChangelogEntry[]): boolean {
  if (!entries.length) return false;
  return entries.filter((e) => e.conventional).length * 2 >= entries.length;
}

export interface ChangelogLinks {
  /** `https://github.com/owner/repo`, for pull request links. */
  repositoryUrl: string;
}

/** The changelog grouped by type, newest first within a group. Every commit text is escaped. */
export function renderConventionalChangelog(entries: readonly ChangelogEntry[], links: ChangelogLinks): string {
  const groups = new Map<string, string[]>();
  const add = (title: string, line: string) => groups.set(title, [...(groups.get(title) ?? []), line]);
  for (const entry of [...entries].reverse()) {
    const line = renderEntry(entry, links);
    if (entry.conventional?.breaking) add('⚠ Breaking changes', line);
    const section = SECTIONS.find((s) => entry.conventional && s.types.includes(entry.conventional.type));
    add(section?.title ?? 'Other changes', line);
  }
  const order = ['⚠ Breaking changes', ...SECTIONS.map((s) => s.title), 'Other changes'];
  return order
    .filter((title) => groups.has(title))
    .map((title) => [`### ${title}`, '', ...groups.get(title)!].join('\n'))
    .join('\n\n');
}

function renderEntry(entry: ChangelogEntry, links: ChangelogLinks): string {
  const c = entry.conventional;
  const scope = c?.scope ? `**${escapeInline(c.scope, 60)}:** ` : '';
  const text = escapeInline(c ? c.subject : entry.subject);
  const sha = /^[0-9a-f]{7,64}$/i.test(entry.commit.sha) ? entry.commit.sha.slice(0, 7) : 'commit';
  const parts = [`- ${scope}${text} ([${sha}](${safeUrl(entry.commit.url)}))`];
  // Without the repository's address (a clone with no GitHub remote) the number stays plain text, not a dead link.
  if (entry.pullRequest) parts.push(links.repositoryUrl ? `([#${entry.pullRequest}](${safeUrl(`${links.repositoryUrl}/pull/${entry.pullRequest}`)}))` : `(#${entry.pullRequest})`);
  return parts.join(' ');
}

