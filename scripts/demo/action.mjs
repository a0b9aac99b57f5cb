// Runs the built action (dist/index.js) as a workflow step would: INPUT_* and GITHUB_* environment,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Asynchronous, so servers in this process keep serving.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const action = resolve('dist/index.js');
/** Action processes still running, so a demo stopped by a signal can stop them too. */
const running = new Set();

/** Stops every action process still running (SIGTERM, by PID). */
export function stopRunningActions() {
  for (const child of running) child.kill('SIGTERM');
}

/**
 * @param {{ workspace: string, ref: string, inputs?: Record<string, string>, env?: Record<string, string> }} options
 * @returns {Promise<{ code: number | null, log: string, summary: string, elapsedMs: number, groups: Array<{ name: string, atMs: number }> }>}
 *   `groups`: when each step's log group opened, in ms since the start (`npm run bench workflow` reads the stages' durations from them).
 */
export async function runAction({ workspace, ref, inputs = {}, env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-demo-run-'));
  try {
    const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary') };
    writeFileSync(files.event, JSON.stringify({ ref, deleted: false, created: true }));
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const childEnv = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      RUNNER_TEMP: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: ref,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/crawlkit',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      ...env,
    };
    for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.toUpperCase()}`] = value;
    const started = performance.now();
    const child = spawn(process.execPath, [action], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.on('close', () => running.delete(child));
    let log = '';
    const groups = [];
    let partial = ''; // a line the last chunk ended in the middle of
    child.stdout.on('data', (chunk) => {
      const atMs = performance.now() - started;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('::group::')) groups.push({ name: line.slice('::group::'.length), atMs });
      log += chunk;
    });
    child.stderr.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 120_000);
    const code = await new Promise((done) => child.on('close', (status) => done(status)));
    const elapsedMs = performance.now() - started;
    clearTimeout(timer);
    return { code, log: asRunnerShows(log.trimEnd()), summary: readFileSync(files.summary, 'utf8').trimEnd(), elapsedMs, groups };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The log as a workflow run's page shows it: the runner consumes workflow commands (masks, groups)
 * and prints annotations with their level, and masked values as ***.
 */
export function asRunnerShows(log) {
  const masks = [];
  const lines = [];
  for (const line of log.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) lines.push(line);
    else if (command[1] === 'add-mask') masks.push(command[2]);
    else if (command[1] === 'group') lines.push(`▸ ${command[2]}`);
    else if (['warning', 'error', 'notice'].includes(command[1])) lines.push(`${command[1][0].toUpperCase()}${command[1].slice(1)}: ${command[2]}`);
    else if (command[1] !== 'endgroup' && command[1] !== 'debug') lines.push(line);
  }
  return lines.map((line) => masks.reduce((text, secret) => (secret ? text.split(secret).join('***') : text), line)).join('\n');
}
