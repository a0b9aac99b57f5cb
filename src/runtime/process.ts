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
  /** Written to the program's stdin (passwords go here, never in argv). */
  stdin?: string;
  /** Each output line as it comes (long builds stream to the job log); the output is collected too. */
  onLine?: (line: string) => void;
  /** What to do when the program is missing, after "X is not installed on this runner". */
  missingHint?: string;
}

/** Runs argv (never a shell) and collects its output; a missing program is a `UserError` naming it. */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const stdin = options.stdin === undefined ? 'ignore' : 'pipe';
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: [stdin, 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
    const out = collect(child.stdout!, options.onLine);
    const err = collect(child.stderr!, options.onLine);
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a program that exits without reading stdin
      child.stdin.end(options.stdin);
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(new UserError(`${command} is not installed on this runner (or not on PATH): ${options.missingHint ?? 'install it, or configure another command'}.`, undefined, { cause: error }));
      } else reject(error);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: out.text(), stderr: err.text() + (signal ? `\nkilled by ${signal}` : '') }));
  });
}

function collect(stream: NodeJS.ReadableStream, onLine?: (line: string) => void): { text: () => string } {
  const chunks: string[] = [];
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    chunks.push(chunk);
    if (!onLine) return;
    const lines = (partial + chunk).split(/\r?\n/);
    partial = lines.pop()!;
    lines.forEach(onLine);
  });
  stream.on('end', () => {
    if (onLine && partial) onLine(partial);
  });
  return { text: () => chunks.join('') };
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
