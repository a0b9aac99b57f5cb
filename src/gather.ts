import type { Config } from './config/schema.js';
import { UserError } from './errors.js';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRelativePath, MAX_EVENT_BYTES, projectEntryExists, readNamedFile } from './project/files.js';
import { describeJsonValue, isJsonObject, parseJsonText } from './project/json.js';
import type { Facts } from './plan/facts.js';
import type { GithubEvent } from './trigger.js';
import { versionsFromTags } from './version/released.js';
import { projectSchemes } from './version/guard.js';
import { sourceDateEpoch } from './source-date.js';
import { detectProject, type ProjectFacts } from './version/sources/detect.js';

/** Reads the event that started the run from the runner's environment. */
export function readGithubEvent(env: NodeJS.ProcessEnv): GithubEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (!name) throw new UserError('GITHUB_EVENT_NAME is not set: run tagship inside a GitHub Actions workflow, or use the CLI with --event-name.');
  const path = env.GITHUB_EVENT_PATH;
  const payload = path ? readEventPayload(path, `the event payload ${path}`) : {};
  // The payload's own ref wins: for a replayed event, GITHUB_REF belongs to the event that started the run.
  const ref = typeof payload.ref === 'string' && payload.ref.startsWith('refs/') ? payload.ref : (env.GITHUB_REF ?? '');
  return { name, ref, payload };
}

/** How to reach the released tags when `git ls-remote` cannot, and what to do when nothing can. */
export interface TagAccess {
  /** The `github-token` input: read the tags through the REST API when ls-remote fails. */
  githubToken?: string;
  /**
   * Set when this run decides nothing from released versions (a `docker-job: build` pushes one
   * platform by digest; the merge job writes the tags): an unreadable remote is reported here and
   * the run goes on. Unset, it is an error.
   */
  unreadable?: (line: string) => void;
  /** Told when the only tags at hand are a shallow clone's own (no origin remote to ask). */
  warn?: (line: string) => void;
}

/**
 * A webhook payload file: a regular file of at most {@link MAX_EVENT_BYTES}, JSON, an object at the top.
 * `shown` says which file in messages (`the event payload /…/event.json`, `--event x.json`).
 */
export function readEventPayload(path: string, shown: string): Record<string, unknown> {
  // Any nesting: only top-level fields are read, and JSON.parse itself does not recurse on the stack.
  const payload = parseJsonText(readNamedFile(path, shown, { maxBytes: MAX_EVENT_BYTES }).toString('utf8'), shown, Number.POSITIVE_INFINITY);
  if (!isJsonObject(payload)) throw new UserError(`${shown}: expected a JSON object (a webhook payload), got ${describeJsonValue(payload)}.`);
  return payload;
}

/**
 * Tags already pushed, for deciding what `latest` means. `git ls-remote` sees every tag of the remote
 * even in the shallow, tag-less clone that actions/checkout makes by default. When it cannot (a
 * private repository cloned with `persist-credentials: false` leaves no credentials), the tags are
 * read through the GitHub API with the token. Never a silent fallback to the clone's own tags: a
 * shallow clone has only the tag being released, which would make every backport `latest`. Local
 * tags count only for a repository without an `origin` remote, whose tags are all there are.
 */
export async function listGitTags(cwd: string, parentEnv: NodeJS.ProcessEnv = process.env, access: TagAccess = {}): Promise<string[]> {
  // Loaded here: spawning (execa, with node:child_process, net and stream under it) costs start-up
  // time, and a run given `known-versions` never lists tags.
  const { runProcess, tail } = await import('./runtime/process.js');
  // A remote that asks for a password must fail, not wait for a terminal that is not there.
  const git = (args: string[]) => runProcess('git', args, { parentEnv, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs: 20_000 }).catch(() => undefined);
  const remote = await git(['ls-remote', '--tags', '--refs', 'origin']);
  if (remote?.code === 0) {
    return remote.stdout
      .split('\n')
      .map((line) => line.split('\trefs/tags/')[1])
      .filter((tag): tag is string => Boolean(tag));
  }
  const origin = await git(['remote', 'get-url', 'origin']);
  if (origin?.code !== 0) {
    const local = await git(['tag', '--list']);
    const tags = local?.code === 0 ? local.stdout.split('\n').filter(Boolean) : [];
    // Without a remote these are all the tags there are, unless the clone is shallow: then it holds
    // only the tags it was fetched with, and `latest` may be decided from too few.
    const shallow = await git(['rev-parse', '--is-shallow-repository']);
    if (shallow?.code === 0 && shallow.stdout.trim() === 'true') {
      access.warn?.(
        `Released versions were read from a shallow clone with no origin remote to ask (${tags.length} tag${tags.length === 1 ? '' : 's'} in it): which release is latest may be wrong. Clone with all tags (actions/checkout: fetch-depth: 0), add the origin remote, or pass the released versions in known-versions.`,
      );
    }
    return tags;
  }
  const lsRemote = `git ls-remote origin failed (${(remote ? tail(remote, 1) : '') || 'no answer'})`;
  const repository = parentEnv.GITHUB_REPOSITORY;
  let api = 'no github-token was given';
  if (access.githubToken && repository) {
    // Loaded only here: the HTTP client is for runs that cannot read the remote with git.
    const { listTagsThroughApi } = await import('./github/tags.js');
    try {
      return await listTagsThroughApi({ token: access.githubToken, repository, apiUrl: parentEnv.GITHUB_API_URL });
    } catch (error) {
      const status = (error as { status?: number }).status;
      api = `the GitHub API refused to list ${repository}'s tags (${status ? `HTTP ${status}` : (error as Error).message.replace(/\s+/g, ' ')})`;
    }
  } else if (access.githubToken) {
    api = 'GITHUB_REPOSITORY is not set, so the GitHub API cannot be asked';
  }
  const reason = `${lsRemote}, and ${api}`;
  if (access.unreadable) {
    access.unreadable(`Released tags not read (this job writes no tags, so it needs none): ${reason}.`);
    return [];
  }
  throw new UserError(
    `Cannot read the released tags, so which release is latest is unknown: ${reason}. Give the action a token that can read the repository (the github-token input, default \${{ github.token }}, with \`permissions: contents: read\`), or pass the released versions in known-versions.`,
  );
}

export interface GatherOptions {
  cwd: string;
  config: Config;
  /** Versions given explicitly (`known-versions` input, `--known-versions`); replace the git lookup. */
  knownVersions?: string[];
  env: NodeJS.ProcessEnv;
  /**
   * Set when this run has a docker stage: the configured images' registry tags join the released
   * versions. Secrets for the registries, and where unreadable registries are reported.
   */
  registries?: { secrets: Readonly<Record<string, string | undefined>>; warn: (line: string) => void };
  /** How to read the released tags when `git ls-remote` cannot (see `listGitTags`). */
  tags?: TagAccess;
  /** The event that started the run: its `repository` says whether the repository is public. */
  event?: GithubEvent;
  /** The package of the `packages:` map the run releases, its path relative to the repository root. */
  package?: { name: string; path: string };
}

/** Gathers the snapshot a plan is made from. The only module here that reads the world. */
export async function gatherFacts(options: GatherOptions): Promise<Facts> {
  const { cwd, config, env } = options;
  const sources = config['version-sources'];
  const project = detectProject(cwd, sources === 'auto' ? undefined : sources);
  const [knownVersions, sourceDate] = await Promise.all([
    options.knownVersions?.length ? options.knownVersions : releasedVersions(options, project),
    config.docker.images.length ? sourceDateEpoch(cwd, env) : undefined,
  ]);
  return {
    project,
    knownVersions,
    commit: env.GITHUB_SHA || undefined,
    ...(sourceDate !== undefined ? { sourceDateEpoch: sourceDate } : {}),
    repository: env.GITHUB_REPOSITORY || undefined,
    serverUrl: env.GITHUB_SERVER_URL || undefined,
    ...visibilityOf(options.event),
    ...prebuiltPython(cwd, config),
    ...(options.package ? { package: options.package } : {}),
    ...npmWorkspaceAround(cwd, options.package?.path, project),
  };
}

/**
 * The npm workspace a package of the `packages:` map belongs to, when its package.json names members
 * with `workspace:` ranges (its own directory holds only itself): as pnpm and yarn find it, the nearest
 * directory above it, up to the repository root, whose package.json `workspaces` or pnpm-workspace.yaml
 * lists it. Members' directories are relative to that workspace root.
 */
function npmWorkspaceAround(cwd: string, packagePath: string | undefined, project: ProjectFacts): Pick<Facts, 'npmWorkspace'> {
  if (packagePath === undefined || packagePath === '.' || !project.npm.some((pkg) => pkg.workspaceSpecs?.length)) return {};
  const parts = packagePath.split('/');
  for (let up = 1; up <= parts.length; up++) {
    const dir = resolve(cwd, ...parts.slice(0, up).map(() => '..'));
    if (!projectEntryExists(dir, 'package.json')) continue;
    const members = detectProject(dir, ['package.json']).npm;
    if (members.some((member) => member.dir === parts.slice(parts.length - up).join('/'))) return { npmWorkspace: members };
  }
  return {};
}

/**
 * The distribution files in `python.dist` by name, for the plan to say what it will upload. Only names: each
 * file is read and checked when it is uploaded (src/python/select.ts). A directory not there yet is no
 * error here (the plan may run before the artifacts are downloaded); the upload refuses it.
 */
function prebuiltPython(cwd: string, config: Config): Pick<Facts, 'prebuiltPython'> {
  const dist = config.python.dist;
  if (dist === undefined) return {};
  let names: string[];
  try {
    names = readdirSync(join(cwd, checkRelativePath(dist, 'python.dist')));
  } catch {
    return {};
  }
  return { prebuiltPython: names.filter((name) => name.endsWith('.whl') || name.endsWith('.tar.gz')).sort() };
}

/** Versions from git tags, and from the images' tag lists when the run publishes images, unioned. */
async function releasedVersions(options: GatherOptions, project: ProjectFacts): Promise<string[]> {
  const { cwd, config, registries, env, tags: access } = options;
  const images = config.docker.images;
  if (!registries || !images.length) return versionsFromTags(await listGitTags(cwd, env, access), config['tag-prefix']);
  // Loaded only here: planning without images never loads the HTTP client.
  const [{ releasedVersionsInRegistries }, { registryLogins }] = await Promise.all([import('./oci/released-tags.js'), import('./oci/credentials.js')]);
  const schemes = projectSchemes(project.readings, project.python !== undefined, config['version-scheme']);
  const [git, fromRegistries] = await Promise.all([
    listGitTags(cwd, env, access).then((tags) => versionsFromTags(tags, config['tag-prefix'])),
    releasedVersionsInRegistries(images, { schemes, prefix: config['tag-prefix'], credentials: registryLogins(registries.secrets, env) }),
  ]);
  for (const warning of fromRegistries.warnings) registries.warn(warning);
  return [...new Set([...git, ...fromRegistries.versions])];
}

/**
 * The repository's visibility from the webhook payload (`repository.visibility`: public, private or
 * internal; older payloads only `repository.private`). Decides whether arm64 builds may ask for
 * GitHub's arm64 runners, which are offered to public repositories only.
 */
export function visibilityOf(event: GithubEvent | undefined): Pick<Facts, 'visibility'> {
  const repository = event?.payload.repository as { visibility?: unknown; private?: unknown } | undefined;
  if (repository?.visibility === 'public' || repository?.visibility === 'private' || repository?.visibility === 'internal') return { visibility: repository.visibility };
  if (typeof repository?.private === 'boolean') return { visibility: repository.private ? 'private' : 'public' };
  return {};
}
