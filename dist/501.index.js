export const id = 501;
export const ids = [501,559];
export const modules = {

/***/ 8882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDeployCompose: () => (/* binding */ executeDeployCompose)
});

// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(508);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(5636);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(1076);
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
