// Types of scripts/lib/dockerd.mjs for the tests that import it (the demo runs it as plain JavaScript).
export interface PrivateDockerd {
  /** `unix:///…/docker.sock` */
  host: string;
  /** What a `docker` client needs to talk to this engine. */
  env: { DOCKER_HOST: string; DOCKER_CONFIG: string };
  pid: number;
  dir: string;
  /** Runs the docker client against this engine; returns stdout (throws with stderr on failure). */
  docker(argv: string[], options?: import('node:child_process').ExecFileSyncOptions): string;
  stop(): Promise<void>;
}
export function dockerdUnavailable(): string | null;
export function busyboxPath(): string | null;
export function startDockerd(options?: { timeoutMs?: number }): Promise<PrivateDockerd>;
export function initSwarm(engine: Pick<PrivateDockerd, 'docker'>): Promise<void>;
export function busyboxImageContext(dir: string, lines?: string[], options?: { busybox?: string | null }): string;
