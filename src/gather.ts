import type { Config } from './config/schema.js';
import { UserError } from './errors.js';
import { MAX_EVENT_BYTES, readNamedFile } from './project/files.js';
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
 * even in the shallow, tag-less clone that actions/checkout makes by default; local tags are the
 * fallback (a repository without a remote, or no network).
 */
export async function listGitTags(cwd: string, parentEnv: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  // Loaded here: spawning (execa, with node:child_process, net and stream under it) costs start-up
  // time, and a run given `known-versions` never lists tags.
  const { runProcess } = await import('./runtime/process.js');
  // A remote that asks for a password must fail, not wait for a terminal that is not there.
  const git = (args: string[]) => runProcess('git', args, { parentEnv, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs: 20_000 }).catch(() => undefined);
  const remote = await git(['ls-remote', '--tags', '--refs', 'origin']);
  if (remote?.code === 0) {
    return remote.stdout
      .split('\n')
      .map((line) => line.split('\trefs/tags/')[1])
      .filter((tag): tag is string => Boolean(tag));
  }
  const local = await git(['tag', '--list']);
  return local?.code === 0 ? local.stdout.split('\n').filter(Boolean) : [];
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
  };
}

/** Versions from git tags, and from the images' tag lists when the run publishes images, unioned. */
async function releasedVersions(options: GatherOptions, project: ProjectFacts): Promise<string[]> {
  const { cwd, config, registries, env } = options;
  const images = config.docker.images;
  if (!registries || !images.length) return versionsFromTags(await listGitTags(cwd, env), config['tag-prefix']);
  // Loaded only here: planning without images never loads the HTTP client.
  const [{ releasedVersionsInRegistries }, { registryLogins }] = await Promise.all([import('./oci/released-tags.js'), import('./oci/credentials.js')]);
  const schemes = projectSchemes(project.readings, project.python !== undefined, config['version-scheme']);
  const [git, fromRegistries] = await Promise.all([
    listGitTags(cwd, env).then((tags) => versionsFromTags(tags, config['tag-prefix'])),
    releasedVersionsInRegistries(images, { schemes, prefix: config['tag-prefix'], credentials: registryLogins(registries.secrets, env) }),
  ]);
  for (const warning of fromRegistries.warnings) registries.warn(warning);
  return [...new Set([...git, ...fromRegistries.versions])];
}
