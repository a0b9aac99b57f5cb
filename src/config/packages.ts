import { UserError } from '../errors.js';
import type { GithubEvent } from '../trigger.js';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { projectDirectory } from '../project/files.js';
import { configSchema, type Config } from './schema.js';
import { normalizePackagePath, PACKAGE_SECTIONS, packagePrefixOf, type PackageSectionName, type PackageSettings } from './sections/packages.js';

/** A package of the `packages:` map, ready to release: where it lives and the config it runs with. */
export interface SelectedPackage {
  name: string;
  /** Relative to the repository root, forward slashes (`.` for the root itself). */
  path: string;
  /** Effective: the top level with the package's sections merged over it, `tag-prefix` the package's. */
  config: Config;
}

/** The package called `name`; an unknown name is the user's error, with the names there are. */
export function packageNamed(config: Config, name: string): SelectedPackage {
  const settings = Object.hasOwn(config.packages, name) ? config.packages[name] : undefined;
  if (!settings) {
    const known = Object.keys(config.packages);
    throw new UserError(
      known.length
        ? `No package ${JSON.stringify(name)} in the config's packages: expected one of ${known.map((n) => JSON.stringify(n)).join(', ')}.`
        : `No package ${JSON.stringify(name)}: the config has no packages map; add packages.${name} (path, tag-prefix) to .github/tagship.yml.`,
    );
  }
  return { name, path: normalizePackagePath(settings.path), config: effectiveConfig(config, name, settings) };
}

/**
 * The package a tag belongs to: the release tag (`core-v1.2.3`), its rehearsal (`test-core-v1.2.3`) or
 * its rebuild (`docker-rebuild-core-v1.2.3`). The longest prefix followed by a digit wins, the top
 * level's included: undefined when the tag is the root project's or nobody's.
 */
export function packageForTag(config: Config, tag: string): SelectedPackage | undefined {
  const name = ownerOfTag(config, tag);
  return name === undefined || name === '' ? undefined : packageNamed(config, name);
}

/** Whose tag this is, rehearsal and rebuild forms included: a package's name, `''` for the root project, undefined for nobody's. */
function ownerOfTag(config: Config, tag: string): string | undefined {
  const release = [config['rebuild-prefix'], config['rehearsal-prefix']].reduce(
    (text, special) => (text.startsWith(special) && owner(config, text.slice(special.length)) !== undefined ? text.slice(special.length) : text),
    tag,
  );
  return owner(config, release);
}

/** The name of the package whose prefix is the longest fitting `tag` (`''` for the top level). */
function owner(config: Config, tag: string): string | undefined {
  let best: { name: string; length: number } | undefined;
  const fits = (prefix: string) => tag.startsWith(prefix) && /^\p{Nd}/u.test(tag.slice(prefix.length));
  if (fits(config['tag-prefix'])) best = { name: '', length: config['tag-prefix'].length };
  for (const [name, settings] of Object.entries(config.packages)) {
    const prefix = packagePrefixOf(name, settings);
    if (fits(prefix) && (!best || prefix.length > best.length)) best = { name, length: prefix.length };
  }
  return best?.name;
}

/**
 * The top level with the package's settings over it. A section's keys merge one by one (nested
 * mappings too), so `docker: { images: [...] }` keeps the top level's platforms; a list replaces the
 * top level's list. Parsed again: the result is a config like any other, defaults and all.
 */
function effectiveConfig(config: Config, name: string, settings: PackageSettings): Config {
  const { packages: _packages, ...top } = config;
  const merged: Record<string, unknown> = { ...top };
  if (settings['version-scheme'] !== undefined) merged['version-scheme'] = settings['version-scheme'];
  if (settings['version-sources'] !== undefined) merged['version-sources'] = settings['version-sources'];
  for (const section of Object.keys(PACKAGE_SECTIONS) as PackageSectionName[]) {
    if (settings[section] !== undefined) merged[section] = mergeSettings(top[section], settings[section]);
  }
  // Already validated piece by piece; the package keeps the map, so `bump --package` can look it up again.
  // The package's prefix is set after parsing: it may hold `@` and `/` (`crawlkit@`), which the top level's may not.
  return { ...configSchema.parse(merged), 'tag-prefix': packagePrefixOf(name, settings), packages: config.packages };
}

function mergeSettings(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  // Entries, not assignments: a key such as `__proto__` (a valid build-arg name) stays a plain key.
  const entries = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(over)) entries.set(key, entries.has(key) ? mergeSettings(entries.get(key), value) : value);
  return Object.fromEntries(entries);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What besides the event may name the package: the `package` input (`--package`) and the hand-off `version`. */
export interface PackageHints {
  /** A package name given explicitly (the action's `package` input, a dispatch's `package` input). */
  name?: string;
  /** The hand-off `version` input, a version (`1.2.3`) or a full tag (`core-v1.2.3`). */
  version?: string;
}

/**
 * The package a run is about, or undefined for the root project. Read from the tag the event names (a
 * tag push, a release's tag, a dispatch's or hand-off's `version` given as a full tag) or from a package
 * name; both given, they must agree. Pure.
 */
export function selectPackage(config: Config, event: GithubEvent, hints: PackageHints = {}): SelectedPackage | undefined {
  const inputs = event.name === 'workflow_dispatch' && isMapping(event.payload.inputs) ? event.payload.inputs : {};
  const named = [hints.name, typeof inputs.package === 'string' ? inputs.package : undefined].map((n) => n?.trim()).find(Boolean);
  // The first tag that is anyone's decides: a dispatch's `version: v1.2.3` is the root's even on a package's tag ref.
  // With a package named, a typed version that reads as the root's (`1.2.3` under a bare top-level prefix)
  // is that package's version, not a tag.
  const owned = tagsOf(event, hints)
    .map(({ tag, typed }) => ({ owner: ownerOfTag(config, tag), typed }))
    .find(({ owner, typed }) => owner !== undefined && !(named && typed && owner === ''))?.owner;
  const fromTag = owned ? packageNamed(config, owned) : undefined;
  if (!named) return fromTag;
  const chosen = packageNamed(config, named);
  if (owned === '') {
    throw new UserError(`The run is for package ${JSON.stringify(chosen.name)}, but its tag is the root project's (prefix ${JSON.stringify(config['tag-prefix'])}): give the package's own tag (${packagePrefixOf(chosen.name, config.packages[chosen.name]!)}1.2.3) or leave the package input empty.`);
  }
  if (fromTag && fromTag.name !== chosen.name) {
    throw new UserError(`The run is for package ${JSON.stringify(chosen.name)}, but its tag belongs to package ${JSON.stringify(fromTag.name)}: give the package's own tag (${packagePrefixOf(chosen.name, config.packages[chosen.name]!)}1.2.3) or leave the package input empty.`);
  }
  return chosen;
}

/** Tags the run names, the hand-off's first (it wins over the event in src/trigger.ts too). */
function tagsOf(event: GithubEvent, hints: PackageHints): Array<{ tag: string; typed: boolean }> {
  const tags: Array<{ tag: string; typed: boolean }> = [];
  // `typed`: a version a person or a job wrote, which may be bare (`1.2.3`) rather than a tag.
  if (hints.version?.trim()) tags.push({ tag: hints.version.trim(), typed: true });
  // As src/trigger.ts reads a push: the payload's ref first.
  const pushed = typeof event.payload.ref === 'string' ? event.payload.ref : event.ref;
  if (event.name === 'push' && pushed.startsWith('refs/tags/')) tags.push({ tag: pushed.slice('refs/tags/'.length), typed: false });
  const release = event.payload.release;
  if (event.name === 'release' && isMapping(release) && typeof release.tag_name === 'string') tags.push({ tag: release.tag_name, typed: false });
  const inputs = event.payload.inputs;
  if (event.name === 'workflow_dispatch' && isMapping(inputs) && typeof inputs.version === 'string') tags.push({ tag: inputs.version.trim(), typed: true });
  // A dispatch on a package's tag (the Docker workflow tagship dispatches runs on the release tag).
  if (event.name === 'workflow_dispatch' && event.ref.startsWith('refs/tags/')) tags.push({ tag: event.ref.slice('refs/tags/'.length), typed: false });
  return tags;
}

/**
 * Where and with what a run works: the root project as configured, or the selected package in its own
 * directory (which must exist inside the repository) with its effective config.
 */
export function packageRun(root: string, config: Config, selected: SelectedPackage | undefined): { cwd: string; config: Config; package?: SelectedPackage } {
  if (!selected) return { cwd: root, config };
  // Inside the project: a path made of a link to elsewhere is refused like `..` is by the config.
  const cwd = projectDirectory(resolve(root, selected.path), `path of package ${JSON.stringify(selected.name)}`, root);
  return { cwd, config: selected.config, package: selected };
}

/**
 * The package as the plan's facts name it: its directory relative to the repository root (where the
 * commits' paths start: GITHUB_WORKSPACE in the action, git's top level for the CLI), `.` for the root.
 */
export function packageFacts(repositoryRoot: string, cwd: string, selected: SelectedPackage | undefined): { name: string; path: string } | undefined {
  if (!selected) return undefined;
  const path = relative(realOrSelf(repositoryRoot), realOrSelf(cwd)).replaceAll('\\', '/');
  return { name: selected.name, path: path === '' || path.startsWith('..') ? '.' : path };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
