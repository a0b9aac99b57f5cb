import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import type { VerifyContainerStep } from '../plan/steps/verify.js';
import { forbiddenFor } from '../runtime/child-env.js';
import { createDockerCli, dockerOk, lastLines, type DockerCli } from '../deploy/docker-cli.js';
import { resolveDigest } from './digests.js';
import { httpProbe } from './http-probe.js';
import { normalizePlatform } from '../oci/platforms.js';
import { seconds, waitFor, type Clock, type Probe, type ProbeResult } from './wait.js';

/** `State` of `docker inspect`, the parts health depends on. */
export interface ContainerState {
  Status: string;
  ExitCode?: number;
  Error?: string;
  OOMKilled?: boolean;
  Health?: { Status: 'starting' | 'healthy' | 'unhealthy' | string; FailingStreak?: number; Log?: Array<{ ExitCode: number; Output: string }> };
}

/** Reads a container's state: exited is final, unhealthy is final, healthy (or running without a HEALTHCHECK) is ready. */
export function classifyContainer(state: ContainerState): ProbeResult {
  if (state.Status !== 'running') {
    const why = state.OOMKilled ? ', out of memory' : state.Error ? `, ${state.Error}` : '';
    return { state: 'failed', detail: `container ${state.Status} with code ${state.ExitCode ?? '?'}${why}` };
  }
  const health = state.Health;
  if (!health) return { state: 'ready', detail: 'running (the image has no HEALTHCHECK)' };
  if (health.Status === 'healthy') return { state: 'ready', detail: 'HEALTHCHECK healthy' };
  const last = health.Log?.at(-1);
  const output = last ? `: ${last.Output.trim().split('\n').at(-1)}` : '';
  if (health.Status === 'unhealthy') return { state: 'failed', detail: `HEALTHCHECK unhealthy after ${health.FailingStreak ?? '?'} failures${output}` };
  return { state: 'waiting', detail: `HEALTHCHECK ${health.Status}${output}` };
}

/**
 * How the probed port reaches the runner. `publish`: on loopback, on a port the daemon picks, so parallel
 * jobs never collide (every daemon with its default bridge network: GitHub's runners, Docker Desktop).
 * `host`: the container shares the runner's network, for a daemon started without a bridge
 * (`dockerd --bridge=none`, as in CI containers): there `--publish` is accepted and silently does nothing.
 */
export type ProbeNetwork = 'publish' | 'host';

/** Docker's flags for a health check given in config: checked every 2 s, unhealthy after 3 failures in a row. */
const healthArgs = (command: string) => ['--health-cmd', command, '--health-interval', '2s', '--health-timeout', '5s', '--health-retries', '3', '--health-start-period', '0s'];

export const runArgs = (name: string, platform: string, imageRef: string, step: Pick<VerifyContainerStep, 'probe' | 'env' | 'healthCommand'>, network: ProbeNetwork = 'publish') => [
  'run',
  '--detach',
  '--name',
  name,
  '--platform',
  platform,
  '--pull',
  'always',
  ...(!step.probe ? [] : network === 'host' ? ['--network', 'host'] : ['--publish', `127.0.0.1::${step.probe.port}`]),
  // `-e NAME` without a value: docker reads it from its own environment, so values stay out of argv.
  ...Object.keys(step.env).flatMap((key) => ['--env', key]),
  ...(step.healthCommand ? healthArgs(step.healthCommand) : []),
  imageRef,
];

/** `docker network inspect bridge` fails on a daemon started with `--bridge=none`: it can publish no port. */
export const bridgeArgs = ['network', 'inspect', '--format', '{{.Name}}', 'bridge'];

export async function probeNetwork(cli: DockerCli): Promise<ProbeNetwork> {
  const bridge = await cli(bridgeArgs);
  return bridge.code === 0 ? 'publish' : 'host';
}

/** Whether something on this machine already answers on 127.0.0.1:port (the probe would reach it, not the container). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

export interface HealthRunOptions {
  clock?: Clock;
  intervalMs?: number;
  log?: (line: string) => void;
  /** The container's name; random by default so parallel jobs on one daemon never collide. */
  name?: string;
}

/**
 * Runs `imageRef` for `platform`, waits until it is healthy (its HEALTHCHECK, or `probe` answering 2xx
 * three times in a row), and always removes it. A failure carries the container's last log lines.
 */
export async function checkContainerHealth(cli: DockerCli, imageRef: string, platform: string, step: Pick<VerifyContainerStep, 'probe' | 'env' | 'timeoutMs'>, options: HealthRunOptions = {}): Promise<string> {
  const name = options.name ?? `tagship-verify-${randomBytes(4).toString('hex')}`;
  const network = step.probe ? await probeNetwork(cli) : 'publish';
  if (step.probe && network === 'host' && (await portInUse(step.probe.port))) {
    throw new UserError(
      `verify.container.port ${step.probe.port} is already in use on this machine, and its Docker daemon has no bridge network, so the container would share the machine's network: stop what listens there, or give the daemon its default bridge.`,
    );
  }
  const started = await cli(runArgs(name, platform, imageRef, step, network));
  try {
    if (started.code !== 0) throw new UserError(`docker run ${imageRef} for ${platform} failed: ${lastLines(started.stderr, 3).join(' | ')}`);
    const state: Probe = async () => classifyContainer(JSON.parse(await dockerOk(cli, ['inspect', '--format', '{{json .State}}', name])) as ContainerState);
    let probe = state;
    if (step.probe) {
      const url = `http://${network === 'host' ? `127.0.0.1:${step.probe.port}` : await publishedAddress(cli, name, step.probe.port)}${step.probe.path}`;
      const http = httpProbe(url);
      // The container's state first: a crashed container fails at once instead of at the deadline.
      probe = async () => {
        const s = await state();
        return s.state === 'failed' ? s : http();
      };
    }
    const result = await waitFor(probe, { timeoutMs: step.timeoutMs, intervalMs: options.intervalMs ?? 1_000, successes: 3, clock: options.clock, onChange: (r) => options.log?.(`${platform}: ${r.detail}`) });
    if (result.outcome === 'ready') return `${platform}: ${result.detail} after ${seconds(result.elapsedMs)}`;
    const logs = await cli(['logs', '--tail', '20', name]);
    const lines = lastLines(`${logs.stdout}\n${logs.stderr}`, 20);
    for (const line of lines) options.log?.(`  │ ${line}`);
    const why = result.outcome === 'timeout' ? `did not become healthy within ${seconds(step.timeoutMs)}` : 'stopped';
    throw new UserError(
      `${imageRef} for ${platform} ${why} (${result.detail}). Last log lines: ${lines.slice(-5).join(' | ') || '(none)'}. The image stays published; fix it in a new version.`,
    );
  } finally {
    await cli(['rm', '--force', '--volumes', name]);
  }
}

/** `127.0.0.1:PORT` the daemon published `port` on. */
async function publishedAddress(cli: DockerCli, name: string, port: number): Promise<string> {
  const mapped = (await dockerOk(cli, ['port', name, `${port}/tcp`])).trim().split('\n')[0]!;
  return mapped.replace(/^0\.0\.0\.0:/, '127.0.0.1:');
}

/** The daemon's own platform (`linux/amd64`), or undefined when there is no daemon to talk to. */
export async function daemonPlatform(cli: DockerCli): Promise<string | undefined> {
  const result = await cli(['version', '--format', '{{json .Server}}']).catch(() => undefined);
  if (!result || result.code !== 0) return undefined;
  try {
    const server = JSON.parse(result.stdout) as { Os?: string; Arch?: string } | null;
    return server?.Os && server.Arch ? `${server.Os}/${server.Arch}` : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyContainer(
  cli: DockerCli,
  step: VerifyContainerStep,
  imageRef: () => Promise<string>,
  options: HealthRunOptions = {},
): Promise<{ status: 'done' | 'skipped'; detail: string }> {
  const native = await daemonPlatform(cli);
  if (!native) {
    if (step.required) throw new UserError('verify.container.enabled is true but this runner has no Docker daemon: use a runner with Docker, or set it to auto.');
    return { status: 'skipped', detail: 'no Docker daemon on this runner: container health not checked' };
  }
  const published = step.platforms.map(normalizePlatform);
  const platforms = (step.only ?? [native]).map(normalizePlatform).filter((p) => published.includes(p));
  if (!platforms.length) return { status: 'skipped', detail: `the daemon runs ${native}, which the images do not include` };
  const ref = await imageRef();
  const results: string[] = [];
  for (const platform of platforms) results.push(await checkContainerHealth(cli, ref, platform, step, options));
  return { status: 'done', detail: results.join('; ') };
}

export async function executeVerifyContainer(step: VerifyContainerStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const refused = Object.keys(step.env).filter((name) => forbiddenFor('docker', name));
  if (refused.length) throw new UserError(`verify.container.env names ${refused.join(', ')}, which tagship never hands to a process (the action's inputs, the runner's OIDC and cache credentials): use another name.`);
  const cli = createDockerCli({ parentEnv: ctx.env, tool: 'docker', set: step.env }, 'docker', ctx.signal);
  const imageRef = async () => `${step.repository}@${await resolveDigest(ctx, step.repository, step.tag)}`;
  const result = await verifyContainer(cli, step, imageRef, { log: (line) => ctx.runner.info(line) });
  // A skip is not a failure (`auto` means "where a daemon exists"), and says so in the summary.
  return { id: step.id, status: 'done', detail: result.status === 'skipped' ? `not checked: ${result.detail}` : result.detail };
}
