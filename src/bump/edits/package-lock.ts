import { jsonValue, replaceJsonStrings, type JsonStringChange } from './json-string.js';
import { dependentChanges, type BumpedPackage } from './npm-dependents.js';

type Lock = Record<string, unknown> & { version?: unknown };

/**
 * Where a lockfile keeps its workspace's own entries, by directory (`""` the root): package-lock.json
 * and npm-shrinkwrap.json under `packages` (v2/v3), with the root version repeated at the top; Bun's
 * text lockfile bun.lock under `workspaces`.
 */
export const LOCKFILES: ReadonlyArray<{ file: string; entries: string; topVersion: boolean }> = [
  { file: 'package-lock.json', entries: 'packages', topVersion: true },
  { file: 'npm-shrinkwrap.json', entries: 'packages', topVersion: true },
  { file: 'bun.lock', entries: 'workspaces', topVersion: false },
];

/**
 * The entries of an npm or Bun lockfile that repeat what a bump changed: the root `version` and the
 * root entry's when the root package was bumped, each bumped workspace member's entry (`packages
 * ["<dir>"].version`, bun.lock's `workspaces["<dir>"].version`), and the dependency maps of the
 * workspace's own entries that mirror a pinned sibling. Entries that are not there (lockfile v1 has no
 * `packages`) are left alone: the tool fills them on its next install.
 */
export function editPackageLock(
  text: string,
  lockfile: (typeof LOCKFILES)[number],
  bumped: ReadonlyArray<{ dir: string }>,
  workspaceDirs: readonly string[],
  pinned: readonly BumpedPackage[],
  version: string,
): string {
  const lock = (jsonValue(text) ?? {}) as Lock;
  const found = lock[lockfile.entries];
  const entries = (found && typeof found === 'object' ? found : {}) as Record<string, Record<string, unknown> | undefined>;
  const changes: JsonStringChange[] = [];
  for (const { dir } of bumped) {
    if (dir === '.' && lockfile.topVersion && typeof lock.version === 'string') changes.push({ path: ['version'], value: version });
    const key = dir === '.' ? '' : dir;
    if (typeof entries[key]?.version === 'string') changes.push({ path: [lockfile.entries, key, 'version'], value: version });
  }
  for (const dir of workspaceDirs) {
    const key = dir === '.' ? '' : dir;
    const entry = entries[key];
    if (entry) changes.push(...dependentChanges(entry, [lockfile.entries, key], pinned, version));
  }
  return replaceJsonStrings(text, changes, lockfile.file);
}
