export const id = 404;
export const ids = [404];
export const modules = {

/***/ 9663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mM: () => (/* binding */ defaultDeps),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports parseRetryAfter, redactUrl */
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

/***/ 6501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ packumentUrl),
/* harmony export */   l: () => (/* binding */ readPackument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9663);


/** The packument URL: a scoped name keeps its `@` and encodes the slash (`@scope%2Fname`). */
function packumentUrl(registry, name) {
    return `${registry.replace(/\/?$/, '/')}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
}
/**
 * Reads a package's packument; `undefined` when the registry has never heard of it. Asked without
 * credentials first (public packages, and a wrong token cannot hide them); a 404 is asked again with
 * the token, since a registry answers 404 for a private package it will not show anonymously.
 */
async function readPackument(registry, name, options = {}) {
    const anonymous = await fetchPackument(registry, name, undefined, options);
    if (anonymous !== 404 || !options.token)
        return anonymous === 404 ? undefined : anonymous;
    const authed = await fetchPackument(registry, name, options.token, options);
    if (authed === 404)
        return undefined;
    return authed;
}
async function fetchPackument(registry, name, token, options) {
    const url = packumentUrl(registry, name);
    // The abbreviated ("corgi") document carries dist-tags and each version's dist, without every readme.
    const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' };
    if (token)
        headers.authorization = `Bearer ${token}`;
    const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, {
        headers,
        signal: options.signal,
        retry: { retries: 4, timeoutMs: 30_000, ...options.retry },
        onRetry: (notice) => options.onRetry?.(`${notice.reason}, retrying in ${notice.delayMs} ms`),
    }).catch((error) => {
        if (error instanceof _net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${registry} cannot be reached to read ${name}: ${error.message}. Re-run when the registry answers.`, undefined, { cause: error });
        throw error;
    });
    if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return 404;
    }
    if (response.status === 401 || response.status === 403) {
        await response.body?.cancel().catch(() => undefined);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${registry} refuses to show ${name} (HTTP ${response.status}): ${token ? 'the npm token is wrong or cannot read this package' : 'the registry needs a token to read it: pass the npm-token input'}.`);
    }
    if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${registry} answered HTTP ${response.status} for ${name}'s packument${text ? `: ${text.slice(0, 200).replace(/\s+/g, ' ')}` : ''}. Re-run when the registry is healthy.`);
    }
    const doc = (await response.json());
    const versions = {};
    for (const [version, meta] of Object.entries(doc.versions ?? {}))
        versions[version] = { integrity: meta.dist?.integrity, shasum: meta.dist?.shasum };
    return { distTags: doc['dist-tags'] ?? {}, versions };
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

/***/ 23:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   distTagProbe: () => (/* binding */ distTagProbe),
/* harmony export */   executeVerifyNpm: () => (/* binding */ executeVerifyNpm),
/* harmony export */   packumentUrl: () => (/* reexport safe */ _npm_packument_js__WEBPACK_IMPORTED_MODULE_7__.W),
/* harmony export */   verifyNpm: () => (/* binding */ verifyNpm)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9663);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(717);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5636);
/* harmony import */ var _npm_packument_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6501);









function distTagProbe(step, token) {
    const url = (0,_npm_packument_js__WEBPACK_IMPORTED_MODULE_7__/* .packumentUrl */ .W)(step.registry, step.package);
    // The abbreviated ("corgi") document: dist-tags and versions without every readme.
    const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    return async () => {
        const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_4__/* .request */ .Em)(url, { headers, retry: { retries: 2, timeoutMs: 30_000 } }).catch(() => undefined);
        if (!response)
            return { state: 'waiting', detail: `${url} does not answer` };
        if (!response.ok) {
            await response.body?.cancel().catch(() => undefined);
            return { state: 'waiting', detail: `${step.package}: HTTP ${response.status}` };
        }
        const doc = (await response.json());
        const tagged = doc['dist-tags']?.[step.distTag];
        if (tagged === step.version && doc.versions?.[step.version])
            return { state: 'ready', detail: `${step.package}@${step.distTag} is ${step.version}` };
        if (!doc.versions?.[step.version])
            return { state: 'waiting', detail: `${step.package} has no ${step.version} yet` };
        return { state: 'waiting', detail: `${step.package}@${step.distTag} is ${tagged ?? 'not set'}, not ${step.version}` };
    };
}
/**
 * The npm smoke test: the packument shows the version under the planned dist-tag (waiting for the
 * registry to catch up); with a configured check, install that version into a temp dir and run it.
 */
async function verifyNpm(step, deps) {
    const published = `${step.package}@${step.version} was published, but`;
    const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .waitFor */ .fm)(distTagProbe(step, deps.token), {
        timeoutMs: step.waitMs,
        intervalMs: deps.intervalMs ?? 5_000,
        clock: deps.clock,
        signal: deps.signal,
        onChange: (r) => deps.log?.(r.detail),
    });
    if (waited.outcome !== 'ready') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} within ${(0,_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .seconds */ .YA)(step.waitMs)}: ${waited.detail}. Nothing was unpublished; set the tag with \`npm dist-tag add ${step.package}@${step.version} ${step.distTag}\` or re-run the verify stage.`);
    }
    if (!step.command)
        return `${step.package}@${step.distTag} is ${step.version} on ${step.registry}`;
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'tagship-verify-npm-'));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'package.json'), JSON.stringify({ name: 'tagship-verify', private: true }));
        const env = { ...deps.env, TAGSHIP_VERSION: step.version, npm_config_registry: step.registry, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
        const installed = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__/* .runProcess */ .R)('npm', ['install', '--no-package-lock', `${step.package}@${step.version}`], { env, cwd: dir, signal: deps.signal });
        if (installed.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} \`npm install\` fails: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__/* .tail */ .i)(installed, 3)}. Nothing was unpublished; fix it in a new version.`);
        const [command, ...args] = step.command;
        const path = `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'node_modules', '.bin')}${node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter}${deps.env.PATH ?? ''}`;
        const checked = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__/* .runProcess */ .R)(command, args, { env: { ...env, PATH: path }, cwd: dir, signal: deps.signal });
        if (checked.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} the check \`${step.command.join(' ')}\` exited ${checked.code}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__/* .tail */ .i)(checked)}. Nothing was unpublished; fix it in a new version.`);
        return `${step.package}@${step.distTag} is ${step.version}; \`${step.command.join(' ')}\` passed after install`;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
}
async function executeVerifyNpm(step, ctx) {
    const detail = await verifyNpm(step, { env: ctx.env, token: ctx.secrets['npm-token'], log: (line) => ctx.runner.info(line), signal: ctx.signal });
    const onNpmjs = new URL(step.registry).hostname === 'registry.npmjs.org';
    const links = onNpmjs ? [{ label: `npm ${step.package}@${step.version}`, url: `https://www.npmjs.com/package/${step.package}/v/${step.version}` }] : [];
    return { id: step.id, status: 'done', detail, links };
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
