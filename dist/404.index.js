export const id = 404;
export const ids = [404,717];
export const modules = {

/***/ 66501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* reexport safe */ _links_js__WEBPACK_IMPORTED_MODULE_2__.WY),
/* harmony export */   l: () => (/* binding */ readPackument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53770);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27452);



// Defined with the links (no imports there): the notification links to a registry's document too.

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
    const url = (0,_links_js__WEBPACK_IMPORTED_MODULE_2__/* .packumentUrl */ .WY)(registry, name);
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

/***/ 52404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   distTagProbe: () => (/* binding */ distTagProbe),
/* harmony export */   executeVerifyNpm: () => (/* binding */ executeVerifyNpm),
/* harmony export */   packumentUrl: () => (/* reexport safe */ _npm_packument_js__WEBPACK_IMPORTED_MODULE_7__.W),
/* harmony export */   verifyNpm: () => (/* binding */ verifyNpm)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53770);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80717);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(25636);
/* harmony import */ var _npm_packument_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(66501);









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
    const listed = await waitForVersion(step, deps);
    return step.command ? installAndCheck(step, step.command, deps) : listed;
}
/** Waits until the packument shows the version under its dist-tag; what it found, or one line why not. */
async function waitForVersion(step, deps) {
    const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .waitFor */ .fm)(distTagProbe(step, deps.token), {
        timeoutMs: step.waitMs,
        intervalMs: deps.intervalMs ?? 5_000,
        clock: deps.clock,
        signal: deps.signal,
        onChange: (r) => deps.log?.(r.detail),
    });
    if (waited.outcome !== 'ready') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${step.package}@${step.version} was published, but within ${(0,_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .seconds */ .YA)(step.waitMs)}: ${waited.detail}. Nothing was unpublished; set the tag with \`npm dist-tag add ${step.package}@${step.version} ${step.distTag}\` or re-run the verify stage.`);
    }
    return `${step.package}@${step.distTag} is ${step.version} on ${step.registry}`;
}
/** Installs the version into a temp dir and runs the configured check with its bin on PATH. */
async function installAndCheck(step, command, deps) {
    const published = `${step.package}@${step.version} was published, but`;
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'tagship-verify-npm-'));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'package.json'), JSON.stringify({ name: 'tagship-verify', private: true }));
        // The install runs the package's (and its dependencies') install scripts: the npm allow-list, no token.
        const set = { TAGSHIP_VERSION: step.version, npm_config_registry: step.registry, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
        const installed = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.runProcess)('npm', ['install', '--no-package-lock', `${step.package}@${step.version}`], { parentEnv: deps.env, tool: 'npm', set, cwd: dir, signal: deps.signal, ...(deps.log ? { onLine: deps.log } : {}) });
        if (installed.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} \`npm install\` fails: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.tail)(installed, 3)}. Nothing was unpublished; fix it in a new version.`);
        const [program, ...args] = command;
        const path = `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'node_modules', '.bin')}${node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter}${deps.env.PATH ?? ''}`;
        const checked = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.runProcess)(program, args, { parentEnv: deps.env, tool: 'npm', set: { ...set, PATH: path }, cwd: dir, signal: deps.signal });
        if (checked.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${published} the check \`${command.join(' ')}\` exited ${checked.code}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_5__.tail)(checked)}. Nothing was unpublished; fix it in a new version.`);
        return `${step.package}@${step.distTag} is ${step.version}; \`${command.join(' ')}\` passed after install`;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
}
async function executeVerifyNpm(step, ctx) {
    const token = ctx.secrets['npm-token'];
    const deps = { env: ctx.env, token, log: (line) => ctx.runner.info(line), signal: ctx.signal };
    const listed = await waitForVersion(step, deps);
    // Provenance before the install: a version whose provenance does not verify is not installed (its scripts not run).
    // Loaded here, not at the top: the Sigstore verifier is for this check only.
    const { checkNpmProvenance } = await __webpack_require__.e(/* import() */ 794).then(__webpack_require__.bind(__webpack_require__, 44794));
    const provenance = await checkNpmProvenance(step, { env: ctx.env, cwd: ctx.cwd, token, signal: ctx.signal, published: publishedByThisRun(step, ctx) });
    if (provenance.state === 'absent' && provenance.warn)
        ctx.runner.warning(`${step.package}@${step.version}: ${provenance.line}.`);
    ctx.runner.info(`${step.package}@${step.version}: ${provenance.line}`);
    const detail = step.command ? await installAndCheck(step, step.command, deps) : listed;
    const onNpmjs = new URL(step.registry).hostname === 'registry.npmjs.org';
    const links = onNpmjs ? [{ label: `npm ${step.package}@${step.version}`, url: `https://www.npmjs.com/package/${step.package}/v/${step.version}` }] : [];
    const produced = provenance.state === 'verified' ? { produced: { attestations: [provenance.record] } } : {};
    return { id: step.id, status: 'done', detail: `${detail}; ${provenance.line}`, links, ...produced };
}
/** What this run's npm-publish step reported, when it ran in this job and published (not a re-run's `unchanged`). */
function publishedByThisRun(step, ctx) {
    const outcome = ctx.outcomes.get(step.provenance.publishStep);
    if (outcome?.status !== 'done' || !outcome.produced)
        return undefined;
    const { provenance, integrity } = outcome.produced;
    return {
        ...(typeof provenance === 'boolean' ? { provenance } : {}),
        ...(typeof integrity === 'string' ? { integrity } : {}),
    };
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
