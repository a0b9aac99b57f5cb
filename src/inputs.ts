import { UserError } from './errors.js';
import { DOCKER_JOBS, type DockerJob } from './docker/jobs.js';
import { parseStageList, type StageName } from './plan/stages.js';

/** Every input `action.yml` declares; a contract test keeps the two equal. */
export const INPUT_NAMES = [
  'dry-run',
  'config',
  'working-directory',
  'tag-prefix',
  'stages',
  'verify-of',
  'known-versions',
  'event-name',
  'event-path',
  'github-token',
  'registry-credentials',
  'npm-token',
  'docker-job',
  'docker-platform',
  'docker-digests-dir',
  'pypi-token',
  'slack-webhook-url',
  'discord-webhook-url',
  'webhook-url',
  'webhook-secret',
  'source-commit',
  'version',
  'package',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export interface ActionInputs {
  dryRun: boolean;
  /** Config file relative to the working directory; undefined means the default locations. */
  configFile?: string;
  workingDirectory: string;
  /** Config overrides from inputs, keyed like the config file. */
  overrides: { 'tag-prefix'?: string };
  /** Stages this step may run; undefined means every stage the trigger asks for. */
  stages?: StageName[];
  /** `verify-of`: the publishing stage a verify-only step checks; undefined means everything the trigger publishes. */
  verifyOf?: 'release' | 'docker';
  knownVersions: string[];
  /** A replayed event (`event-name` + `event-path`) instead of the runner's. */
  replay?: { eventName: string; eventPath: string };
  githubToken?: string;
  /** `registry-credentials`: `HOST USERNAME PASSWORD` lines, a secret; parsed where it is used. */
  registryCredentials?: string;
  /** npm publish token; without it npm's trusted publishing (OIDC) is used when the job allows it. */
  npmToken?: string;
  /** The part of the Docker stage this step runs (`docker-job`, with `docker-platform` for a build). */
  dockerJob: DockerJob;
  /** `docker-digests-dir`: where distributed builds write per-platform digests and the merge reads them. */
  dockerDigestsDir?: string;
  /** PyPI API token, used when trusted publishing is not available. */
  pypiToken?: string;
  /**
   * `source-commit`: the commit the release's source is at, for image labels and `{{sha}}`; undefined means
   * GITHUB_SHA. A rebuild or dispatch starts at another commit than the release tag's, so the reusable
   * Docker workflow checks out the tag and passes its commit here.
   */
  sourceCommit?: string;
  /**
   * `version`: the version an earlier job of the run released (release-please, changesets, a bot), for a run
   * that its tag did not start; undefined means the event decides (src/trigger.ts, `Handoff`).
   */
  handoffVersion?: string;
  /** `package`: the package of the config's `packages:` map to release; undefined means the tag decides (src/config/packages.ts). */
  packageName?: string;
  /** Notification webhooks; each URL is a secret. */
  webhooks: { slack?: string; discord?: string; generic?: string; genericSecret?: string };
}

/** Parses the inputs once. `read` returns the raw string ('' when unset). */
export function parseInputs(read: (name: InputName) => string): Readonly<ActionInputs> {
  const tagPrefix = read('tag-prefix');
  const stages = read('stages');
  return Object.freeze({
    dryRun: parseBoolean('dry-run', read('dry-run'), false),
    configFile: read('config') || undefined,
    workingDirectory: read('working-directory') || '.',
    // The default is declared in action.yml; an empty string here means "use the config file's".
    overrides: tagPrefix ? { 'tag-prefix': tagPrefix } : {},
    stages: stages ? parseStageList(stages, "Input 'stages'") : undefined,
    verifyOf: parseVerifyOf(read('verify-of')),
    knownVersions: parseList(read('known-versions')),
    replay: parseReplay(read('event-name'), read('event-path')),
    githubToken: read('github-token') || undefined,
    registryCredentials: read('registry-credentials') || undefined,
    npmToken: read('npm-token') || undefined,
    dockerJob: parseDockerJob(read('docker-job'), read('docker-platform')),
    dockerDigestsDir: read('docker-digests-dir') || undefined,
    pypiToken: read('pypi-token') || undefined,
    sourceCommit: parseCommit(read('source-commit')),
    handoffVersion: read('version').trim() || undefined,
    packageName: read('package').trim() || undefined,
    webhooks: {
      ...webhook('slack', 'slack-webhook-url', read('slack-webhook-url')),
      ...webhook('discord', 'discord-webhook-url', read('discord-webhook-url')),
      ...webhook('generic', 'webhook-url', read('webhook-url')),
      ...(read('webhook-secret') ? { genericSecret: read('webhook-secret') } : {}),
    },
  });
}

function parseVerifyOf(value: string): ActionInputs['verifyOf'] {
  if (!value) return undefined;
  if (value === 'release' || value === 'docker') return value;
  throw new UserError(`Input 'verify-of' must be release or docker, got ${JSON.stringify(value)}.`);
}

function parseDockerJob(job: string, platform: string): DockerJob {
  const name = job || 'all';
  if (!(DOCKER_JOBS as readonly string[]).includes(name)) {
    throw new UserError(`Input 'docker-job' must be one of ${DOCKER_JOBS.join(', ')}, got ${JSON.stringify(job)}.`);
  }
  if (name === 'build') {
    if (!platform) throw new UserError("Input 'docker-job: build' needs 'docker-platform' (e.g. linux/arm64): pass ${{ matrix.platform }} from the plan job's matrix.");
    if (!/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/.test(platform)) throw new UserError(`Input 'docker-platform' must be os/arch or os/arch/variant (e.g. linux/arm64), got ${JSON.stringify(platform)}.`);
    return { job: 'build', platform };
  }
  if (platform) throw new UserError(`Input 'docker-platform' is only for docker-job: build, but docker-job is ${name}: drop it, or set docker-job: build.`);
  return { job: name as 'all' | 'plan' | 'merge' };
}

function parseCommit(value: string): string | undefined {
  if (!value) return undefined;
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value)) {
    throw new UserError(`Input 'source-commit' must be a full commit SHA (40 hex digits, e.g. from git rev-parse HEAD), got ${JSON.stringify(value)}.`);
  }
  return value;
}

function parseReplay(eventName: string, eventPath: string): ActionInputs['replay'] {
  if (!eventName && !eventPath) return undefined;
  if (!eventName || !eventPath) throw new UserError("Inputs 'event-name' and 'event-path' go together: give both to replay an event, or neither.");
  return { eventName, eventPath };
}

export function parseBoolean(name: string, text: string, fallback: boolean): boolean {
  if (text === '') return fallback;
  if (/^(true|yes|1)$/i.test(text)) return true;
  if (/^(false|no|0)$/i.test(text)) return false;
  throw new UserError(`Input '${name}' must be true or false, got ${JSON.stringify(text)}.`);
}

export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A webhook URL input. It is a secret: an error names the input, never the value. */
function webhook<K extends string>(key: K, name: InputName, text: string): { [P in K]?: string } {
  if (!text) return {};
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UserError(`Input '${name}' must be an https:// webhook URL (value hidden: it is a secret). Check the secret it is set from.`);
  }
  return { [key]: text } as { [P in K]?: string };
}
