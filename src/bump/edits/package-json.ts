import { jsonValue, replaceJsonStrings, type JsonStringChange } from './json-string.js';
import { dependentChanges, type BumpedPackage } from './npm-dependents.js';

/**
 * A package.json of the project: its `"version"` when the guard reads it (`version` set), and its
 * dependencies pinned to a bumped sibling's previous version.
 */
export function editPackageJson(text: string, file: string, version: string | undefined, pinned: readonly BumpedPackage[], pinnedVersion: string): string {
  const changes: JsonStringChange[] = version === undefined ? [] : [{ path: ['version'], value: version }];
  const manifest = jsonValue(text);
  if (manifest && typeof manifest === 'object') changes.push(...dependentChanges(manifest as Record<string, unknown>, [], pinned, pinnedVersion));
  return replaceJsonStrings(text, changes, file);
}
