import { compareVersions, parseVersion, type SchemeName } from './scheme.js';

/** A line of releases an alias follows: every release, one major, or one major.minor. */
export type ReleaseLine = 'all' | 'major' | 'minor';

/**
 * Whether `version` is the highest stable release in its line, judged against versions already
 * released. A prerelease never is. Versions that do not parse under `scheme` are ignored.
 */
export function isHighestInLine(version: string, known: readonly string[], scheme: SchemeName, line: ReleaseLine = 'all'): boolean {
  const self = parseVersion(scheme, version);
  if (!self.ok || self.version.prerelease) return false;
  for (const other of known) {
    const parsed = parseVersion(scheme, other);
    if (!parsed.ok || parsed.version.prerelease) continue;
    if (line !== 'all' && parsed.version.major !== self.version.major) continue;
    if (line === 'minor' && parsed.version.minor !== self.version.minor) continue;
    if (compareVersions(scheme, parsed.version.canonical, self.version.canonical) > 0) return false;
  }
  return true;
}

/** Versions named by tags (`v1.2.3` → `1.2.3`); tags of other shapes are skipped. */
export function versionsFromTags(tags: readonly string[], prefix: string): string[] {
  return tags.filter((tag) => tag.startsWith(prefix) && /^[0-9]/.test(tag.slice(prefix.length))).map((tag) => tag.slice(prefix.length));
}
