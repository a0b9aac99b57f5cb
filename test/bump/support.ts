import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { planBumpEdits, type BumpEdits } from '../../src/bump/edits.js';
import { parseConfig } from '../../src/config/load.js';
import { buildPlan, failedChecks } from '../../src/plan/build.js';
import { resolveTrigger } from '../../src/trigger.js';
import { projectSchemes, resolveVersion } from '../../src/version/guard.js';
import { nextVersion, type BumpKind } from '../../src/version/next.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { tagPush } from '../support/payloads.js';

const NOW = new Date('2026-12-02T12:00:00Z');
const made: string[] = [];

/** A fresh project directory from a map of file → text (or a copy of `from`). */
export function project(files: Record<string, string>, from?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'tagship-bump-'));
  made.push(root);
  if (from) cpSync(from, root, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

export function removeProjects(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** The sources `tagship plan` reads: every one found, or the config's `version-sources`. */
function detect(root: string, config: ReturnType<typeof configOf>) {
  const sources = config['version-sources'];
  return detectProject(root, sources === 'auto' ? undefined : sources);
}

function configOf(root: string) {
  const file = join(root, '.github/tagship.yml');
  return parseConfig({ file: '.github/tagship.yml', text: existsSync(file) ? readFileSync(file, 'utf8') : undefined });
}

/** The plan `tagship plan` would make for a tag push of `version`, with the project as it is on disk now. */
export function planFor(root: string, version: string) {
  const config = configOf(root);
  const tag = `${config['tag-prefix']}${version}`;
  const trigger = resolveTrigger(
    { name: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag) },
    { prefix: config['tag-prefix'], rehearsalPrefix: config['rehearsal-prefix'], rebuildPrefix: config['rebuild-prefix'] },
  );
  return buildPlan({ trigger, config, facts: { project: detect(root, config), knownVersions: [], repository: 'acme/app' }, now: NOW, dryRun: true });
}

export interface RoundTrip {
  previous: string;
  next: string;
  bump: BumpEdits;
  failed: ReturnType<typeof failedChecks>;
  /** Every spelling the sources had before, and after. */
  olds: string[];
  news: string[];
}

/**
 * What `tagship bump` does to the files, then `tagship plan` for the new tag: the next version from
 * the project's current one, the planned edits written, the project read again and planned.
 */
export function bumpAndPlan(root: string, kind: BumpKind | { exact: string }, preid?: string): RoundTrip {
  const config = configOf(root);
  const facts = detect(root, config);
  const schemes = projectSchemes(facts.readings, facts.python !== undefined, config['version-scheme']);
  const previous = facts.readings.find((r) => r.value !== undefined)?.value ?? '0.0.0';
  const next = typeof kind === 'string' ? nextVersion(previous, kind, { schemes, ...(preid ? { preid } : {}) }) : kind.exact;
  const version = resolveVersion(next, `${config['tag-prefix']}${next}`, schemes);
  const bump = planBumpEdits(root, facts, version);
  for (const edit of bump.edits) writeFileSync(join(root, edit.file), edit.after);
  const values = (readings: typeof facts.readings) => [...new Set(readings.flatMap((r) => (r.value === undefined ? [] : [r.value])))];
  return { previous, next, bump, failed: failedChecks(planFor(root, next)), olds: values(facts.readings), news: values(detect(root, config).readings) };
}

/**
 * The lines an edit changed, each as [before, after]; every other line is byte-for-byte the same
 * (line endings included), and the file has as many lines as before.
 */
export function changedLinePairs(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

/** Whether `after` is `before` with one occurrence of `old` replaced by `next` (a version line, nothing else). */
export function isVersionLineChange([before, after]: [string, string], old: string, next: string): boolean {
  let at = before.indexOf(old);
  while (at >= 0) {
    if (before.slice(0, at) + next + before.slice(at + old.length) === after) return true;
    at = before.indexOf(old, at + 1);
  }
  return false;
}

/** Every line the bump changed is a version line: one old spelling replaced by one new one. */
export function onlyVersionLinesChanged(result: RoundTrip): string[] {
  const wrong: string[] = [];
  for (const edit of result.bump.edits) {
    const pairs = changedLinePairs(edit.before, edit.after);
    if (pairs.length !== edit.lines.length) wrong.push(`${edit.file}: ${pairs.length} lines changed, ${edit.lines.length} reported`);
    for (const pair of pairs) {
      if (!result.olds.some((old) => result.news.some((next) => isVersionLineChange(pair, old, next)))) wrong.push(`${edit.file}: ${JSON.stringify(pair)}`);
    }
  }
  return wrong;
}
