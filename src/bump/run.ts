import { writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageNamed } from '../config/packages.js';
import { parseConfig, readConfigSource } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { UsageError, UserError } from '../errors.js';
import { parseCommit, type ChangelogEntry } from '../github/changelog.js';
import { projectDirectory, projectEntryExists, readProjectText } from '../project/files.js';
import { checkSources, projectSchemes, resolveVersion, type ResolvedVersion } from '../version/guard.js';
import { nextVersion, parseBumpRequest, type BumpKind } from '../version/next.js';
import { versionsFromTags } from '../version/released.js';
import { compareVersions, parseVersion, type SchemeName } from '../version/scheme.js';
import { detectProject, type ProjectFacts } from '../version/sources/detect.js';
import { decideAutoBump } from './auto.js';
import { prependChangelog } from './changelog-file.js';
import { unifiedDiff } from './diff.js';
import { planAncestorLockEdits } from './edits/ancestor-locks.js';
import { planBumpEdits, type FileEdit } from './edits.js';
import { gitIn, type AuthenticatedRemote, type Git } from './git.js';
import { commitsSince } from './history.js';

export interface BumpOptions {
  cwd: string;
  /** `patch`, `auto`, `1.2.3`, … */
  request: string;
  preid?: string;
  package?: string;
  dryRun: boolean;
  commit: boolean;
  tag: boolean;
  push: boolean;
  env: NodeJS.ProcessEnv;
  now: Date;
  /** The parsed .github/tagship.yml; read from `cwd` when absent. */
  config?: Config;
  /** Set by the action: push with the job's token to the run's repository. */
  pushAuth?: { token: string; serverUrl: string; repository: string };
  /** Who the commit and tag are by (the action: github-actions[bot]); else git's own configuration. */
  author?: { name: string; email: string };
  warn?: (line: string) => void;
}

export interface BumpResult {
  /** The version the project was at. */
  previous?: string;
  version: string;
  tag: string;
  package?: string;
  edits: FileEdit[];
  dynamic: Array<{ source: string; how: string }>;
  /** The changelog file written (relative to the project), if any. */
  changelog?: string;
  /** Why `auto` chose its kind. */
  because?: string;
  /** The release commit. */
  commit?: string;
  tagged: boolean;
  pushed: boolean;
  /** Every change as one unified diff (what --dry-run prints). */
  diff: string;
}

const CHANGELOG = 'CHANGELOG.md';

/**
 * `tagship bump`: decides the next version, rewrites every version source the guard reads (and the
 * changelog), commits, tags and pushes. Every refusal comes before the first write, so a refused
 * bump changes nothing; a write that fails half-way puts the files back.
 */
export async function runBump(options: BumpOptions): Promise<BumpResult> {
  if (options.push && (!options.commit || !options.tag)) throw new UsageError('--push pushes the release commit and its tag: it cannot go with --no-commit or --no-tag');
  let config = options.config ?? parseConfig(readConfigSource(options.cwd), {}, 'flag');
  let root = options.cwd;
  let packagePath: string | undefined;
  if (options.package !== undefined) {
    // One package of the repository: its directory, its effective config, its tag prefix, its history.
    const selected = packageNamed(config, options.package);
    root = projectDirectory(resolve(options.cwd, selected.path), `packages.${selected.name}.path`, options.cwd);
    config = selected.config;
    packagePath = selected.path;
  }
  // With the action's token, the remote asked about tags is the one pushed to, with that token.
  const pushTo = options.pushAuth ? await authenticatedRemote(options.pushAuth) : undefined;
  const git = gitIn(root, options.env, options.author, pushTo);
  const top = await git.topLevel();
  const prefix = config['tag-prefix'];

  // Refusals, cheapest first: nothing below writes until all have passed.
  const dirty = await git.dirtyFiles();
  if (dirty.length) {
    throw new UserError(`The working tree has uncommitted changes (${summarise(dirty)}): commit or stash them first, so the release commit holds only the bump.`);
  }
  const branch = options.push ? await git.branch() : undefined;
  if (options.push && !branch) throw new UserError('HEAD is detached: check out the branch the release commit should go to before bump --push.');

  const sources = config['version-sources'];
  const project = detectProject(root, sources === 'auto' ? undefined : sources);
  const schemes = projectSchemes(project.readings, project.python !== undefined, config['version-scheme']);
  const scheme = schemes[0]!;
  const current = currentVersion(project, schemes, prefix);

  const localTags = await git.tags();
  const remoteTags = await git.remoteTags(options.warn);
  const merged = new Set(await git.tagsMergedIntoHead());
  const released = sortVersions(scheme, versionsFromTags([...merged], prefix));
  const highest = released.at(-1);
  const base = current ?? highest;

  const request = parseBumpRequest(options.request);
  let kind: BumpKind | undefined;
  let because: string | undefined;
  let entries: ChangelogEntry[] | undefined;
  const sinceTag = highest === undefined ? undefined : `${prefix}${highest.text}`;
  const readEntries = async () =>
    (entries ??= (await commitsSince(root, sinceTag, { path: '.', env: options.env, repositoryUrl: await repositoryUrlOf(git, options) }))
      .map(parseCommit)
      .filter((e): e is ChangelogEntry => e !== undefined));

  let text: string;
  if ('exact' in request) {
    if (options.preid !== undefined) throw new UserError(`--preid goes with a bump kind, not an exact version: write the prerelease into the version (e.g. ${request.exact}-rc.0).`);
    text = checkExact(request.exact, schemes, prefix);
  } else {
    if (!base) throw new UserError('The project states no version and no release tag exists to count from: give the first version explicitly (e.g. tagship bump 0.1.0).');
    if (request.kind === 'auto') {
      const parsed = parseVersion(scheme, base.text);
      const counted = await readEntries();
      // Nothing since the last release: `auto` has nothing to decide from, and a release would repeat the last one.
      if (!counted.length && sinceTag) {
        throw new UserError(`No commits${options.package ? ` touching ${options.package}'s path` : ''} since ${sinceTag}: nothing to release. Give a kind or a version (tagship bump patch) to release anyway.`);
      }
      const decision = decideAutoBump(counted, { major: parsed.ok ? parsed.version.major : 0, prerelease: parsed.ok && parsed.version.prerelease });
      because = decision.because;
      kind = options.preid === undefined ? decision.kind : parsed.ok && parsed.version.prerelease ? 'prerelease' : (`pre${decision.kind}` as BumpKind);
    } else {
      kind = request.kind;
      if (options.preid !== undefined && !kind.startsWith('pre')) {
        throw new UserError(`--preid ${JSON.stringify(options.preid)} goes with premajor, preminor, prepatch, prerelease or auto, not ${kind}: run tagship bump pre${kind} --preid ${options.preid}.`);
      }
    }
    text = nextVersion(base.text, kind, { schemes, ...(options.preid !== undefined ? { preid: options.preid } : {}) });
  }

  const tag = `${prefix}${text}`;
  const version = resolveVersion(text, tag, schemes);
  if (localTags.includes(tag) || remoteTags.includes(tag)) {
    throw new UserError(`Tag ${tag} already exists${localTags.includes(tag) ? '' : ' on the remote'}: that version is released. Bump to a higher one.`);
  }
  // The same version spelled otherwise (`v1.3.0rc0` and `v1.3.0-rc.0` in PEP 440) is released too.
  const sameVersion = sortVersions(scheme, versionsFromTags([...new Set([...localTags, ...remoteTags])], prefix)).find((known) => known.canonical === version.normalized);
  if (sameVersion) {
    throw new UserError(`Tag ${prefix}${sameVersion.text} already exists and is the same version as ${text}: that version is released. Bump to a higher one.`);
  }
  if (highest && compareVersions(scheme, version.normalized, highest.canonical) <= 0) {
    throw new UserError(`${text} is not higher than ${highest.text}, the highest release on this branch (${prefix}${highest.text}): give a higher version.`);
  }
  if (current && compareVersions(scheme, version.normalized, current.canonical) < 0) {
    throw new UserError(`${text} is lower than ${current.text}, the version the project states now: give a higher version.`);
  }

  // Everything planned in memory; nothing written yet.
  const planned = planBumpEdits(root, project, version);
  const edits = [...planned.edits];
  // A workspace member: the workspace's lockfile above it (at the repository root, typically) follows too.
  if (packagePath !== undefined) edits.push(...planAncestorLockEdits(options.cwd, packagePath, project, version, root));
  const baseOf = (edit: FileEdit) => (edit.inRepository ? options.cwd : root);
  let changelog: string | undefined;
  if (projectEntryExists(root, CHANGELOG)) {
    const before = readProjectText(root, CHANGELOG);
    const repositoryUrl = await repositoryUrlOf(git, options);
    const after = prependChangelog(before, {
      version: text,
      tag,
      date: options.now.toISOString().slice(0, 10),
      entries: await readEntries(),
      ...(repositoryUrl ? { repositoryUrl } : {}),
      ...(repositoryUrl && sinceTag ? { compareUrl: `${repositoryUrl}/compare/${sinceTag}...${tag}` } : {}),
    });
    if (after !== before) {
      edits.push({ file: CHANGELOG, before, after, lines: [] });
      changelog = CHANGELOG;
    }
  }
  const diff = edits.map((edit) => unifiedDiff(projectPath(top, baseOf(edit), edit.file), edit.before, edit.after)).join('');
  const result: BumpResult = {
    ...(current ?? highest ? { previous: (current ?? highest)!.text } : {}),
    version: text,
    tag,
    ...(options.package ? { package: options.package } : {}),
    edits,
    dynamic: planned.dynamic,
    ...(changelog ? { changelog } : {}),
    ...(because ? { because } : {}),
    tagged: false,
    pushed: false,
    diff,
  };
  if (options.dryRun) return result;

  writeAll(baseOf, edits);
  if (!options.commit) return result;
  // git runs in the project's directory: its paths are the project's own (`../package-lock.json` for a workspace lockfile above it).
  const files = edits.map((edit) => (edit.inRepository ? relative(root, join(options.cwd, edit.file)).split(sep).join('/') : edit.file));
  if (files.length) {
    try {
      result.commit = await git.commit(files, releaseCommitMessage(tag));
    } catch (error) {
      restore(baseOf, edits);
      await git.unstage(files).catch(() => undefined);
      throw error;
    }
  }
  if (!options.tag) return result;
  await git.annotatedTag(tag, `${options.package ? `${options.package} ` : ''}${text}`);
  result.tagged = true;
  if (!options.push) return result;
  // Loaded only for a push: the CLI without --push never needs it.
  const { pushRelease } = await import('./push.js');
  try {
    await pushRelease({ cwd: top, branch: branch!, tag, env: options.env, ...(options.pushAuth ? { auth: options.pushAuth } : {}) });
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(`Committed and tagged ${tag} here, but not pushed: ${error.message}`, error.location, { cause: error });
    }
    throw error;
  }
  result.pushed = true;
  return result;
}

async function authenticatedRemote(auth: NonNullable<BumpOptions['pushAuth']>): Promise<AuthenticatedRemote> {
  const { repositoryUrl, tokenConfig } = await import('./push.js');
  return { url: repositoryUrl(auth), secretEnv: tokenConfig(auth) };
}

/** `chore(release): v1.2.3` (`core-v1.2.3` for a package): a conventional commit `auto` counts as no change. */
function releaseCommitMessage(tag: string): string {
  return `chore(release): ${tag}`;
}

interface KnownVersion {
  text: string;
  canonical: string;
}

/**
 * The version the files state, after checking they agree. Two sources that disagree mean a file was
 * edited by hand since the last release: which one is right is for a person to say.
 */
function currentVersion(project: ProjectFacts, schemes: readonly SchemeName[], prefix: string): KnownVersion | undefined {
  const stated = project.readings.filter((r) => r.value !== undefined);
  const first = stated[0];
  if (!first) return undefined;
  let resolved: ResolvedVersion;
  try {
    resolved = resolveVersion(first.value!, `${prefix}${first.value}`, schemes);
  } catch {
    throw new UserError(`${first.file}${first.line ? `:${first.line}` : ''}: the version ${JSON.stringify(first.value)} is not one tagship can bump (${schemes.join(' and ')}): fix it, or give the next version explicitly.`, { file: first.file, ...(first.line ? { line: first.line } : {}) });
  }
  const disagreeing = checkSources(resolved, stated).find((check) => !check.ok);
  if (disagreeing) {
    throw new UserError(
      `${disagreeing.file}${disagreeing.line ? `:${disagreeing.line}` : ''} says ${disagreeing.found} but ${first.file}${first.line ? `:${first.line}` : ''} says ${first.value}: the version sources disagree (edited by hand since the last release?). Make them agree and commit, then bump.`,
      { file: disagreeing.file, ...(disagreeing.line ? { line: disagreeing.line } : {}) },
    );
  }
  return { text: first.value!, canonical: resolved.normalized };
}

/** An exact version, read under every scheme the project uses, without the tag prefix if one was typed. */
function checkExact(text: string, schemes: readonly SchemeName[], prefix: string): string {
  const bare = prefix && text.startsWith(prefix) && /^\d/.test(text.slice(prefix.length)) ? text.slice(prefix.length) : text;
  for (const scheme of schemes) {
    const parsed = parseVersion(scheme, bare);
    if (!parsed.ok) {
      const why = schemes.length > 1 ? ' (this project has npm/Cargo and Python sources, so the version must read the same in both, e.g. 1.2.3-rc.1)' : '';
      throw new UserError(`${JSON.stringify(bare)} is ${parsed.reason}${why}.`);
    }
  }
  return bare;
}

function sortVersions(scheme: SchemeName, texts: readonly string[]): KnownVersion[] {
  const parsed = texts.flatMap((text) => {
    const result = parseVersion(scheme, text);
    return result.ok ? [{ text, canonical: result.version.canonical }] : [];
  });
  return parsed.sort((a, b) => compareVersions(scheme, a.canonical, b.canonical));
}

async function repositoryUrlOf(git: Git, options: BumpOptions): Promise<string | undefined> {
  if (options.pushAuth) return `${options.pushAuth.serverUrl.replace(/\/+$/, '')}/${options.pushAuth.repository}`;
  if (options.env.GITHUB_SERVER_URL && options.env.GITHUB_REPOSITORY) return `${options.env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${options.env.GITHUB_REPOSITORY}`;
  return git.originWebUrl();
}

/** A project file's path from the repository's top, as git names it. */
function projectPath(top: string, root: string, file: string): string {
  const dir = relative(top, root).split(sep).join('/');
  return dir ? `${dir}/${file}` : file;
}

/** Writes every file, or none: a write that fails puts back the ones already written. */
function writeAll(baseOf: (edit: FileEdit) => string, edits: readonly FileEdit[]): void {
  const written: FileEdit[] = [];
  try {
    for (const edit of edits) {
      // Changed since it was read (an editor saving, another process)? Then the plan is stale.
      if (readProjectText(baseOf(edit), edit.file) !== edit.before) throw new UserError(`${edit.file} changed while the bump was being planned: run tagship bump again.`, { file: edit.file });
      writeFileSync(join(baseOf(edit), edit.file), edit.after);
      written.push(edit);
    }
  } catch (error) {
    restore(baseOf, written);
    throw error;
  }
}

function restore(baseOf: (edit: FileEdit) => string, edits: readonly FileEdit[]): void {
  for (const edit of edits) writeFileSync(join(baseOf(edit), edit.file), edit.before);
}

function summarise(files: readonly string[]): string {
  return files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}
