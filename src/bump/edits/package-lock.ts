import { hasJsonString, replaceJsonString } from './json-string.js';

/**
 * The entries of a package-lock.json (or npm-shrinkwrap.json) that repeat the versions a bump changed:
 * the root `version` and `packages[""].version` when the root package was bumped, and
 * `packages["<dir>"].version` for each bumped workspace member (lockfile v2/v3). Entries that are not
 * there (lockfile v1 has no `packages`) are left alone: npm fills them on its next install.
 */
export function editPackageLock(text: string, file: string, bumped: ReadonlyArray<{ dir: string }>, version: string): string {
  let after = text;
  for (const { dir } of bumped) {
    const paths = dir === '.' ? [['version'], ['packages', '', 'version']] : [['packages', dir, 'version']];
    for (const path of paths) if (hasJsonString(after, path)) after = replaceJsonString(after, path, version, file);
  }
  return after;
}
