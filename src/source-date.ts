import { UserError } from './errors.js';

/**
 * The time the release's sources are from, in seconds since the epoch (the reproducible-builds
 * `SOURCE_DATE_EPOCH` convention): the variable when the workflow sets it, else the committer time
 * of HEAD. Images take their `created` time from it, never from the clock, so building the same
 * commit again gives the same bytes and the same digests. Undefined outside a git checkout.
 */
export async function sourceDateEpoch(cwd: string, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const set = env.SOURCE_DATE_EPOCH?.trim();
  if (set) {
    // The convention's rule: a malformed value stops the build rather than being ignored.
    if (!/^\d+$/.test(set)) throw new UserError(`SOURCE_DATE_EPOCH is ${JSON.stringify(set.slice(0, 40))}, not a number of seconds since 1970: set it to \`git log -1 --format=%ct\`, or unset it.`);
    return Number(set);
  }
  // Loaded here: spawning costs start-up time, and only runs with images need the time. git gets the
  // allow-listed environment like every child: never the action's inputs or the runner's tokens.
  const { runProcess } = await import('./runtime/process.js');
  const result = await runProcess('git', ['log', '-1', '--format=%ct', 'HEAD'], { parentEnv: env, tool: 'git', cwd, timeoutMs: 20_000 }).catch(() => undefined);
  const epoch = result?.code === 0 ? result.stdout.trim() : '';
  return /^\d+$/.test(epoch) ? Number(epoch) : undefined;
}

/** ISO 8601 of an epoch in seconds (`2026-11-22T12:00:00Z`), as the OCI `created` keys want it. */
export function isoFromEpoch(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}
