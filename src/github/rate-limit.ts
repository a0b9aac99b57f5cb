import { parseRetryAfter } from '../net/http.js';

/**
 * GitHub's rate limits, read as GitHub's REST docs ("Rate limits for the REST API: exceeding the
 * rate limit") say to: a 403 or 429 whose `retry-after` header gives the seconds to wait; else
 * `x-ratelimit-remaining: 0`, wait until `x-ratelimit-reset` (UTC epoch seconds); else a secondary
 * limit (its message says so, or a bare 429), wait at least a minute, longer on each repeat. Pure.
 */
export interface RateLimitWait {
  kind: 'primary' | 'secondary';
  /** How long GitHub asks to wait before the next request. */
  waitMs: number;
}

/** The headers and message of an error answer, as Octokit's RequestError carries them. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string | number | undefined>;
  message: string;
}

const SECONDARY_FALLBACK_MS = 60_000;

/** `undefined` when the answer is not a rate limit (a 403 for missing permissions is not one). */
export function rateLimitWait(answer: ErrorAnswer, retriesSoFar: number, now: number): RateLimitWait | undefined {
  if (answer.status !== 403 && answer.status !== 429) return undefined;
  const header = (name: string) => (answer.headers[name] === undefined ? undefined : String(answer.headers[name]).trim());
  const secondary = /secondary rate limit/i.test(answer.message);
  const kind = secondary ? 'secondary' : 'primary';
  // The shared parser: delta-seconds or an HTTP date, as every other client here reads the header.
  const retryAfter = parseRetryAfter(header('retry-after') ?? null, now);
  if (retryAfter !== undefined) return { kind: secondary || answer.status === 429 ? 'secondary' : kind, waitMs: retryAfter };
  const reset = header('x-ratelimit-reset');
  if (header('x-ratelimit-remaining') === '0' && reset !== undefined && /^\d+$/.test(reset)) {
    // One second past the reset, so the request lands after it.
    return { kind, waitMs: Math.max(0, Number(reset) * 1000 - now) + 1000 };
  }
  // No header says how long: GitHub's docs ask for at least a minute, longer on each repeat.
  if (secondary || answer.status === 429 || /rate limit/i.test(answer.message)) {
    return { kind: secondary || answer.status === 429 ? 'secondary' : 'primary', waitMs: SECONDARY_FALLBACK_MS * 2 ** retriesSoFar };
  }
  return undefined;
}

/** `06:14:05 UTC` (with the date when it is not today). */
export function describeUtc(at: number, now: number): string {
  const iso = new Date(Math.ceil(at / 1000) * 1000).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 19)} UTC`;
}
