import { parse as parseToml } from 'smol-toml';
import { stripBom } from '../../project/json.js';
import type { ResolvedVersion } from '../../version/guard.js';
import type { ProjectFacts } from '../../version/sources/detect.js';
import { expectedFor, type FileEdit } from '../edits.js';
import { jsonValue } from './json-string.js';
import { editCargoDependents } from './cargo-dependents.js';
import { editCargoLock, editUvLock } from './lock-entries.js';
import { editPackageJson } from './package-json.js';
import { editPackageLock, LOCKFILES } from './package-lock.js';
import { PlannedTexts } from './planned-texts.js';
import { cargoWorkspaceMembers } from './toml-locks.js';

/**
 * A package of the `packages:` map that is a member of a workspace whose lockfile lies above it (an npm
 * workspace's package-lock.json at the repository root, a Cargo workspace's Cargo.lock, a uv
 * workspace's uv.lock): that lockfile's entries for the package follow the bump, or `npm ci`, `cargo
 * build --locked` and `uv sync --locked` fail on the release commit. `packagePath` is the package's
 * directory relative to `repository` (forward slashes); the lockfile looked at is the nearest one above
 * it, at most `repository` itself (none when the package has a lockfile of its own: its own workspace).
 * Every edit's `file` is relative to `repository`, and marked so.
 */
export function planAncestorLockEdits(repository: string, packagePath: string, project: ProjectFacts, version: ResolvedVersion, packageRoot: string): FileEdit[] {
  if (packagePath === '.' || packagePath === '') return [];
  const texts = new PlannedTexts(repository);
  const own = new PlannedTexts(packageRoot);
  const semverText = version.semver ?? version.normalized;
  // Nearest first: `a/b` for `a/b/pkg`, then `a`, then the repository itself (`''`).
  const segments = packagePath.split('/');
  const ancestors = segments.slice(0, -1).map((_, i) => segments.slice(0, segments.length - 1 - i).join('/')).concat('');
  const under = (dir: string) => (dir ? `${dir}/` : '');
  const memberDir = (ancestor: string) => (ancestor ? packagePath.slice(ancestor.length + 1) : packagePath);
  const nearest = (files: readonly string[]) => (files.some((f) => own.exists(f)) ? undefined : ancestors.find((a) => files.some((f) => texts.exists(`${under(a)}${f}`))));

  // npm and Bun: the member's entry, and the workspace's own entries (and manifests) pinned to it.
  const manifest = project.readings.find((r) => r.file === 'package.json' && r.value !== undefined);
  const npmPackage = project.npm.find((pkg) => pkg.dir === '.');
  const npmRoot = manifest && npmPackage ? nearest(LOCKFILES.map((l) => l.file)) : undefined;
  if (npmRoot !== undefined) {
    const pinned = [{ name: npmPackage!.name, previous: manifest!.value! }];
    const dir = memberDir(npmRoot);
    for (const lockfile of LOCKFILES) {
      const file = `${under(npmRoot)}${lockfile.file}`;
      if (!texts.exists(file)) continue;
      const members = workspaceMembers(texts.get(file).before, lockfile.entries).filter((m) => m !== dir);
      texts.edit(file, (text) => editPackageLock(text, lockfile, [{ dir }], members, pinned, semverText));
      // A sibling's manifest pinned to the old version follows too, or the lock no longer matches it.
      for (const member of members) {
        const sibling = `${under(npmRoot)}${member === '.' ? '' : `${member}/`}package.json`;
        if (texts.exists(sibling)) texts.edit(sibling, (text) => editPackageJson(text, sibling, undefined, pinned, semverText));
      }
    }
  }

  // Cargo: a member crate's `[[package]]` entry in the workspace's Cargo.lock.
  const crate = project.readings.find((r) => r.file === 'Cargo.toml' && r.source.endsWith('[package].version') && r.value !== undefined);
  const crateName = crate ? (parseToml(stripBom(own.get('Cargo.toml').before)) as { package?: { name?: unknown } }).package?.name : undefined;
  const cargoRoot = typeof crateName === 'string' ? nearest(['Cargo.lock']) : undefined;
  if (cargoRoot !== undefined) {
    const file = `${under(cargoRoot)}Cargo.lock`;
    texts.edit(file, (text) => editCargoLock(text, file, [crateName as string], semverText));
    // The workspace's manifests whose path dependency requires the old version follow, or Cargo refuses the workspace.
    const workspace = `${under(cargoRoot)}Cargo.toml`;
    const own = `${under(cargoRoot)}${memberDir(cargoRoot)}/Cargo.toml`;
    const bumped = [{ name: crateName as string, previous: crate!.value! }];
    if (texts.exists(workspace)) {
      for (const manifest of [workspace, ...cargoWorkspaceMembers(repository, workspace, texts.get(workspace).before)].filter((m) => m !== own)) {
        texts.edit(manifest, (text) => editCargoDependents(text, bumped, semverText));
      }
    }
  }

  // uv: the member's entry, whose source is its directory relative to the workspace root.
  const pep621 = project.readings.find((r) => r.file === 'pyproject.toml' && r.source.endsWith('[project].version') && r.value !== undefined);
  const uvRoot = pep621 && project.python?.name ? nearest(['uv.lock']) : undefined;
  if (uvRoot !== undefined) {
    const file = `${under(uvRoot)}uv.lock`;
    texts.edit(file, (text) => editUvLock(text, file, project.python!.name!, expectedFor(pep621!, version), memberDir(uvRoot)));
  }
  return texts.changes().map((edit) => ({ ...edit, inRepository: true }));
}

/** The workspace's own entries of a JSON lockfile, by directory (`.` the root): not the installed packages under node_modules. */
function workspaceMembers(text: string, entries: string): string[] {
  const lock = jsonValue(text) as Record<string, unknown> | undefined;
  const found = lock?.[entries];
  if (!found || typeof found !== 'object') return [];
  return Object.keys(found)
    .filter((key) => !key.split('/').includes('node_modules'))
    .map((key) => (key === '' ? '.' : key));
}
