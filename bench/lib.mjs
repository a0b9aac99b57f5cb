// Shared helpers for benchmarks: whole-process timings of tagship and a peer in the same run, reported
// as one line `<name>: tagship <N> ms, <peer> <M> ms, <R>× faster`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Runs `command args` `runs` times (after `warmup` untimed runs) and returns the median wall time in ms. */
export function timeCommand(command, args, { runs = 7, warmup = 1, env = process.env, cwd, before } = {}) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    before?.(i);
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`);
    }
    if (i >= warmup) samples.push(ms);
  }
  return median(samples);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints the benchmark's closing line. */
export function report(name, tagshipMs, peer, peerMs, extra = '') {
  const ratio = peerMs / tagshipMs;
  const line = `${name}: tagship ${tagshipMs.toFixed(0)} ms, ${peer} ${peerMs.toFixed(0)} ms, ${ratio.toFixed(2)}× ${ratio >= 1 ? 'faster' : 'slower'}`;
  if (extra) console.log(extra);
  console.log(line);
  return line;
}

/**
 * What a runner gives the built action for a dry-run tag push of `workspace` (v1.2.3, with 1.0.0 and
 * 1.2.2 released), its files in `dir`: start-up and the workflow bench time the same planning run.
 */
export function tagPushDryRunEnv(dir, workspace) {
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ ref: 'refs/tags/v1.2.3', deleted: false }));
  return {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_WORKSPACE: resolve(workspace),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    'INPUT_DRY-RUN': 'true',
    'INPUT_KNOWN-VERSIONS': '1.0.0,1.2.2',
  };
}
