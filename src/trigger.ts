import { UserError } from './errors.js';
import { isTagshipRelease } from './github/marker.js';
import { classifyTag, versionFromInput, type TagConventions } from './version/tag.js';
import { parseStageList, type StageName } from './plan/stages.js';

/** The GitHub event that started the run, as read from the runner (or the CLI's flags). */
export interface GithubEvent {
  name: string;
  /** `GITHUB_REF`, e.g. `refs/tags/v1.2.3`. */
  ref: string;
  /** The webhook payload (`GITHUB_EVENT_PATH`). Untrusted text. */
  payload: Record<string, unknown>;
}

export type TriggerKind = 'tag' | 'rehearsal' | 'release' | 'docker-rebuild' | 'dispatch' | 'handoff' | 'ignored';

export type Trigger =
  | { kind: 'ignored'; event: string; reason: string }
  | {
      kind: Exclude<TriggerKind, 'ignored'>;
      event: string;
      /** The release tag the run is about (`v1.2.3`), even when started by `docker-rebuild-v1.2.3`. */
      tag: string;
      /** The tag or ref that started the run. */
      ref: string;
      versionText: string;
      stages: StageName[];
      /** True when the run publishes to test registries only and is never marked latest. */
      rehearsal: boolean;
    };

const RELEASE_ACTIONS = new Set(['published', 'prereleased']);

/**
 * What a step's inputs add to the event: `version`, handed over by the job that made the release (release-please,
 * changesets, a bot) in a run its tag did not start: a tag created with `GITHUB_TOKEN` starts no workflow.
 */
export interface Handoff {
  version?: string;
}

const ALL_STAGES: StageName[] = ['release', 'docker', 'verify', 'deploy'];

/** Resolves the run into what to do. Pure: reads only its arguments. */
export function resolveTrigger(event: GithubEvent, conventions: TagConventions, handoff: Handoff = {}): Trigger {
  if (handoff.version?.trim()) return resolveHandoff(event, conventions, handoff.version);
  switch (event.name) {
    case 'push':
      return resolvePush(event, conventions);
    case 'release':
      return resolveRelease(event, conventions);
    case 'workflow_dispatch':
      return resolveDispatch(event, conventions);
    default:
      return ignored(event, `event '${event.name}' does not start a release`);
  }
}

function resolvePush(event: GithubEvent, conventions: TagConventions): Trigger {
  const ref = typeof event.payload.ref === 'string' ? event.payload.ref : event.ref;
  if (event.payload.deleted === true) {
    return ignored(event, `${describeRef(ref)} was deleted`);
  }
  if (!ref.startsWith('refs/tags/')) {
    return ignored(event, `${describeRef(ref)} is not a tag push`);
  }
  const tag = ref.slice('refs/tags/'.length);
  const classified = classifyTag(tag, conventions);
  if (!classified) {
    return ignored(event, `tag ${JSON.stringify(tag)} is not a version tag (${conventions.prefix}1.2.3)`);
  }
  const base = { event: event.name, tag: classified.releaseTag, ref: tag, versionText: classified.versionText };
  switch (classified.kind) {
    case 'release':
      return { ...base, kind: 'tag', stages: ['release', 'docker', 'verify', 'deploy'], rehearsal: false };
    case 'rehearsal':
      return { ...base, kind: 'rehearsal', stages: ['release', 'verify'], rehearsal: true };
    case 'docker-rebuild':
      return { ...base, kind: 'docker-rebuild', stages: ['docker', 'verify', 'deploy'], rehearsal: false };
  }
}

function resolveRelease(event: GithubEvent, conventions: TagConventions): Trigger {
  const action = String(event.payload.action ?? '');
  if (!RELEASE_ACTIONS.has(action)) {
    return ignored(event, `release action '${action}' does not build images (only published, prereleased)`);
  }
  const release = (event.payload.release ?? {}) as Record<string, unknown>;
  const tag = typeof release.tag_name === 'string' ? release.tag_name : '';
  const classified = classifyTag(tag, conventions);
  if (!classified || classified.kind !== 'release') {
    return ignored(event, `release tag ${JSON.stringify(tag)} is not a release version tag (${conventions.prefix}1.2.3)`);
  }
  // tagship's own run builds the images (same job, or the workflow it dispatched): a release event
  // for a release it wrote (made with an App or personal token, or published by hand later) must not
  // build them twice. See docs/docker-chain.md.
  if (isTagshipRelease(release.body)) {
    return ignored(event, `release ${JSON.stringify(tag)} was written by tagship, whose own run builds its images`);
  }
  return {
    kind: 'release',
    event: event.name,
    tag: classified.releaseTag,
    ref: tag,
    versionText: classified.versionText,
    stages: ['docker', 'verify', 'deploy'],
    rehearsal: false,
  };
}

function resolveDispatch(event: GithubEvent, conventions: TagConventions): Trigger {
  const inputs = (event.payload.inputs ?? {}) as Record<string, unknown>;
  const version = typeof inputs.version === 'string' ? inputs.version : '';
  if (!version.trim()) {
    throw new UserError("workflow_dispatch needs the input 'version' (e.g. 1.2.3): add it to the workflow's inputs and run it again.");
  }
  const versionText = versionFromInput(version, conventions);
  const stagesText = typeof inputs.stages === 'string' ? inputs.stages : '';
  const stages = stagesText.trim() ? parseStageList(stagesText, "workflow_dispatch input 'stages'") : (['release', 'docker', 'verify', 'deploy'] as StageName[]);
  return {
    kind: 'dispatch',
    event: event.name,
    tag: conventions.prefix + versionText,
    ref: event.ref,
    versionText,
    stages,
    rehearsal: false,
  };
}

/**
 * A version handed over by an earlier job of the same run. The event that started the run (a branch push
 * for release-please, a `workflow_call`, a schedule) says nothing about it; one that names a version of its
 * own (a tag push, a dispatch, a release) must name the same one, or the step would release something the
 * run was not started for.
 */
function resolveHandoff(event: GithubEvent, conventions: TagConventions, version: string): Trigger {
  const versionText = versionFromInput(version, conventions);
  const tag = conventions.prefix + versionText;
  const own = resolveWithoutHandoff(event, conventions);
  if (own.kind !== 'ignored' && own.kind !== 'handoff') {
    if (own.tag !== tag) {
      throw new UserError(
        `Input 'version' says ${tag}, but the ${event.name} event that started the run is about ${own.tag}: pass the version only from the job that made the release, or leave it empty to release what the event names.`,
      );
    }
    return own;
  }
  return { kind: 'handoff', event: event.name, tag, ref: tag, versionText, stages: [...ALL_STAGES], rehearsal: false };
}

/** The event alone; a dispatch without its own version is not an error here (the hand-off gives one). */
function resolveWithoutHandoff(event: GithubEvent, conventions: TagConventions): Trigger {
  if (event.name === 'workflow_dispatch') {
    const inputs = (event.payload.inputs ?? {}) as Record<string, unknown>;
    if (typeof inputs.version !== 'string' || !inputs.version.trim()) return ignored(event, 'the dispatch names no version');
  }
  return resolveTrigger(event, conventions);
}

function ignored(event: GithubEvent, reason: string): Trigger {
  return { kind: 'ignored', event: event.name, reason };
}

function describeRef(ref: string): string {
  if (ref.startsWith('refs/tags/')) return `tag ${JSON.stringify(ref.slice(10))}`;
  if (ref.startsWith('refs/heads/')) return `branch ${JSON.stringify(ref.slice(11))}`;
  return `ref ${JSON.stringify(ref)}`;
}
