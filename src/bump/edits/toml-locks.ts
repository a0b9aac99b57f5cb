import { parse as parseToml } from 'smol-toml';
import { globSync } from 'tinyglobby';
import { checkGlobPatterns, containedGlobOptions, projectEntryExists, readProjectText } from '../../project/files.js';
import { stripBom } from '../../project/json.js';
import type { VersionReading } from '../../version/sources/reading.js';
import { editCargoDependents } from './cargo-dependents.js';
import { editCargoLock, editUvLock } from './lock-entries.js';
import type { PlannedTexts } from './planned-texts.js';

/** Cargo.lock entries of the crates a bumped Cargo.toml version moves, and the workspace's path dependencies on them. */
export function planCargoEdits(texts: PlannedTexts, readings: readonly VersionReading[], version: string): void {
  for (const reading of readings) {
    const workspace = cargoWorkspace(texts.root, reading, texts.get(reading.file).before);
    const bumped = workspace.crates.map((name) => ({ name, previous: reading.value! }));
    for (const manifest of [reading.file, ...workspace.members]) texts.edit(manifest, (text) => editCargoDependents(text, bumped, version));
    if (texts.exists('Cargo.lock')) texts.edit('Cargo.lock', (text) => editCargoLock(text, 'Cargo.lock', workspace.crates, version));
  }
}

/** uv.lock records the project's own [project].version (PEP 440 normal form); `uv sync --locked` fails when it differs. */
export function planUvLockEdits(texts: PlannedTexts, projectName: string | undefined, version: string): void {
  if (projectName && texts.exists('uv.lock')) texts.edit('uv.lock', (text) => editUvLock(text, 'uv.lock', projectName, version));
}

/**
 * The crates whose versions follow the bump, and the workspace's member manifests: the package of a
 * `[package].version`, or for `[workspace.package].version` every member that inherits it
 * (`version.workspace = true`).
 */
function cargoWorkspace(root: string, reading: VersionReading, text: string): { crates: string[]; members: string[] } {
  const doc = parseToml(stripBom(text)) as { package?: { name?: unknown }; workspace?: { members?: unknown; exclude?: unknown } };
  const members = cargoWorkspaceMembers(root, reading.file, text);
  const inWorkspace = reading.source.endsWith('[workspace.package].version');
  const crates = !inWorkspace && typeof doc.package?.name === 'string' ? [doc.package.name] : [];
  for (const manifest of inWorkspace ? members : []) {
    const member = parseToml(stripBom(readProjectText(root, manifest))) as { package?: { name?: unknown; version?: unknown } };
    const inherits = (member.package?.version as { workspace?: unknown } | undefined)?.workspace === true;
    if (inherits && typeof member.package?.name === 'string') crates.push(member.package.name);
  }
  return { crates, members };
}

/** The member manifests of the Cargo workspace `file` declares (none when it declares none), relative to `root`, itself left out. */
export function cargoWorkspaceMembers(root: string, file: string, text: string): string[] {
  const doc = parseToml(stripBom(text)) as { workspace?: { members?: unknown; exclude?: unknown } };
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : []);
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const patterns = checkGlobPatterns(strings(doc.workspace?.members), `${file} [workspace].members`).map((p) => `${base}${p.replace(/\/+$/, '')}`);
  const dirs = patterns.length ? globSync(patterns, { ...containedGlobOptions(root), onlyDirectories: true, ignore: strings(doc.workspace?.exclude).map((p) => `${base}${p}`) }) : [];
  // A member directory without a manifest is Cargo's concern, not a crate to follow.
  return [...new Set(dirs.map((d) => `${d.replace(/\/+$/, '')}/Cargo.toml`))].sort().filter((m) => m !== file && projectEntryExists(root, m));
}
