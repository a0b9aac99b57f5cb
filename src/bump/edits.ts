import { basename } from 'node:path';
import type { ResolvedVersion } from '../version/guard.js';
import { samePublishedVersion } from '../version/scheme.js';
import { parseCargoToml } from '../version/sources/cargo.js';
import type { ProjectFacts } from '../version/sources/detect.js';
import { parsePackageJson } from '../version/sources/package-json.js';
import { parsePyproject } from '../version/sources/pyproject.js';
import { parsePythonModule } from '../version/sources/python-module.js';
import type { VersionReading } from '../version/sources/reading.js';
import { parseSetupCfg } from '../version/sources/setup-cfg.js';
import { parseVersionFile } from '../version/sources/version-file.js';
import { editCargoToml } from './edits/cargo.js';
import { planNpmEdits } from './edits/npm.js';
import { PlannedTexts } from './edits/planned-texts.js';
import { editPyproject } from './edits/pyproject.js';
import { editPythonModule } from './edits/python-module.js';
import { editSetupCfg } from './edits/setup-cfg.js';
import { refuse } from './edits/text.js';
import { planCargoEdits, planUvLockEdits } from './edits/toml-locks.js';
import { editVersionFile } from './edits/version-file.js';

export interface FileEdit {
  /** Project-relative, forward slashes; relative to the repository when `inRepository` (a workspace lockfile above a package). */
  file: string;
  inRepository?: boolean;
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
  const texts = new PlannedTexts(root);
  const semverText = version.semver ?? version.normalized;
  const dynamic: BumpEdits['dynamic'] = [];
  const stated = project.readings.filter((reading) => {
    if (reading.value !== undefined) return true;
    dynamic.push({ source: reading.source, how: `${reading.dynamic ?? 'the build backend'} derives the version; no edit needed` });
    return false;
  });
  if (project.python?.dynamic) dynamic.push({ source: 'pyproject.toml', how: dynamicHow(project.python.dynamic) });

  const ofKind = (kind: SourceKind) => stated.filter((reading) => kindOf(reading) === kind);
  planNpmEdits(texts, project, ofKind('package-json'), (reading) => expectedFor(reading, version), semverText);
  for (const reading of stated) {
    const kind = kindOf(reading);
    if (kind !== 'package-json') texts.edit(reading.file, (text) => editSource(kind, text, reading, expectedFor(reading, version)));
  }
  planCargoEdits(texts, ofKind('cargo'), semverText);
  const pep621 = ofKind('pyproject').find((r) => r.file === 'pyproject.toml' && r.source.endsWith('[project].version'));
  if (pep621) planUvLockEdits(texts, project.python?.name, expectedFor(pep621, version));

  verifyReadings(stated, version, texts);
  return { edits: texts.changes(), dynamic };
}

/** Tools that read the version from the git tag at build time; any other backend computes it (maturin from Cargo.toml). */
const FROM_THE_TAG = new Set(['setuptools_scm', 'hatch-vcs', 'pdm-backend scm', 'poetry-dynamic-versioning']);

function dynamicHow(dynamic: string): string {
  return FROM_THE_TAG.has(dynamic) ? `${dynamic} derives the version from the tag; no edit needed` : `${dynamic} computes the version at build time; no edit needed`;
}

function editSource(kind: Exclude<SourceKind, 'package-json'>, text: string, reading: VersionReading, next: string): string {
  switch (kind) {
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
 * Reads every edited source back with the guard's own readers: each must now say the new version on
 * the same line. A mismatch is a source the editors misjudged, refused before anything is written.
 */
function verifyReadings(readings: readonly VersionReading[], version: ResolvedVersion, texts: PlannedTexts): void {
  for (const reading of readings) {
    const text = texts.get(reading.file).after;
    const again = readAgain(kindOf(reading), text, reading);
    const expected = expectedFor(reading, version);
    const scheme = reading.ecosystem === 'python' ? 'pep440' : reading.ecosystem === 'generic' ? version.scheme : 'semver';
    if (again?.value === undefined || again.line !== reading.line || !samePublishedVersion(reading.ecosystem, scheme, again.value, expected)) {
      refuse(reading.file, reading.line, `after rewriting, ${reading.source} would not read as ${expected}`);
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
