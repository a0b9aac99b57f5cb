import semver from 'semver';
import { comparePep440, formatPep440, isPep440Prerelease, parsePep440Version, type Pep440 } from './pep440.js';

/**
 * A versioning scheme is an ecosystem's own rules for what a version is and when two are equal:
 * semver for npm and Cargo (the `semver` package npm itself uses), PEP 440 for Python (./pep440.ts,
 * exact with numbers of any size).
 */
export type SchemeName = 'semver' | 'pep440';

export interface ParsedVersion {
  scheme: SchemeName;
  /** The scheme's canonical text: `1.2.3-rc.1` (semver), `1.2.3rc1` (PEP 440). */
  canonical: string;
  major: number;
  minor: number;
  patch: number;
  prerelease: boolean;
}

export type ParseResult = { ok: true; version: ParsedVersion } | { ok: false; reason: string };

export function parseVersion(scheme: SchemeName, text: string): ParseResult {
  return scheme === 'semver' ? parseSemver(text) : parsePep440(text);
}

function parseSemver(text: string): ParseResult {
  // Strict parsing: `1.2`, `01.2.3` and a leading `v` are not semver.
  const parsed = semver.parse(text, { loose: false });
  const build = parsed?.build.length ? `+${parsed.build.join('.')}` : '';
  if (!parsed || parsed.version + build !== text) {
    return { ok: false, reason: 'not a semver version (MAJOR.MINOR.PATCH, e.g. 1.2.3 or 1.2.3-rc.1)' };
  }
  return {
    ok: true,
    version: {
      scheme: 'semver',
      canonical: parsed.version + build,
      major: parsed.major,
      minor: parsed.minor,
      patch: parsed.patch,
      prerelease: parsed.prerelease.length > 0,
    },
  };
}

const NOT_PEP440 = 'not a PEP 440 version (e.g. 1.2.3, 1.2.3rc1, 1.2.3.post1)';

function parsePep440(text: string): ParseResult {
  // PEP 440 itself allows a leading `v` and surrounding whitespace; the tag prefix is stripped
  // before we get here, so a second `v` or whitespace means a malformed tag.
  if (!/^[0-9]/.test(text) || /\s/.test(text)) return { ok: false, reason: NOT_PEP440 };
  const parsed = parsePep440Version(text);
  return parsed ? { ok: true, version: pep440Parsed(parsed) } : { ok: false, reason: NOT_PEP440 };
}

function pep440Parsed(parsed: Pep440): ParsedVersion {
  const [major = 0n, minor = 0n, patch = 0n] = parsed.release;
  return {
    scheme: 'pep440',
    canonical: formatPep440(parsed),
    // Only read for the release being made, whose numbers `unsafeNumber` has bounded; a released
    // version with larger ones is compared exactly through `canonical`, never through these.
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease: isPep440Prerelease(parsed),
  };
}

/** Whether `a` and `b` denote the same version under `scheme` (e.g. `1.2.3-rc.1` ≡ `1.2.3rc1` in PEP 440). */
export function sameVersion(scheme: SchemeName, a: string, b: string): boolean {
  const left = parseVersion(scheme, a);
  const right = parseVersion(scheme, b);
  return left.ok && right.ok && left.version.canonical === right.version.canonical;
}

/** Ordering under a scheme; both must parse. */
export function compareVersions(scheme: SchemeName, a: string, b: string): number {
  if (scheme === 'semver') return semver.compare(a, b);
  const left = parsePep440Version(a);
  const right = parsePep440Version(b);
  if (!left || !right) throw new Error(`compareVersions: ${JSON.stringify(left ? b : a)} is not a PEP 440 version`);
  return comparePep440(left, right);
}

/** Whether a PEP 440 version carries a local segment (`+g1234`), which package indexes refuse. */
export function hasLocalSegment(text: string): boolean {
  return parsePep440Version(text)?.local !== undefined;
}

/**
 * The first of a version's major, minor and patch numbers above 2^53 - 1, which the plan's
 * major/minor/patch (outputs, image tags) cannot hold exactly; undefined when there is none. Other
 * numbers (`.post…`, a prerelease's) stay text and compare exactly; npm's semver refuses a larger
 * major, minor or patch itself.
 */
export function unsafeNumber(text: string): string | undefined {
  const release = /^(?:[0-9]+!)?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?/.exec(text);
  return release?.slice(1).find((digits) => digits !== undefined && BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER));
}

/**
 * The version an ecosystem publishes for what a project file says, compared with the tag's. The
 * tag's own rules stay strict (parseVersion); files get what their tools accept:
 * - Python (and a generic file under PEP 440): every PEP 440 spelling, a leading `v` and surrounding
 *   whitespace included, as build backends normalise through `packaging`;
 * - npm: what `npm publish` records, `semver.clean` on a loose parse (`v1.2.3`, ` =1.2.3 ` → 1.2.3;
 *   build metadata dropped), the same on the tag's side;
 * - Cargo and a generic file under semver: strict semver, as Cargo itself is.
 */
export function publishedForm(ecosystem: 'npm' | 'python' | 'cargo' | 'generic', scheme: SchemeName, text: string): string | undefined {
  if (ecosystem === 'npm') return npmRecordedVersion(text);
  if (scheme === 'pep440') {
    const parsed = parsePep440Version(text);
    return parsed && formatPep440(parsed);
  }
  const parsed = parseSemver(text);
  return parsed.ok ? parsed.version.canonical : undefined;
}

/** Whether two spellings publish as the same version (`v1.0` and `1.0` in a Python module do). */
export function samePublishedVersion(ecosystem: 'npm' | 'python' | 'cargo' | 'generic', scheme: SchemeName, a: string, b: string): boolean {
  const left = publishedForm(ecosystem, scheme, a);
  return left !== undefined && left === publishedForm(ecosystem, scheme, b);
}

/**
 * The version `npm publish` records for a package.json `version`: npm reads the manifest with a loose
 * `semver.valid`/`semver.clean` (@npmcli/package-json), then libnpmpublish cleans it again.
 */
export function npmRecordedVersion(text: string): string | undefined {
  const loose = semver.clean(text, { loose: true });
  return (loose && semver.clean(loose)) ?? undefined;
}
