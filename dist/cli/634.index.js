export const id = 634;
export const ids = [634];
export const modules = {

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listTagsThroughApi: () => (/* binding */ listTagsThroughApi)
});

// UNUSED EXPORTS: nextPage

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(5194);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(9210);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(3770);
;// CONCATENATED MODULE: ./src/github/rate-limit.ts

const SECONDARY_FALLBACK_MS = 60_000;
/** `undefined` when the answer is not a rate limit (a 403 for missing permissions is not one). */
function rateLimitWait(answer, retriesSoFar, now) {
    if (answer.status !== 403 && answer.status !== 429)
        return undefined;
    const header = (name) => (answer.headers[name] === undefined ? undefined : String(answer.headers[name]).trim());
    const secondary = /secondary rate limit/i.test(answer.message);
    const kind = secondary ? 'secondary' : 'primary';
    // The shared parser: delta-seconds or an HTTP date, as every other client here reads the header.
    const retryAfter = (0,http/* parseRetryAfter */.mu)(header('retry-after') ?? null, now);
    if (retryAfter !== undefined)
        return { kind: secondary || answer.status === 429 ? 'secondary' : kind, waitMs: retryAfter };
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
function describeUtc(at, now) {
    const iso = new Date(Math.ceil(at / 1000) * 1000).toISOString();
    const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
    return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 19)} UTC`;
}

;// CONCATENATED MODULE: ./src/github/client.ts





/**
 * The GitHub REST client: Octokit core with the typed endpoint methods, and one retry loop of our
 * own (./rate-limit.ts) in place of Octokit's retry and throttling plugins: 5xx and network errors
 * back off; a rate limit waits as long as GitHub asks (`retry-after`, `x-ratelimit-reset`, a minute
 * and more for a bare secondary limit), up to `maxRetryAfterSeconds`; a longer wait fails at once
 * with the time to re-run, instead of holding the job (and its runner minutes) for up to an hour.
 * Every attempt has a timeout. Loaded only by executors that talk to GitHub.
 */
const GithubOctokit = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._);
const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 120;
function createGithubClient(options) {
    const retries = options.retries ?? 4;
    const maxWaitMs = (options.maxRetryAfterSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS) * 1000;
    const warn = options.warn ?? (() => undefined);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const sleep = options.sleep ?? http/* defaultDeps */.mM.sleep;
    const now = options.now ?? http/* defaultDeps */.mM.now;
    const random = options.random ?? http/* defaultDeps */.mM.random;
    const octokit = new GithubOctokit({
        auth: options.token,
        baseUrl: (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'tagship',
        log: { debug: options.debug ?? (() => undefined), info: () => undefined, warn, error: warn },
        request: {
            // Node's fetch through the shared HTTP helper for its per-attempt timeout; retries are the
            // loop below, which knows GitHub's rate-limit headers.
            // An asset upload that stalls fails after net/http's idle timeout, retried below.
            fetch: (url, init) => (0,http/* request */.Em)(url, {
                ...init,
                signal: anySignal(init.signal ?? undefined, options.signal),
                retry: { retries: 0, timeoutMs, ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}) },
                onProgress: (progress) => options.info?.(`Uploading ${new URL(url).searchParams.get('name') ?? 'an asset'}: ${(0,http/* describeProgress */.vk)(progress)}`),
            }),
        },
    });
    octokit.hook.wrap('request', async (send, requestOptions) => {
        const { method, url } = octokit.request.endpoint.parse(requestOptions);
        const what = `${method} ${new URL(url, 'https://api.github.invalid').pathname}`;
        for (let attempt = 0;; attempt++) {
            try {
                return await send(requestOptions);
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw error;
                const failed = error;
                const status = failed.status ?? 0;
                const data = failed.response?.data;
                const message = typeof data?.message === 'string' ? data.message : (failed.message ?? '');
                const limit = failed.response ? rateLimitWait({ status, headers: failed.response.headers ?? {}, message }, attempt, now()) : undefined;
                if (limit) {
                    const until = describeUtc(now() + limit.waitMs, now());
                    if (limit.waitMs > maxWaitMs || attempt >= retries) {
                        const why = limit.waitMs > maxWaitMs ? `asks to wait ${Math.ceil(limit.waitMs / 1000)} s, longer than tagship waits in a job (${maxWaitMs / 1000} s)` : `still applies after ${attempt} retries`;
                        throw new errors/* UserError */.yo(`GitHub's ${limit.kind} rate limit stopped ${what} (HTTP ${status}) and ${why}: re-run the workflow after ${until}; a re-run resumes.`, undefined, { cause: error });
                    }
                    warn(`GitHub ${limit.kind} rate limit on ${what}: retrying after ${Math.ceil(limit.waitMs / 1000)} s (at ${until}).`);
                    await sleep(limit.waitMs, options.signal);
                    continue;
                }
                // A 5xx answer, or no answer at all (Octokit reports a failed fetch as status 500).
                if (status >= 500 && attempt < retries) {
                    const delayMs = (0,http/* backoffDelay */.EY)(attempt, { ...http/* DEFAULT_RETRY */.vI, minDelayMs: 1000 }, random);
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
function anySignal(a, b) {
    if (a && b)
        return AbortSignal.any([a, b]);
    return a ?? b;
}
/** `owner/name` → its parts, or undefined when it is not that shape. */
function splitRepository(repository) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository ?? '');
    return match ? { owner: match[1], repo: match[2] } : undefined;
}

;// CONCATENATED MODULE: ./src/github/tags.ts

/**
 * Every tag of a repository through the REST API, for when `git ls-remote` cannot read the remote (a
 * private repository checked out with `persist-credentials: false` leaves the clone no credentials).
 *
 * `GET /repos/{owner}/{repo}/git/matching-refs/tags` takes no `per_page`/`page` (GitHub's OpenAPI
 * description declares none) and answers every ref starting with `refs/tags` in one response, names
 * only; `GET /repos/{owner}/{repo}/tags` pages by 100 and adds commit and archive URLs per tag. Should
 * GitHub ever split the answer, its `Link: rel="next"` header is followed. Loaded only when needed:
 * it brings in the HTTP client.
 */
async function listTagsThroughApi(options) {
    const target = splitRepository(options.repository);
    if (!target)
        throw new Error(`GITHUB_REPOSITORY is ${JSON.stringify(options.repository)}, not owner/name`);
    // Planning waits on this call: fewer, shorter retries than a release upload gets.
    const client = createGithubClient({ token: options.token, baseUrl: options.apiUrl || DEFAULT_API_URL, retries: 2, timeoutMs: 20_000 });
    const tags = [];
    let response = await client.rest.git.listMatchingRefs({ ...target, ref: 'tags' });
    for (let pages = 1;; pages++) {
        for (const { ref } of response.data)
            if (ref.startsWith('refs/tags/'))
                tags.push(ref.slice('refs/tags/'.length));
        const next = nextPage(response.headers.link);
        if (!next || pages >= 1000)
            return tags;
        response = (await client.request(`GET ${next}`));
    }
}
/** The `rel="next"` URL of an RFC 8288 `Link` header. */
function nextPage(link) {
    for (const part of link?.split(',') ?? []) {
        const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (match)
            return match[1];
    }
    return undefined;
}


/***/ }),

/***/ 3770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vI: () => (/* binding */ DEFAULT_RETRY),
  j$: () => (/* binding */ HttpError),
  EY: () => (/* binding */ backoffDelay),
  mM: () => (/* binding */ defaultDeps),
  vk: () => (/* binding */ describeProgress),
  PS: () => (/* binding */ isRetryableStatus),
  mu: () => (/* binding */ parseRetryAfter),
  Em: () => (/* binding */ request)
});

// UNUSED EXPORTS: PROGRESS_MIN_BYTES, formatBytes, redactUrl

;// CONCATENATED MODULE: ./src/net/proxy.ts
/** The proxy variables set in `env`, or undefined when neither proxy is set. */
function proxySettings(env) {
    const pick = (name) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
    const httpProxy = pick('http_proxy');
    const httpsProxy = pick('https_proxy');
    if (!httpProxy && !httpsProxy)
        return undefined;
    const noProxy = pick('no_proxy');
    return { ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}) };
}
/** One agent per distinct setting, so connections are pooled across requests. */
const agents = new Map();
/**
 * The fetch `dispatcher` for the proxy `env` names, or undefined (direct connections). With only
 * `HTTP_PROXY` set, https requests use it too (undici's rule). The agent gets the values from `env`
 * explicitly, so what a test or a caller passes is what counts.
 */
async function proxyDispatcher(env = process.env) {
    const settings = proxySettings(env);
    if (!settings)
        return undefined;
    const key = JSON.stringify(settings);
    let agent = agents.get(key);
    if (!agent) {
        agent = __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19)).then(({ EnvHttpProxyAgent }) => new EnvHttpProxyAgent({ httpProxy: settings.httpProxy ?? '', httpsProxy: settings.httpsProxy ?? '', noProxy: settings.noProxy ?? '' }));
        agents.set(key, agent);
    }
    return agent;
}

;// CONCATENATED MODULE: ./src/net/http.ts
/**
 * HTTP with the retry rules every registry client here shares: retry on 5xx, 429 and connection
 * errors with exponential backoff and full jitter, honouring `Retry-After`; never on other 4xx; a
 * timeout on every attempt. Built on Node's own fetch, so nothing is loaded until a request is made.
 */

const DEFAULT_RETRY = { retries: 5, minDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 60_000, maxRetryAfterMs: 120_000, idleTimeoutMs: 120_000 };
/** Progress is reported for uploads from this size on, at every tenth of the body. */
const PROGRESS_MIN_BYTES = 1024 * 1024;
const defaultDeps = {
    // Through the proxy the environment names, if any (./proxy.ts loads undici only then).
    fetch: async (url, init) => {
        const dispatcher = await proxyDispatcher();
        return fetch(url, dispatcher ? { ...init, dispatcher } : init);
    },
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
    random: Math.random,
    now: Date.now,
};
/** A response that will not succeed by retrying, or retries ran out. */
class HttpError extends Error {
    status;
    url;
    body;
    name = 'HttpError';
    constructor(message, status, url, body, options) {
        super(message, options);
        this.status = status;
        this.url = url;
        this.body = body;
    }
}
function isRetryableStatus(status) {
    return status === 429 || status >= 500;
}
/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
    return Math.round(policy.minDelayMs / 2 + random() * (ceiling - policy.minDelayMs / 2));
}
/**
 * Sends a request, retrying what is worth retrying. Returns the final response, whatever its status
 * (callers read 4xx bodies for the error details); throws `HttpError` only when retries ran out on a
 * connection error. The body must be re-sendable (string, bytes, Blob, FormData).
 */
async function request(url, options = {}, deps = defaultDeps) {
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const { retry: _retry, onRetry, onProgress, signal, ...init } = options;
    const upload = await uploadBody(init.body);
    const headers = upload ? uploadHeaders(init.headers, upload) : init.headers;
    for (let attempt = 0;; attempt++) {
        const timeout = AbortSignal.timeout(policy.timeoutMs);
        const watch = upload && watchUpload(upload.bytes, policy.idleTimeoutMs, (sent) => onProgress?.({ url: redactUrl(url), sent, total: upload.bytes.length }));
        const attemptSignal = AbortSignal.any([signal, timeout, watch?.signal].filter((s) => s !== undefined));
        let reason;
        let retryAfter;
        try {
            const response = await deps.fetch(url, { ...init, headers, ...(watch ? { body: watch.body, duplex: 'half' } : {}), signal: attemptSignal });
            watch?.stop();
            if (!isRetryableStatus(response.status) || attempt >= policy.retries)
                return response;
            retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
            if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs)
                return response;
            reason = `HTTP ${response.status}`;
            await response.body?.cancel().catch(() => undefined);
        }
        catch (error) {
            watch?.stop();
            if (signal?.aborted)
                throw signal.reason;
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
async function uploadBody(body) {
    let bytes;
    let contentType;
    if (body instanceof FormData || body instanceof Blob) {
        const serialised = new Response(body);
        bytes = new Uint8Array(await serialised.arrayBuffer());
        contentType = serialised.headers.get('content-type') ?? undefined;
    }
    else if (body instanceof Uint8Array) {
        bytes = body;
    }
    else if (body instanceof ArrayBuffer) {
        bytes = new Uint8Array(body);
    }
    else {
        return undefined;
    }
    return bytes.length ? { bytes, ...(contentType ? { contentType } : {}) } : undefined;
}
/** A streamed body has no length of its own: say it (registries and GitHub's upload API want it). */
function uploadHeaders(given, upload) {
    const headers = new Headers(given);
    if (upload.contentType && !headers.has('content-type'))
        headers.set('content-type', upload.contentType);
    headers.set('content-length', String(upload.bytes.length));
    return headers;
}
const CHUNK_BYTES = 64 * 1024;
/**
 * The body as a stream the connection pulls chunk by chunk: each pull is progress. No pull for
 * `idleMs` (the peer stopped reading), or no answer `idleMs` after the last byte, aborts the attempt.
 */
function watchUpload(bytes, idleMs, report) {
    const controller = new AbortController();
    let sent = 0;
    let stalledAt;
    let reported = 0;
    let timer;
    let stopped = false;
    const arm = () => {
        clearTimeout(timer);
        // Once the answer is in, a late pull (a peer that answered before reading everything) is no stall.
        if (stopped)
            return;
        timer = setTimeout(() => ((stalledAt = sent), controller.abort(new Error('upload stalled'))), idleMs);
    };
    arm();
    const body = new ReadableStream({
        pull(stream) {
            if (sent >= bytes.length)
                return stream.close();
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
            if (stalledAt === undefined)
                return undefined;
            const idle = `${Math.round(idleMs / 100) / 10} s`;
            return stalledAt >= bytes.length
                ? `the whole body (${formatBytes(bytes.length)}) was sent, then no answer for ${idle}`
                : `upload stalled: no progress for ${idle} after ${formatBytes(stalledAt)} of ${formatBytes(bytes.length)}`;
        },
    };
}
/** `12.3 MiB`, `512 KiB`, `80 bytes`. */
function formatBytes(count) {
    if (count >= 1024 * 1024)
        return `${(count / (1024 * 1024)).toFixed(1)} MiB`;
    if (count >= 1024)
        return `${Math.round(count / 1024)} KiB`;
    return `${count} bytes`;
}
/** One log line for an upload's progress: `40% (32.0 MiB of 80.0 MiB) sent`. */
function describeProgress(progress) {
    return `${Math.floor((progress.sent * 100) / progress.total)}% (${formatBytes(progress.sent)} of ${formatBytes(progress.total)}) sent`;
}
function describeNetworkError(error) {
    const cause = error?.cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
/** Drops credentials from a URL before it is logged. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString();
    }
    catch {
        return url;
    }
}


/***/ })

};
