import type { JsonStringChange } from './json-string.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** A bumped workspace package: its name and the version it had. */
export interface BumpedPackage {
  name: string;
  previous: string;
}

/**
 * A dependency on a bumped workspace package pinned to its previous version (`"1.2.3"`, `"=1.2.3"`,
 * `"^1.2.3"`, `"~1.2.3"`) follows it, keeping the operator, as lerna does: otherwise a lockstep
 * release would publish `cli@1.2.4` requiring `core@1.2.3` (`npm version --workspaces` leaves them,
 * npm/cli#3403, #7843). Other ranges and `workspace:` specs are the author's and stay as written.
 * `at` is where `manifest` sits in its file: `[]` in a package.json, `['packages', dir]` in a lockfile.
 */
export function dependentChanges(manifest: Record<string, unknown>, at: readonly string[], bumped: readonly BumpedPackage[], version: string): JsonStringChange[] {
  const changes: JsonStringChange[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const { name, previous } of bumped) {
      const spec = (deps as Record<string, unknown>)[name];
      if (typeof spec !== 'string') continue;
      const pinned = /^(=|\^|~)?v?(.*)$/.exec(spec.trim())!;
      if (pinned[2] === previous) changes.push({ path: [...at, field, name], value: `${pinned[1] ?? ''}${version}` });
    }
  }
  return changes;
}
