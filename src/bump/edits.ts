import { basename } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { globSync } from 'tinyglobby';
import { checkGlobPatterns, containedGlobOptions, projectEntryExists, readProjectText } from '../project/files.js';
import { stripBom } from '../project/json.js';
import type { ResolvedVersion } from '../version/guard.js';
import { samePublishedVersion } from '../version/scheme.js';
import { parseCargoToml } from '../version/sources/cargo.js';
import type { ProjectFacts } from '../version/sources/detect.js';
import { MAX_MANIFEST_BYTES, parsePackageJson } from '../version/sources/package-json.js';
import { parsePyproject } from '../version/sources/pyproject.js';
import { parsePythonModule } from '../version/sources/python-module.js';
import type { VersionReading } from '../version/sources/reading.js';
import { parseSetupCfg } from '../version/sources/setup-cfg.js';
import { parseVersionFile } from '../version/sources/version-file.js';
import { editCargoToml } from './edits/cargo.js';
import { editCargoLock } from './edits/cargo-lock.js';
import { editPackageJson } from './edits/package-json.js';
import { editPackageLock } from './edits/package-lock.js';
import { editPyproject } from './edits/pyproject.js';
import { editPythonModule } from './edits/python-module.js';
import { editSetupCfg } from './edits/setup-cfg.js';
import { changedLines, refuse } from './edits/text.js';
import { editVersionFile } from './edits/version-file.js';

export interface FileEdit {
  /** Project-relative, forward slashes. */
  file: string;
  before: string;
  after: string;
  /** 1-based lines changed in `after`. */
  lines: number[];
}

export interface BumpEdits {
  edits: FileEdit[];
  /** Sources that need no edit because the build derives the version (e.g. setuptools_scm from the tag). */
  dynamic: Array<{ source: string; how: string }>;
}

type SourceKind = 'package-json' | 'pyproject' | 'cargo' | 'setup-cfg' | 'python-module' | 'version-file';

/** Which editor a reading needs, from the same file names and labels the readers use (src/version/sources/detect.ts). */
function kindOf(reading: VersionReading): SourceKind {
  const name = basename(reading.file);
  if (name === 'package.json') return 'package-json';
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'Cargo.toml') return 'cargo';
  if (reading.source.endsWith('[metadata].version')) return 'setup-cfg';
  if (name.endsWith('.py')) return 'python-module';
  return 'version-file';
}

/** The version a reading must say after the bump: the tag's form in the reading's ecosystem, as the guard expects it. */
export function expectedFor(reading: VersionReading, version: ResolvedVersion): string {
  const scheme = reading.ecosystem === 'generic' ? version.scheme : reading.ecosystem === 'python' ? 'pep440' : 'semver';
  return (scheme === 'semver' ? version.semver : version.pep440) ?? version.normalized;
}

/**
 * The file changes that make every version source the guard reads say `version`, planned in memory:
 * nothing is written. Each edit replaces only the version's characters, so formatting, comments,
 * quotes, a BOM and CRLF line endings stay. Lockfile entries of the bumped packages follow. A source
 * that cannot be rewritten safely stops the whole plan with one line naming file:line.
 */
export function planBumpEdits(root: string, project: ProjectFacts, version: ResolvedVersion): BumpEdits {
  const texts = new Map<string, { before: string; after: string }>();
  const read = (file: string): { before: string; after: string } => {
    let entry = texts.get(file);
    if (!entry) {
      const before = readProjectText(root, file, { maxBytes: basename(file) === 'package.json' || file.endsWith('.json') ? MAX_MANIFEST_BYTES : undefined });
      entry = { before, after: before };
      texts.set(file, entry);
    }
    return entry;
  };

  const dynamic: BumpEdits['dynamic'] = [];
  const bumpedNpmDirs: Array<{ dir: string }> = [];
  const bumpedCargo: VersionReading[] = [];
  for (const reading of project.readings) {
    if (reading.value === undefined) {
      dynamic.push({ source: reading.source, how: `${reading.dynamic ?? 'the build backend'} derives the version; no edit needed` });
      continue;
    }
    const next = expectedFor(reading, version);
    const entry = read(reading.file);
    entry.after = editSource(kindOf(reading), entry.after, reading, next);
    if (kindOf(reading) === 'package-json') bumpedNpmDirs.push({ dir: reading.file === 'package.json' ? '.' : reading.file.slice(0, -'/package.json'.length) });
    if (kindOf(reading) === 'cargo') bumpedCargo.push(reading);
  }
  if (project.python?.dynamic) {
    dynamic.push({ source: 'pyproject.toml', how: `${project.python.dynamic} derives the version from the tag; no edit needed` });
  }

  // Lockfiles repeat the versions: npm's at the root of the workspace, Cargo's next to the manifest.
  const semverText = version.semver ?? version.normalized;
  for (const lock of ['package-lock.json', 'npm-shrinkwrap.json']) {
    if (!bumpedNpmDirs.length || !projectEntryExists(root, lock)) continue;
    const entry = read(lock);
    entry.after = editPackageLock(entry.after, lock, bumpedNpmDirs, semverText);
  }
  if (bumpedCargo.length && projectEntryExists(root, 'Cargo.lock')) {
    const crates = bumpedCargo.flatMap((reading) => cargoCrates(root, reading, read(reading.file).before));
    const entry = read('Cargo.lock');
    entry.after = editCargoLock(entry.after, 'Cargo.lock', crates, semverText);
  }

  verifyReadings(project, version, texts);
  const edits = [...texts.entries()]
    .filter(([, { before, after }]) => before !== after)
    .map(([file, { before, after }]) => ({ file, before, after, lines: changedLines(before, after) }));
  return { edits, dynamic };
}

function editSource(kind: SourceKind, text: string, reading: VersionReading, next: string): string {
  switch (kind) {
    case 'package-json':
      return editPackageJson(text, reading.file, next);
    case 'pyproject':
      return editPyproject(text, reading, next);
    case 'cargo':
      return editCargoToml(text, reading, next);
    case 'setup-cfg':
      return editSetupCfg(text, reading, next);
    case 'python-module':
      return editPythonModule(text, reading, next);
    case 'version-file':
      return editVersionFile(text, reading, next);
  }
}

/**
 * The crates whose Cargo.lock entries follow the bump: the package of a `[package].version`, or for
 * `[workspace.package].version` every member that inherits it (`version.workspace = true`).
 */
function cargoCrates(root: string, reading: VersionReading, text: string): string[] {
  const doc = parseToml(stripBom(text)) as { package?: { name?: unknown }; workspace?: { members?: unknown; exclude?: unknown } };
  if (!reading.source.endsWith('[workspace.package].version')) return typeof doc.package?.name === 'string' ? [doc.package.name] : [];
  const members = Array.isArray(doc.workspace?.members) ? doc.workspace.members.filter((m): m is string => typeof m === 'string') : [];
  const exclude = Array.isArray(doc.workspace?.exclude) ? doc.workspace.exclude.filter((m): m is string => typeof m === 'string') : [];
  const patterns = checkGlobPatterns(members, 'Cargo.toml [workspace].members').map((p) => p.replace(/\/+$/, ''));
  const dirs = patterns.length ? globSync(patterns, { ...containedGlobOptions(root), onlyDirectories: true, ignore: exclude }) : [];
  const crates: string[] = [];
  for (const dir of [...new Set(dirs.map((d) => d.replace(/\/+$/, '')))].sort()) {
    const manifest = `${dir}/Cargo.toml`;
    if (!projectEntryExists(root, manifest)) continue;
    const member = parseToml(stripBom(readProjectText(root, manifest))) as { package?: { name?: unknown; version?: unknown } };
    const inherits = (member.package?.version as { workspace?: unknown } | undefined)?.workspace === true;
    if (inherits && typeof member.package?.name === 'string') crates.push(member.package.name);
  }
  return crates;
}

/**
 * Reads every edited source back with the guard's own readers: each must now say the new version on
 * the same line. A mismatch is a source the editors misjudged, refused before anything is written.
 */
function verifyReadings(project: ProjectFacts, version: ResolvedVersion, texts: Map<string, { after: string }>): void {
  for (const reading of project.readings) {
    if (reading.value === undefined) continue;
    const text = texts.get(reading.file)!.after;
    const again = readAgain(kindOf(reading), text, reading);
    const expected = expectedFor(reading, version);
    const scheme = reading.ecosystem === 'python' ? 'pep440' : reading.ecosystem === 'generic' ? version.scheme : 'semver';
    if (again?.value === undefined || again.line !== reading.line || !samePublishedVersion(reading.ecosystem, scheme, again.value, expected)) {
      refuse(reading.file, reading.line, `after rewriting, ${reading.source} would not read as ${expected}`, 'update the version by hand');
    }
  }
}

function readAgain(kind: SourceKind, text: string, reading: VersionReading): VersionReading | undefined {
  const { file } = reading;
  switch (kind) {
    case 'package-json':
      return parsePackageJson(text, file).reading;
    case 'pyproject':
      return parsePyproject(text, file).readings.find((r) => r.source === reading.source);
    case 'cargo':
      return parseCargoToml(text, file);
    case 'setup-cfg':
      return parseSetupCfg(text, file).reading;
    case 'python-module':
      // Read as the guard did: `__version__` only, unless the file was named explicitly (any name).
      return [parsePythonModule(text, file), parsePythonModule(text, file, { anyName: true })].find((r) => r?.line === reading.line);
    case 'version-file':
      return parseVersionFile(text, file, reading.ecosystem);
  }
}
