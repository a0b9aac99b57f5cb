import { UserError } from '../errors.js';
import { seconds, waitFor, type Clock, type ProbeResult } from '../verify/wait.js';
import { dockerOk, type DockerCli } from './docker-cli.js';

/** `UpdateStatus` of `docker service inspect`; absent until a service is first updated. */
export interface UpdateStatus {
  State: 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed' | string;
  StartedAt?: string;
  CompletedAt?: string;
  Message?: string;
}

export interface ServiceState {
  name: string;
  /** `Spec.TaskTemplate.ContainerSpec.Image`, e.g. `ghcr.io/acme/app:1.2.3@sha256:…`. */
  image: string;
  update?: UpdateStatus;
}

/** One line of `docker service ps --format '{{json .}}'`. */
export interface TaskLine {
  ID: string;
  Name: string;
  Image: string;
  Node: string;
  DesiredState: string;
  CurrentState: string;
  Error: string;
}

export function parseServiceInspect(stdout: string): ServiceState {
  const parsed = JSON.parse(stdout) as Array<{
    Spec?: { Name?: string; TaskTemplate?: { ContainerSpec?: { Image?: string } } };
    UpdateStatus?: UpdateStatus;
  }>;
  const service = Array.isArray(parsed) ? parsed[0] : undefined;
  if (!service?.Spec) throw new Error('docker service inspect printed no service');
  return {
    name: service.Spec.Name ?? '',
    image: service.Spec.TaskTemplate?.ContainerSpec?.Image ?? '',
    ...(service.UpdateStatus ? { update: service.UpdateStatus } : {}),
  };
}

export function parseTaskLines(stdout: string): TaskLine[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as TaskLine)
    .map((task) => ({ ...task, Name: task.Name.replace(/^\\_\s*/, ''), Error: unquote(task.Error ?? '') }));
}

/**
 * The CLI prints a task's error as a Go-quoted string, quotes included, even with `{{json .}}`
 * (`"\"task: non-zero exit (137): dockerexec: unhealthy container\""`): unquote it once.
 */
function unquote(error: string): string {
  if (!(error.length >= 2 && error.startsWith('"') && error.endsWith('"'))) return error;
  try {
    return JSON.parse(error) as string;
  } catch {
    return error.slice(1, -1);
  }
}

export const inspectArgs = (service: string) => ['service', 'inspect', service];
export const taskArgs = (service: string) => ['service', 'ps', '--no-trunc', '--format', '{{json .}}', service];

/**
 * The update. `--detach` returns once the manager has the new spec: tagship does its own waiting (below)
 * with a deadline, rather than following the CLI's progress bars. `--with-registry-auth` sends the
 * runner's registry login to the nodes so they can pull a private image.
 */
export function updateArgs(service: string, imageRef: string): string[] {
  return ['service', 'update', '--image', imageRef, '--with-registry-auth', '--update-failure-action', 'rollback', '--detach', service];
}

/** Whether the service already runs exactly this digest (a re-run has nothing to do). */
export function runsDigest(state: ServiceState, digest: string): boolean {
  return state.image.endsWith(`@${digest}`);
}

/**
 * Reads an update's progress. `before` is the status seen before our update: until the manager starts
 * ours, inspect still shows the previous update, which says nothing about this one.
 */
export function classifyUpdate(state: ServiceState, before: UpdateStatus | undefined): ProbeResult {
  const update = state.update;
  if (!update || (before && update.StartedAt === before.StartedAt && update.State === before.State)) {
    return { state: 'waiting', detail: 'update not started yet' };
  }
  const message = update.Message ? `: ${update.Message}` : '';
  switch (update.State) {
    case 'completed':
      return { state: 'ready', detail: `completed${message}` };
    case 'updating':
    case 'rollback_started':
      return { state: 'waiting', detail: `${update.State}${message}` };
    default:
      // paused, rollback_paused, rollback_completed: the manager stopped; waiting will not change it.
      return { state: 'failed', detail: `${update.State}${message}` };
  }
}

export interface SwarmRollout {
  service: string;
  imageRef: string;
  /** `converged`: the update completed; `unchanged`: the service already ran this digest. */
  result: 'converged' | 'unchanged';
  elapsedMs: number;
}

export interface SwarmOptions {
  timeoutMs: number;
  intervalMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/**
 * Points `service` at `repository@digest` and waits until the update completes or the manager rolls it
 * back. Throws a `UserError` that says which happened (and the failing tasks' errors) when it did not
 * converge; the image stays published either way.
 */
export async function rolloutSwarmService(cli: DockerCli, service: string, repository: string, digest: string, options: SwarmOptions): Promise<SwarmRollout> {
  const imageRef = `${repository}@${digest}`;
  const inspect = async () => parseServiceInspect(await dockerOk(cli, inspectArgs(service)));
  const initial = await inspect().catch((error: unknown) => {
    throw new UserError(`Swarm service ${service} cannot be inspected (${(error as Error).message}). Check deploy.swarm service names and docker-host.`, undefined, { cause: error });
  });
  const settled = !initial.update || ['completed', 'rollback_completed'].includes(initial.update.State);
  if (runsDigest(initial, digest) && settled) return { service, imageRef, result: 'unchanged', elapsedMs: 0 };

  // A re-run that finds our own update still under way waits for it instead of starting another.
  const ours = runsDigest(initial, digest);
  if (!ours) await dockerOk(cli, updateArgs(service, imageRef));
  const before = ours ? undefined : initial.update;
  // A failed inspect while waiting (an ssh hiccup, a manager election) is a reason to ask again, not to stop.
  const probe = async (): Promise<ProbeResult> => {
    try {
      return classifyUpdate(await inspect(), before);
    } catch (error) {
      return { state: 'waiting', detail: `cannot inspect the service: ${(error as Error).message}` };
    }
  };
  const result = await waitFor(probe, {
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 5_000,
    clock: options.clock,
    signal: options.signal,
    onChange: (r) => options.log?.(`${service}: ${r.detail}`),
  });
  if (result.outcome === 'ready') return { service, imageRef, result: 'converged', elapsedMs: result.elapsedMs };

  const failures = await failingTasks(cli, service, imageRef);
  const tasks = failures.length ? ` Failing tasks: ${failures.join('; ')}.` : '';
  if (result.outcome === 'timeout') {
    throw new UserError(
      `Swarm service ${service} did not converge on ${imageRef} within ${seconds(options.timeoutMs)} (last: ${result.detail}).${tasks} The image stays published; check \`docker service ps ${service}\` and re-run the deploy stage.`,
    );
  }
  const rolledBack = result.detail.startsWith('rollback_completed');
  throw new UserError(
    rolledBack
      ? `Swarm service ${service} rolled back to its previous image: the update to ${imageRef} failed (${result.detail}).${tasks} The image stays published; fix it and release a new version, or re-run the deploy stage.`
      : `Swarm service ${service} update to ${imageRef} stopped: ${result.detail}.${tasks} Resume with \`docker service update ${service}\` or roll back with \`docker service rollback ${service}\`, then re-run the deploy stage.`,
  );
}

/**
 * The newest tasks that report an error, as `name on node: error (state)`: those that ran `imageRef`
 * when there are any, since the task history also keeps failures of earlier updates.
 */
async function failingTasks(cli: DockerCli, service: string, imageRef: string): Promise<string[]> {
  const result = await cli(taskArgs(service));
  if (result.code !== 0) return [];
  const failed = parseTaskLines(result.stdout).filter((task) => task.Error);
  const ours = failed.filter((task) => task.Image === imageRef);
  return (ours.length ? ours : failed)
    .slice(0, 3)
    .map((task) => `${task.Name} on ${task.Node}: ${task.Error} (${task.CurrentState})`);
}
