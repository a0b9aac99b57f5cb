export const id = 77;
export const ids = [77];
export const modules = {

/***/ 92741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rK: () => (/* binding */ DEFAULT_API_URL),
  zZ: () => (/* binding */ createGithubClient),
  T8: () => (/* binding */ splitRepository)
});

// UNUSED EXPORTS: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(35194);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(49210);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(53770);
;// CONCATENATED MODULE: ./src/github/rate-limit.ts

const SECONDARY_FALLBACK_MS = 60_000;
/** `undefined` when the answer is not a rate limit (a 403 for missing permissions is not one). */
function rateLimitWait(answer, retriesSoFar, now) {
    if (answer.status !== 403 && answer.status !== 429)
        return undefined;
    const header = (name) => (answer.headers[name] === undefined ? undefined : String(answer.headers[name]).trim());
    const secondary = /secondary rate limit/i.test(answer.message);
    const kind = secondary ? 'secondary' : 'primary';
    // The shared parser: delta-seconds or an HTTP date, as every other client here reads the header.
    const retryAfter = (0,http/* parseRetryAfter */.mu)(header('retry-after') ?? null, now);
    if (retryAfter !== undefined)
        return { kind: secondary || answer.status === 429 ? 'secondary' : kind, waitMs: retryAfter };
    const reset = header('x-ratelimit-reset');
    if (header('x-ratelimit-remaining') === '0' && reset !== undefined && /^\d+$/.test(reset)) {
        // One second past the reset, so the request lands after it.
        return { kind, waitMs: Math.max(0, Number(reset) * 1000 - now) + 1000 };
    }
    // No header says how long: GitHub's docs ask for at least a minute, longer on each repeat.
    if (secondary || answer.status === 429 || /rate limit/i.test(answer.message)) {
        return { kind: secondary || answer.status === 429 ? 'secondary' : 'primary', waitMs: SECONDARY_FALLBACK_MS * 2 ** retriesSoFar };
    }
    return undefined;
}
/** `06:14:05 UTC` (with the date when it is not today). */
function describeUtc(at, now) {
    const iso = new Date(Math.ceil(at / 1000) * 1000).toISOString();
    const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
    return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 19)} UTC`;
}

;// CONCATENATED MODULE: ./src/github/client.ts





/**
 * The GitHub REST client: Octokit core with the typed endpoint methods, and one retry loop of our
 * own (./rate-limit.ts) in place of Octokit's retry and throttling plugins: 5xx and network errors
 * back off; a rate limit waits as long as GitHub asks (`retry-after`, `x-ratelimit-reset`, a minute
 * and more for a bare secondary limit), up to `maxRetryAfterSeconds`; a longer wait fails at once
 * with the time to re-run, instead of holding the job (and its runner minutes) for up to an hour.
 * Every attempt has a timeout. Loaded only by executors that talk to GitHub.
 */
const GithubOctokit = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._);
const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 120;
function createGithubClient(options) {
    const retries = options.retries ?? 4;
    const maxWaitMs = (options.maxRetryAfterSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS) * 1000;
    const warn = options.warn ?? (() => undefined);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const sleep = options.sleep ?? http/* defaultDeps */.mM.sleep;
    const now = options.now ?? http/* defaultDeps */.mM.now;
    const random = options.random ?? http/* defaultDeps */.mM.random;
    const octokit = new GithubOctokit({
        auth: options.token,
        baseUrl: (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'tagship',
        log: { debug: options.debug ?? (() => undefined), info: () => undefined, warn, error: warn },
        request: {
            // Node's fetch through the shared HTTP helper for its per-attempt timeout; retries are the
            // loop below, which knows GitHub's rate-limit headers.
            // An asset upload that stalls fails after net/http's idle timeout, retried below.
            fetch: (url, init) => (0,http/* request */.Em)(url, {
                ...init,
                signal: anySignal(init.signal ?? undefined, options.signal),
                retry: { retries: 0, timeoutMs, ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}) },
                onProgress: (progress) => options.info?.(`Uploading ${new URL(url).searchParams.get('name') ?? 'an asset'}: ${(0,http/* describeProgress */.vk)(progress)}`),
            }),
        },
    });
    octokit.hook.wrap('request', async (send, requestOptions) => {
        const { method, url } = octokit.request.endpoint.parse(requestOptions);
        const what = `${method} ${new URL(url, 'https://api.github.invalid').pathname}`;
        for (let attempt = 0;; attempt++) {
            try {
                return await send(requestOptions);
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw error;
                const failed = error;
                const status = failed.status ?? 0;
                const data = failed.response?.data;
                const message = typeof data?.message === 'string' ? data.message : (failed.message ?? '');
                const limit = failed.response ? rateLimitWait({ status, headers: failed.response.headers ?? {}, message }, attempt, now()) : undefined;
                if (limit) {
                    const until = describeUtc(now() + limit.waitMs, now());
                    if (limit.waitMs > maxWaitMs || attempt >= retries) {
                        const why = limit.waitMs > maxWaitMs ? `asks to wait ${Math.ceil(limit.waitMs / 1000)} s, longer than tagship waits in a job (${maxWaitMs / 1000} s)` : `still applies after ${attempt} retries`;
                        throw new errors/* UserError */.yo(`GitHub's ${limit.kind} rate limit stopped ${what} (HTTP ${status}) and ${why}: re-run the workflow after ${until}; a re-run resumes.`, undefined, { cause: error });
                    }
                    warn(`GitHub ${limit.kind} rate limit on ${what}: retrying after ${Math.ceil(limit.waitMs / 1000)} s (at ${until}).`);
                    await sleep(limit.waitMs, options.signal);
                    continue;
                }
                // A 5xx answer, or no answer at all (Octokit reports a failed fetch as status 500).
                if (status >= 500 && attempt < retries) {
                    const delayMs = (0,http/* backoffDelay */.EY)(attempt, { ...http/* DEFAULT_RETRY */.vI, minDelayMs: 1000 }, random);
                    warn(`GitHub answered ${failed.response ? `HTTP ${status}` : `nothing (${message})`} to ${what}: retrying in ${(delayMs / 1000).toFixed(1)} s.`);
                    await sleep(delayMs, options.signal);
                    continue;
                }
                throw error;
            }
        }
    });
    return octokit;
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


/***/ }),

/***/ 67441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ connectGithub)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92741);


/**
 * The client for an executor: the token from the `github-token` input, the API base URL from the
 * runner's `GITHUB_API_URL` (GHES), the repository from the plan. Fails with one line when any is missing.
 */
function connectGithub(ctx, what, tuning = {}) {
    const token = ctx.secrets['github-token'];
    if (!token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} needs a GitHub token: keep the github-token input at its default (\${{ github.token }}) or pass one, and give the job \`permissions: contents: write\`.`);
    }
    ctx.runner.mask(token);
    const repository = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .splitRepository */ .T8)(ctx.plan.repository);
    if (!repository) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} needs the repository (owner/name), and GITHUB_REPOSITORY is ${JSON.stringify(ctx.plan.repository ?? '')}: run it inside a GitHub Actions workflow.`);
    }
    const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createGithubClient */ .zZ)({
        token,
        baseUrl: ctx.env.GITHUB_API_URL || _client_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_API_URL */ .rK,
        warn: (message) => ctx.runner.warning(message),
        info: (message) => ctx.runner.info(message),
        debug: (message) => ctx.runner.debug(message),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...tuning,
    });
    return { client, ...repository, serverUrl: (ctx.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '') };
}


/***/ }),

/***/ 68077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createWorkflowDispatchExecutor: () => (/* binding */ createWorkflowDispatchExecutor),
/* harmony export */   executeWorkflowDispatch: () => (/* binding */ executeWorkflowDispatch)
/* harmony export */ });
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67441);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73116);


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

/***/ 73116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PY: () => (/* binding */ translateApiError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   d7: () => (/* binding */ isApiError),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

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


/***/ })

};
