export const id = 47;
export const ids = [47];
export const modules = {

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

/***/ 47:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDeploySwarm: () => (/* binding */ executeDeploySwarm)
});

// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(654);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(5930);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(2174);
;// CONCATENATED MODULE: ./src/deploy/swarm.ts



function parseServiceInspect(stdout) {
    const parsed = JSON.parse(stdout);
    const service = Array.isArray(parsed) ? parsed[0] : undefined;
    if (!service?.Spec)
        throw new Error('docker service inspect printed no service');
    return {
        name: service.Spec.Name ?? '',
        image: service.Spec.TaskTemplate?.ContainerSpec?.Image ?? '',
        ...(service.UpdateStatus ? { update: service.UpdateStatus } : {}),
    };
}
function parseTaskLines(stdout) {
    return stdout
        .split('\n')
        .filter((line) => line.trim().startsWith('{'))
        .map((line) => JSON.parse(line))
        .map((task) => ({ ...task, Name: task.Name.replace(/^\\_\s*/, '') }));
}
const inspectArgs = (service) => ['service', 'inspect', service];
const taskArgs = (service) => ['service', 'ps', '--no-trunc', '--format', '{{json .}}', service];
/**
 * The update. `--detach` returns once the manager has the new spec: tagship does its own waiting (below)
 * with a deadline, rather than following the CLI's progress bars. `--with-registry-auth` sends the
 * runner's registry login to the nodes so they can pull a private image.
 */
function updateArgs(service, imageRef) {
    return ['service', 'update', '--image', imageRef, '--with-registry-auth', '--update-failure-action', 'rollback', '--detach', service];
}
/** Whether the service already runs exactly this digest (a re-run has nothing to do). */
function runsDigest(state, digest) {
    return state.image.endsWith(`@${digest}`);
}
/**
 * Reads an update's progress. `before` is the status seen before our update: until the manager starts
 * ours, inspect still shows the previous update, which says nothing about this one.
 */
function classifyUpdate(state, before) {
    const update = state.update;
    if (!update || (before && update.StartedAt === before.StartedAt && update.State === before.State)) {
        return { state: 'waiting', detail: 'update not started yet' };
    }
    const message = update.Message ? `: ${update.Message}` : '';
    switch (update.State) {
        case 'completed':
            return { state: 'ready', detail: `completed${message}` };
        case 'updating':
        case 'rollback_started':
            return { state: 'waiting', detail: `${update.State}${message}` };
        default:
            // paused, rollback_paused, rollback_completed: the manager stopped; waiting will not change it.
            return { state: 'failed', detail: `${update.State}${message}` };
    }
}
/**
 * Points `service` at `repository@digest` and waits until the update completes or the manager rolls it
 * back. Throws a `UserError` that says which happened (and the failing tasks' errors) when it did not
 * converge; the image stays published either way.
 */
async function rolloutSwarmService(cli, service, repository, digest, options) {
    const imageRef = `${repository}@${digest}`;
    const inspect = async () => parseServiceInspect(await (0,docker_cli/* dockerOk */.XE)(cli, inspectArgs(service)));
    const initial = await inspect().catch((error) => {
        throw new errors/* UserError */.yo(`Swarm service ${service} cannot be inspected (${error.message}). Check deploy.swarm service names and docker-host.`, undefined, { cause: error });
    });
    const settled = !initial.update || ['completed', 'rollback_completed'].includes(initial.update.State);
    if (runsDigest(initial, digest) && settled)
        return { service, imageRef, result: 'unchanged', elapsedMs: 0 };
    // A re-run that finds our own update still under way waits for it instead of starting another.
    const ours = runsDigest(initial, digest);
    if (!ours)
        await (0,docker_cli/* dockerOk */.XE)(cli, updateArgs(service, imageRef));
    const before = ours ? undefined : initial.update;
    // A failed inspect while waiting (an ssh hiccup, a manager election) is a reason to ask again, not to stop.
    const probe = async () => {
        try {
            return classifyUpdate(await inspect(), before);
        }
        catch (error) {
            return { state: 'waiting', detail: `cannot inspect the service: ${error.message}` };
        }
    };
    const result = await (0,wait/* waitFor */.fm)(probe, {
        timeoutMs: options.timeoutMs,
        intervalMs: options.intervalMs ?? 5_000,
        clock: options.clock,
        signal: options.signal,
        onChange: (r) => options.log?.(`${service}: ${r.detail}`),
    });
    if (result.outcome === 'ready')
        return { service, imageRef, result: 'converged', elapsedMs: result.elapsedMs };
    const failures = await failingTasks(cli, service);
    const tasks = failures.length ? ` Failing tasks: ${failures.join('; ')}.` : '';
    if (result.outcome === 'timeout') {
        throw new errors/* UserError */.yo(`Swarm service ${service} did not converge on ${imageRef} within ${(0,wait/* seconds */.YA)(options.timeoutMs)} (last: ${result.detail}).${tasks} The image stays published; check \`docker service ps ${service}\` and re-run the deploy stage.`);
    }
    const rolledBack = result.detail.startsWith('rollback_completed');
    throw new errors/* UserError */.yo(rolledBack
        ? `Swarm service ${service} rolled back to its previous image: the update to ${imageRef} failed (${result.detail}).${tasks} The image stays published; fix it and release a new version, or re-run the deploy stage.`
        : `Swarm service ${service} update to ${imageRef} stopped: ${result.detail}.${tasks} Resume with \`docker service update ${service}\` or roll back with \`docker service rollback ${service}\`, then re-run the deploy stage.`);
}
/** The newest tasks that report an error, as `name on node: error (state)`. */
async function failingTasks(cli, service) {
    const result = await cli(taskArgs(service));
    if (result.code !== 0)
        return [];
    return parseTaskLines(result.stdout)
        .filter((task) => task.Error)
        .slice(0, 3)
        .map((task) => `${task.Name} on ${task.Node}: ${task.Error} (${task.CurrentState})`);
}

;// CONCATENATED MODULE: ./src/deploy/swarm-executor.ts




async function executeDeploySwarm(step, ctx) {
    const digest = await (0,digests/* resolveDigest */.j)(ctx, step.repository, step.tag);
    const cli = (0,docker_cli/* createDockerCli */.FA)((0,docker_cli/* dockerEnv */.gT)(ctx.env, step.dockerHost), 'docker', ctx.signal);
    const rollout = await rolloutSwarmService(cli, step.service, step.repository, digest, {
        timeoutMs: step.timeoutMs,
        signal: ctx.signal,
        log: (line) => ctx.runner.info(line),
    });
    return rollout.result === 'unchanged'
        ? { id: step.id, status: 'unchanged', detail: `${step.service} already runs ${rollout.imageRef}` }
        : { id: step.id, status: 'done', detail: `${step.service} converged on ${rollout.imageRef} in ${(0,wait/* seconds */.YA)(rollout.elapsedMs)}`, produced: { service: step.service, imageRef: rollout.imageRef } };
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
