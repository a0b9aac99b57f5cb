export const id = 159;
export const ids = [159];
export const modules = {

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


/***/ }),

/***/ 3159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releasedVersionsInRegistries: () => (/* binding */ releasedVersionsInRegistries),
  versionsFromImageTags: () => (/* binding */ versionsFromImageTags)
});

// EXTERNAL MODULE: ./src/version/scheme.ts
var version_scheme = __webpack_require__(3401);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(3770);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/oci/challenge.ts
/**
 * Parses `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` or
 * `Basic realm="…"`. Parameter values may be quoted (with `\"` escapes) or bare tokens.
 */
function parseChallenge(header) {
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header ?? '');
    const scheme = match?.[1]?.toLowerCase();
    if (scheme === 'basic')
        return { scheme: 'basic' };
    if (scheme !== 'bearer')
        return { scheme: 'unknown' };
    const params = {};
    for (const m of match[2].matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    if (!params.realm)
        return { scheme: 'unknown' };
    return { scheme: 'bearer', realm: params.realm, ...(params.service ? { service: params.service } : {}), ...(params.scope ? { scope: params.scope } : {}) };
}
/** The scope a repository operation needs: `repository:acme/app:pull` or `…:pull,push`. */
function repositoryScope(path, access) {
    return `repository:${path}:${access === 'push' ? 'pull,push' : 'pull'}`;
}

;// CONCATENATED MODULE: ./src/oci/names.ts
/** `docker.io/acme/app` → registry-1.docker.io + acme/app; `ghcr.io/acme/app`; `127.0.0.1:5000/app`. */
function parseImageName(repository) {
    const [first, ...rest] = repository.split('/');
    const hasHost = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const host = hasHost ? first.toLowerCase() : 'docker.io';
    let path = hasHost ? rest.join('/') : repository;
    if (host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io') {
        if (!path.includes('/'))
            path = `library/${path}`;
        return { host: 'registry-1.docker.io', path };
    }
    return { host, path };
}
/** Loopback registries (a local `registry:2`, tests) speak plain HTTP; everything else HTTPS. */
function registryBase(host) {
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}
function isLoopback(host) {
    const name = host.replace(/:\d+$/, '');
    return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}
/** `repo:tag` or `repo@sha256:…`, as a user would write it. */
function describeReference(repository, reference) {
    return reference.includes(':') ? `${repository}@${reference}` : `${repository}:${reference}`;
}

;// CONCATENATED MODULE: ./src/oci/auth.ts




/**
 * Answers registry challenges and remembers the answers: a Bearer token per host and scope set (so a
 * second repository on the same host skips the anonymous round trip once the realm is known), or the
 * Basic header per host. Credentials are only ever sent in headers, never logged or put in URLs.
 */
class Authenticator {
    options;
    challenges = new Map();
    cache = new Map();
    pending = new Map();
    constructor(options) {
        this.options = options;
    }
    /** The Authorization header to send first: one known for these scopes, or fetched from a realm seen before. */
    async authorization(host, scopes) {
        const key = cacheKey(host, scopes);
        const cached = this.cache.get(key);
        if (cached)
            return cached;
        if (!this.challenges.has(host))
            return undefined;
        return this.answer(host, scopes);
    }
    /**
     * After a 401: learns the challenge and answers it. `rejected` is the header the registry just refused
     * (an expired token is dropped and fetched again; refused credentials are not retried).
     */
    async refresh(host, scopes, header, rejected) {
        const challenge = parseChallenge(header);
        if (challenge.scheme === 'unknown')
            return undefined;
        this.challenges.set(host, challenge);
        const key = cacheKey(host, scopes);
        if (rejected && this.cache.get(key) === rejected)
            this.cache.delete(key);
        const answer = await this.answer(host, scopes);
        return answer === rejected && challenge.scheme === 'basic' ? undefined : answer;
    }
    answer(host, scopes) {
        const key = cacheKey(host, scopes);
        const cached = this.cache.get(key);
        if (cached)
            return Promise.resolve(cached);
        // Parallel requests for one scope share one token request.
        let pending = this.pending.get(key);
        if (!pending) {
            pending = this.fetchAnswer(host, scopes).then((value) => {
                if (value)
                    this.cache.set(key, value);
                return value;
            });
            pending.finally(() => this.pending.delete(key)).catch(() => undefined);
            this.pending.set(key, pending);
        }
        return pending;
    }
    async fetchAnswer(host, scopes) {
        const challenge = this.challenges.get(host);
        const credentials = await this.options.credentials?.(host);
        const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
        if (!challenge || challenge.scheme === 'basic')
            return basic;
        if (challenge.scheme !== 'bearer')
            return undefined;
        const url = new URL(challenge.realm, registryBase(host));
        if (challenge.service)
            url.searchParams.set('service', challenge.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const response = await this.options.send(url.toString(), { headers: basic ? { authorization: basic } : {} });
        const push = scopes.some((scope) => scope.endsWith(',push'));
        if (!response.ok) {
            await response.body?.cancel().catch(() => undefined);
            const path = scopes[0]?.split(':')[1] ?? '';
            throw new errors/* UserError */.yo(push
                ? `Registry ${host} refused a push token for ${path} (HTTP ${response.status}). ${credentials ? `Check ${credentials.source ?? `the registry-credentials line for ${host}`}: the password or token is wrong or may not push${host === 'ghcr.io' ? ' (GHCR needs `permissions: packages: write` in the job)' : ''}.` : `Give tagship credentials for ${host} in the registry-credentials input.`}`
                : `Registry ${host} refused a pull token for ${path} (HTTP ${response.status}). For a private image, give tagship the registry credentials.`);
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        return token ? `Bearer ${token}` : undefined;
    }
}
function cacheKey(host, scopes) {
    return `${host} ${[...scopes].sort().join(' ')}`;
}

;// CONCATENATED MODULE: ./src/oci/errors.ts



/** A registry's answer that retries will not fix, as one line saying what failed and what to do. */
async function registryFailure(op, response) {
    const text = (await response.text().catch(() => '')).trim();
    return new errors/* UserError */.yo(`${describeFailure(op, response.status, summarizeBody(text))} ${advice(op, response.status)}`);
}
/** Connection errors that outlasted the retries, and anything else thrown on the way. */
function registryUnreachable(op, error) {
    if (error instanceof errors/* UserError */.yo)
        return error;
    const reason = error instanceof http/* HttpError */.j$ ? error.message : error instanceof Error ? error.message : String(error);
    return new errors/* UserError */.yo(`Registry ${op.host} could not be reached for ${op.what} ${describeReference(op.repository, op.reference)}: ${reason}. Check the registry's status and re-run: what is done is skipped.`, undefined, { cause: error });
}
function describeFailure(op, status, body) {
    return `Registry ${op.host} answered HTTP ${status} for ${op.access === 'pull' && op.what === 'reading' ? '' : `${op.what} `}${describeReference(op.repository, op.reference)}: ${body || 'no details'}.`;
}
function advice(op, status) {
    if (status === 401 || status === 403) {
        if (op.access === 'pull')
            return 'Check the image name and registry credentials.';
        return `Check the registry-credentials line for ${op.host} and that its token may push${op.host === 'ghcr.io' ? ' (GHCR needs `permissions: packages: write` in the job)' : ''}.`;
    }
    if ((0,http/* isRetryableStatus */.PS)(status))
        return 'It kept failing after retries: re-run later; tags already written are skipped.';
    if (status === 404)
        return 'Check the image name (registry/namespace/name) and that the repository exists.';
    return 'Check the image name and the registry’s requirements.';
}
/** Registry errors are JSON (`{"errors":[{"code","message"}]}`); keep them short and single-line. */
function summarizeBody(text) {
    try {
        const parsed = JSON.parse(text);
        if (parsed.errors?.length)
            return parsed.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ').slice(0, 300);
    }
    catch {
        // not JSON: fall through
    }
    return text.replace(/\s+/g, ' ').slice(0, 300);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/oci/media-types.ts

/** Manifest media types: multi-platform indexes and single-platform image manifests, OCI and Docker. */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const INDEX_TYPES = [OCI_INDEX, DOCKER_MANIFEST_LIST];
const MANIFEST_TYPES = [OCI_MANIFEST, DOCKER_MANIFEST];
/** What manifest requests accept: every kind, so the registry never converts (the digest is of the bytes). */
const MANIFEST_ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');
function isIndexType(mediaType) {
    return INDEX_TYPES.includes(mediaType);
}
/** The content digest registries use: `sha256:` and the hex of the exact bytes. */
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

;// CONCATENATED MODULE: ./src/oci/client.ts






/** A conditional write (`If-Match`) found the manifest changed since it was read: read it again and retry. */
class ManifestChangedError extends Error {
}
/**
 * A client of the OCI distribution API (Docker Hub, GHCR, any `registry:2`): manifests by tag or
 * digest, tag lists, blobs, cross-repository mounts and uploads. Every request goes through the shared
 * retrying HTTP client; every failure becomes a UserError naming the registry, repository and tag.
 */
class OciClient {
    options;
    auth;
    deps;
    constructor(options = {}) {
        this.options = options;
        this.deps = options.deps ?? http/* defaultDeps */.mM;
        this.auth = new Authenticator({ credentials: options.credentials, send: (url, init) => this.http(url, init) });
    }
    /** `Docker-Content-Digest` of `repository:reference`, or undefined when it does not exist. */
    async headManifest(repository, reference, access = 'pull') {
        const call = { repository, reference, access, what: 'reading' };
        const response = await this.send(call, `manifests/${reference}`, { method: 'HEAD', headers: { accept: MANIFEST_ACCEPT } });
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            throw await registryFailure(this.op(call), response);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
        // A registry that leaves the digest out of HEAD answers: read the bytes instead.
        if (!digest)
            return (await this.getManifest(repository, reference, access)) ?? undefined;
        return { digest, mediaType };
    }
    /** The manifest's exact bytes, or undefined when it does not exist. */
    async getManifest(repository, reference, access = 'pull') {
        const call = { repository, reference, access, what: 'reading' };
        const response = await this.send(call, `manifests/${reference}`, { headers: { accept: MANIFEST_ACCEPT } });
        if (response.status === 404) {
            await response.body?.cancel().catch(() => undefined);
            return undefined;
        }
        if (!response.ok)
            throw await registryFailure(this.op(call), response);
        const bytes = await this.readBody(call, response);
        const digest = sha256Digest(bytes);
        if (reference.startsWith('sha256:') && digest !== reference) {
            throw registryUnreachable(this.op(call), new Error(`the registry sent bytes whose digest is ${digest}`));
        }
        const json = JSON.parse(new TextDecoder().decode(bytes));
        const mediaType = json.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
        const etag = response.headers.get('etag') ?? undefined;
        return { digest, mediaType, bytes, json, ...(etag ? { etag } : {}) };
    }
    /** Stores a manifest under a tag or its digest, with its media type as Content-Type; returns its digest. */
    async putManifest(repository, reference, bytes, mediaType) {
        return (await this.writeManifest(repository, reference, bytes, mediaType)).digest;
    }
    /**
     * Stores a manifest and says what the registry answered: its `OCI-Subject` header (the registry keeps
     * the referrers list itself) and, with `ifMatch`, whether the tag still held what was read (412: it
     * did not, ManifestChangedError). Registries that ignore `If-Match` (distribution 2.8 does) just write.
     */
    async writeManifest(repository, reference, bytes, mediaType, options = {}) {
        const call = { repository, reference, access: 'push', what: reference.startsWith('sha256:') ? 'writing manifest' : 'writing tag' };
        const headers = { 'content-type': mediaType, ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}) };
        const response = await this.send(call, `manifests/${reference}`, { method: 'PUT', headers, body: bytes });
        if (response.status === 412 && options.ifMatch) {
            await response.body?.cancel().catch(() => undefined);
            throw new ManifestChangedError(`${reference} changed since it was read`);
        }
        if (response.status !== 201 && response.status !== 200)
            throw await registryFailure(this.op(call), response);
        await response.body?.cancel().catch(() => undefined);
        const subject = response.headers.get('oci-subject') ?? undefined;
        return { digest: response.headers.get('docker-content-digest') ?? sha256Digest(bytes), ...(subject ? { subject } : {}) };
    }
    /**
     * The referrers API (`GET /v2/<name>/referrers/<digest>`, OCI distribution 1.1): the descriptors of the
     * manifests whose `subject` is `digest`, every page. Undefined when the registry has no such API: it
     * answers 404 (or 400/406, or not an OCI index), as go-containerregistry's `fetchReferrers` decides.
     */
    async listReferrers(repository, digest, access = 'pull') {
        const call = { repository, reference: digest, access, what: 'listing what refers to' };
        const found = [];
        let next = `referrers/${digest}`;
        while (next) {
            const response = await this.send(call, next, { headers: { accept: OCI_INDEX } });
            const type = response.headers.get('content-type')?.split(';')[0]?.trim();
            if (response.status === 404 || response.status === 400 || response.status === 406 || (response.ok && type !== OCI_INDEX)) {
                await response.body?.cancel().catch(() => undefined);
                if (found.length)
                    throw registryUnreachable(this.op(call), new Error('the referrers API stopped answering part-way through its pages'));
                return undefined;
            }
            if (!response.ok)
                throw await registryFailure(this.op(call), response);
            const body = JSON.parse(new TextDecoder().decode(await this.readBody(call, response)));
            found.push(...(body.manifests ?? []));
            next = nextPage(response.headers.get('link'), parseImageName(repository).path);
        }
        return found;
    }
    /** Uploads a small blob (a config, a signature bundle) unless the repository has it; returns its digest. */
    async pushBlob(repository, bytes) {
        const digest = sha256Digest(bytes);
        if (await this.hasBlob(repository, digest, 'push'))
            return digest;
        await this.uploadBlob(repository, digest, await this.startUpload(repository, digest), bytes);
        return digest;
    }
    /** Every tag of a repository, following `Link: <…>; rel="next"` pages. A repository not yet pushed has none. */
    async listTags(repository, pageSize = 1000) {
        const call = { repository, reference: 'tags', access: 'pull', what: 'listing the tags of' };
        const tags = [];
        let next = `tags/list?n=${pageSize}`;
        while (next) {
            const response = await this.send(call, next, { headers: { accept: 'application/json' } });
            if (response.status === 404)
                return tags;
            if (!response.ok)
                throw await registryFailure(this.op(call), response);
            const body = (await response.json());
            tags.push(...(body.tags ?? []));
            next = nextPage(response.headers.get('link'), parseImageName(repository).path);
        }
        return tags;
    }
    async hasBlob(repository, digest, access = 'pull') {
        const call = { repository, reference: digest, access, what: 'checking a layer of' };
        const response = await this.send(call, `blobs/${digest}`, { method: 'HEAD' });
        if (response.status === 404)
            return false;
        if (!response.ok)
            throw await registryFailure(this.op(call), response);
        return true;
    }
    /** A blob's bytes (configs, and layers copied across registries). */
    async getBlob(repository, digest) {
        const call = { repository, reference: digest, access: 'pull', what: 'reading a layer of' };
        const response = await this.send(call, `blobs/${digest}`, {});
        if (!response.ok)
            throw await registryFailure(this.op(call), response);
        const bytes = await this.readBody(call, response);
        if (sha256Digest(bytes) !== digest)
            throw registryUnreachable(this.op(call), new Error('the blob received does not match its digest'));
        return bytes;
    }
    /**
     * Asks the registry to link a blob from another repository on the same host (no bytes move).
     * Returns true when mounted; otherwise the upload URL the registry opened instead.
     */
    async mountBlob(repository, digest, from) {
        const fromPath = parseImageName(from).path;
        const call = { repository, reference: digest, access: 'push', what: 'mounting a layer into', scopes: [repositoryScope(fromPath, 'pull')] };
        const query = `blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromPath)}`;
        const response = await this.send(call, query, { method: 'POST', headers: { 'content-length': '0' } });
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 201)
            return true;
        if (response.status === 202)
            return this.location(call, response);
        throw await registryFailure(this.op(call), response);
    }
    /** Opens an upload session; returns its URL. */
    async startUpload(repository, digest) {
        const call = { repository, reference: digest, access: 'push', what: 'uploading a layer to' };
        const response = await this.send(call, 'blobs/uploads/', { method: 'POST', headers: { 'content-length': '0' } });
        if (response.status !== 202)
            throw await registryFailure(this.op(call), response);
        await response.body?.cancel().catch(() => undefined);
        return this.location(call, response);
    }
    /**
     * Uploads a blob into an open session: one PUT when it fits in a chunk, else PATCHes of `chunkSize`
     * bytes and a closing PUT with the digest (what registries with request-size limits need).
     */
    async uploadBlob(repository, digest, location, bytes, chunkSize = 16 * 1024 * 1024) {
        const call = { repository, reference: digest, access: 'push', what: 'uploading a layer to' };
        let url = location;
        let offset = 0;
        if (bytes.length > chunkSize) {
            for (; offset < bytes.length; offset += chunkSize) {
                const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + chunkSize));
                const response = await this.sendUrl(call, url, {
                    method: 'PATCH',
                    headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + chunk.length - 1}`, 'content-length': String(chunk.length) },
                    body: chunk,
                });
                if (response.status !== 202)
                    throw await registryFailure(this.op(call), response);
                await response.body?.cancel().catch(() => undefined);
                url = this.location(call, response);
            }
        }
        const closing = new URL(url, registryBase(parseImageName(repository).host));
        closing.searchParams.set('digest', digest);
        const rest = bytes.subarray(offset);
        const response = await this.sendUrl(call, closing.toString(), {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(rest.length) },
            body: rest,
        });
        if (response.status !== 201)
            throw await registryFailure(this.op(call), response);
        await response.body?.cancel().catch(() => undefined);
    }
    location(call, response) {
        const location = response.headers.get('location');
        if (!location)
            throw registryUnreachable(this.op(call), new Error('the registry opened an upload without saying where (no Location header)'));
        return new URL(location, registryBase(parseImageName(call.repository).host)).toString();
    }
    op(call) {
        return { host: parseImageName(call.repository).host, repository: call.repository, reference: call.reference, access: call.access, what: call.what };
    }
    send(call, suffix, init) {
        const { host, path } = parseImageName(call.repository);
        return this.sendUrl(call, `${registryBase(host)}/v2/${path}/${suffix}`, init);
    }
    /** One request with authorization: the known answer first, the challenge answered on a 401, once. */
    async sendUrl(call, url, init) {
        const { host, path } = parseImageName(call.repository);
        const scopes = [repositoryScope(path, call.access), ...(call.scopes ?? [])];
        const attempt = (authorization) => this.http(url, { ...init, headers: { ...init.headers, ...(authorization ? { authorization } : {}) } });
        try {
            const first = await this.auth.authorization(host, scopes);
            const response = await attempt(first);
            if (response.status !== 401)
                return response;
            const second = await this.auth.refresh(host, scopes, response.headers.get('www-authenticate'), first);
            if (!second || second === first)
                return response;
            await response.body?.cancel().catch(() => undefined);
            return await attempt(second);
        }
        catch (error) {
            throw registryUnreachable(this.op(call), error);
        }
    }
    async readBody(call, response) {
        try {
            return new Uint8Array(await response.arrayBuffer());
        }
        catch (error) {
            throw registryUnreachable(this.op(call), error);
        }
    }
    http(url, init) {
        return (0,http/* request */.Em)(url, { ...init, retry: this.options.retry, signal: this.options.signal, onRetry: this.options.onRetry, onProgress: this.options.onProgress }, this.deps);
    }
}
/** The next page of a tag list: `Link: </v2/<name>/tags/list?last=x&n=100>; rel="next"`. */
function nextPage(link, path) {
    const match = link && /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
    if (!match)
        return undefined;
    const url = new URL(match[1], 'http://registry.invalid');
    const prefix = `/v2/${path}/`;
    return url.pathname.startsWith(prefix) ? `${url.pathname.slice(prefix.length)}${url.search}` : undefined;
}

;// CONCATENATED MODULE: ./src/oci/released-tags.ts


/**
 * Image tags that name a full release under one of the project's schemes (`1.2.3`, `1.2.3rc1`, or with
 * the tag prefix, `v1.2.3`). Aliases (`latest`, `1.2`, `1`) and other tags (`sha-abc`, `edge`) are not
 * releases: PEP 440 would read `1.2` as a version, so three release numbers are required.
 */
function versionsFromImageTags(tags, schemes, prefix) {
    const versions = new Set();
    for (const tag of tags) {
        const text = prefix && tag.startsWith(prefix) ? tag.slice(prefix.length) : tag;
        if (!/^\d+\.\d+\.\d+/.test(text))
            continue;
        if (schemes.some((scheme) => (0,version_scheme/* parseVersion */.ot)(scheme, text).ok))
            versions.add(text);
    }
    return [...versions];
}
/** Reads every image's tag list in parallel; an unreadable registry is a warning, never a failure. */
async function releasedVersionsInRegistries(images, options) {
    // Few retries: this runs before every plan, and the git tags are a fine fallback.
    const client = new OciClient({ credentials: options.credentials, signal: options.signal, retry: { retries: 2, minDelayMs: 250, maxDelayMs: 1000, timeoutMs: 15_000 } });
    const results = await Promise.allSettled(images.map((image) => client.listTags(image.toLowerCase())));
    const versions = new Set();
    const warnings = [];
    for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled')
            for (const version of versionsFromImageTags(result.value, options.schemes, options.prefix))
                versions.add(version);
        else
            warnings.push(`Could not read the tags of ${images[i]} (${result.reason instanceof Error ? result.reason.message : String(result.reason)}); deciding latest and the aliases from the git tags alone.`);
    }
    return { versions: [...versions], warnings };
}


/***/ })

};
