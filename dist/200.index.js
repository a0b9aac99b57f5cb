export const id = 200;
export const ids = [200,717];
export const modules = {

/***/ 82200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeDockerBuild: () => (/* binding */ executeDockerBuild)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22559);
/* harmony import */ var _plan_steps_docker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21243);
/* harmony import */ var _backend_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26592);
/* harmony import */ var _backends_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(12147);
/* harmony import */ var _runtime_child_env_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(94048);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(80717);









/**
 * Runs a `docker-build` step: logs in to the registries it pushes to, runs the planned commands (buildx
 * alone gets the runner's cache credentials, for its gha cache; the build secrets the config names are
 * the only other credentials a build sees), reads the pushed digest and, in
 * distributed mode, writes it to `<digestsDir>/<os-arch>` for the merge job. Pushes are by digest only,
 * so a failure leaves no tag anywhere and a re-run simply builds again (from cache).
 */
async function executeDockerBuild(step, ctx) {
    const backend = _backends_js__WEBPACK_IMPORTED_MODULE_6__/* .BACKENDS */ .A[step.backend];
    const missing = step.secretEnv.filter((name) => !ctx.env[name]);
    if (missing.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`docker.secrets reads ${missing.join(', ')} from the environment, but it is not set: add it to the tagship step's env (e.g. ${missing[0]}: \${{ secrets.${missing[0]} }}).`);
    }
    const buildTool = step.backend === 'buildx' ? 'buildx' : 'buildah';
    const refused = step.secretEnv.filter((name) => (0,_runtime_child_env_js__WEBPACK_IMPORTED_MODULE_7__/* .forbiddenFor */ .HZ)(buildTool, name));
    if (refused.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`docker.secrets names ${refused.join(', ')}, which tagship never hands to a build (the action's inputs and the runner's OIDC and cache credentials): pass the value under another name in the step's env.`);
    }
    // The build sees the secrets; a Dockerfile that prints one must not put it in the log.
    for (const name of step.secretEnv)
        ctx.runner.mask(ctx.env[name]);
    const log = (line) => ctx.runner.info(line);
    // tagship's own logins are removed again whatever happens, so the job's later steps (and a
    // self-hosted runner's next job) do not inherit its registry passwords in the Docker config.
    const loggedIn = [];
    try {
        await login(step, backend, ctx, log, loggedIn);
        return await buildAndRecord(step, backend, ctx, log);
    }
    finally {
        await logout(step, backend, ctx, log, loggedIn);
    }
}
async function buildAndRecord(step, backend, ctx, log) {
    const buildTool = step.backend === 'buildx' ? 'buildx' : 'buildah';
    const secretEnv = Object.fromEntries(step.secretEnv.map((name) => [name, ctx.env[name]]));
    const files = { commands: step.commands, digestFile: step.digestFile, metadataFile: step.metadataFile };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(step.digestFile), { recursive: true });
    let digest;
    for (const planned of step.commands) {
        const argv = planned.map((arg) => (arg.includes(_backend_js__WEBPACK_IMPORTED_MODULE_5__/* .DIGEST_PLACEHOLDER */ .Vp) ? arg.replaceAll(_backend_js__WEBPACK_IMPORTED_MODULE_5__/* .DIGEST_PLACEHOLDER */ .Vp, (digest ??= backend.readDigest(files))) : arg));
        const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_8__.runProcess)(argv[0], argv.slice(1), { parentEnv: ctx.env, tool: buildTool, secretEnv, cwd: ctx.cwd, signal: ctx.signal, onLine: log, missingHint: MISSING_HINT });
        if (result.code !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${argv.slice(0, 3).join(' ')} failed (exit ${result.code}) for ${step.platforms.join(', ')}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_8__.tail)(result) || 'no output'}. Nothing was tagged (builds push by digest only).`);
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
async function login(step, backend, ctx, log, loggedIn) {
    const logins = (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__.parseRegistryCredentials)(ctx.secrets['registry-credentials'] ?? '');
    for (const host of step.logins) {
        const credentials = (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__.credentialsFor)(host, logins, { githubToken: ctx.secrets['github-token'], actor: ctx.env.GITHUB_ACTOR });
        if (!credentials) {
            log(`No credentials for ${host} in registry-credentials: pushing without logging in.`);
            continue;
        }
        ctx.runner.mask(credentials.password);
        const argv = backend.login(host, credentials.username);
        const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_8__.runProcess)(argv[0], argv.slice(1), { parentEnv: ctx.env, tool: step.backend === 'buildx' ? 'docker' : 'buildah', cwd: ctx.cwd, stdin: credentials.password, signal: ctx.signal, onLine: log, missingHint: MISSING_HINT });
        if (result.code !== 0) {
            const said = (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_8__.tail)(result).split(credentials.password).join('***');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${argv[0]} login to ${host} as ${credentials.username} failed (exit ${result.code}): ${said || 'no output'}. Check the registry-credentials line for ${host}.`);
        }
        loggedIn.push(host);
    }
}
/** `logout HOST` for each host tagship logged in to; a failed logout is a warning, not a failed build. */
async function logout(step, backend, ctx, log, loggedIn) {
    for (const host of loggedIn) {
        const argv = backend.logout(host);
        try {
            const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_8__.runProcess)(argv[0], argv.slice(1), { parentEnv: ctx.env, tool: step.backend === 'buildx' ? 'docker' : 'buildah', cwd: ctx.cwd, onLine: log, missingHint: MISSING_HINT });
            if (result.code !== 0)
                ctx.runner.warning(`${argv.join(' ')} failed (exit ${result.code}): ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_8__.tail)(result) || 'no output'}. tagship's login to ${host} is still in the Docker config.`);
        }
        catch (error) {
            ctx.runner.warning(`${argv.join(' ')} could not run: ${error.message}. tagship's login to ${host} is still in the Docker config.`);
        }
    }
}


/***/ }),

/***/ 94048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HZ: () => (/* binding */ forbiddenFor),
/* harmony export */   gf: () => (/* binding */ childEnv)
/* harmony export */ });
/* unused harmony export RUNNER_CACHE */
/**
 * The environment of every process tagship starts. The action's own environment holds every input
 * as `INPUT_*` (pypi-token, npm-token, github-token, registry-credentials, webhook URLs), the runner's
 * OIDC request credentials and its cache token; a build backend, a lifecycle script or a `.pth` file
 * of a dependency runs with whatever its process was given. So a child gets an allow-list: what any
 * program needs (PATH, HOME, locale, temp dirs, proxies, CA bundles, the Windows basics), the
 * non-secret CI context tools read, and per tool the variables that tool documents — plus only what
 * its caller sets explicitly (`set`, `secretEnv`), which may never be a forbidden name.
 */
/** Names every child gets. Matched ignoring case: Windows spells them `Path`, `SystemRoot`, … */
const BASE = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TEMP',
    'TMP',
    'RUNNER_TEMP',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'NODE_EXTRA_CA_CERTS',
    'REQUESTS_CA_BUNDLE',
    // actions/setup-python exports it on Linux: its interpreters find libpython through it.
    'LD_LIBRARY_PATH',
    'XDG_CONFIG_HOME',
    'XDG_CACHE_HOME',
    'XDG_DATA_HOME',
    'XDG_RUNTIME_DIR',
    // Windows: without SystemRoot even Python cannot open a socket.
    'SYSTEMROOT',
    'SYSTEMDRIVE',
    'WINDIR',
    'COMSPEC',
    'PATHEXT',
    'USERPROFILE',
    'APPDATA',
    'LOCALAPPDATA',
    'PROGRAMDATA',
    'PROGRAMFILES',
    'PROGRAMFILES(X86)',
    'PROGRAMW6432',
    'COMMONPROGRAMFILES',
    'HOMEDRIVE',
    'HOMEPATH',
    'NUMBER_OF_PROCESSORS',
    'PROCESSOR_ARCHITECTURE',
    'OS',
];
/**
 * The run's public context (what the workflow log shows anyway): CI detection (`CI`, `GITHUB_ACTIONS`,
 * read by ci-info, npm and most test runners) and what npm's provenance statement is made of. Not the
 * token, not the event payload, and not GITHUB_ENV / GITHUB_OUTPUT / GITHUB_PATH / GITHUB_STEP_SUMMARY:
 * a child that could write those could set variables and outputs for the steps after tagship.
 */
const CI_CONTEXT = [
    'CI',
    'GITHUB_ACTIONS',
    'GITHUB_SERVER_URL',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_ID',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_REPOSITORY_OWNER_ID',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_REF_NAME',
    'GITHUB_REF_TYPE',
    'GITHUB_WORKFLOW',
    'GITHUB_WORKFLOW_REF',
    'GITHUB_WORKFLOW_SHA',
    'GITHUB_EVENT_NAME',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_NUMBER',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_JOB',
    'GITHUB_WORKSPACE',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'RUNNER_ENVIRONMENT',
];
/** git(1) ENVIRONMENT VARIABLES: how to reach and trust a remote, and config given through the environment. */
const GIT = {
    names: ['GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSH_VARIANT', 'SSH_AUTH_SOCK', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'GIT_CEILING_DIRECTORIES', 'XDG_CONFIG_HOME'],
    prefixes: ['GIT_CONFIG_KEY_', 'GIT_CONFIG_VALUE_'],
};
/** What a Python interpreter (and the interpreter setup-python installed) reads. */
const PYTHON_RUNTIME = ['PYTHONUTF8', 'PYTHONIOENCODING', 'PYTHONHASHSEED', 'PYTHONDONTWRITEBYTECODE', 'PYTHONWARNINGS', 'VIRTUAL_ENV', 'pythonLocation', 'Python_ROOT_DIR', 'Python3_ROOT_DIR'];
/** pip's options as `PIP_<OPTION>` (pip "Configuration"); uv's as `UV_*`, except its publish credentials. */
const PIP_LIKE = ['PIP_', 'UV_'];
const NOT_UPLOAD_CREDENTIALS = /^UV_PUBLISH_/i;
/** The runner's cache service credentials: buildx's `type=gha` cache reads them; nothing else may. */
const RUNNER_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];
/**
 * Settings tagship decides per command, and every credential npm can read from the environment
 * (`_authToken`, `_auth`, `_password`, per-registry `//host/:…` keys, certificates with their keys).
 * npm also sets several of these for every script it runs, `userconfig` among them, so neither
 * `npm run` nor the workflow's env can redirect a publish, change its tag or lend it a credential.
 */
const NPM_NOT_INHERITED = /^npm_config_(?:\/\/.*|_.*|userconfig|globalconfig|registry|@.*:registry|tag|access|provenance|dry[-_]run|json|otp|workspaces?|include[-_]workspace[-_]root|local[-_]prefix|always[-_]auth|username|password|email|key|cert|ignore[-_]scripts|script[-_]shell)$/i;
/** Registry logins Trivy (`TRIVY_USERNAME`, … ; its private-registries guide) and Grype (`GRYPE_REGISTRY_AUTH_*`) read: only tagship sets them. */
const SCANNER_REGISTRY_LOGINS = /^(TRIVY_(USERNAME|PASSWORD|REGISTRY_TOKEN)|GRYPE_REGISTRY_AUTH_.*)$/i;
const PROFILES = {
    git: GIT,
    'python-build': {
        names: [
            ...GIT.names,
            ...PYTHON_RUNTIME,
            'SOURCE_DATE_EPOCH',
            'PDM_BUILD_SCM_VERSION',
            // Compilers of extension modules.
            'CC',
            'CXX',
            'CFLAGS',
            'CXXFLAGS',
            'CPPFLAGS',
            'LDFLAGS',
            'ARCHFLAGS',
            'MACOSX_DEPLOYMENT_TARGET',
            'PKG_CONFIG_PATH',
            'CARGO_HOME',
            'RUSTUP_HOME',
        ],
        prefixes: [...GIT.prefixes, ...PIP_LIKE, 'SETUPTOOLS_SCM_', 'SETUPTOOLS_USE_DISTUTILS', 'HATCH_BUILD_', 'MATURIN_'],
        except: NOT_UPLOAD_CREDENTIALS,
    },
    python: { names: PYTHON_RUNTIME, prefixes: PIP_LIKE, except: NOT_UPLOAD_CREDENTIALS },
    npm: npmProfile(),
    'npm-publish': npmProfile(),
    docker: { names: ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_API_VERSION', 'SSH_AUTH_SOCK'], prefixes: [] },
    'credential-helper': {
        names: ['DOCKER_CONFIG', 'DBUS_SESSION_BUS_ADDRESS', 'PASSWORD_STORE_DIR', 'GNUPGHOME', 'GOOGLE_APPLICATION_CREDENTIALS'],
        prefixes: ['AWS_', 'CLOUDSDK_', 'AZURE_'],
    },
    'docker-remote': { names: ['DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_API_VERSION', 'SSH_AUTH_SOCK'], prefixes: [] },
    buildx: {
        names: ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_API_VERSION', 'SSH_AUTH_SOCK', ...RUNNER_CACHE],
        prefixes: ['BUILDX_', 'BUILDKIT_'],
    },
    buildah: {
        names: ['STORAGE_DRIVER', 'STORAGE_OPTS', 'REGISTRY_AUTH_FILE', 'DOCKER_CONFIG', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME'],
        prefixes: ['BUILDAH_', 'CONTAINERS_'],
    },
    scanner: {
        names: ['DOCKER_CONFIG', 'XDG_CACHE_HOME'],
        prefixes: ['TRIVY_', 'GRYPE_'],
        except: SCANNER_REGISTRY_LOGINS,
    },
};
/** `npm_config_*` / `NPM_CONFIG_*` (npm "config": every setting as an environment variable), minus credentials and what tagship decides. */
function npmProfile() {
    return { names: ['NODE_OPTIONS', 'COREPACK_HOME', 'COREPACK_ENABLE_STRICT', 'COREPACK_ENABLE_DOWNLOAD_PROMPT'], prefixes: ['npm_config_'], except: NPM_NOT_INHERITED };
}
/**
 * Names no child gets, whatever its caller asks: the action's inputs, the runner's OIDC request
 * credentials (whoever holds them can mint ID tokens for any audience: PyPI, npm, cloud roles), and
 * the cache credentials outside buildx.
 */
function forbiddenFor(tool, name) {
    const upper = name.toUpperCase();
    if (upper.startsWith('INPUT_'))
        return true;
    if (upper === 'ACTIONS_ID_TOKEN_REQUEST_TOKEN')
        return true;
    // npm checks that the URL is set before it signs provenance (it then takes the ID token tagship
    // minted from SIGSTORE_ID_TOKEN); without the request token the URL mints nothing.
    if (upper === 'ACTIONS_ID_TOKEN_REQUEST_URL')
        return tool !== 'npm-publish';
    if (RUNNER_CACHE.includes(upper))
        return tool !== 'buildx';
    return false;
}
/**
 * The environment a `tool` child gets from `parent`: the allow-lists above, then `set` and
 * `secretEnv`. Asking for a forbidden name is a bug in tagship, not the user's doing.
 */
function childEnv(parent, tool, extras = {}) {
    const profile = PROFILES[tool];
    const base = new Set([...BASE, ...CI_CONTEXT].map((name) => name.toUpperCase()));
    const names = new Set(profile.names);
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined || forbiddenFor(tool, name))
            continue;
        const allowed = base.has(name.toUpperCase()) ||
            name.startsWith('LC_') ||
            names.has(name) ||
            profile.prefixes.some((prefix) => name.toUpperCase().startsWith(prefix.toUpperCase()));
        if (allowed && !profile.except?.test(name))
            env[name] = value;
    }
    for (const [name, value] of [...Object.entries(extras.set ?? {}), ...Object.entries(extras.secretEnv ?? {})]) {
        if (forbiddenFor(tool, name))
            throw new Error(`refusing to pass ${name} to a ${tool} process`);
        if (value === undefined)
            continue;
        // Windows spells it `Path`: setting `PATH` must replace it, not sit beside it.
        for (const inherited of Object.keys(env))
            if (inherited !== name && inherited.toUpperCase() === name.toUpperCase())
                delete env[inherited];
        env[name] = value;
    }
    return env;
}


/***/ }),

/***/ 80717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runProcess: () => (/* binding */ runProcess),
/* harmony export */   tail: () => (/* binding */ tail)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94048);



/**
 * THE way tagship starts a program: argv (never a shell), with an environment built from an allow-list
 * per tool, never the action's own. On Linux and macOS runners Node's own `spawn` does it; on Windows
 * runners execa does (it starts `npm.cmd` and other shims, which `spawn` cannot without a shell).
 * Either is loaded on first use, and execa only on Windows: loading it costs ~100 ms, and a plan with
 * images spawns `git` for the commit time on every workflow run. A missing program is a `UserError`.
 */
async function runProcess(command, args, options) {
    const env = (0,_child_env_js__WEBPACK_IMPORTED_MODULE_1__/* .childEnv */ .gf)(options.parentEnv, options.tool, { set: options.set, secretEnv: options.secretEnv });
    return process.platform === 'win32' ? runWithExeca(command, args, env, options) : runWithSpawn(command, args, env, options);
}
function notInstalled(command, options, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${command} is not installed on this runner (or not on PATH): ${options.missingHint ?? 'install it, or configure another command'}.`, undefined, { cause });
}
async function runWithSpawn(command, args, env, options) {
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 31421, 23));
    return new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
            env,
            cwd: options.cwd,
            stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            signal: options.signal,
            windowsHide: true,
        });
        const onLine = options.onLine;
        const out = collect(child.stdout, onLine && ((line) => onLine(line, 'stdout')));
        const err = collect(child.stderr, onLine && ((line) => onLine(line, 'stderr')));
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // a program that exits without reading stdin
            child.stdin.end(options.stdin);
        }
        let timedOut = false;
        // Our own timer, not spawn's `timeout`: spawn's keeps running after an ENOENT, so a missing program
        // held the process open for the whole timeout.
        const timer = options.timeoutMs
            ? setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
            }, options.timeoutMs)
            : undefined;
        child.on('error', (error) => {
            clearTimeout(timer);
            if (error.name === 'AbortError')
                reject(options.signal?.reason ?? error);
            else if (error.code === 'ENOENT')
                reject(notInstalled(command, options, error));
            else
                reject(new Error(`cannot start ${command}: ${error.message}`, { cause: error }));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (options.signal?.aborted)
                return reject(options.signal.reason);
            const killed = signal ? `\nkilled by ${signal}${timedOut ? ` after ${options.timeoutMs} ms` : ''}` : '';
            resolve({ code: code ?? (signal ? 128 : 1), stdout: out.text(), stderr: err.text() + killed });
        });
    });
}
/** Collects a stream's text and hands each line to `onLine` as it comes. */
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
async function runWithExeca(command, args, env, options) {
    const { execa } = await __webpack_require__.e(/* import() */ 127).then(__webpack_require__.bind(__webpack_require__, 21127));
    const tap = options.onLine;
    const output = (stream) => tap
        ? {
            transform: function* (line) {
                tap(String(line), stream);
                yield line;
            },
        }
        : 'pipe';
    const execaOptions = {
        env,
        extendEnv: false,
        cwd: options.cwd,
        reject: false,
        stripFinalNewline: false,
        windowsHide: true,
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeoutMs,
        cancelSignal: options.signal,
        stdout: output('stdout'),
        stderr: output('stderr'),
        ...(options.stdin === undefined ? { stdin: 'ignore' } : { input: options.stdin }),
    };
    const result = await execa(command, [...args], execaOptions);
    if (result.isCanceled)
        throw options.signal?.reason ?? new Error(`${command} was cancelled`);
    const code = result.code;
    if (result.failed && result.exitCode === undefined && !result.signal && !result.timedOut) {
        if (code === 'ENOENT')
            throw notInstalled(command, options, result);
        throw new Error(`cannot start ${command}: ${result.shortMessage}`, { cause: result });
    }
    const stdout = String(result.stdout ?? '');
    const stderr = String(result.stderr ?? '');
    const killed = result.signal ? `\nkilled by ${result.signal}${result.timedOut ? ` after ${options.timeoutMs} ms` : ''}` : '';
    return { code: result.exitCode ?? (result.signal ? 128 : 1), stdout, stderr: stderr + killed };
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
