import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Config } from './config/schema.js';
import { UserError } from './errors.js';
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
  let payload: Record<string, unknown> = {};
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UserError(`Cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${(error as Error).message}`, undefined, { cause: error });
    }
  }
  // The payload's own ref wins: for a replayed event, GITHUB_REF belongs to the event that started the run.
  const ref = typeof payload.ref === 'string' && payload.ref.startsWith('refs/') ? payload.ref : (env.GITHUB_REF ?? '');
  return { name, ref, payload };
}

/**
 * Tags already pushed, for deciding what `latest` means. `git ls-remote` sees every tag of the remote
 * even in the shallow, tag-less clone that actions/checkout makes by default; local tags are the
 * fallback (a repository without a remote, or no network).
 */
export async function listGitTags(cwd: string): Promise<string[]> {
  const options = { cwd, timeout: 20_000, maxBuffer: 64 * 1024 * 1024 };
  // Loaded here: node:child_process (with net and stream under it) costs start-up time, and a run
  // given `known-versions` never lists tags.
  const run = promisify((await import('node:child_process')).execFile);
  try {
    const { stdout } = await run('git', ['ls-remote', '--tags', '--refs', 'origin'], options);
    return stdout
      .split('\n')
      .map((line) => line.split('\trefs/tags/')[1])
      .filter((tag): tag is string => Boolean(tag));
  } catch {
    try {
      const { stdout } = await run('git', ['tag', '--list'], options);
      return stdout.split('\n').filter(Boolean);
    } catch {
      return [];
    }
  }
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
  if (!registries || !images.length) return versionsFromTags(await listGitTags(cwd), config['tag-prefix']);
  // Loaded only here: planning without images never loads the HTTP client.
  const [{ releasedVersionsInRegistries }, { registryLogins }] = await Promise.all([import('./oci/released-tags.js'), import('./oci/credentials.js')]);
  const schemes = projectSchemes(project.readings, project.python !== undefined, config['version-scheme']);
  const [git, fromRegistries] = await Promise.all([
    listGitTags(cwd).then((tags) => versionsFromTags(tags, config['tag-prefix'])),
    releasedVersionsInRegistries(images, { schemes, prefix: config['tag-prefix'], credentials: registryLogins(registries.secrets, env) }),
  ]);
  for (const warning of fromRegistries.warnings) registries.warn(warning);
  return [...new Set([...git, ...fromRegistries.versions])];
}
