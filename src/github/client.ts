import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { request as httpRequest } from '../net/http.js';

/**
 * The GitHub REST client: Octokit core with the typed endpoint methods, retries of 5xx and network
 * errors, and throttling that honours primary (`x-ratelimit-*`) and secondary (`Retry-After`) rate
 * limits. Every attempt has a timeout. Loaded only by executors that talk to GitHub.
 */
const GithubOctokit = Octokit.plugin(restEndpointMethods, retry, throttling);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export interface GithubClientOptions {
  token: string;
  /** `https://api.github.com`, or a GHES `https://HOST/api/v3` (the runner's `GITHUB_API_URL`). */
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for 5xx, network errors and rate limits. */
  retries?: number;
  /**
   * One unit of `Retry-After` (and of the retry plugin's quadratic backoff) in milliseconds: 1000
   * in production. Tests shrink it to keep the suite fast while still checking the ratio.
   */
  retryAfterUnitMs?: number;
  /** A rate-limit wait longer than this fails the request instead of stalling the job. */
  maxRetryAfterSeconds?: number;
  /**
   * Space mutating requests a second apart (three after a release creation), as the throttling
   * plugin does by default. Off unless asked for: GitHub asks for spacing when an integration makes
   * "a large number" of writes, a release makes about five (create, uploads, publish), and spacing
   * them adds seconds to every release, while a secondary limit, if it comes, is answered with
   * `Retry-After` and retried.
   */
  spaceWrites?: boolean;
  /** Warnings about retries and rate limits (untrusted text is not passed here). */
  warn?: (message: string) => void;
  debug?: (message: string) => void;
  signal?: AbortSignal;
  userAgent?: string;
}

export const DEFAULT_API_URL = 'https://api.github.com';

/** A limiter group that runs jobs at once: the shape plugin-throttling expects of `throttle.write`. */
const unthrottledGroup = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      // schedule([options,] fn, ...fnArgs)
      const rest = typeof args[0] === 'function' ? args : args.slice(1);
      const [fn, ...fnArgs] = rest as [(...a: unknown[]) => unknown, ...unknown[]];
      return Promise.resolve(fn(...fnArgs));
    },
  }),
};

export function createGithubClient(options: GithubClientOptions): GithubClient {
  const unit = options.retryAfterUnitMs ?? 1000;
  const retries = options.retries ?? 4;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 120;
  const warn = options.warn ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= retries || retryAfter > maxRetryAfter) {
      warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}: giving up (retry after ${retryAfter} s, ${retryCount} retries so far).`);
      return false;
    }
    warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}: retrying after ${retryAfter} s.`);
    return true;
  };
  return new GithubOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'tagship',
    log: { debug: options.debug ?? (() => undefined), info: () => undefined, warn, error: warn },
    request: {
      // Node's fetch through the shared HTTP helper for its per-attempt timeout; retries stay with
      // the Octokit plugins, which know GitHub's rate-limit headers.
      fetch: (url: string, init: RequestInit) =>
        httpRequest(url, { ...init, signal: anySignal(init.signal ?? undefined, options.signal), retry: { retries: 0, timeoutMs } } as never),
      // No `retries` here: plugin-retry would then retry every status, 404 included.
    },
    retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      id: 'tagship',
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(options.spaceWrites ? {} : { write: unthrottledGroup, notifications: unthrottledGroup }),
    } as never,
  });
}

function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}

/** `owner/name` → its parts, or undefined when it is not that shape. */
export function splitRepository(repository: string | undefined): { owner: string; repo: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository ?? '');
  return match ? { owner: match[1]!, repo: match[2]! } : undefined;
}
