/**
 * HTTP with the retry rules every registry client here shares: retry on 5xx, 429 and connection
 * errors with exponential backoff and full jitter, honouring `Retry-After`; never on other 4xx; a
 * timeout on every attempt. Built on Node's own fetch, so nothing is loaded until a request is made.
 */
import { proxyDispatcher } from './proxy.js';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  /** A `Retry-After` longer than this is not waited for: the request fails instead. */
  maxRetryAfterMs: number;
  /**
   * An upload (a body of bytes, a Blob or a form) whose bytes stop being taken for this long, or
   * whose answer does not come this long after its last byte, fails the attempt: a stalled
   * connection is named within two minutes instead of holding the job silently until `timeoutMs`.
   */
  idleTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, minDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 60_000, maxRetryAfterMs: 120_000, idleTimeoutMs: 120_000 };

/** Progress is reported for uploads from this size on, at every tenth of the body. */
export const PROGRESS_MIN_BYTES = 1024 * 1024;

export interface UploadProgress {
  url: string;
  sent: number;
  total: number;
}

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
  /** Called as an upload's body is taken, at every tenth of it (bodies of PROGRESS_MIN_BYTES or more). */
  onProgress?: (progress: UploadProgress) => void;
}

/** Injected for tests: the clock and randomness are arguments, not globals. */
export interface HttpDeps {
  fetch: typeof fetch;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const defaultDeps: HttpDeps = {
  // Through the proxy the environment names, if any (./proxy.ts loads undici only then).
  fetch: async (url, init) => {
    const dispatcher = await proxyDispatcher();
    return fetch(url, dispatcher ? ({ ...init, dispatcher } as RequestInit) : init);
  },
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
  const { retry: _retry, onRetry, onProgress, signal, ...init } = options;
  const upload = await uploadBody(init.body);
  const headers = upload ? uploadHeaders(init.headers, upload) : init.headers;
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const watch = upload && watchUpload(upload.bytes, policy.idleTimeoutMs, (sent) => onProgress?.({ url: redactUrl(url), sent, total: upload.bytes.length }));
    const attemptSignal = AbortSignal.any([signal, timeout, watch?.signal].filter((s): s is AbortSignal => s !== undefined));
    let reason: string;
    let retryAfter: number | undefined;
    try {
      const response = await deps.fetch(url, { ...init, headers, ...(watch ? { body: watch.body, duplex: 'half' } : {}), signal: attemptSignal } as RequestInit);
      watch?.stop();
      if (!isRetryableStatus(response.status) || attempt >= policy.retries) return response;
      retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return response;
      reason = `HTTP ${response.status}`;
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      watch?.stop();
      if (signal?.aborted) throw signal.reason;
      reason = watch?.stalled() ?? (timeout.aborted ? `no answer within ${policy.timeoutMs} ms` : describeNetworkError(error));
      if (attempt >= policy.retries) {
        throw new HttpError(`${init.method ?? 'GET'} ${redactUrl(url)} failed after ${attempt + 1} attempts: ${reason}`, undefined, url, undefined, { cause: error });
      }
    }
    const delayMs = retryAfter ?? backoffDelay(attempt, policy, deps.random);
    onRetry?.({ attempt: attempt + 1, delayMs, reason, url: redactUrl(url) });
    await deps.sleep(delayMs, signal);
  }
}

/** A body worth watching as bytes (FormData serialised once, with its multipart boundary). */
async function uploadBody(body: unknown): Promise<{ bytes: Uint8Array; contentType?: string } | undefined> {
  let bytes: Uint8Array;
  let contentType: string | undefined;
  if (body instanceof FormData || body instanceof Blob) {
    const serialised = new Response(body);
    bytes = new Uint8Array(await serialised.arrayBuffer());
    contentType = serialised.headers.get('content-type') ?? undefined;
  } else if (body instanceof Uint8Array) {
    bytes = body;
  } else if (body instanceof ArrayBuffer) {
    bytes = new Uint8Array(body);
  } else {
    return undefined;
  }
  return bytes.length ? { bytes, ...(contentType ? { contentType } : {}) } : undefined;
}

/** A streamed body has no length of its own: say it (registries and GitHub's upload API want it). */
function uploadHeaders(given: HeadersInit | undefined, upload: { bytes: Uint8Array; contentType?: string }): Headers {
  const headers = new Headers(given);
  if (upload.contentType && !headers.has('content-type')) headers.set('content-type', upload.contentType);
  headers.set('content-length', String(upload.bytes.length));
  return headers;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * The body as a stream the connection pulls chunk by chunk: each pull is progress. No pull for
 * `idleMs` (the peer stopped reading), or no answer `idleMs` after the last byte, aborts the attempt.
 */
function watchUpload(bytes: Uint8Array, idleMs: number, report: (sent: number) => void) {
  const controller = new AbortController();
  let sent = 0;
  let stalledAt: number | undefined;
  let reported = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const arm = () => {
    clearTimeout(timer);
    // Once the answer is in, a late pull (a peer that answered before reading everything) is no stall.
    if (stopped) return;
    timer = setTimeout(() => ((stalledAt = sent), controller.abort(new Error('upload stalled'))), idleMs);
  };
  arm();
  const body = new ReadableStream<Uint8Array>({
    pull(stream) {
      if (sent >= bytes.length) return stream.close();
      const chunk = bytes.subarray(sent, sent + CHUNK_BYTES);
      stream.enqueue(chunk);
      sent += chunk.length;
      arm();
      const tenth = Math.floor((sent * 10) / bytes.length);
      if (bytes.length >= PROGRESS_MIN_BYTES && tenth > reported) {
        reported = tenth;
        report(sent);
      }
    },
  });
  return {
    body,
    signal: controller.signal,
    stop: () => ((stopped = true), clearTimeout(timer)),
    /** Why the attempt was given up, when the watch gave it up. */
    stalled: () => {
      if (stalledAt === undefined) return undefined;
      const idle = `${Math.round(idleMs / 100) / 10} s`;
      return stalledAt >= bytes.length
        ? `the whole body (${formatBytes(bytes.length)}) was sent, then no answer for ${idle}`
        : `upload stalled: no progress for ${idle} after ${formatBytes(stalledAt)} of ${formatBytes(bytes.length)}`;
    },
  };
}

/** `12.3 MiB`, `512 KiB`, `80 bytes`. */
export function formatBytes(count: number): string {
  if (count >= 1024 * 1024) return `${(count / (1024 * 1024)).toFixed(1)} MiB`;
  if (count >= 1024) return `${Math.round(count / 1024)} KiB`;
  return `${count} bytes`;
}

/** One log line for an upload's progress: `40% (32.0 MiB of 80.0 MiB) sent`. */
export function describeProgress(progress: UploadProgress): string {
  return `${Math.floor((progress.sent * 100) / progress.total)}% (${formatBytes(progress.sent)} of ${formatBytes(progress.total)}) sent`;
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
