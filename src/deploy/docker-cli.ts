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

/** Environment for `docker` aimed at `dockerHost`; tcp:// must come with TLS, never a bare socket. */
export function dockerEnv(base: NodeJS.ProcessEnv, dockerHost: string | undefined): NodeJS.ProcessEnv {
  const env = { ...base };
  if (!dockerHost) return env;
  env.DOCKER_HOST = dockerHost;
  // A docker context would override DOCKER_HOST otherwise.
  delete env.DOCKER_CONTEXT;
  if (dockerHost.startsWith('tcp://')) {
    if (!env.DOCKER_CERT_PATH) {
      throw new UserError(
        `docker-host ${dockerHost} is plain TCP: set DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) in the step's env for TLS, or use ssh://user@host.`,
      );
    }
    env.DOCKER_TLS_VERIFY = '1';
  }
  return env;
}

export function createDockerCli(env: NodeJS.ProcessEnv, bin = 'docker', signal?: AbortSignal): DockerCli {
  return (args) => runProcess(bin, args, { env, signal });
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
