import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';

export interface CommandRun {
  code: number;
  /** The last lines of output, for a one-line error. */
  tail: string[];
}

/**
 * Runs argv (never a shell), streaming its output line by line to `onLine` (the job log: a build is
 * long and users watch it), with `stdin` written to it when given (passwords). A missing program is a
 * `UserError` naming it.
 */
export function runCommand(
  argv: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; stdin?: string; signal?: AbortSignal; onLine: (line: string) => void },
): Promise<CommandRun> {
  const [command, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
    const tail: string[] = [];
    const lines = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split(/\r?\n/);
        rest = parts.pop()!;
        parts.forEach(emit);
      });
      stream.on('end', () => rest && emit(rest));
    };
    const emit = (line: string) => {
      options.onLine(line);
      if (line.trim()) tail.push(line.trim());
      if (tail.length > 5) tail.shift();
    };
    lines(child.stdout);
    lines(child.stderr);
    child.stdin.on('error', () => undefined); // a program that exits without reading stdin
    child.stdin.end(options.stdin ?? '');
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new UserError(`${command} is not installed on this runner (or not on PATH): install it, or choose another docker.backend.`, undefined, { cause: error }));
      else reject(error);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), tail }));
  });
}
