import { UserError } from '../errors.js';
import { runProcess } from '../runtime/process.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The Docker CLI as a function of argv: the one seam between tagship and a daemon. The real one spawns
 * `docker` (never through a shell); tests give recorded answers and check the exact argv.
 */
export type DockerCli = (args: readonly string[]) => Promise<CommandResult>;

/** Which docker the CLI talks to: the runner's own (its context and DOCKER_HOST), or `docker-host`. */
export interface DockerTarget {
  parentEnv: NodeJS.ProcessEnv;
  tool: 'docker' | 'docker-remote';
  set: Record<string, string>;
}

/** `docker` aimed at `dockerHost`; tcp:// must come with TLS, never a bare socket. */
export function dockerTarget(parentEnv: NodeJS.ProcessEnv, dockerHost: string | undefined): DockerTarget {
  if (!dockerHost) return { parentEnv, tool: 'docker', set: {} };
  // `docker-remote` leaves out the runner's DOCKER_CONTEXT, which would override DOCKER_HOST.
  const set: Record<string, string> = { DOCKER_HOST: dockerHost };
  if (dockerHost.startsWith('tcp://')) {
    if (!parentEnv.DOCKER_CERT_PATH) {
      throw new UserError(
        `docker-host ${dockerHost} is plain TCP: set DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) in the step's env for TLS, or use ssh://user@host.`,
      );
    }
    set.DOCKER_TLS_VERIFY = '1';
  }
  return { parentEnv, tool: 'docker-remote', set };
}

export function createDockerCli(target: DockerTarget, bin = 'docker', signal?: AbortSignal): DockerCli {
  return (args) => runProcess(bin, args, { ...target, signal });
}

/** Runs and returns stdout; a non-zero exit becomes an error naming the command and its last stderr lines. */
export async function dockerOk(cli: DockerCli, args: readonly string[]): Promise<string> {
  const result = await cli(args);
  if (result.code !== 0) {
    throw new UserError(`docker ${args.slice(0, 2).join(' ')} failed (exit ${result.code}): ${lastLines(result.stderr || result.stdout, 3).join(' | ') || 'no output'}`);
  }
  return result.stdout;
}

export function lastLines(text: string, count: number): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count);
}
