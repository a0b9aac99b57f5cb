import { Octokit } from '@octokit/core';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { UserError } from '../errors.js';
import { backoffDelay, DEFAULT_RETRY, defaultDeps, describeProgress, request as httpRequest, type UploadProgress } from '../net/http.js';
import { describeUtc, rateLimitWait } from './rate-limit.js';

/**
 * The GitHub REST client: Octokit core with the typed endpoint methods, and one retry loop of our
 * own (./rate-limit.ts) in place of Octokit's retry and throttling plugins: 5xx and network errors
 * back off; a rate limit waits as long as GitHub asks (`retry-after`, `x-ratelimit-reset`, a minute
 * and more for a bare secondary limit), up to `maxRetryAfterSeconds`; a longer wait fails at once
 * with the time to re-run, instead of holding the job (and its runner minutes) for up to an hour.
 * Every attempt has a timeout. Loaded only by executors that talk to GitHub.
 */
const GithubOctokit = Octokit.plugin(restEndpointMethods);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export interface GithubClientOptions {
  token: string;
  /** `https://api.github.com`, or a GHES `https://HOST/api/v3` (the runner's `GITHUB_API_URL`). */
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** An asset upload with no progress (or no answer after its last byte) this long fails the attempt (net/http's default: 120 s). */
  idleTimeoutMs?: number;
  /** Retries after the first attempt, for 5xx, network errors and rate limits. */
  retries?: number;
  /**
   * The longest rate-limit wait tagship sits through: 120 s. GitHub asks for at least 60 s after a
   * secondary limit, so less would never wait; a primary limit resets up to an hour away, which a
   * job should not spend idle: it fails with the time to re-run instead.
   */
  maxRetryAfterSeconds?: number;
  /** Waits between attempts and the clock; tests inject both and read the requested waits. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Warnings about retries and rate limits (untrusted text is not passed here). */
  warn?: (message: string) => void;
  /** Progress of large asset uploads (every tenth of the bytes). */
  info?: (message: string) => void;
  debug?: (message: string) => void;
  signal?: AbortSignal;
  userAgent?: string;
}

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 120;

/** The parts of Octokit's RequestError the retry loop reads. */
interface FailedRequest {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function createGithubClient(options: GithubClientOptions): GithubClient {
  const retries = options.retries ?? 4;
  const maxWaitMs = (options.maxRetryAfterSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS) * 1000;
  const warn = options.warn ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sleep = options.sleep ?? defaultDeps.sleep;
  const now = options.now ?? defaultDeps.now;
  const random = options.random ?? defaultDeps.random;
  const octokit = new GithubOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'tagship',
    log: { debug: options.debug ?? (() => undefined), info: () => undefined, warn, error: warn },
    request: {
      // Node's fetch through the shared HTTP helper for its per-attempt timeout; retries are the
      // loop below, which knows GitHub's rate-limit headers.
      // An asset upload that stalls fails after net/http's idle timeout, retried below.
      fetch: (url: string, init: RequestInit) =>
        httpRequest(url, {
          ...init,
          signal: anySignal(init.signal ?? undefined, options.signal),
          retry: { retries: 0, timeoutMs, ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}) },
          onProgress: (progress: UploadProgress) => options.info?.(`Uploading ${new URL(url).searchParams.get('name') ?? 'an asset'}: ${describeProgress(progress)}`),
        } as never),
    },
  });
  octokit.hook.wrap('request', async (send, requestOptions) => {
    const { method, url } = octokit.request.endpoint.parse(requestOptions);
    const what = `${method} ${new URL(url, 'https://api.github.invalid').pathname}`;
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(requestOptions);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const failed = error as FailedRequest;
        const status = failed.status ?? 0;
        const data = failed.response?.data as { message?: unknown } | undefined;
        const message = typeof data?.message === 'string' ? data.message : (failed.message ?? '');
        const limit = failed.response ? rateLimitWait({ status, headers: failed.response.headers ?? {}, message }, attempt, now()) : undefined;
        if (limit) {
          const until = describeUtc(now() + limit.waitMs, now());
          if (limit.waitMs > maxWaitMs || attempt >= retries) {
            const why = limit.waitMs > maxWaitMs ? `asks to wait ${Math.ceil(limit.waitMs / 1000)} s, longer than tagship waits in a job (${maxWaitMs / 1000} s)` : `still applies after ${attempt} retries`;
            throw new UserError(`GitHub's ${limit.kind} rate limit stopped ${what} (HTTP ${status}) and ${why}: re-run the workflow after ${until}; a re-run resumes.`, undefined, { cause: error });
          }
          warn(`GitHub ${limit.kind} rate limit on ${what}: retrying after ${Math.ceil(limit.waitMs / 1000)} s (at ${until}).`);
          await sleep(limit.waitMs, options.signal);
          continue;
        }
        // A 5xx answer, or no answer at all (Octokit reports a failed fetch as status 500).
        if (status >= 500 && attempt < retries) {
          const delayMs = backoffDelay(attempt, { ...DEFAULT_RETRY, minDelayMs: 1000 }, random);
          warn(`GitHub answered ${failed.response ? `HTTP ${status}` : `nothing (${message})`} to ${what}: retrying in ${(delayMs / 1000).toFixed(1)} s.`);
          await sleep(delayMs, options.signal);
          continue;
        }
        throw error;
      }
    }
  });
  return octokit;
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
