export const id = 135;
export const ids = [135];
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

/***/ 6135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeVerifyPython: () => (/* binding */ executeVerifyPython),
/* harmony export */   normalizeProjectName: () => (/* binding */ normalizeProjectName),
/* harmony export */   pageListsVersion: () => (/* binding */ pageListsVersion),
/* harmony export */   projectPageProbe: () => (/* binding */ projectPageProbe),
/* harmony export */   verifyPython: () => (/* binding */ verifyPython)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9663);
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3401);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(717);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5636);








/** PEP 503 name normalisation: the project page's path. */
function normalizeProjectName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Whether a PEP 503 project page lists a file of `version` (wheel `name-1.2.3-…whl` or sdist `name-1.2.3.tar.gz`). */
function pageListsVersion(html, version) {
    const files = [...html.matchAll(/<a\b[^>]*>([^<]+)<\/a>/gi)].map((m) => m[1].trim());
    return files.some((file) => file.includes(`-${version}-`) || file.endsWith(`-${version}.tar.gz`) || file.endsWith(`-${version}.zip`));
}
function projectPageProbe(indexUrl, project, version) {
    const url = `${indexUrl.replace(/\/?$/, '/')}${normalizeProjectName(project)}/`;
    return async () => {
        const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_4__/* .request */ .Em)(url, { headers: { accept: 'text/html' }, retry: { retries: 2, timeoutMs: 30_000 } }).catch(() => undefined);
        if (!response)
            return { state: 'waiting', detail: `${url} does not answer` };
        const html = response.ok ? await response.text() : (await response.body?.cancel().catch(() => undefined), '');
        if (response.ok && pageListsVersion(html, version))
            return { state: 'ready', detail: `${project} ${version} is on ${url}` };
        return { state: 'waiting', detail: response.ok ? `${url} does not list ${version} yet` : `${url} → HTTP ${response.status}` };
    };
}
/** Prints the module's `__version__` and the installed distribution's version as JSON. */
const VERSION_SCRIPT = `
import importlib, importlib.metadata, json, sys
module = importlib.import_module(sys.argv[1])
try:
    dist = importlib.metadata.version(sys.argv[2])
except Exception:
    dist = None
print(json.dumps({"module": getattr(module, "__version__", None), "file": getattr(module, "__file__", None), "dist": dist}))
`;
/**
 * The Python smoke test: wait until the index lists the version, install exactly it into a fresh virtual
 * environment (in a temp dir, so the checkout cannot shadow it), run the check, remove the environment.
 */
async function verifyPython(step, deps) {
    const what = `${step.project} ${step.version}`;
    const published = `${what} was published, but`;
    const keep = 'Nothing was unpublished; fix it in a new version (an index never takes the same version twice), or re-run the verify stage if the index was only slow.';
    const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_7__/* .waitFor */ .fm)(projectPageProbe(step.indexUrl, step.project, step.version), {
        timeoutMs: step.waitMs,
        intervalMs: deps.intervalMs ?? 10_000,
        clock: deps.clock,
        signal: deps.signal,
        onChange: (r) => deps.log?.(r.detail),
    });
    if (waited.outcome !== 'ready') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} ${step.indexUrl} did not list it within ${(0,_wait_js__WEBPACK_IMPORTED_MODULE_7__/* .seconds */ .YA)(step.waitMs)} (${waited.detail}). Re-run the verify stage once the index has caught up (verify.timeout waits longer).`);
    }
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'tagship-verify-py-'));
    try {
        const venv = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'venv');
        // A venv without pip is made in milliseconds; seeding pip into it (ensurepip) takes seconds. So the
        // base interpreter's own pip installs into the venv (`pip --python`, pip ≥ 22.3) when it can.
        const basePip = await pipVersion(step.python, deps);
        const created = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .runProcess */ .R)(step.python, ['-m', 'venv', '--without-pip', venv], { env: deps.env, signal: deps.signal });
        if (created.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Cannot create a virtual environment with ${step.python}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .tail */ .i)(created)}. Install python3-venv or set verify.python.python.`);
        const bin = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
        const env = { ...deps.env, VIRTUAL_ENV: venv, PATH: `${bin}${node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter}${deps.env.PATH ?? ''}`, PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', TAGSHIP_VERSION: step.version };
        const python = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(bin, 'python');
        let pip = [python, '-m', 'pip'];
        if (basePip && (basePip[0] > 22 || (basePip[0] === 22 && basePip[1] >= 3))) {
            pip = [step.python, '-m', 'pip', '--python', python];
        }
        else {
            const seeded = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .runProcess */ .R)(python, ['-m', 'ensurepip', '--default-pip'], { env, cwd: dir, signal: deps.signal });
            if (seeded.code !== 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Cannot put pip into a virtual environment made by ${step.python}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .tail */ .i)(seeded)}. Install python3-pip or set verify.python.python.`);
        }
        const install = [...pip.slice(1), 'install', '--no-cache-dir', '--index-url', step.indexUrl, ...(step.extraIndexUrl ? ['--extra-index-url', step.extraIndexUrl] : []), `${step.project}==${step.version}`];
        const installed = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .runProcess */ .R)(pip[0], install, { env, cwd: dir, signal: deps.signal });
        if (installed.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} pip cannot install it from ${step.indexUrl}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .tail */ .i)(installed, 3)}. ${keep}`);
        if (step.command) {
            const [command, ...args] = step.command;
            const checked = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .runProcess */ .R)(command, args, { env, cwd: dir, signal: deps.signal });
            if (checked.code !== 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} the check \`${step.command.join(' ')}\` exited ${checked.code}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .tail */ .i)(checked)}. ${keep}`);
            return `${what} installs from ${step.indexUrl}; \`${step.command.join(' ')}\` passed`;
        }
        const probed = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .runProcess */ .R)(python, ['-c', VERSION_SCRIPT, step.importName, step.project], { env, cwd: dir, signal: deps.signal });
        if (probed.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} \`import ${step.importName}\` fails after installing it: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .tail */ .i)(probed, 3)}. ${keep} (verify.python.import names another module.)`);
        const found = JSON.parse(probed.stdout.trim().split('\n').at(-1));
        if (found.module === null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} ${step.importName} has no __version__ to compare with ${step.version} (installed distribution: ${found.dist ?? 'unknown'}). Add __version__, or set verify.python.command to your own check.`);
        }
        if (!(0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_5__/* .sameVersion */ .r1)('pep440', String(found.module), step.version)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} ${step.importName}.__version__ says ${JSON.stringify(found.module)} after installing ${step.version}. ${keep}`);
        }
        return `${what} installs from ${step.indexUrl}; ${step.importName}.__version__ is ${found.module}`;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
}
/** `[major, minor]` of the interpreter's pip, or undefined without one. */
async function pipVersion(python, deps) {
    const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_6__/* .runProcess */ .R)(python, ['-m', 'pip', '--version'], { env: deps.env, signal: deps.signal }).catch(() => undefined);
    const match = result?.code === 0 ? result.stdout.match(/^pip (\d+)\.(\d+)/) : null;
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}
async function executeVerifyPython(step, ctx) {
    const detail = await verifyPython(step, { env: ctx.env, log: (line) => ctx.runner.info(line), signal: ctx.signal });
    return { id: step.id, status: 'done', detail };
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
