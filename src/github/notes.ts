import { PLACEHOLDER_PATTERN, type BodyPlaceholder } from '../config/sections/github-release.js';
import type { InstallTarget } from '../plan/steps/github-release.js';
import { TAGSHIP_RELEASE_MARKER } from './marker.js';

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
 * inside a changelog that looks like `{{install}}` stays as it is. The marker goes last, hidden.
 */
export function renderBody(template: string, values: Record<BodyPlaceholder, string>): string {
  const filled = template.replace(PLACEHOLDER_PATTERN, (_all, name: string) => values[name as BodyPlaceholder] ?? '');
  const tidy = filled.replace(/\n{3,}/g, '\n\n').trim();
  return `${tidy}\n\n${TAGSHIP_RELEASE_MARKER}\n`;
}
