import type { Options as ExecaOptions } from 'execa';
import { UserError } from '../errors.js';
import { childEnv, type Tool } from './child-env.js';

export { childEnv, type Tool } from './child-env.js';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  /**
   * The environment tagship itself runs in (the runner's, with every `INPUT_*`). The child never gets
   * it whole: `childEnv` keeps only what `tool` is documented to read.
   */
  parentEnv: NodeJS.ProcessEnv;
  /** Which allow-list applies (see child-env.ts). */
  tool: Tool;
  /** Settings tagship decides for this process (paths, `npm_config_*`, `SOURCE_DATE_EPOCH`); they win over the parent's. */
  set?: Readonly<Record<string, string>>;
  /** The credential this one process needs, as the variables it reads it from (a docker build secret, the npmrc's token variable). */
  secretEnv?: Readonly<Record<string, string>>;
  cwd?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Written to the program's stdin (passwords go here, never in argv). */
  stdin?: string;
  /** Each output line as it comes, and which stream it came on (long builds stream to the job log); the output is collected too. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** What to do when the program is missing, after "X is not installed on this runner". */
  missingHint?: string;
}

/**
 * THE way tagship starts a program: argv (never a shell), with an environment built from an allow-list
 * per tool, never the action's own. On Linux and macOS runners Node's own `spawn` does it; on Windows
 * runners execa does (it starts `npm.cmd` and other shims, which `spawn` cannot without a shell).
 * Either is loaded on first use, and execa only on Windows: loading it costs ~100 ms, and a plan with
 * images spawns `git` for the commit time on every workflow run. A missing program is a `UserError`.
 */
export async function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const env = childEnv(options.parentEnv, options.tool, { set: options.set, secretEnv: options.secretEnv });
  return process.platform === 'win32' ? runWithExeca(command, args, env, options) : runWithSpawn(command, args, env, options);
}

function notInstalled(command: string, options: ProcessOptions, cause: unknown): UserError {
  return new UserError(`${command} is not installed on this runner (or not on PATH): ${options.missingHint ?? 'install it, or configure another command'}.`, undefined, { cause });
}

async function runWithSpawn(command: string, args: readonly string[], env: NodeJS.ProcessEnv, options: ProcessOptions): Promise<ProcessResult> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      env,
      cwd: options.cwd,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      signal: options.signal,
      windowsHide: true,
    });
    const onLine = options.onLine;
    const out = collect(child.stdout!, onLine && ((line) => onLine(line, 'stdout')));
    const err = collect(child.stderr!, onLine && ((line) => onLine(line, 'stderr')));
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a program that exits without reading stdin
      child.stdin.end(options.stdin);
    }
    let timedOut = false;
    // Our own timer, not spawn's `timeout`: spawn's keeps running after an ENOENT, so a missing program
    // held the process open for the whole timeout.
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.name === 'AbortError') reject(options.signal?.reason ?? error);
      else if (error.code === 'ENOENT') reject(notInstalled(command, options, error));
      else reject(new Error(`cannot start ${command}: ${error.message}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (options.signal?.aborted) return reject(options.signal.reason);
      const killed = signal ? `\nkilled by ${signal}${timedOut ? ` after ${options.timeoutMs} ms` : ''}` : '';
      resolve({ code: code ?? (signal ? 128 : 1), stdout: out.text(), stderr: err.text() + killed });
    });
  });
}

/** Collects a stream's text and hands each line to `onLine` as it comes. */
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

async function runWithExeca(command: string, args: readonly string[], env: NodeJS.ProcessEnv, options: ProcessOptions): Promise<ProcessResult> {
  const { execa } = await import('execa');
  const tap = options.onLine;
  const output = (stream: 'stdout' | 'stderr'): ExecaOptions['stdout'] =>
    tap
      ? {
          transform: function* (line: unknown) {
            tap(String(line), stream);
            yield line;
          },
        }
      : 'pipe';
  const execaOptions: ExecaOptions = {
    env,
    extendEnv: false,
    cwd: options.cwd,
    reject: false,
    stripFinalNewline: false,
    windowsHide: true,
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    stdout: output('stdout'),
    stderr: output('stderr'),
    ...(options.stdin === undefined ? { stdin: 'ignore' as const } : { input: options.stdin }),
  };
  const result = await execa(command, [...args], execaOptions);
  if (result.isCanceled) throw options.signal?.reason ?? new Error(`${command} was cancelled`);
  const code = (result as { code?: string }).code;
  if (result.failed && result.exitCode === undefined && !result.signal && !result.timedOut) {
    if (code === 'ENOENT') throw notInstalled(command, options, result);
    throw new Error(`cannot start ${command}: ${result.shortMessage}`, { cause: result });
  }
  const stdout = String(result.stdout ?? '');
  const stderr = String(result.stderr ?? '');
  const killed = result.signal ? `\nkilled by ${result.signal}${result.timedOut ? ` after ${options.timeoutMs} ms` : ''}` : '';
  return { code: result.exitCode ?? (result.signal ? 128 : 1), stdout, stderr: stderr + killed };
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
