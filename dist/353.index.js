export const id = 353;
export const ids = [353,559];
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

/***/ 3353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDeploySwarm: () => (/* binding */ executeDeploySwarm)
});

// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(508);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(5636);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(1076);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
