import semver from 'semver';
import { UserError } from '../errors.js';
import { npmRecordedVersion } from '../version/scheme.js';

/**
 * pnpm's and yarn berry's `workspace:` protocol, resolved the way their `pack`/`publish` do it, so a
 * package published by tagship (with `npm publish`, which knows no such protocol) carries real
 * versions: `workspace:*` → the member's exact version, `workspace:^` / `workspace:~` → `^`/`~` and
 * that version, `workspace:<range>` → the range. Forms naming a path or another package (yarn's
 * `workspace:packages/core`, pnpm's `workspace:./core` and `workspace:other@^`) are refused: they
 * publish an alias or a path, which is never what a registry user can install by name.
 */

/** The fields both pnpm and yarn rewrite (yarn moves optional dependencies there too). */
export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

const PROTOCOL = 'workspace:';

/** One `workspace:` specifier as written in a package.json. */
export interface WorkspaceSpec {
  field: DependencyField;
  name: string;
  spec: string;
}

/** What a packed manifest's specifier becomes: planned, then applied to the tarball. */
export interface WorkspaceRangeRewrite {
  field: DependencyField;
  name: string;
  from: string;
  to: string;
}

/** A workspace member as detection saw it. */
export interface WorkspaceMember {
  name: string;
  version?: string;
  dir: string;
}

/** The `workspace:` specifiers of a manifest, in field order then as written. */
export function workspaceSpecs(manifest: Partial<Record<DependencyField, unknown>>): WorkspaceSpec[] {
  const specs: WorkspaceSpec[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!deps || typeof deps !== 'object' || Array.isArray(deps)) continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof spec === 'string' && spec.trim().startsWith(PROTOCOL)) specs.push({ field, name, spec });
    }
  }
  return specs;
}

/**
 * The rewrites publishing `pkg` needs, against the members of its workspace. Throws one line for the
 * first specifier that cannot become a real version, naming the file and what to write instead.
 */
export function resolveWorkspaceRanges(pkg: { name: string; dir: string; workspaceSpecs?: readonly WorkspaceSpec[] }, members: readonly WorkspaceMember[]): WorkspaceRangeRewrite[] {
  const file = pkg.dir === '.' ? 'package.json' : `${pkg.dir}/package.json`;
  const byName = new Map(members.map((member) => [member.name, member]));
  return (pkg.workspaceSpecs ?? []).map(({ field, name, spec }) => {
    const where = `${file}: ${field}.${name} is ${JSON.stringify(spec)}`;
    const selector = spec.trim().slice(PROTOCOL.length).trim();
    const member = byName.get(name);
    const shorthand = selector === '*' || selector === '^' || selector === '~';
    const range = shorthand ? undefined : semver.validRange(selector) === null || selector === '' ? undefined : selector;
    if (!shorthand && range === undefined) {
      throw new UserError(
        `${where}, a path or alias form tagship does not publish (it would name something other than ${name} on the registry): write "workspace:^", "workspace:~", "workspace:*" or "workspace:<range>" naming the member by its package name. Nothing was published.`,
        { file },
      );
    }
    if (!member) {
      const known = members.map((m) => m.name).sort();
      throw new UserError(
        `${where}, but no package named ${name} is in the workspace (${known.length ? `members: ${known.join(', ')}` : 'it has no members'}): fix the name, add the package to the workspace, or depend on a published version instead. Nothing was published.`,
        { file },
      );
    }
    const version = member.version === undefined ? undefined : npmRecordedVersion(member.version);
    if (!version) {
      const memberFile = member.dir === '.' ? 'package.json' : `${member.dir}/package.json`;
      throw new UserError(`${where}, but ${memberFile} has ${member.version === undefined ? 'no version' : `version ${JSON.stringify(member.version)}, not a semver version`}: give ${name} a version to publish against. Nothing was published.`, { file });
    }
    if (range !== undefined) {
      // yarn resolves `workspace:<range>` only to a member the range contains; anything else would
      // publish a dependency that no install of this release resolves to the code it was built with.
      if (!semver.satisfies(version, range, { includePrerelease: true })) {
        throw new UserError(`${where}, which does not include ${name}'s version ${version}: widen the range or write "workspace:^". Nothing was published.`, { file });
      }
      return { field, name, from: spec, to: range };
    }
    return { field, name, from: spec, to: selector === '*' ? version : `${selector}${version}` };
  });
}
