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
  // Loaded here: node:child_process costs start-up time, and only runs with images need the time.
  const { execFile } = await import('node:child_process');
  const stdout = await new Promise<string>((resolve) => execFile('git', ['log', '-1', '--format=%ct', 'HEAD'], { cwd, env: { ...process.env, ...env }, timeout: 20_000 }, (error, out) => resolve(error ? '' : out)));
  const epoch = stdout.trim();
  return /^\d+$/.test(epoch) ? Number(epoch) : undefined;
}

/** ISO 8601 of an epoch in seconds (`2026-11-22T12:00:00Z`), as the OCI `created` keys want it. */
export function isoFromEpoch(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}
