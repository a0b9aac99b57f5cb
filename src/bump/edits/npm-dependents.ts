import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { replaceJsonString } from './json-string.js';

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
 * `at` is where the dependency maps are: `[]` in a package.json, `['packages', dir]` in a lockfile.
 */
export function editDependents(text: string, file: string, at: readonly string[], bumped: readonly BumpedPackage[], version: string): string {
  let after = text;
  for (const field of DEPENDENCY_FIELDS) {
    for (const { name, previous } of bumped) {
      const path = [...at, field, name];
      const root = parseTree(after.replace(/^\uFEFF/, ''));
      const node = root && findNodeAtLocation(root, path);
      if (node?.type !== 'string' || typeof node.value !== 'string') continue;
      const pinned = /^(=|\^|~)?v?(.*)$/.exec(node.value.trim())!;
      if (pinned[2] !== previous) continue;
      after = replaceJsonString(after, path, `${pinned[1] ?? ''}${version}`, file);
    }
  }
  return after;
}
