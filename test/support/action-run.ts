import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The built action: dist/index.js, or a build of the working tree made elsewhere (TAGSHIP_TEST_ACTION,
 * a path to its index.js) while dist/ is not rebuilt yet.
 */
const builtAction = process.env.TAGSHIP_TEST_ACTION ?? join(repoRoot, 'dist/index.js');

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  eventName: string;
  ref: string;
  payload: unknown;
  workspace: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** Runs the built action (dist/index.js) the way the runner does: INPUT_* and GITHUB_* env, temp files. */
export function runBuiltAction(options: ActionRunOptions): ActionRun {
  const { env, files } = prepare(options);
  const result = spawnSync(process.execPath, [builtAction], { env, encoding: 'utf8', timeout: 60_000 });
  return collect(result.status, result.stdout, result.stderr, files);
}

/**
 * The same, without blocking this process: for a run that talks to a server living in the test
 * (spawnSync would hold the event loop the server answers on).
 */
export async function runBuiltActionAsync(options: ActionRunOptions): Promise<ActionRun> {
  const { env, files } = prepare(options);
  const child = spawn(process.execPath, [builtAction], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return collect(status, stdout, stderr, files);
}

function prepare(options: ActionRunOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-action-'));
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary') };
  writeFileSync(files.event, JSON.stringify(options.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_REF: options.ref,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  return { env, files };
}

function collect(status: number | null, stdout: string, stderr: string, files: { output: string; summary: string }): ActionRun {
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

/** Reads a GITHUB_OUTPUT file (heredoc form `name<<DELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}
