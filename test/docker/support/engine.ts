/**
 * A real Docker Engine for the tests (scripts/lib/dockerd.mjs: its own socket, data root and pidfile under
 * a temp dir, stopped by PID), one per test file, with a local docker-registry it pushes to and pulls from
 * over plain HTTP (dockerd treats 127.0.0.0/8 registries as insecure by default). Images are `FROM
 * scratch` plus the static busybox: nothing is pulled from the network.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { busyboxImageContext, dockerdUnavailable, initSwarm, startDockerd } from '../../../scripts/lib/dockerd.mjs';
import { createDockerCli, type DockerCli } from '../../../src/deploy/docker-cli.js';
import type { ExecutionContext } from '../../../src/execute/types.js';
import { plan as releasePlan } from '../../verify/support/plans.js';
import { startRegistry, type LocalRegistry } from '../../verify/support/registry.js';
import { recordingRunner } from '../../verify/support/runner.js';
import { usesTools } from '../../support/system-tools.js';

usesTools('dockerd', 'docker-registry');

const execFileAsync = promisify(execFile);

export interface TestEngine {
  /** `unix:///…/docker.sock` */
  host: string;
  /** DOCKER_HOST and DOCKER_CONFIG for a `docker` client aimed at this engine. */
  env: { DOCKER_HOST: string; DOCKER_CONFIG: string };
  pid: number;
  registry: LocalRegistry;
  /** The docker client against this engine; returns stdout, throws with stderr. */
  docker(argv: string[]): string;
  /** Tagship's own Docker CLI seam, aimed at this engine the way a runner's DOCKER_HOST would. */
  cli: DockerCli;
  /**
   * Builds a `FROM scratch` busybox image with `lines` after the COPY, pushes it to the local registry as
   * `repository:tag`, and returns the digest the registry holds it under.
   */
  publish(repository: string, tag: string, lines: string[], files?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the engine (and, with `swarm`, makes it a single-node swarm manager). Never skips: a machine
 * without the engine fails here with the reason and the set-up command.
 */
export async function startTestEngine({ swarm = false } = {}): Promise<TestEngine> {
  const why = dockerdUnavailable();
  if (why) throw new Error(`these tests run a real Docker Engine, and it cannot start here: ${why}. Install the system tools with scripts/setup.`);
  const registry = await startRegistry();
  const engine = await startDockerd().catch(async (error: unknown) => {
    await registry.stop();
    throw error;
  });
  const contexts = mkdtempSync(join(tmpdir(), 'tagship-engine-contexts-'));
  // Should the test worker exit without afterAll (a crash), the engine still gets its SIGTERM.
  const orphaned = () => {
    try {
      process.kill(engine.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  };
  process.once('exit', orphaned);
  const stop = async () => {
    process.off('exit', orphaned);
    await engine.stop();
    await registry.stop();
    rmSync(contexts, { recursive: true, force: true });
  };
  try {
    if (swarm) await initSwarm(engine);
  } catch (error) {
    await stop();
    throw error;
  }
  let built = 0;
  let builds: Promise<unknown> = Promise.resolve();
  const docker = (argv: string[]) => engine.docker(argv);
  return {
    host: engine.host,
    env: engine.env,
    pid: engine.pid,
    registry,
    docker,
    cli: createDockerCli({ parentEnv: { PATH: process.env.PATH, ...engine.env }, tool: 'docker', set: {} }),
    async publish(repository, tag, lines, files = {}) {
      const dir = busyboxImageContext(join(contexts, String(built++)), lines);
      for (const [name, content] of Object.entries(files)) writeContextFile(dir, name, content);
      const ref = `${repository}:${tag}`;
      // Asynchronous, so concurrent tests build while another one waits on the engine.
      const run = async (argv: string[]) => (await execFileAsync('docker', argv, { encoding: 'utf8', env: { ...process.env, ...engine.env } })).stdout;
      // One build at a time, and no cache: the tests run concurrently and one of them removes its image
      // (to prove the released digest is pulled), which prunes the untagged parent layers another build
      // was about to reuse ("unknown parent image ID", "failed to get digest").
      const build = builds.then(() => run(['build', '--quiet', '--no-cache', '--tag', ref, dir]));
      builds = build.catch(() => undefined);
      await build;
      const pushed = await run(['push', ref]);
      const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed)?.[1];
      if (!digest) throw new Error(`docker push ${ref} printed no digest:\n${pushed}`);
      return digest;
    },
    stop,
  };
}

function writeContextFile(dir: string, name: string, content: string) {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** An execution context whose child processes reach `engine` through DOCKER_HOST, as on a runner. */
export function engineContext(engine: TestEngine) {
  const recorded = recordingRunner();
  const ctx: ExecutionContext = {
    plan: releasePlan('v1.2.3'),
    cwd: '/',
    runner: recorded.runner,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...engine.env },
    secrets: {},
    outcomes: new Map(),
  };
  return { ctx, lines: recorded.lines };
}

/** Names of the engine's containers (in any state) created from `imageRef`, to check none is left behind. */
export function containersOf(engine: TestEngine, imageRef: string): string[] {
  const ids = engine.docker(['ps', '--all', '--quiet']).split('\n').filter(Boolean);
  if (!ids.length) return [];
  // `.Config.Image` is the reference the container was started from; `docker ps` shows it without the digest.
  let listed: string;
  try {
    listed = engine.docker(['inspect', '--format', '{{.Config.Image}} {{.Name}}', ...ids]);
  } catch (error) {
    // A container another test removed meanwhile: inspect still prints the others.
    listed = String((error as { stdout?: string }).stdout ?? '');
  }
  return listed
    .split('\n')
    .filter((line) => line.startsWith(`${imageRef} `))
    .map((line) => line.slice(imageRef.length + 1).replace(/^\//, ''));
}
