import { isDeepStrictEqual } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { refuse } from './text.js';

/** A `[[package]]` entry of a TOML lockfile, as the lock tool writes it: one `key = value` a line. */
export interface LockEntry {
  name: string;
  /** The `source = …` value as written (`"registry+…"`, `{ editable = "." }`), absent for a Cargo workspace crate. */
  source?: string;
}

/**
 * Sets `version = "…"` of the `[[package]]` entries `ours` picks in a lockfile Cargo or uv wrote
 * (Cargo.lock, uv.lock): those lines only. The result is checked to parse to the same document with
 * only those versions changed; anything else (a hand-formatted lock) is refused with `todo`.
 */
export function editLockEntries(text: string, file: string, ours: (entry: LockEntry) => boolean, version: string, todo: string): string {
  const lines = text.split('\n');
  const blocks: Array<{ name?: string; source?: string; versionLine?: number }> = [];
  let block: (typeof blocks)[number] | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*\[\[\s*package\s*\]\]\s*$/.test(line)) blocks.push((block = {}));
    else if (/^\s*\[/.test(line)) block = undefined;
    else if (block) {
      const pair = /^\s*(name|version|source)\s*=\s*(.*?)\s*$/.exec(line);
      const string = pair ? /^"([^"\\]*)"$/.exec(pair[2]!)?.[1] : undefined;
      if (pair?.[1] === 'name' && string !== undefined) block.name = string;
      else if (pair?.[1] === 'version' && string !== undefined) block.versionLine = i;
      else if (pair?.[1] === 'source') block.source = pair[2];
    }
  });
  const changed = new Set<number>();
  for (const entry of blocks) {
    if (!entry.name || entry.versionLine === undefined || !ours({ name: entry.name, ...(entry.source !== undefined ? { source: entry.source } : {}) })) continue;
    lines[entry.versionLine] = lines[entry.versionLine]!.replace(/"[^"]*"/, JSON.stringify(version));
    changed.add(blocks.indexOf(entry));
  }
  const after = lines.join('\n');
  if (after === text) return text;
  // The same entries, found by the TOML parser: their versions set, nothing else may differ.
  const expected = parseToml(text) as { package?: Array<Record<string, unknown>> };
  (expected.package ?? []).forEach((pkg, i) => {
    if (changed.has(i)) pkg.version = version;
  });
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parseToml(after))), JSON.parse(JSON.stringify(expected)))) {
    refuse(file, undefined, 'its [[package]] entries are not in the form the lock tool writes', todo);
  }
  return after;
}

/** Cargo.lock: the bumped crates of this workspace (an entry with a `source` is a registry or git crate of the same name). */
export function editCargoLock(text: string, file: string, crates: readonly string[], version: string): string {
  return editLockEntries(text, file, (entry) => entry.source === undefined && crates.includes(entry.name), version, 'run cargo update --workspace after the bump');
}

/** PEP 503's normal form of a project name, as uv writes it in uv.lock. */
export function normalizedProjectName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * uv.lock: the project itself, the entry whose source is the project directory (`{ editable = "." }` or
 * `{ virtual = "." }`; a workspace member's lock at the workspace root names the member's `dir` relative to it).
 */
export function editUvLock(text: string, file: string, project: string, version: string, dir = '.'): string {
  const name = normalizedProjectName(project);
  const quoted = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = new RegExp(`^\\{\\s*(?:editable|virtual)\\s*=\\s*"${quoted}"\\s*\\}$`);
  return editLockEntries(text, file, (entry) => normalizedProjectName(entry.name) === name && own.test(entry.source ?? ''), version, 'run uv lock after the bump');
}
