import { UserError } from '../errors.js';
import { hasLocalSegment, parseVersion, samePublishedVersion, unsafeNumber, type ParsedVersion, type SchemeName } from './scheme.js';
import type { Ecosystem, VersionReading } from './sources/reading.js';

/** The version a run releases, under the project's rules. */
export interface ResolvedVersion {
  /** As written in the tag after the prefix. */
  text: string;
  /** Canonical under the project's primary scheme. */
  normalized: string;
  scheme: SchemeName;
  major: number;
  minor: number;
  patch: number;
  prerelease: boolean;
  /** The semver form, when the project has semver sources (npm, Cargo). */
  semver?: string;
  /** The PEP 440 form, when the project has Python sources. */
  pep440?: string;
}

export interface VersionCheck {
  source: string;
  file: string;
  line?: number;
  ecosystem: Ecosystem;
  /** The version found in the source, or a description of how a dynamic version is produced. */
  found: string;
  /** The tag's version in the source's ecosystem form. */
  expected: string;
  ok: boolean;
  dynamic?: boolean;
}

const SCHEME_OF: Record<Exclude<Ecosystem, 'generic'>, SchemeName> = { npm: 'semver', cargo: 'semver', python: 'pep440' };

/** The schemes a tag must satisfy, primary first. */
export function projectSchemes(readings: readonly VersionReading[], hasPython: boolean, configured: 'auto' | SchemeName): SchemeName[] {
  if (configured !== 'auto') return [configured];
  const needsSemver = readings.some((r) => r.ecosystem === 'npm' || r.ecosystem === 'cargo');
  const needsPep440 = hasPython || readings.some((r) => r.ecosystem === 'python');
  if (needsSemver && needsPep440) return ['semver', 'pep440'];
  return needsPep440 ? ['pep440'] : ['semver'];
}

/** Reads the tag's version under every scheme the project uses; a tag that fails one is rejected. */
export function resolveVersion(text: string, tag: string, schemes: readonly SchemeName[]): ResolvedVersion {
  const parsed = new Map<SchemeName, ParsedVersion>();
  const tooLarge = unsafeNumber(text);
  if (tooLarge) {
    throw new UserError(
      `Tag ${JSON.stringify(tag)} has the number ${tooLarge}, above ${Number.MAX_SAFE_INTEGER}, the largest tagship (and npm's semver) handles exactly. Delete it and push a tag with smaller numbers.`,
    );
  }
  for (const scheme of schemes) {
    const result = parseVersion(scheme, text);
    if (!result.ok) {
      const why = schemes.length > 1 ? ` (this project has both npm/Cargo and Python sources, so tags must be semver, e.g. v1.2.3-rc.1)` : '';
      throw new UserError(`Tag ${JSON.stringify(tag)} is ${result.reason}${why}. Delete it and push a valid version tag.`);
    }
    if (scheme === 'pep440' && hasLocalSegment(text)) {
      throw new UserError(`Tag ${JSON.stringify(tag)} has a local version segment (+…), which package indexes refuse. Push a tag without it.`);
    }
    parsed.set(scheme, result.version);
  }
  const primary = parsed.get(schemes[0]!)!;
  return {
    text,
    normalized: primary.canonical,
    scheme: primary.scheme,
    major: primary.major,
    minor: primary.minor,
    patch: primary.patch,
    prerelease: primary.prerelease,
    semver: parsed.get('semver')?.canonical,
    pep440: parsed.get('pep440')?.canonical,
  };
}

/** Compares each source with the tag under that source's own ecosystem rules. Pure. */
export function checkSources(version: ResolvedVersion, readings: readonly VersionReading[], pythonDynamic?: string): VersionCheck[] {
  const checks: VersionCheck[] = readings.map((reading) => {
    const scheme = reading.ecosystem === 'generic' ? version.scheme : SCHEME_OF[reading.ecosystem];
    const expected = (scheme === 'semver' ? version.semver : version.pep440) ?? version.normalized;
    const base = { source: reading.source, file: reading.file, line: reading.line, ecosystem: reading.ecosystem, expected };
    if (reading.value === undefined) {
      return { ...base, found: `dynamic (${reading.dynamic ?? 'build backend'}): version comes from the tag`, ok: true, dynamic: true };
    }
    // What the ecosystem would publish from this file (`v1.2.3` in package.json is 1.2.3 to npm), not its spelling.
    return { ...base, found: reading.value, ok: samePublishedVersion(reading.ecosystem, scheme, reading.value, expected) };
  });
  if (pythonDynamic) {
    checks.push({
      source: `pyproject.toml (dynamic version, ${pythonDynamic})`,
      file: 'pyproject.toml',
      ecosystem: 'python',
      found: `dynamic (${pythonDynamic}): version comes from the tag`,
      expected: version.pep440 ?? version.normalized,
      ok: true,
      dynamic: true,
    });
  }
  return checks;
}

/** One line per failed check: file, line, what was found and what the tag says. */
export function describeMismatch(check: VersionCheck, tag: string): string {
  const where = `${check.file}${check.line ? `:${check.line}` : ''}`;
  return `${where}: version is ${JSON.stringify(check.found)} but tag ${tag} says ${JSON.stringify(check.expected)}. Update ${check.file} or move the tag.`;
}
