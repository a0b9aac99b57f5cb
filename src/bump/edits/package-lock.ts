import { jsonValue, replaceJsonStrings, type JsonStringChange } from './json-string.js';
import { dependentChanges, type BumpedPackage } from './npm-dependents.js';

type Lock = { version?: unknown; packages?: Record<string, Record<string, unknown> | undefined> };

/**
 * The entries of a package-lock.json (or npm-shrinkwrap.json) that repeat what a bump changed: the root
 * `version` and `packages[""].version` when the root package was bumped, `packages["<dir>"].version`
 * for each bumped workspace member (lockfile v2/v3), and the dependency maps of the workspace's own
 * entries that mirror a pinned sibling. Entries that are not there (lockfile v1 has no `packages`) are
 * left alone: npm fills them on its next install.
 */
export function editPackageLock(
  text: string,
  file: string,
  bumped: ReadonlyArray<{ dir: string }>,
  workspaceDirs: readonly string[],
  pinned: readonly BumpedPackage[],
  version: string,
): string {
  const lock = (jsonValue(text) ?? {}) as Lock;
  const packages = lock.packages && typeof lock.packages === 'object' ? lock.packages : {};
  const changes: JsonStringChange[] = [];
  for (const { dir } of bumped) {
    if (dir === '.' && typeof lock.version === 'string') changes.push({ path: ['version'], value: version });
    const key = dir === '.' ? '' : dir;
    if (typeof packages[key]?.version === 'string') changes.push({ path: ['packages', key, 'version'], value: version });
  }
  for (const dir of workspaceDirs) {
    const key = dir === '.' ? '' : dir;
    const entry = packages[key];
    if (entry) changes.push(...dependentChanges(entry, ['packages', key], pinned, version));
  }
  return replaceJsonStrings(text, changes, file);
}
