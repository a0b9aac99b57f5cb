export const id = 860;
export const ids = [860];
export const modules = {

/***/ 2860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDeployCompose: () => (/* binding */ executeDeployCompose)
});

// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(654);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../main/node_modules/yaml/dist/index.js
var dist = __webpack_require__(3439);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(2174);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(5930);
;// CONCATENATED MODULE: ./src/deploy/compose.ts







/** The override file: only `image:` per service, so everything else stays as the project's file says. */
function overrideFile(services) {
    const doc = { services: Object.fromEntries(services.map((s) => [s.name, { image: s.imageRef }])) };
    return `# Written by tagship for this rollout: pins each service to the released image by digest.\n${(0,dist/* stringify */.As)(doc)}`;
}
function composeBase(file, override, project) {
    return ['compose', '--file', file, '--file', override, ...(project ? ['--project-name', project] : [])];
}
function parseComposePs(stdout) {
    const text = stdout.trim();
    if (!text)
        return [];
    if (text.startsWith('['))
        return JSON.parse(text);
    return text.split('\n').filter((line) => line.trim().startsWith('{')).map((line) => JSON.parse(line));
}
/** Whether every listed service already runs its pinned digest, healthy where it has a health check. */
function alreadyRolledOut(containers, services) {
    return services.every((service) => {
        const mine = containers.filter((c) => c.Service === service.name);
        return mine.length > 0 && mine.every((c) => c.Image === service.imageRef && c.State === 'running' && (!c.Health || c.Health === 'healthy'));
    });
}
/**
 * Pins the services with an override file, pulls them and recreates them with `up --detach --wait`, which
 * returns once they run (and are healthy, where they have a health check) or fails. Only the listed
 * services are touched (`--no-deps`): the nginx in front and the databases behind keep running.
 */
async function rolloutCompose(cli, options) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tagship-compose-'));
    const override = (0,external_node_path_.join)(dir, 'tagship.override.yml');
    (0,external_node_fs_.writeFileSync)(override, overrideFile(options.services));
    const file = (0,external_node_path_.isAbsolute)(options.file) ? options.file : (0,external_node_path_.join)(options.cwd, options.file);
    const base = composeBase(file, override, options.project);
    const names = options.services.map((s) => s.name);
    const run = async (args, what) => {
        const result = await cli([...base, ...args]);
        if (result.code !== 0)
            return { ok: false, tail: (0,docker_cli/* lastLines */.w$)(result.stderr || result.stdout, 5).join(' | ') || `exit ${result.code}`, what };
        return { ok: true, stdout: result.stdout };
    };
    try {
        const before = await run(['ps', '--format', 'json', ...names], 'ps');
        if (before.ok && alreadyRolledOut(parseComposePs(before.stdout), options.services))
            return { result: 'unchanged', services: options.services };
        const pulled = await run(['pull', ...names], 'pull');
        if (!pulled.ok)
            throw new errors/* UserError */.yo(`docker compose pull of ${names.join(', ')} failed: ${pulled.tail}. Check the registry login on the host and re-run the deploy stage.`);
        const up = await run(['up', '--detach', '--no-deps', '--wait', '--wait-timeout', String(Math.ceil(options.timeoutMs / 1000)), ...names], 'up');
        if (!up.ok) {
            const logs = await cli([...base, 'logs', '--no-color', '--tail', '5', ...names]);
            const recent = (0,docker_cli/* lastLines */.w$)(logs.stdout, 5).join(' | ');
            throw new errors/* UserError */.yo(`Compose services ${names.join(', ')} did not come up healthy on the pinned digest within ${(0,wait/* seconds */.YA)(options.timeoutMs)}: ${up.tail}.${recent ? ` Last log lines: ${recent}.` : ''} The image stays published; Compose has no automatic rollback: pin the previous digest on the host to go back.`);
        }
        return { result: 'converged', services: options.services };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/deploy/compose-executor.ts



async function executeDeployCompose(step, ctx) {
    const services = [];
    for (const service of step.services)
        services.push({ name: service.name, imageRef: `${service.repository}@${await (0,digests/* resolveDigest */.j)(ctx, service.repository, step.tag)}` });
    const cli = (0,docker_cli/* createDockerCli */.FA)((0,docker_cli/* dockerEnv */.gT)(ctx.env, step.dockerHost), 'docker', ctx.signal);
    const rollout = await rolloutCompose(cli, { cwd: ctx.cwd, file: step.file, project: step.project, services, timeoutMs: step.timeoutMs });
    const pinned = services.map((s) => `${s.name} → ${s.imageRef}`).join(', ');
    return rollout.result === 'unchanged'
        ? { id: step.id, status: 'unchanged', detail: `already running ${pinned}` }
        : { id: step.id, status: 'done', detail: `up and healthy: ${pinned}`, produced: { services } };
}


/***/ }),

/***/ 5930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FA: () => (/* binding */ createDockerCli),
/* harmony export */   XE: () => (/* binding */ dockerOk),
/* harmony export */   gT: () => (/* binding */ dockerEnv),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var _verify_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6778);


/** Environment for `docker` aimed at `dockerHost`; tcp:// must come with TLS, never a bare socket. */
function dockerEnv(base, dockerHost) {
    const env = { ...base };
    if (!dockerHost)
        return env;
    env.DOCKER_HOST = dockerHost;
    // A docker context would override DOCKER_HOST otherwise.
    delete env.DOCKER_CONTEXT;
    if (dockerHost.startsWith('tcp://')) {
        if (!env.DOCKER_CERT_PATH) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker-host ${dockerHost} is plain TCP: set DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) in the step's env for TLS, or use ssh://user@host.`);
        }
        env.DOCKER_TLS_VERIFY = '1';
    }
    return env;
}
function createDockerCli(env, bin = 'docker', signal) {
    return (args) => (0,_verify_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)(bin, args, { env, signal });
}
/** Runs and returns stdout; a non-zero exit becomes an error naming the command and its last stderr lines. */
async function dockerOk(cli, args) {
    const result = await cli(args);
    if (result.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker ${args.slice(0, 2).join(' ')} failed (exit ${result.code}): ${lastLines(result.stderr || result.stdout, 3).join(' | ') || 'no output'}`);
    }
    return result.stdout;
}
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(-count);
}


/***/ }),

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


/***/ }),

/***/ 6778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runProcess),
/* harmony export */   i: () => (/* binding */ tail)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2174);


/** Runs argv (never a shell) and collects its output; a missing program is a `UserError` naming it. */
function runProcess(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => {
            if (error.code === 'ENOENT')
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${command} is not installed on this runner (or not on PATH): install it, or configure another command.`, undefined, { cause: error }));
            else
                reject(error);
        });
        child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') + (signal ? `\nkilled by ${signal}` : '') }));
    });
}
/** The last few lines of a command's output, for a one-line error. */
function tail(result, count = 5) {
    return (result.stderr.trim() ? result.stderr : result.stdout)
        .split(/\r?\n/)
        .map((line) => line.trimEnd())
        .filter(Boolean)
        .slice(-count)
        .join(' | ');
}


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   fm: () => (/* binding */ waitFor)
/* harmony export */ });
/* unused harmony export realClock */
const realClock = {
    now: Date.now,
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
};
async function waitFor(probe, options) {
    const clock = options.clock ?? realClock;
    const needed = Math.max(1, options.successes ?? 1);
    const start = clock.now();
    let attempts = 0;
    let streak = 0;
    let readyCount = 0;
    let last;
    for (;;) {
        attempts++;
        const result = await probe();
        if (!last || last.state !== result.state || last.detail !== result.detail)
            options.onChange?.(result);
        last = result;
        const elapsedMs = clock.now() - start;
        if (result.state === 'failed')
            return { outcome: 'failed', detail: result.detail, attempts, readyCount, elapsedMs };
        if (result.state === 'ready') {
            readyCount++;
            if (++streak >= needed)
                return { outcome: 'ready', detail: result.detail, attempts, readyCount, elapsedMs };
        }
        else {
            streak = 0;
        }
        if (elapsedMs + options.intervalMs > options.timeoutMs) {
            const flapping = readyCount > 0 ? ` (ready ${readyCount} of ${attempts} times but never ${needed} in a row: flapping)` : '';
            return { outcome: 'timeout', detail: `${result.detail}${flapping}`, attempts, readyCount, elapsedMs };
        }
        await clock.sleep(options.intervalMs, options.signal);
    }
}
/** "12.3 s" */
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}


/***/ })

};
