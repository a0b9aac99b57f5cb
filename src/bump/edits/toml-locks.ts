import { parse as parseToml } from 'smol-toml';
import { globSync } from 'tinyglobby';
import { checkGlobPatterns, containedGlobOptions, projectEntryExists, readProjectText } from '../../project/files.js';
import { stripBom } from '../../project/json.js';
import type { VersionReading } from '../../version/sources/reading.js';
import { editCargoLock, editUvLock } from './lock-entries.js';
import type { PlannedTexts } from './planned-texts.js';

/** Cargo.lock entries of the crates a bumped Cargo.toml version moves. */
export function planCargoLockEdits(texts: PlannedTexts, readings: readonly VersionReading[], version: string): void {
  if (!readings.length || !texts.exists('Cargo.lock')) return;
  const crates = readings.flatMap((reading) => cargoCrates(texts.root, reading, texts.get(reading.file).before));
  texts.edit('Cargo.lock', (text) => editCargoLock(text, 'Cargo.lock', crates, version));
}

/** uv.lock records the project's own [project].version (PEP 440 normal form); `uv sync --locked` fails when it differs. */
export function planUvLockEdits(texts: PlannedTexts, projectName: string | undefined, version: string): void {
  if (projectName && texts.exists('uv.lock')) texts.edit('uv.lock', (text) => editUvLock(text, 'uv.lock', projectName, version));
}

/**
 * The crates whose Cargo.lock entries follow the bump: the package of a `[package].version`, or for
 * `[workspace.package].version` every member that inherits it (`version.workspace = true`).
 */
function cargoCrates(root: string, reading: VersionReading, text: string): string[] {
  const doc = parseToml(stripBom(text)) as { package?: { name?: unknown }; workspace?: { members?: unknown; exclude?: unknown } };
  if (!reading.source.endsWith('[workspace.package].version')) return typeof doc.package?.name === 'string' ? [doc.package.name] : [];
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : []);
  const patterns = checkGlobPatterns(strings(doc.workspace?.members), 'Cargo.toml [workspace].members').map((p) => p.replace(/\/+$/, ''));
  const dirs = patterns.length ? globSync(patterns, { ...containedGlobOptions(root), onlyDirectories: true, ignore: strings(doc.workspace?.exclude) }) : [];
  const crates: string[] = [];
  for (const dir of [...new Set(dirs.map((d) => d.replace(/\/+$/, '')))].sort()) {
    const manifest = `${dir}/Cargo.toml`;
    // A member directory without a manifest is Cargo's concern, not a crate to follow.
    if (!projectEntryExists(root, manifest)) continue;
    const member = parseToml(stripBom(readProjectText(root, manifest))) as { package?: { name?: unknown; version?: unknown } };
    const inherits = (member.package?.version as { workspace?: unknown } | undefined)?.workspace === true;
    if (inherits && typeof member.package?.name === 'string') crates.push(member.package.name);
  }
  return crates;
}
