import { PLACEHOLDER_PATTERN, type BodyPlaceholder } from '../config/sections/github-release.js';
import type { InstallTarget } from '../plan/steps/github-release.js';
import { isTagshipRelease, TAGSHIP_NOTES_BEGIN, TAGSHIP_RELEASE_MARKER } from './marker.js';

/** Which install targets were actually published: their step finished (done or already in place). */
export function publishedTargets(targets: readonly InstallTarget[], finishedSteps: ReadonlySet<string>): InstallTarget[] {
  return targets.filter((t) => t.ecosystem === 'docker' || finishedSteps.has(t.afterStep));
}

/** One shell line per target. Names come from project files and config, never from commits. */
export function installLine(target: InstallTarget): string {
  switch (target.ecosystem) {
    case 'pypi':
      return `pip install ${target.indexUrl ? `--index-url ${target.indexUrl} ` : ''}${target.name}==${target.version}`;
    case 'npm':
      return `npm i ${target.name}@${target.version}`;
    case 'docker':
      return `docker pull ${target.image}:${target.tag}`;
  }
}

/** The `## Install` section, or '' when nothing installable was published. */
export function renderInstall(targets: readonly InstallTarget[]): string {
  if (!targets.length) return '';
  // Backticks cannot occur in package or image names, but a fence must never be closed early.
  const lines = targets.map((t) => installLine(t).replace(/`/g, ''));
  return ['## Install', '', '```sh', ...lines, '```'].join('\n');
}

/**
 * The `## Verify` section: how to check one downloaded asset against its build-provenance attestation
 * (`gh attestation verify` finds it by the file's sha256 in this repository). `repository` is
 * `owner/name` as GitHub spells it (letters, digits, `-`, `_`, `.`), so it cannot close the fence.
 */
export function renderVerify(repository: string, checksums: boolean): string {
  const safe = repository.replace(/[^A-Za-z0-9_./-]/g, '');
  const lines = [
    '## Verify',
    '',
    'Every file attached to this release carries build provenance signed by the workflow that built it. Check a download with the [GitHub CLI](https://cli.github.com/):',
    '',
    '```sh',
    `gh attestation verify <file> --repo ${safe}`,
    '```',
  ];
  if (checksums) lines.push('', 'Or verify `SHA256SUMS` that way, then check the other files against it with `sha256sum -c SHA256SUMS`.');
  return lines.join('\n');
}

export interface ChangelogSection {
  /** Markdown, already escaped. */
  text: string;
  previousTag?: string;
  compareUrl?: string;
  /** Generated notes carry their own heading and full-changelog link. */
  source: 'conventional' | 'github' | 'none';
}

export function renderChangelogSection(section: ChangelogSection): string {
  if (section.source === 'github') return section.text.trim();
  const heading = section.previousTag ? `## Changes since ${section.previousTag}` : '## Changes';
  const body = section.text.trim() || '_No changes._';
  const full = section.compareUrl && section.previousTag ? `\n\n**Full changelog**: ${section.compareUrl}` : '';
  return `${heading}\n\n${body}${full}`;
}

/**
 * Fills the body template. A placeholder's value is inserted once and never re-scanned, so text
 * inside a changelog that looks like `{{install}}` stays as it is. The result is tagship's section,
 * between two hidden markers (./marker.ts), the closing one last.
 */
export function renderBody(template: string, values: Record<BodyPlaceholder, string>): string {
  const filled = template.replace(PLACEHOLDER_PATTERN, (_all, name: string) => values[name as BodyPlaceholder] ?? '');
  const tidy = filled.replace(/\n{3,}/g, '\n\n').trim();
  return `${TAGSHIP_NOTES_BEGIN}\n${tidy}\n\n${TAGSHIP_RELEASE_MARKER}\n`;
}

/**
 * The body a re-run writes over `existing`: only tagship's section is replaced by `fresh` (a
 * `renderBody` result), and what a person wrote above or below it is kept. A body with no section is
 * either one an older tagship wrote (the marker alone on its last line: all of it is tagship's) or
 * one a person wrote (release-please, `gh release create`, the web form): theirs is kept, with
 * tagship's section below it.
 */
export function mergeReleaseBody(existing: string | null | undefined, fresh: string): string {
  const current = (existing ?? '').replace(/\r\n/g, '\n');
  if (!current.trim()) return fresh;
  const section = findSection(current);
  if (section) {
    const after = current.slice(section.end);
    return `${current.slice(0, section.start)}${fresh.replace(/\n$/, '')}${after || '\n'}`;
  }
  if (isTagshipRelease(current)) return fresh;
  return `${current.trimEnd()}\n\n${fresh}`;
}

/** Where tagship's section lies: from its opening line to the end of its closing marker's line (the newline after it excluded). */
function findSection(body: string): { start: number; end: number } | undefined {
  const lines = body.split('\n');
  const begin = lines.indexOf(TAGSHIP_NOTES_BEGIN);
  if (begin < 0) return undefined;
  const close = lines.indexOf(TAGSHIP_RELEASE_MARKER, begin + 1);
  if (close < 0) return undefined;
  const offset = (line: number) => lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
  return { start: offset(begin), end: offset(close) + TAGSHIP_RELEASE_MARKER.length };
}
