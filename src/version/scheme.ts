import semver from 'semver';
import pep440 from '@renovatebot/pep440';

/**
 * A versioning scheme is an ecosystem's own rules for what a version is and when two are equal:
 * semver for npm and Cargo, PEP 440 for Python. Parsing is delegated to well-kept libraries.
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

function parsePep440(text: string): ParseResult {
  // PEP 440 itself allows a leading `v` and surrounding whitespace; the tag prefix is stripped
  // before we get here, so a second `v` or whitespace means a malformed tag.
  if (!/^[0-9]/.test(text) || /\s/.test(text)) {
    return { ok: false, reason: 'not a PEP 440 version (e.g. 1.2.3, 1.2.3rc1, 1.2.3.post1)' };
  }
  const explained = pep440.explain(text);
  if (!explained) {
    return { ok: false, reason: 'not a PEP 440 version (e.g. 1.2.3, 1.2.3rc1, 1.2.3.post1)' };
  }
  const [major = 0, minor = 0, patch = 0] = explained.release;
  return {
    ok: true,
    version: {
      scheme: 'pep440',
      canonical: pep440.clean(text) ?? explained.public,
      major,
      minor,
      patch,
      prerelease: explained.is_prerelease,
    },
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
  return scheme === 'semver' ? semver.compare(a, b) : pep440.compare(a, b);
}

/** Whether a PEP 440 version carries a local segment (`+g1234`), which package indexes refuse. */
export function hasLocalSegment(text: string): boolean {
  return pep440.explain(text)?.local != null;
}
