export const id = 503;
export const ids = [503,559];
export const modules = {

/***/ 1076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FA: () => (/* binding */ createDockerCli),
/* harmony export */   XE: () => (/* binding */ dockerOk),
/* harmony export */   gT: () => (/* binding */ dockerEnv),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(717);


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
    return (args) => (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)(bin, args, { env, signal });
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

/***/ 2559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canonicalRegistryHost: () => (/* binding */ canonicalRegistryHost),
/* harmony export */   credentialsFor: () => (/* binding */ credentialsFor),
/* harmony export */   parseRegistryCredentials: () => (/* binding */ parseRegistryCredentials),
/* harmony export */   registryLogins: () => (/* binding */ registryLogins)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Docker Hub is spelled three ways; logins and lookups use one. */
function canonicalRegistryHost(host) {
    const lower = host.toLowerCase();
    return lower === 'index.docker.io' || lower === 'registry-1.docker.io' || lower === 'registry.hub.docker.com' ? 'docker.io' : lower;
}
/**
 * Parses the `registry-credentials` input: one registry a line, `HOST USERNAME PASSWORD`, blank lines and
 * `#` comments ignored. The text is a secret: errors name the line number, never its content.
 */
function parseRegistryCredentials(text) {
    const logins = new Map();
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const [host, username, password, ...rest] = line.split(/\s+/);
        if (!host || !username || !password || rest.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input 'registry-credentials' line ${index + 1} must be "HOST USERNAME PASSWORD" (value hidden: it is a secret), e.g. "ghcr.io \${{ github.actor }} \${{ secrets.GITHUB_TOKEN }}".`);
        }
        logins.set(canonicalRegistryHost(host), { username, password });
    }
    return logins;
}
/** The login for a registry host: the configured one, else GITHUB_TOKEN for ghcr.io, else none. */
function credentialsFor(host, logins, defaults = {}) {
    const key = canonicalRegistryHost(host);
    const configured = logins.get(key);
    if (configured)
        return configured;
    if (key === 'ghcr.io' && defaults.githubToken)
        return { username: defaults.actor || 'github-actions', password: defaults.githubToken };
    return undefined;
}
/**
 * The credential lookup every registry client here uses, from the run's secrets: the
 * `registry-credentials` lines, and GITHUB_TOKEN (as `GITHUB_ACTOR`) for ghcr.io.
 */
function registryLogins(secrets, env = {}) {
    const logins = parseRegistryCredentials(secrets['registry-credentials'] ?? '');
    const defaults = { ...(secrets['github-token'] ? { githubToken: secrets['github-token'] } : {}), ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}) };
    return (host) => credentialsFor(host, logins, defaults);
}


/***/ }),

/***/ 4361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformName),
/* harmony export */   F: () => (/* binding */ normalizePlatform)
/* harmony export */ });
/** `linux/arm64/v8` is how registries often spell plain `linux/arm64`; attestations are `unknown/unknown` (none). */
function platformName(platform) {
    if (!platform || platform.os === 'unknown' || !platform.os || !platform.architecture)
        return undefined;
    const variant = platform.architecture === 'arm64' && platform.variant === 'v8' ? undefined : platform.variant;
    return `${platform.os}/${platform.architecture}${variant ? `/${variant}` : ''}`;
}
function normalizePlatform(platform) {
    return platform.replace(/^linux\/arm64\/v8$/, 'linux/arm64');
}


/***/ }),

/***/ 717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runProcess),
/* harmony export */   i: () => (/* binding */ tail)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** Runs argv (never a shell) and collects its output; a missing program is a `UserError` naming it. */
function runProcess(command, args, options) {
    return new Promise((resolve, reject) => {
        const stdin = options.stdin === undefined ? 'ignore' : 'pipe';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { env: options.env, cwd: options.cwd, stdio: [stdin, 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
        const out = collect(child.stdout, options.onLine);
        const err = collect(child.stderr, options.onLine);
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // a program that exits without reading stdin
            child.stdin.end(options.stdin);
        }
        child.on('error', (error) => {
            if (error.code === 'ENOENT') {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${command} is not installed on this runner (or not on PATH): ${options.missingHint ?? 'install it, or configure another command'}.`, undefined, { cause: error }));
            }
            else
                reject(error);
        });
        child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: out.text(), stderr: err.text() + (signal ? `\nkilled by ${signal}` : '') }));
    });
}
function collect(stream, onLine) {
    const chunks = [];
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
        chunks.push(chunk);
        if (!onLine)
            return;
        const lines = (partial + chunk).split(/\r?\n/);
        partial = lines.pop();
        lines.forEach(onLine);
    });
    stream.on('end', () => {
        if (onLine && partial)
            onLine(partial);
    });
    return { text: () => chunks.join('') };
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

/***/ 8503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkContainerHealth: () => (/* binding */ checkContainerHealth),
  classifyContainer: () => (/* binding */ classifyContainer),
  daemonPlatform: () => (/* binding */ daemonPlatform),
  executeVerifyContainer: () => (/* binding */ executeVerifyContainer),
  runArgs: () => (/* binding */ runArgs),
  verifyContainer: () => (/* binding */ verifyContainer)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/workflow-commands.ts
var workflow_commands = __webpack_require__(8414);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(1076);
// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(508);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(9663);
;// CONCATENATED MODULE: ./src/verify/http-probe.ts

/**
 * Ready when the URL answers 2xx. One attempt per probe (the wait loop does the retrying), with a short
 * timeout so a hung server costs one interval, not the whole wait.
 */
function httpProbe(url, timeoutMs = 5_000) {
    return async () => {
        try {
            const response = await (0,http/* request */.Em)(url, { retry: { retries: 0, timeoutMs } });
            await response.body?.cancel().catch(() => undefined);
            const detail = `GET ${url} → HTTP ${response.status}`;
            return response.ok ? { state: 'ready', detail } : { state: 'waiting', detail };
        }
        catch (error) {
            const cause = error.cause;
            const code = cause?.cause?.code ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
            return { state: 'waiting', detail: `GET ${url} → ${code}` };
        }
    };
}

// EXTERNAL MODULE: ./src/oci/platforms.ts
var oci_platforms = __webpack_require__(4361);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(5636);
;// CONCATENATED MODULE: ./src/verify/container.ts








/** Reads a container's state: exited is final, unhealthy is final, healthy (or running without a HEALTHCHECK) is ready. */
function classifyContainer(state) {
    if (state.Status !== 'running') {
        const why = state.OOMKilled ? ', out of memory' : state.Error ? `, ${state.Error}` : '';
        return { state: 'failed', detail: `container ${state.Status} with code ${state.ExitCode ?? '?'}${why}` };
    }
    const health = state.Health;
    if (!health)
        return { state: 'ready', detail: 'running (the image has no HEALTHCHECK)' };
    if (health.Status === 'healthy')
        return { state: 'ready', detail: 'HEALTHCHECK healthy' };
    const last = health.Log?.at(-1);
    const output = last ? `: ${last.Output.trim().split('\n').at(-1)}` : '';
    if (health.Status === 'unhealthy')
        return { state: 'failed', detail: `HEALTHCHECK unhealthy after ${health.FailingStreak ?? '?'} failures${output}` };
    return { state: 'waiting', detail: `HEALTHCHECK ${health.Status}${output}` };
}
const runArgs = (name, platform, imageRef, step) => [
    'run',
    '--detach',
    '--name',
    name,
    '--platform',
    platform,
    '--pull',
    'always',
    // Published on loopback only, on a port the daemon picks: parallel jobs never collide.
    ...(step.probe ? ['--publish', `127.0.0.1::${step.probe.port}`] : []),
    // `-e NAME` without a value: docker reads it from its own environment, so values stay out of argv.
    ...Object.keys(step.env).flatMap((key) => ['--env', key]),
    imageRef,
];
/**
 * Runs `imageRef` for `platform`, waits until it is healthy (its HEALTHCHECK, or `probe` answering 2xx
 * three times in a row), and always removes it. A failure carries the container's last log lines.
 */
async function checkContainerHealth(cli, imageRef, platform, step, options = {}) {
    const name = options.name ?? `tagship-verify-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    const started = await cli(runArgs(name, platform, imageRef, step));
    try {
        if (started.code !== 0)
            throw new errors/* UserError */.yo(`docker run ${imageRef} for ${platform} failed: ${(0,docker_cli/* lastLines */.w$)(started.stderr, 3).join(' | ')}`);
        const state = async () => classifyContainer(JSON.parse(await (0,docker_cli/* dockerOk */.XE)(cli, ['inspect', '--format', '{{json .State}}', name])));
        let probe = state;
        if (step.probe) {
            const mapped = (await (0,docker_cli/* dockerOk */.XE)(cli, ['port', name, `${step.probe.port}/tcp`])).trim().split('\n')[0];
            const url = `http://${mapped.replace(/^0\.0\.0\.0:/, '127.0.0.1:')}${step.probe.path}`;
            const http = httpProbe(url);
            // The container's state first: a crashed container fails at once instead of at the deadline.
            probe = async () => {
                const s = await state();
                return s.state === 'failed' ? s : http();
            };
        }
        const result = await (0,wait/* waitFor */.fm)(probe, { timeoutMs: step.timeoutMs, intervalMs: options.intervalMs ?? 1_000, successes: 3, clock: options.clock, onChange: (r) => options.log?.(`${platform}: ${r.detail}`) });
        if (result.outcome === 'ready')
            return `${platform}: ${result.detail} after ${(0,wait/* seconds */.YA)(result.elapsedMs)}`;
        const logs = await cli(['logs', '--tail', '20', name]);
        const lines = (0,docker_cli/* lastLines */.w$)(`${logs.stdout}\n${logs.stderr}`, 20);
        for (const line of lines)
            options.log?.(`  │ ${(0,workflow_commands/* neutralizeUntrusted */.wN)(line)}`);
        const why = result.outcome === 'timeout' ? `did not become healthy within ${(0,wait/* seconds */.YA)(step.timeoutMs)}` : 'stopped';
        throw new errors/* UserError */.yo(`${imageRef} for ${platform} ${why} (${result.detail}). Last log lines: ${lines.slice(-5).join(' | ') || '(none)'}. The image stays published; fix it in a new version.`);
    }
    finally {
        await cli(['rm', '--force', '--volumes', name]);
    }
}
/** The daemon's own platform (`linux/amd64`), or undefined when there is no daemon to talk to. */
async function daemonPlatform(cli) {
    const result = await cli(['version', '--format', '{{json .Server}}']).catch(() => undefined);
    if (!result || result.code !== 0)
        return undefined;
    try {
        const server = JSON.parse(result.stdout);
        return server?.Os && server.Arch ? `${server.Os}/${server.Arch}` : undefined;
    }
    catch {
        return undefined;
    }
}
async function verifyContainer(cli, step, imageRef, options = {}) {
    const native = await daemonPlatform(cli);
    if (!native) {
        if (step.required)
            throw new errors/* UserError */.yo('verify.container.enabled is true but this runner has no Docker daemon: use a runner with Docker, or set it to auto.');
        return { status: 'skipped', detail: 'no Docker daemon on this runner: container health not checked' };
    }
    const published = step.platforms.map(oci_platforms/* normalizePlatform */.F);
    const platforms = (step.only ?? [native]).map(oci_platforms/* normalizePlatform */.F).filter((p) => published.includes(p));
    if (!platforms.length)
        return { status: 'skipped', detail: `the daemon runs ${native}, which the images do not include` };
    const ref = await imageRef();
    const results = [];
    for (const platform of platforms)
        results.push(await checkContainerHealth(cli, ref, platform, step, options));
    return { status: 'done', detail: results.join('; ') };
}
async function executeVerifyContainer(step, ctx) {
    const cli = (0,docker_cli/* createDockerCli */.FA)({ ...ctx.env, ...step.env }, 'docker', ctx.signal);
    const imageRef = async () => `${step.repository}@${await (0,digests/* resolveDigest */.j)(ctx, step.repository, step.tag)}`;
    const result = await verifyContainer(cli, step, imageRef, { log: (line) => ctx.runner.info(line) });
    // A skip is not a failure (`auto` means "where a daemon exists"), and says so in the summary.
    return { id: step.id, status: 'done', detail: result.status === 'skipped' ? `not checked: ${result.detail}` : result.detail };
}


/***/ }),

/***/ 508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ publishedImages),
/* harmony export */   j: () => (/* binding */ resolveDigest)
/* harmony export */ });
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4792);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2559);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



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
/** The digest `repository:tag` was published with: from this run's outcomes, else read from the registry. */
async function resolveDigest(ctx, repository, tag) {
    const known = publishedImages(ctx.outcomes.values()).find((image) => image.repository === repository && image.tags.includes(tag));
    if (known)
        return known.digest;
    const lookup = await new _oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .OciClient */ .R({ credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_1__.registryLogins)(ctx.secrets, ctx.env), signal: ctx.signal }).headManifest(repository, tag);
    if (!lookup)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${repository}:${tag} does not exist in its registry: publish the images first (the docker stage), then re-run.`);
    return lookup.digest;
}


/***/ }),

/***/ 5636:
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
