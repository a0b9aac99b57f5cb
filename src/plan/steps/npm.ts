import semver from 'semver';
import { resolveWorkspaceRanges, type WorkspaceRangeRewrite } from '../../npm/workspace-ranges.js';
import type { NpmPackageFacts } from '../../version/sources/detect.js';
import { isHighestInLine } from '../../version/released.js';
import type { PlanContext } from '../context.js';

export interface NpmPublishStep {
  kind: 'npm-publish';
  id: string;
  /** `name@version` */
  target: string;
  package: string;
  version: string;
  dir: string;
  distTag: string;
  access?: 'public' | 'restricted';
  /** Where to publish (ends with `/`). */
  registry: string;
  /** `auto` is decided when the step runs: only the runner knows whether it may request an OIDC token. */
  provenance: boolean | 'auto';
  /** `npm.script-env`: variables of the step's environment the lifecycle scripts also get. */
  scriptEnv?: string[];
  /** Its pnpm/yarn `workspace:` specifiers and the real ranges the published manifest carries instead. */
  workspaceRanges?: WorkspaceRangeRewrite[];
}

/**
 * The dist-tag a version is published under. `latest` only for the highest stable version; a
 * prerelease gets its identifier (`rc`, `beta`) or `next`; an older line gets `latest-1` or
 * `latest-1.1`, so `npm i pkg` never moves backwards.
 */
export function distTagFor(version: string, known: readonly string[], rehearsal: boolean): string {
  const parsed = semver.parse(version);
  if (!parsed) return 'next';
  if (parsed.prerelease.length) {
    const id = parsed.prerelease.find((part): part is string => typeof part === 'string' && /^[a-z][a-z0-9-]*$/i.test(part));
    const tag = id?.toLowerCase();
    // Never `latest` (in any case), and never a string npm reads as a semver range (`x`): npm refuses those as tags.
    return tag && tag !== 'latest' && semver.validRange(tag) === null ? tag : 'next';
  }
  if (rehearsal) return 'rehearsal';
  if (isHighestInLine(version, known, 'semver', 'all')) return 'latest';
  if (isHighestInLine(version, known, 'semver', 'major')) return `latest-${parsed.major}`;
  return `latest-${parsed.major}.${parsed.minor}`;
}

export function planNpmSteps(ctx: PlanContext): NpmPublishStep[] {
  const { npm } = ctx.config;
  const publishable = ctx.facts.project.npm.filter((pkg) => !pkg.private && pkg.version !== undefined);
  if (npm.enabled === false || (npm.enabled === 'auto' && !publishable.length)) return [];
  const version = ctx.version.semver ?? ctx.version.normalized;
  const distTag = distTagFor(version, ctx.facts.knownVersions, ctx.rehearsal);
  // Every package's `workspace:` specifiers resolve before the first is published, or nothing is.
  // The members: the project's own packages, and for a package of the `packages:` map, the repository's workspace.
  const own = new Set(ctx.facts.project.npm.map((pkg) => pkg.name));
  const members = [...ctx.facts.project.npm, ...(ctx.facts.npmWorkspace ?? []).filter((pkg) => !own.has(pkg.name))];
  const rewrites = new Map(publishable.map((pkg) => [pkg.name, resolveWorkspaceRanges(pkg, members)]));
  return dependencyOrder(publishable).map((pkg) => ({
    kind: 'npm-publish',
    id: `npm-publish:${pkg.name}`,
    target: `${pkg.name}@${version}`,
    package: pkg.name,
    version,
    dir: pkg.dir,
    distTag,
    ...accessFor(pkg.name, npm.access),
    registry: npm.registry.replace(/\/?$/, '/'),
    provenance: npm.provenance,
    ...(npm['script-env'].length ? { scriptEnv: npm['script-env'] } : {}),
    ...(rewrites.get(pkg.name)!.length ? { workspaceRanges: rewrites.get(pkg.name)! } : {}),
  }));
}

/** A scoped package is public unless configured otherwise: npm would make a new one restricted. */
function accessFor(name: string, access: 'auto' | 'public' | 'restricted'): Pick<NpmPublishStep, 'access'> {
  if (access !== 'auto') return { access };
  return name.startsWith('@') ? { access: 'public' } : {};
}

/** Workspace packages ordered so that each is published after the packages it depends on. */
export function dependencyOrder(packages: readonly NpmPackageFacts[]): NpmPackageFacts[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered: NpmPackageFacts[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (pkg: NpmPackageFacts, chain: string[]): void => {
    if (state.get(pkg.name) === 'done') return;
    if (state.get(pkg.name) === 'visiting') throw new Error(`workspace dependency cycle: ${[...chain, pkg.name].join(' → ')}`);
    state.set(pkg.name, 'visiting');
    for (const dep of pkg.dependsOn) {
      const inner = byName.get(dep);
      if (inner) visit(inner, [...chain, pkg.name]);
    }
    state.set(pkg.name, 'done');
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}
