export const id = 77;
export const ids = [77];
export const modules = {

/***/ 8367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ connectGithub)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/workflow-commands.ts
var workflow_commands = __webpack_require__(8414);
// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(9210);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(9663);
;// CONCATENATED MODULE: ./src/github/client.ts





/**
 * The GitHub REST client: Octokit core with the typed endpoint methods, retries of 5xx and network
 * errors, and throttling that honours primary (`x-ratelimit-*`) and secondary (`Retry-After`) rate
 * limits. Every attempt has a timeout. Loaded only by executors that talk to GitHub.
 */
const GithubOctokit = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
const DEFAULT_API_URL = 'https://api.github.com';
/** A limiter group that runs jobs at once: the shape plugin-throttling expects of `throttle.write`. */
const unthrottledGroup = {
    key: () => ({
        schedule: (...args) => {
            // schedule([options,] fn, ...fnArgs)
            const rest = typeof args[0] === 'function' ? args : args.slice(1);
            const [fn, ...fnArgs] = rest;
            return Promise.resolve(fn(...fnArgs));
        },
    }),
};
function createGithubClient(options) {
    const unit = options.retryAfterUnitMs ?? 1000;
    const retries = options.retries ?? 4;
    const maxRetryAfter = options.maxRetryAfterSeconds ?? 120;
    const warn = options.warn ?? (() => undefined);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= retries || retryAfter > maxRetryAfter) {
            warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}: giving up (retry after ${retryAfter} s, ${retryCount} retries so far).`);
            return false;
        }
        warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}: retrying after ${retryAfter} s.`);
        return true;
    };
    return new GithubOctokit({
        auth: options.token,
        baseUrl: (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'tagship',
        log: { debug: options.debug ?? (() => undefined), info: () => undefined, warn, error: warn },
        request: {
            // Node's fetch through the shared HTTP helper for its per-attempt timeout; retries stay with
            // the Octokit plugins, which know GitHub's rate-limit headers.
            fetch: (url, init) => (0,http/* request */.Em)(url, { ...init, signal: anySignal(init.signal ?? undefined, options.signal), retry: { retries: 0, timeoutMs } }),
            // No `retries` here: plugin-retry would then retry every status, 404 included.
        },
        retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
        throttle: {
            id: 'tagship',
            retryAfterBaseValue: unit,
            fallbackSecondaryRateRetryAfter: 60,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            ...(options.spaceWrites ? {} : { write: unthrottledGroup, notifications: unthrottledGroup }),
        },
    });
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

;// CONCATENATED MODULE: ./src/github/connect.ts



/**
 * The client for an executor: the token from the `github-token` input, the API base URL from the
 * runner's `GITHUB_API_URL` (GHES), the repository from the plan. Fails with one line when any is missing.
 */
function connectGithub(ctx, what, tuning = {}) {
    const token = ctx.secrets['github-token'];
    if (!token) {
        throw new errors/* UserError */.yo(`${what} needs a GitHub token: keep the github-token input at its default (\${{ github.token }}) or pass one, and give the job \`permissions: contents: write\`.`);
    }
    ctx.runner.mask(token);
    const repository = splitRepository(ctx.plan.repository);
    if (!repository) {
        throw new errors/* UserError */.yo(`${what} needs the repository (owner/name), and GITHUB_REPOSITORY is ${JSON.stringify(ctx.plan.repository ?? '')}: run it inside a GitHub Actions workflow.`);
    }
    const client = createGithubClient({
        token,
        baseUrl: ctx.env.GITHUB_API_URL || DEFAULT_API_URL,
        warn: (message) => ctx.runner.warning((0,workflow_commands/* neutralizeUntrusted */.wN)(message)),
        debug: (message) => ctx.runner.debug((0,workflow_commands/* neutralizeUntrusted */.wN)(message)),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...tuning,
    });
    return { client, ...repository, serverUrl: (ctx.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '') };
}


/***/ }),

/***/ 8077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createWorkflowDispatchExecutor: () => (/* binding */ createWorkflowDispatchExecutor),
/* harmony export */   executeWorkflowDispatch: () => (/* binding */ executeWorkflowDispatch)
/* harmony export */ });
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8367);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);


/**
 * Starts the Docker workflow with `workflow_dispatch`. Unlike a release or tag made with
 * `GITHUB_TOKEN`, a dispatch does start a workflow run, so the images are built without a personal
 * token (docs/docker-chain.md). Needs `actions: write`.
 */
function createWorkflowDispatchExecutor(tuning = {}) {
    return async (step, ctx) => {
        const github = (0,_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .connectGithub */ .S)(ctx, `Starting ${step.workflow}`, tuning);
        try {
            await github.client.rest.actions.createWorkflowDispatch({
                owner: github.owner,
                repo: github.repo,
                workflow_id: step.workflow,
                ref: step.ref,
                inputs: step.inputs,
            });
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `starting workflow ${step.workflow} on ${step.ref} (it must exist on that ref and declare on: workflow_dispatch with inputs version and stages)`, 'actions: write');
        }
        const runs = `${github.serverUrl}/${github.owner}/${github.repo}/actions/workflows/${encodeURIComponent(step.workflow)}`;
        return {
            id: step.id,
            status: 'done',
            detail: `started ${step.workflow} on ${step.ref} (version ${step.inputs.version ?? ''}, stages ${step.inputs.stages ?? ''})`,
            links: [{ label: step.workflow, url: runs }],
        };
    };
}
const executeWorkflowDispatch = createWorkflowDispatchExecutor();


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PY: () => (/* binding */ translateApiError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   d7: () => (/* binding */ isApiError),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

function isApiError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** A 422 whose errors say a resource with that key exists already (`already_exists`). */
function isAlreadyExists(error) {
    if (!isApiError(error) || error.status !== 422)
        return false;
    const errors = error.response?.data?.errors ?? [];
    return errors.some((e) => e?.code === 'already_exists');
}
function isNotFound(error) {
    return isApiError(error) && error.status === 404;
}
/**
 * Translates the API's refusals that a user can fix into one actionable line. `doing` says what
 * tagship was doing ("creating the release v1.2.3"); `permission` names the token permission it needs.
 */
function translateApiError(error, doing, permission = 'contents: write') {
    if (!isApiError(error))
        return error;
    const detail = apiMessage(error);
    switch (error.status) {
        case 401:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub rejected the token while ${doing} (401 ${detail}): pass a valid token in the github-token input (the default is \${{ github.token }}).`, undefined, { cause: error });
        case 403:
            if (/rate limit/i.test(detail)) {
                return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub's rate limit stopped tagship while ${doing} (403 ${detail}): re-run the workflow later.`, undefined, { cause: error });
            }
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The token may not do this: ${doing} was refused (403 ${detail}). Give the job \`permissions: ${permission}\`, or pass a token that has it in github-token.`, undefined, { cause: error });
        case 404:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub answered 404 while ${doing}: the repository does not exist or the token cannot see it (it needs \`${permission}\`).`, undefined, { cause: error });
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub answered ${error.status} while ${doing}: ${detail}.`, undefined, { cause: error });
    }
}
function apiMessage(error) {
    const data = error.response?.data;
    const text = typeof data?.message === 'string' ? data.message : error.message;
    return text.replace(/\s+/g, ' ').slice(0, 200);
}


/***/ }),

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


/***/ })

};
