import { readFileSync } from 'node:fs';
import type { CommandResult, DockerCli } from '../../../src/deploy/docker-cli.js';
import type { Clock } from '../../../src/verify/wait.js';

export const fixture = (dir: URL, name: string) => readFileSync(new URL(name, dir), 'utf8');

/**
 * Replays recorded Docker CLI output: each argv (joined by spaces) has a queue of answers; the last one
 * repeats. Every call is recorded, so tests assert the exact argv sent.
 */
export function recordedDocker(answers: Record<string, Array<string | CommandResult>>, normalize: (args: readonly string[]) => string[] = (args) => [...args]) {
  const calls: string[][] = [];
  const queues = new Map(Object.entries(answers).map(([key, list]) => [key, [...list]]));
  const cli: DockerCli = async (args) => {
    const key = normalize(args);
    calls.push(key);
    const queue = queues.get(key.join(' '));
    if (!queue?.length) return { code: 1, stdout: '', stderr: `recorded docker: no answer for \`docker ${args.join(' ')}\`` };
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    return typeof answer === 'string' ? { code: 0, stdout: answer, stderr: '' } : answer;
  };
  return { cli, calls };
}

/** A clock whose time moves only when the code under test sleeps. */
export function steppingClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
