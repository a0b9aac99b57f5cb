import { renderConventionalChangelog, type ChangelogEntry } from '../github/changelog.js';

export interface ChangelogSectionInput {
  version: string;
  tag: string;
  /** `YYYY-MM-DD`. */
  date: string;
  entries: readonly ChangelogEntry[];
  /** `…/compare/<previous>...<tag>`: the version's link. */
  compareUrl?: string;
  /** `https://github.com/owner/repo`: pull request links, and the version's link without a previous release. */
  repositoryUrl?: string;
}

/** `## [Unreleased]`, any case (Keep a Changelog 1.1.0 writes `## [Unreleased]`, its link `[unreleased]:`). */
const UNRELEASED_HEADING = /^##[ \t]+\[?unreleased\]?[ \t]*$/im;
/** A version section's heading, `## [1.2.3] - 2024-01-02` or `## 1.2.3 (…)`. */
const VERSION_HEADING = /^##[ \t]+\[?v?\d[^\]\s]*\]?/m;
const LINK_DEFINITION = /^\[([^\]\r\n]+)\]:[ \t]*(\S+)[ \t]*$/gm;

/**
 * CHANGELOG.md with the release's section on top: the same groups as the release notes (one
 * renderer for both). A "Keep a Changelog" file (keepachangelog.com 1.1.0) keeps its shape: the
 * `## [Unreleased]` section stays first and empty, what was written under it becomes the release's
 * section (hand-written notes win over the generated list), the heading is `## [x.y.z] - date`, and
 * the link definitions at the bottom gain the version and move `[unreleased]` on to the new tag.
 * A section that already exists for the version is left as written. Line endings follow the file's.
 */
export function prependChangelog(existing: string | undefined, section: ChangelogSectionInput): string {
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const text = (existing ?? '').replace(/\r\n/g, '\n');
  if (hasVersionSection(text, section.version)) return existing!;
  const link = section.compareUrl ?? (section.repositoryUrl ? `${section.repositoryUrl.replace(/\/+$/, '')}/releases/tag/${section.tag}` : undefined);
  const generated = renderBody(section);
  const result = isKeepAChangelog(text) ? prependKeepAChangelog(text, section, generated, link) : prependPlain(text, section, generated, link);
  return result.replace(/\n/g, eol);
}

function renderBody(section: ChangelogSectionInput): string {
  if (!section.entries.length) return 'No changes since the last release.';
  const rendered = renderConventionalChangelog(section.entries, { repositoryUrl: section.repositoryUrl ?? '' });
  // Without the repository's address a commit has no page: its short hash stays, unlinked.
  return rendered.replace(/\(\[([0-9a-f]{7}|commit)\]\(#\)\)/g, '($1)');
}

function hasVersionSection(text: string, version: string): boolean {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^##[ \\t]+\\[?v?${escaped}\\]?(?=[\\s(]|$)`, 'm').test(text);
}

function isKeepAChangelog(text: string): boolean {
  return /keepachangelog\.com/i.test(text) || UNRELEASED_HEADING.test(text) || /^##[ \t]+\[v?\d[^\]]*\][ \t]+-[ \t]+\d{4}-\d{2}-\d{2}/m.test(text);
}

function prependKeepAChangelog(text: string, section: ChangelogSectionInput, generated: string, link: string | undefined): string {
  const heading = `## [${section.version}] - ${section.date}`;
  const unreleased = UNRELEASED_HEADING.exec(text);
  let body: string;
  if (unreleased) {
    const start = unreleased.index + unreleased[0].length;
    const next = /\n##[ \t]/.exec(text.slice(start));
    const end = next ? start + next.index + 1 : linksStart(text);
    const written = text.slice(start, end).trim();
    body = `${text.slice(0, start)}\n\n${heading}\n\n${written || generated}\n\n${text.slice(end).replace(/^\n+/, '')}`;
  } else {
    body = insertBeforeFirstVersion(text, `${heading}\n\n${generated}\n`);
  }
  return updateLinks(body, section, link).replace(/\n*$/, '\n');
}

/** Where the link definitions at the bottom start (the end of the text without any). */
function linksStart(text: string): number {
  const lines = text.split('\n');
  let first = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\[[^\]]+\]:\s*\S/.test(lines[i]!)) first = i;
    else if (lines[i]!.trim()) break;
  }
  return first === lines.length ? text.length : lines.slice(0, first).join('\n').length + 1;
}

/** `[unreleased]` compares from the new tag; the version gets its own definition, above the previous one's. */
function updateLinks(text: string, section: ChangelogSectionInput, link: string | undefined): string {
  const definitions = [...text.matchAll(LINK_DEFINITION)];
  if (!definitions.length || !link) return text;
  let result = text;
  const unreleased = definitions.find((d) => d[1]!.toLowerCase() === 'unreleased');
  if (unreleased) {
    const url = unreleased[2]!;
    const moved = url.replace(/\/compare\/[^/]+?\.\.\.(HEAD|[^/\s]+)$/i, (_, head: string) => `/compare/${section.tag}...${head}`);
    result = result.replace(unreleased[0], `[${unreleased[1]}]: ${moved}`);
  }
  const line = `[${section.version}]: ${link}`;
  const firstVersion = [...result.matchAll(LINK_DEFINITION)].find((d) => d[1]!.toLowerCase() !== 'unreleased');
  if (firstVersion) return `${result.slice(0, firstVersion.index)}${line}\n${result.slice(firstVersion.index)}`;
  const last = [...result.matchAll(LINK_DEFINITION)].at(-1)!;
  const at = last.index! + last[0].length;
  return `${result.slice(0, at)}\n${line}${result.slice(at)}`;
}

function prependPlain(text: string, section: ChangelogSectionInput, generated: string, link: string | undefined): string {
  const title = link ? `[${section.version}](${link})` : section.version;
  const block = `## ${title} (${section.date})\n\n${generated}\n`;
  if (!text.trim()) return `# Changelog\n\n${block}`;
  return insertBeforeFirstVersion(text, block);
}

/** Before the first `## ` heading; without one, after the title and its paragraph, or on top. */
function insertBeforeFirstVersion(text: string, block: string): string {
  const first = VERSION_HEADING.exec(text) ?? /^##[ \t]/m.exec(text);
  if (first) return `${text.slice(0, first.index)}${block}\n${text.slice(first.index)}`;
  const trimmed = text.replace(/\n+$/, '');
  if (/^#[ \t]/.test(trimmed)) return `${trimmed}\n\n${block}`;
  return `${block}\n${text}`;
}
