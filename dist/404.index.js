export const id = 404;
export const ids = [404];
export const modules = {

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
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3770);
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
        // The install runs the package's (and its dependencies') install scripts: the npm allow-list, no token.
        const set = { TAGSHIP_VERSION: step.version, npm_config_registry: step.registry, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
        const installed = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.runProcess)('npm', ['install', '--no-package-lock', `${step.package}@${step.version}`], { parentEnv: deps.env, tool: 'npm', set, cwd: dir, signal: deps.signal });
        if (installed.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} \`npm install\` fails: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.tail)(installed, 3)}. Nothing was unpublished; fix it in a new version.`);
        const [command, ...args] = step.command;
        const path = `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'node_modules', '.bin')}${node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter}${deps.env.PATH ?? ''}`;
        const checked = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.runProcess)(command, args, { parentEnv: deps.env, tool: 'npm', set: { ...set, PATH: path }, cwd: dir, signal: deps.signal });
        if (checked.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} the check \`${step.command.join(' ')}\` exited ${checked.code}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.tail)(checked)}. Nothing was unpublished; fix it in a new version.`);
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
