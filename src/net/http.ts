/**
 * HTTP with the retry rules every registry client here shares: retry on 5xx, 429 and connection
 * errors with exponential backoff and full jitter, honouring `Retry-After`; never on other 4xx; a
 * timeout on every attempt. Built on Node's own fetch, so nothing is loaded until a request is made.
 */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  /** A `Retry-After` longer than this is not waited for: the request fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, minDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 60_000, maxRetryAfterMs: 120_000 };

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  reason: string;
  url: string;
}

export interface RequestOptions extends Omit<RequestInit, 'signal'> {
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
}

/** Injected for tests: the clock and randomness are arguments, not globals. */
export interface HttpDeps {
  fetch: typeof fetch;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const defaultDeps: HttpDeps = {
  fetch: (...args) => fetch(...args),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
  random: Math.random,
  now: Date.now,
};

/** A response that will not succeed by retrying, or retries ran out. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly url: string,
    readonly body?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
  return Math.round(policy.minDelayMs / 2 + random() * (ceiling - policy.minDelayMs / 2));
}

/**
 * Sends a request, retrying what is worth retrying. Returns the final response, whatever its status
 * (callers read 4xx bodies for the error details); throws `HttpError` only when retries ran out on a
 * connection error. The body must be re-sendable (string, bytes, Blob, FormData).
 */
export async function request(url: string, options: RequestOptions = {}, deps: HttpDeps = defaultDeps): Promise<Response> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const { retry: _retry, onRetry, signal, ...init } = options;
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let reason: string;
    let retryAfter: number | undefined;
    try {
      const response = await deps.fetch(url, { ...init, signal: attemptSignal });
      if (!isRetryableStatus(response.status) || attempt >= policy.retries) return response;
      retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return response;
      reason = `HTTP ${response.status}`;
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      reason = timeout.aborted ? `no answer within ${policy.timeoutMs} ms` : describeNetworkError(error);
      if (attempt >= policy.retries) {
        throw new HttpError(`${init.method ?? 'GET'} ${redactUrl(url)} failed after ${attempt + 1} attempts: ${reason}`, undefined, url, undefined, { cause: error });
      }
    }
    const delayMs = retryAfter ?? backoffDelay(attempt, policy, deps.random);
    onRetry?.({ attempt: attempt + 1, delayMs, reason, url: redactUrl(url) });
    await deps.sleep(delayMs, signal);
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Drops credentials from a URL before it is logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return url;
  }
}
