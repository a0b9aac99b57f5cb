export const id = 501;
export const ids = [501,717];
export const modules = {

/***/ 6501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDeployCompose: () => (/* binding */ executeDeployCompose)
});

// EXTERNAL MODULE: ./src/verify/digests.ts
var digests = __webpack_require__(50508);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(25636);
// EXTERNAL MODULE: ./src/deploy/docker-cli.ts
var docker_cli = __webpack_require__(71076);
;// CONCATENATED MODULE: ./src/deploy/compose.ts







/** The override file: only `image:` per service, so everything else stays as the project's file says. */
function overrideFile(services) {
    const doc = { services: Object.fromEntries(services.map((s) => [s.name, { image: s.imageRef }])) };
    return `# Written by tagship for this rollout: pins each service to the released image by digest.\n${(0,dist/* stringify */.As)(doc)}`;
}
function composeBase(file, override, project) {
    return ['compose', '--file', file, '--file', override, ...(project ? ['--project-name', project] : [])];
}
function parseComposePs(stdout) {
    const text = stdout.trim();
    if (!text)
        return [];
    if (text.startsWith('['))
        return JSON.parse(text);
    return text.split('\n').filter((line) => line.trim().startsWith('{')).map((line) => JSON.parse(line));
}
/** Whether every listed service already runs its pinned digest, healthy where it has a health check. */
function alreadyRolledOut(containers, services) {
    return services.every((service) => {
        const mine = containers.filter((c) => c.Service === service.name);
        return mine.length > 0 && mine.every((c) => c.Image === service.imageRef && c.State === 'running' && (!c.Health || c.Health === 'healthy'));
    });
}
/**
 * Pins the services with an override file, pulls them and recreates them with `up --detach --wait`, which
 * returns once they run (and are healthy, where they have a health check) or fails. Only the listed
 * services are touched (`--no-deps`): the nginx in front and the databases behind keep running.
 */
async function rolloutCompose(cli, options) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tagship-compose-'));
    const override = (0,external_node_path_.join)(dir, 'tagship.override.yml');
    (0,external_node_fs_.writeFileSync)(override, overrideFile(options.services));
    const file = (0,external_node_path_.isAbsolute)(options.file) ? options.file : (0,external_node_path_.join)(options.cwd, options.file);
    const base = composeBase(file, override, options.project);
    const names = options.services.map((s) => s.name);
    const run = async (args, what) => {
        const result = await cli([...base, ...args]);
        if (result.code !== 0)
            return { ok: false, tail: (0,docker_cli/* lastLines */.w$)(result.stderr || result.stdout, 5).join(' | ') || `exit ${result.code}`, what };
        return { ok: true, stdout: result.stdout };
    };
    try {
        const before = await run(['ps', '--format', 'json', ...names], 'ps');
        if (before.ok && alreadyRolledOut(parseComposePs(before.stdout), options.services))
            return { result: 'unchanged', services: options.services };
        const pulled = await run(['pull', ...names], 'pull');
        if (!pulled.ok)
            throw new errors/* UserError */.yo(`docker compose pull of ${names.join(', ')} failed: ${pulled.tail}. Check the registry login on the host and re-run the deploy stage.`);
        const up = await run(['up', '--detach', '--no-deps', '--wait', '--wait-timeout', String(Math.ceil(options.timeoutMs / 1000)), ...names], 'up');
        if (!up.ok) {
            const logs = await cli([...base, 'logs', '--no-color', '--tail', '5', ...names]);
            const recent = (0,docker_cli/* lastLines */.w$)(logs.stdout, 5).join(' | ');
            throw new errors/* UserError */.yo(`Compose services ${names.join(', ')} did not come up healthy on the pinned digest within ${(0,wait/* seconds */.YA)(options.timeoutMs)}: ${up.tail}.${recent ? ` Last log lines: ${recent}.` : ''} The image stays published; Compose has no automatic rollback: pin the previous digest on the host to go back.`);
        }
        return { result: 'converged', services: options.services };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/deploy/compose-executor.ts



async function executeDeployCompose(step, ctx) {
    const services = [];
    for (const service of step.services)
        services.push({ name: service.name, imageRef: `${service.repository}@${await (0,digests/* resolveDigest */.j)(ctx, service.repository, step.tag)}` });
    const cli = (0,docker_cli/* createDockerCli */.FA)((0,docker_cli/* dockerTarget */.cT)(ctx.env, step.dockerHost), 'docker', ctx.signal);
    const rollout = await rolloutCompose(cli, { cwd: ctx.cwd, file: step.file, project: step.project, services, timeoutMs: step.timeoutMs });
    const pinned = services.map((s) => `${s.name} → ${s.imageRef}`).join(', ');
    return rollout.result === 'unchanged'
        ? { id: step.id, status: 'unchanged', detail: `already running ${pinned}` }
        : { id: step.id, status: 'done', detail: `up and healthy: ${pinned}`, produced: { services } };
}


/***/ }),

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
