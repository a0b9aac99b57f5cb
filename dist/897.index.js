export const id = 897;
export const ids = [897];
export const modules = {

/***/ 277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mM: () => (/* binding */ defaultDeps)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, parseRetryAfter, backoffDelay, redactUrl */
const DEFAULT_RETRY = { retries: 5, minDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 60_000, maxRetryAfterMs: 120_000 };
const defaultDeps = {
    fetch: (...args) => fetch(...args),
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
    const { retry: _retry, onRetry, signal, ...init } = options;
    for (let attempt = 0;; attempt++) {
        const timeout = AbortSignal.timeout(policy.timeoutMs);
        const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
        let reason;
        let retryAfter;
        try {
            const response = await deps.fetch(url, { ...init, signal: attemptSignal });
            if (!isRetryableStatus(response.status) || attempt >= policy.retries)
                return response;
            retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
            if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs)
                return response;
            reason = `HTTP ${response.status}`;
            await response.body?.cancel().catch(() => undefined);
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
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

/***/ 654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ publishedImages),
/* harmony export */   Qn: () => (/* binding */ registryCredentials),
/* harmony export */   j: () => (/* binding */ resolveDigest)
/* harmony export */ });
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7266);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2174);


/** `produced.images` of earlier steps (verify-images, the Docker stage), when they carry digests. */
function publishedImages(outcomes) {
    const found = [];
    for (const outcome of outcomes) {
        const images = outcome.produced?.images;
        if (!Array.isArray(images))
            continue;
        for (const image of images) {
            if (typeof image?.repository === 'string' && typeof image.digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(image.digest)) {
                found.push({ repository: image.repository, tags: Array.isArray(image.tags) ? image.tags : [], digest: image.digest, platforms: image.platforms ?? [] });
            }
        }
    }
    return found;
}
/**
 * Registry credentials from the run's secrets: GHCR takes the GitHub token; Docker Hub the
 * `docker-username`/`docker-password` pair when given. Anonymous otherwise (public images).
 */
function registryCredentials(secrets) {
    return (host) => {
        if (host === 'ghcr.io' && secrets['github-token'])
            return { username: 'tagship', password: secrets['github-token'] };
        if (host === 'registry-1.docker.io' && secrets['docker-username'] && secrets['docker-password']) {
            return { username: secrets['docker-username'], password: secrets['docker-password'] };
        }
        return undefined;
    };
}
/** The digest `repository:tag` was published with: from this run's outcomes, else read from the registry. */
async function resolveDigest(ctx, repository, tag) {
    const known = publishedImages(ctx.outcomes.values()).find((image) => image.repository === repository && image.tags.includes(tag));
    if (known)
        return known.digest;
    const lookup = await new _oci_js__WEBPACK_IMPORTED_MODULE_0__/* .OciReader */ .LV({ credentials: registryCredentials(ctx.secrets), signal: ctx.signal }).manifest(repository, tag);
    if (!lookup.found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${repository}:${tag} does not exist in its registry: publish the images first (the docker stage), then re-run.`);
    return lookup.digest;
}


/***/ }),

/***/ 6897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkImages: () => (/* binding */ checkImages),
/* harmony export */   executeVerifyImages: () => (/* binding */ executeVerifyImages)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var _digests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(654);
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7266);



/** Reads every planned tag back: one index per repository, the same for every tag, listing every platform. */
async function checkImages(reader, images, platforms) {
    const published = [];
    const problems = [];
    const wanted = platforms.map(_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePlatform */ .FL);
    for (const image of images) {
        const digests = new Map();
        let listed = [];
        for (const tag of image.tags) {
            const found = await reader.manifest(image.repository, tag);
            if (!found.found) {
                problems.push(`${image.repository}:${tag} does not exist`);
                continue;
            }
            if (!_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .INDEX_TYPES */ .V.includes(found.mediaType)) {
                problems.push(`${image.repository}:${tag} is a single-platform manifest (${found.mediaType || 'no media type'}), not an index of ${wanted.join(', ')}`);
                continue;
            }
            digests.set(found.digest, [...(digests.get(found.digest) ?? []), tag]);
            listed = (found.manifests ?? []).map(_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .platformOf */ .tj).filter((p) => p !== undefined);
            const missing = wanted.filter((p) => !listed.includes(p));
            if (missing.length)
                problems.push(`${image.repository}:${tag} lacks ${missing.join(', ')} (has ${listed.join(', ') || 'none'})`);
        }
        if (digests.size > 1) {
            const spread = [...digests].map(([digest, tags]) => `${tags.join(', ')} → ${digest.slice(0, 19)}…`).join('; ');
            problems.push(`${image.repository}: tags point at different indexes (${spread})`);
        }
        else if (digests.size === 1) {
            const [digest] = digests.keys();
            published.push({ repository: image.repository, tags: image.tags, digest: digest, platforms: listed });
        }
    }
    return { published, problems };
}
/** The `verify-images` step: every planned tag read back; digests go to later steps and notifications. */
async function executeVerifyImages(step, ctx) {
    const reader = new _oci_js__WEBPACK_IMPORTED_MODULE_2__/* .OciReader */ .LV({ credentials: (0,_digests_js__WEBPACK_IMPORTED_MODULE_1__/* .registryCredentials */ .Qn)(ctx.secrets), signal: ctx.signal });
    const { published, problems } = await checkImages(reader, step.images, step.platforms);
    if (problems.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Published images do not match the plan: ${problems.join('; ')}. Nothing was unpublished; re-run the docker stage to push them again.`);
    }
    return {
        id: step.id,
        status: 'done',
        detail: published.map((image) => `${image.repository}@${image.digest} (${image.tags.join(', ')}; ${image.platforms.join(', ')})`).join('; '),
        produced: { images: published },
    };
}


/***/ }),

/***/ 7266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   LV: () => (/* binding */ OciReader),
/* harmony export */   V: () => (/* binding */ INDEX_TYPES),
/* harmony export */   tj: () => (/* binding */ platformOf)
/* harmony export */ });
/* unused harmony exports MANIFEST_TYPES, parseImageName, registryBase */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2174);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(277);



/**
 * A minimal reader of the OCI distribution API: resolve a tag to its manifest and digest, with the
 * anonymous or basic-credential token dance registries ask for. Reads only.
 * TODO(consolidate): issue 5 brings the full OCI client (pushes, auth for every registry); once merged,
 * read through it and drop this file.
 */
const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');
/** `docker.io/acme/app` → registry-1.docker.io + acme/app; `ghcr.io/acme/app`; `127.0.0.1:5000/app`. */
function parseImageName(repository) {
    const [first, ...rest] = repository.split('/');
    const hasHost = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const host = hasHost ? first : 'docker.io';
    let path = hasHost ? rest.join('/') : repository;
    if (host === 'docker.io' || host === 'index.docker.io') {
        if (!path.includes('/'))
            path = `library/${path}`;
        return { host: 'registry-1.docker.io', path };
    }
    return { host, path };
}
/** Loopback registries (a local `registry:2`, tests) speak plain HTTP; everything else HTTPS. */
function registryBase(host) {
    const name = host.replace(/:\d+$/, '');
    const loopback = name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
    return `${loopback ? 'http' : 'https'}://${host}`;
}
class OciReader {
    options;
    tokens = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    /** Resolves `repository:reference` to its manifest; a missing tag is `found: false`, not an error. */
    async manifest(repository, reference) {
        const { host, path } = parseImageName(repository);
        const url = `${registryBase(host)}/v2/${path}/manifests/${encodeURIComponent(reference)}`;
        const response = await this.get(url, host, path);
        if (response.status === 404) {
            await response.body?.cancel().catch(() => undefined);
            return { found: false, status: 404 };
        }
        if (!response.ok) {
            const body = (await response.text()).slice(0, 300);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Registry ${host} answered HTTP ${response.status} for ${repository}:${reference}: ${body.trim() || response.statusText}. Check the image name and registry credentials.`);
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        const digest = response.headers.get('docker-content-digest') ?? `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
        const text = new TextDecoder().decode(bytes);
        const parsed = JSON.parse(text);
        const mediaType = parsed.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? '';
        return { found: true, digest, mediaType, ...(parsed.manifests ? { manifests: parsed.manifests } : {}) };
    }
    async get(url, host, path) {
        const key = `${host}/${path}`;
        const send = (authorization) => (0,_net_http_js__WEBPACK_IMPORTED_MODULE_2__/* .request */ .Em)(url, { headers: { accept: ACCEPT, ...(authorization ? { authorization } : {}) }, signal: this.options.signal }, this.options.deps);
        const cached = this.tokens.get(key);
        const response = await send(cached);
        if (response.status !== 401)
            return response;
        const challenge = response.headers.get('www-authenticate') ?? '';
        const authorization = await this.authorize(challenge, host, path);
        if (!authorization)
            return response;
        await response.body?.cancel().catch(() => undefined);
        this.tokens.set(key, authorization);
        return send(authorization);
    }
    /** Answers a `WWW-Authenticate` challenge: basic with credentials, or a pull token from the realm. */
    async authorize(challenge, host, path) {
        const credentials = this.options.credentials?.(host);
        const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
        const [scheme] = challenge.split(' ');
        if (scheme?.toLowerCase() === 'basic')
            return basic;
        if (scheme?.toLowerCase() !== 'bearer')
            return undefined;
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (!params.realm)
            return undefined;
        const tokenUrl = new URL(params.realm);
        if (params.service)
            tokenUrl.searchParams.set('service', params.service);
        tokenUrl.searchParams.set('scope', params.scope ?? `repository:${path}:pull`);
        const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_2__/* .request */ .Em)(tokenUrl.toString(), { headers: basic ? { authorization: basic } : {}, signal: this.options.signal }, this.options.deps);
        if (!response.ok) {
            await response.body?.cancel().catch(() => undefined);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Registry ${host} refused a pull token for ${path} (HTTP ${response.status}). For a private image, give tagship the registry credentials.`);
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        return token ? `Bearer ${token}` : undefined;
    }
}
/** `linux/arm64/v8` is how registries often spell plain `linux/arm64`; attestations are `unknown/unknown`. */
function platformOf(entry) {
    const p = entry.platform;
    if (!p || p.os === 'unknown')
        return undefined;
    const variant = p.architecture === 'arm64' && p.variant === 'v8' ? undefined : p.variant;
    return `${p.os}/${p.architecture}${variant ? `/${variant}` : ''}`;
}
function normalizePlatform(platform) {
    return platform.replace(/^linux\/arm64\/v8$/, 'linux/arm64');
}


/***/ })

};
