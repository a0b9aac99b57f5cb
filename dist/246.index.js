export const id = 246;
export const ids = [246,962];
export const modules = {

/***/ 246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDockerBuild: () => (/* binding */ executeDockerBuild)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(2174);
// EXTERNAL MODULE: ./src/oci/credentials.ts
var oci_credentials = __webpack_require__(3581);
// EXTERNAL MODULE: ./src/plan/steps/docker.ts + 2 modules
var docker = __webpack_require__(2246);
// EXTERNAL MODULE: ./src/runtime/workflow-commands.ts
var workflow_commands = __webpack_require__(816);
// EXTERNAL MODULE: ./src/docker/backend.ts
var docker_backend = __webpack_require__(2954);
// EXTERNAL MODULE: ./src/docker/backends.ts + 2 modules
var backends = __webpack_require__(8843);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/docker/run-command.ts


/**
 * Runs argv (never a shell), streaming its output line by line to `onLine` (the job log: a build is
 * long and users watch it), with `stdin` written to it when given (passwords). A missing program is a
 * `UserError` naming it.
 */
function runCommand(argv, options) {
    const [command, ...args] = argv;
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
        const tail = [];
        const lines = (stream) => {
            let rest = '';
            stream.setEncoding('utf8');
            stream.on('data', (chunk) => {
                const parts = (rest + chunk).split(/\r?\n/);
                rest = parts.pop();
                parts.forEach(emit);
            });
            stream.on('end', () => rest && emit(rest));
        };
        const emit = (line) => {
            options.onLine(line);
            if (line.trim())
                tail.push(line.trim());
            if (tail.length > 5)
                tail.shift();
        };
        lines(child.stdout);
        lines(child.stderr);
        child.stdin.on('error', () => undefined); // a program that exits without reading stdin
        child.stdin.end(options.stdin ?? '');
        child.on('error', (error) => {
            if (error.code === 'ENOENT')
                reject(new errors/* UserError */.yo(`${command} is not installed on this runner (or not on PATH): install it, or choose another docker.backend.`, undefined, { cause: error }));
            else
                reject(error);
        });
        child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), tail }));
    });
}

;// CONCATENATED MODULE: ./src/docker/build.ts









/**
 * Runs a `docker-build` step: logs in to the registries it pushes to, runs the planned commands with the
 * runner's environment (the gha cache needs its ACTIONS_* variables), reads the pushed digest and, in
 * distributed mode, writes it to `<digestsDir>/<os-arch>` for the merge job. Pushes are by digest only,
 * so a failure leaves no tag anywhere and a re-run simply builds again (from cache).
 */
async function executeDockerBuild(step, ctx) {
    const backend = backends/* BACKENDS */.A[step.backend];
    const missing = step.secretEnv.filter((name) => !ctx.env[name]);
    if (missing.length) {
        throw new errors/* UserError */.yo(`docker.secrets reads ${missing.join(', ')} from the environment, but it is not set: add it to the tagship step's env (e.g. ${missing[0]}: \${{ secrets.${missing[0]} }}).`);
    }
    // The build sees the secrets; a Dockerfile that prints one must not put it in the log.
    for (const name of step.secretEnv)
        ctx.runner.mask(ctx.env[name]);
    const log = (line) => ctx.runner.info((0,workflow_commands/* neutralizeUntrusted */.wN)(line));
    await login(step, backend, ctx, log);
    const files = { commands: step.commands, digestFile: step.digestFile, metadataFile: step.metadataFile };
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(step.digestFile), { recursive: true });
    let digest;
    for (const planned of step.commands) {
        const argv = planned.map((arg) => (arg.includes(docker_backend/* DIGEST_PLACEHOLDER */.Vp) ? arg.replaceAll(docker_backend/* DIGEST_PLACEHOLDER */.Vp, (digest ??= backend.readDigest(files))) : arg));
        const result = await runCommand(argv, { env: ctx.env, cwd: ctx.cwd, signal: ctx.signal, onLine: log });
        if (result.code !== 0) {
            throw new errors/* UserError */.yo(`${argv.slice(0, 3).join(' ')} failed (exit ${result.code}) for ${step.platforms.join(', ')}: ${result.tail.join(' | ') || 'no output'}. Nothing was tagged (builds push by digest only).`);
        }
    }
    digest ??= backend.readDigest(files);
    if (step.digestsDir) {
        // One file per platform, named by the platform and holding only the digest: the merge job's input.
        (0,external_node_fs_.mkdirSync)(step.digestsDir, { recursive: true });
        for (const platform of step.platforms)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(step.digestsDir, (0,docker/* platformSlug */.DN)(platform)), digest);
    }
    return {
        id: step.id,
        status: 'done',
        detail: `pushed ${step.platforms.join(', ')} as ${digest} to ${step.repositories.join(', ')} (untagged until the merge)`,
        produced: { digest, platforms: step.platforms, repositories: step.repositories },
    };
}
/** `login HOST --password-stdin` for each host with credentials; a host without any is pushed to as is. */
async function login(step, backend, ctx, log) {
    const logins = (0,oci_credentials.parseRegistryCredentials)(ctx.secrets['registry-credentials'] ?? '');
    for (const host of step.logins) {
        const credentials = (0,oci_credentials.credentialsFor)(host, logins, { githubToken: ctx.secrets['github-token'], actor: ctx.env.GITHUB_ACTOR });
        if (!credentials) {
            log(`No credentials for ${host} in registry-credentials: pushing without logging in.`);
            continue;
        }
        ctx.runner.mask(credentials.password);
        const argv = backend.login(host, credentials.username);
        const result = await runCommand(argv, { env: ctx.env, cwd: ctx.cwd, stdin: credentials.password, signal: ctx.signal, onLine: log });
        if (result.code !== 0) {
            const said = result.tail.join(' | ').split(credentials.password).join('***');
            throw new errors/* UserError */.yo(`${argv[0]} login to ${host} as ${credentials.username} failed (exit ${result.code}): ${said || 'no output'}. Check the registry-credentials line for ${host}.`);
        }
    }
}


/***/ }),

/***/ 3581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canonicalRegistryHost: () => (/* binding */ canonicalRegistryHost),
/* harmony export */   credentialsFor: () => (/* binding */ credentialsFor),
/* harmony export */   parseRegistryCredentials: () => (/* binding */ parseRegistryCredentials),
/* harmony export */   registryLogins: () => (/* binding */ registryLogins)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);

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


/***/ })

};
