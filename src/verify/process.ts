import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Runs argv (never a shell) and collects its output; a missing program is a `UserError` naming it. */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new UserError(`${command} is not installed on this runner (or not on PATH): install it, or configure another command.`, undefined, { cause: error }));
      else reject(error);
    });
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') + (signal ? `\nkilled by ${signal}` : '') }),
    );
  });
}

/** The last few lines of a command's output, for a one-line error. */
export function tail(result: ProcessResult, count = 5): string {
  return (result.stderr.trim() ? result.stderr : result.stdout)
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-count)
    .join(' | ');
}
