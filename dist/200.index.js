export const id = 200;
export const ids = [200,559];
export const modules = {

/***/ 2200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeDockerBuild: () => (/* binding */ executeDockerBuild)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2559);
/* harmony import */ var _plan_steps_docker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1243);
/* harmony import */ var _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8414);
/* harmony import */ var _backend_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6592);
/* harmony import */ var _backends_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2147);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(717);









/**
 * Runs a `docker-build` step: logs in to the registries it pushes to, runs the planned commands with the
 * runner's environment (the gha cache needs its ACTIONS_* variables), reads the pushed digest and, in
 * distributed mode, writes it to `<digestsDir>/<os-arch>` for the merge job. Pushes are by digest only,
 * so a failure leaves no tag anywhere and a re-run simply builds again (from cache).
 */
async function executeDockerBuild(step, ctx) {
    const backend = _backends_js__WEBPACK_IMPORTED_MODULE_6__/* .BACKENDS */ .A[step.backend];
    const missing = step.secretEnv.filter((name) => !ctx.env[name]);
    if (missing.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`docker.secrets reads ${missing.join(', ')} from the environment, but it is not set: add it to the tagship step's env (e.g. ${missing[0]}: \${{ secrets.${missing[0]} }}).`);
    }
    // The build sees the secrets; a Dockerfile that prints one must not put it in the log.
    for (const name of step.secretEnv)
        ctx.runner.mask(ctx.env[name]);
    const log = (line) => ctx.runner.info((0,_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_8__/* .neutralizeUntrusted */ .wN)(line));
    await login(step, backend, ctx, log);
    const files = { commands: step.commands, digestFile: step.digestFile, metadataFile: step.metadataFile };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(step.digestFile), { recursive: true });
    let digest;
    for (const planned of step.commands) {
        const argv = planned.map((arg) => (arg.includes(_backend_js__WEBPACK_IMPORTED_MODULE_5__/* .DIGEST_PLACEHOLDER */ .Vp) ? arg.replaceAll(_backend_js__WEBPACK_IMPORTED_MODULE_5__/* .DIGEST_PLACEHOLDER */ .Vp, (digest ??= backend.readDigest(files))) : arg));
        const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_7__/* .runProcess */ .R)(argv[0], argv.slice(1), { env: ctx.env, cwd: ctx.cwd, signal: ctx.signal, onLine: log, missingHint: MISSING_HINT });
        if (result.code !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${argv.slice(0, 3).join(' ')} failed (exit ${result.code}) for ${step.platforms.join(', ')}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_7__/* .tail */ .i)(result) || 'no output'}. Nothing was tagged (builds push by digest only).`);
        }
    }
    digest ??= backend.readDigest(files);
    if (step.digestsDir) {
        // One file per platform, named by the platform and holding only the digest: the merge job's input.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(step.digestsDir, { recursive: true });
        for (const platform of step.platforms)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(step.digestsDir, (0,_plan_steps_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .platformSlug */ .DN)(platform)), digest);
    }
    return {
        id: step.id,
        status: 'done',
        detail: `pushed ${step.platforms.join(', ')} as ${digest} to ${step.repositories.join(', ')} (untagged until the merge)`,
        produced: { digest, platforms: step.platforms, repositories: step.repositories },
    };
}
const MISSING_HINT = 'install it, or choose another docker.backend';
/** `login HOST --password-stdin` for each host with credentials; a host without any is pushed to as is. */
async function login(step, backend, ctx, log) {
    const logins = (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__.parseRegistryCredentials)(ctx.secrets['registry-credentials'] ?? '');
    for (const host of step.logins) {
        const credentials = (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__.credentialsFor)(host, logins, { githubToken: ctx.secrets['github-token'], actor: ctx.env.GITHUB_ACTOR });
        if (!credentials) {
            log(`No credentials for ${host} in registry-credentials: pushing without logging in.`);
            continue;
        }
        ctx.runner.mask(credentials.password);
        const argv = backend.login(host, credentials.username);
        const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_7__/* .runProcess */ .R)(argv[0], argv.slice(1), { env: ctx.env, cwd: ctx.cwd, stdin: credentials.password, signal: ctx.signal, onLine: log, missingHint: MISSING_HINT });
        if (result.code !== 0) {
            const said = (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_7__/* .tail */ .i)(result).split(credentials.password).join('***');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${argv[0]} login to ${host} as ${credentials.username} failed (exit ${result.code}): ${said || 'no output'}. Check the registry-credentials line for ${host}.`);
        }
    }
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


/***/ })

};
