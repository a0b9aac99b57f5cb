export const id = 503;
export const ids = [503,717];
export const modules = {

/***/ 71076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FA: () => (/* binding */ createDockerCli),
/* harmony export */   XE: () => (/* binding */ dockerOk),
/* harmony export */   cT: () => (/* binding */ dockerTarget),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80717);


/** `docker` aimed at `dockerHost`; tcp:// must come with TLS, never a bare socket. */
function dockerTarget(parentEnv, dockerHost) {
    if (!dockerHost)
        return { parentEnv, tool: 'docker', set: {} };
    // `docker-remote` leaves out the runner's DOCKER_CONTEXT, which would override DOCKER_HOST.
    const set = { DOCKER_HOST: dockerHost };
    if (dockerHost.startsWith('tcp://')) {
        if (!parentEnv.DOCKER_CERT_PATH) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker-host ${dockerHost} is plain TCP: set DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) in the step's env for TLS, or use ssh://user@host.`);
        }
        set.DOCKER_TLS_VERIFY = '1';
    }
    return { parentEnv, tool: 'docker-remote', set };
}
function createDockerCli(target, bin = 'docker', signal) {
    return (args) => (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_1__.runProcess)(bin, args, { ...target, signal });
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

/***/ 34361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformName),
/* harmony export */   F: () => (/* binding */ normalizePlatform)
/* harmony export */ });
/** `linux/arm64/v8` is how registries often spell plain `linux/arm64`; attestations are `unknown/unknown` (none). */
function platformName(platform) {
    if (!platform || platform.os === 'unknown' || !platform.os || !platform.architecture)
        return undefined;
    const variant = platform.architecture === 'arm64' && platform.variant === 'v8' ? undefined : platform.variant;
    return `${platform.os}/${platform.architecture}${variant ? `/${variant}` : ''}`;
}
function normalizePlatform(platform) {
    return platform.replace(/^linux\/arm64\/v8$/, 'linux/arm64');
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


/***/ }),

/***/ 18503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bridgeArgs: () => (/* binding */ bridgeArgs),
  checkContainerHealth: () => (/* binding */ checkContainerHealth),
  classifyContainer: () => (/* binding */ classifyContainer),
  daemonPlatform: () => (/* binding */ daemonPlatform),
  executeVerifyContainer: () => (/* binding */ executeVerifyContainer),
  portInUse: () => (/* binding */ portInUse),
  probeNetwork: () => (/* binding */ probeNetwork),
  runArgs: () => (/* binding */ runArgs),
  verifyContainer: () => (/* binding */ verifyContainer)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/runtime/child-env.ts
var child_env = __webpack_require__(94048);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(71076);
// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(50508);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(53770);
;// CONCATENATED MODULE: ./src/verify/http-probe.ts

/**
 * Ready when the URL answers 2xx. One attempt per probe (the wait loop does the retrying), with a short
 * timeout so a hung server costs one interval, not the whole wait.
 */
function httpProbe(url, timeoutMs = 5_000) {
    return async () => {
        try {
            const response = await (0,http/* request */.Em)(url, { retry: { retries: 0, timeoutMs } });
            await response.body?.cancel().catch(() => undefined);
            const detail = `GET ${url} → HTTP ${response.status}`;
            return response.ok ? { state: 'ready', detail } : { state: 'waiting', detail };
        }
        catch (error) {
            const cause = error.cause;
            const code = cause?.cause?.code ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
            return { state: 'waiting', detail: `GET ${url} → ${code}` };
        }
    };
}

// EXTERNAL MODULE: ./src/oci/platforms.ts
var oci_platforms = __webpack_require__(34361);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(25636);
;// CONCATENATED MODULE: ./src/verify/container.ts









/** Reads a container's state: exited is final, unhealthy is final, healthy (or running without a HEALTHCHECK) is ready. */
function classifyContainer(state) {
    if (state.Status !== 'running') {
        const why = state.OOMKilled ? ', out of memory' : state.Error ? `, ${state.Error}` : '';
        return { state: 'failed', detail: `container ${state.Status} with code ${state.ExitCode ?? '?'}${why}` };
    }
    const health = state.Health;
    if (!health)
        return { state: 'ready', detail: 'running (the image has no HEALTHCHECK)' };
    if (health.Status === 'healthy')
        return { state: 'ready', detail: 'HEALTHCHECK healthy' };
    const last = health.Log?.at(-1);
    const output = last ? `: ${last.Output.trim().split('\n').at(-1)}` : '';
    if (health.Status === 'unhealthy')
        return { state: 'failed', detail: `HEALTHCHECK unhealthy after ${health.FailingStreak ?? '?'} failures${output}` };
    return { state: 'waiting', detail: `HEALTHCHECK ${health.Status}${output}` };
}
/** Docker's flags for a health check given in config: checked every 2 s, unhealthy after 3 failures in a row. */
const healthArgs = (command) => ['--health-cmd', command, '--health-interval', '2s', '--health-timeout', '5s', '--health-retries', '3', '--health-start-period', '0s'];
const runArgs = (name, platform, imageRef, step, network = 'publish') => [
    'run',
    '--detach',
    '--name',
    name,
    '--platform',
    platform,
    '--pull',
    'always',
    ...(!step.probe ? [] : network === 'host' ? ['--network', 'host'] : ['--publish', `127.0.0.1::${step.probe.port}`]),
    // `-e NAME` without a value: docker reads it from its own environment, so values stay out of argv.
    ...Object.keys(step.env).flatMap((key) => ['--env', key]),
    ...(step.healthCommand ? healthArgs(step.healthCommand) : []),
    imageRef,
];
/** `docker network inspect bridge` fails on a daemon started with `--bridge=none`: it can publish no port. */
const bridgeArgs = ['network', 'inspect', '--format', '{{.Name}}', 'bridge'];
async function probeNetwork(cli) {
    const bridge = await cli(bridgeArgs);
    return bridge.code === 0 ? 'publish' : 'host';
}
/** Whether something on this machine already answers on 127.0.0.1:port (the probe would reach it, not the container). */
function portInUse(port) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host: '127.0.0.1', port });
        socket.setTimeout(2_000);
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('timeout', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(false));
    });
}
/**
 * Runs `imageRef` for `platform`, waits until it is healthy (its HEALTHCHECK, or `probe` answering 2xx
 * three times in a row), and always removes it. A failure carries the container's last log lines.
 */
async function checkContainerHealth(cli, imageRef, platform, step, options = {}) {
    const name = options.name ?? `tagship-verify-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    const network = step.probe ? await probeNetwork(cli) : 'publish';
    if (step.probe && network === 'host' && (await portInUse(step.probe.port))) {
        throw new errors/* UserError */.yo(`verify.container.port ${step.probe.port} is already in use on this machine, and its Docker daemon has no bridge network, so the container would share the machine's network: stop what listens there, or give the daemon its default bridge.`);
    }
    const started = await cli(runArgs(name, platform, imageRef, step, network));
    try {
        if (started.code !== 0)
            throw new errors/* UserError */.yo(`docker run ${imageRef} for ${platform} failed: ${(0,docker_cli/* lastLines */.w$)(started.stderr, 3).join(' | ')}`);
        const state = async () => classifyContainer(JSON.parse(await (0,docker_cli/* dockerOk */.XE)(cli, ['inspect', '--format', '{{json .State}}', name])));
        let probe = state;
        if (step.probe) {
            const url = `http://${network === 'host' ? `127.0.0.1:${step.probe.port}` : await publishedAddress(cli, name, step.probe.port)}${step.probe.path}`;
            const http = httpProbe(url);
            // The container's state first: a crashed container fails at once instead of at the deadline.
            probe = async () => {
                const s = await state();
                return s.state === 'failed' ? s : http();
            };
        }
        const result = await (0,wait/* waitFor */.fm)(probe, { timeoutMs: step.timeoutMs, intervalMs: options.intervalMs ?? 1_000, successes: 3, clock: options.clock, onChange: (r) => options.log?.(`${platform}: ${r.detail}`) });
        if (result.outcome === 'ready')
            return `${platform}: ${result.detail} after ${(0,wait/* seconds */.YA)(result.elapsedMs)}`;
        const logs = await cli(['logs', '--tail', '20', name]);
        const lines = (0,docker_cli/* lastLines */.w$)(`${logs.stdout}\n${logs.stderr}`, 20);
        for (const line of lines)
            options.log?.(`  │ ${line}`);
        const why = result.outcome === 'timeout' ? `did not become healthy within ${(0,wait/* seconds */.YA)(step.timeoutMs)}` : 'stopped';
        throw new errors/* UserError */.yo(`${imageRef} for ${platform} ${why} (${result.detail}). Last log lines: ${lines.slice(-5).join(' | ') || '(none)'}. The image stays published; fix it in a new version.`);
    }
    finally {
        await cli(['rm', '--force', '--volumes', name]);
    }
}
/** `127.0.0.1:PORT` the daemon published `port` on. */
async function publishedAddress(cli, name, port) {
    const mapped = (await (0,docker_cli/* dockerOk */.XE)(cli, ['port', name, `${port}/tcp`])).trim().split('\n')[0];
    return mapped.replace(/^0\.0\.0\.0:/, '127.0.0.1:');
}
/** The daemon's own platform (`linux/amd64`), or undefined when there is no daemon to talk to. */
async function daemonPlatform(cli) {
    const result = await cli(['version', '--format', '{{json .Server}}']).catch(() => undefined);
    if (!result || result.code !== 0)
        return undefined;
    try {
        const server = JSON.parse(result.stdout);
        return server?.Os && server.Arch ? `${server.Os}/${server.Arch}` : undefined;
    }
    catch {
        return undefined;
    }
}
async function verifyContainer(cli, step, imageRef, options = {}) {
    const native = await daemonPlatform(cli);
    if (!native) {
        if (step.required)
            throw new errors/* UserError */.yo('verify.container.enabled is true but this runner has no Docker daemon: use a runner with Docker, or set it to auto.');
        return { status: 'skipped', detail: 'no Docker daemon on this runner: container health not checked' };
    }
    const published = step.platforms.map(oci_platforms/* normalizePlatform */.F);
    const platforms = (step.only ?? [native]).map(oci_platforms/* normalizePlatform */.F).filter((p) => published.includes(p));
    if (!platforms.length)
        return { status: 'skipped', detail: `the daemon runs ${native}, which the images do not include` };
    const ref = await imageRef();
    const results = [];
    for (const platform of platforms)
        results.push(await checkContainerHealth(cli, ref, platform, step, options));
    return { status: 'done', detail: results.join('; ') };
}
async function executeVerifyContainer(step, ctx) {
    const refused = Object.keys(step.env).filter((name) => (0,child_env/* forbiddenFor */.HZ)('docker', name));
    if (refused.length)
        throw new errors/* UserError */.yo(`verify.container.env names ${refused.join(', ')}, which tagship never hands to a process (the action's inputs, the runner's OIDC and cache credentials): use another name.`);
    const cli = (0,docker_cli/* createDockerCli */.FA)({ parentEnv: ctx.env, tool: 'docker', set: step.env }, 'docker', ctx.signal);
    const imageRef = async () => `${step.repository}@${await (0,digests/* resolveDigest */.j)(ctx, step.repository, step.tag)}`;
    const result = await verifyContainer(cli, step, imageRef, { log: (line) => ctx.runner.info(line) });
    // A skip is not a failure (`auto` means "where a daemon exists"), and says so in the summary.
    return { id: step.id, status: 'done', detail: result.status === 'skipped' ? `not checked: ${result.detail}` : result.detail };
}


/***/ }),

/***/ 25636:
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
