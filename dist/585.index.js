export const id = 585;
export const ids = [585,717];
export const modules = {

/***/ 81452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ provenanceUrl),
/* harmony export */   To: () => (/* binding */ attestationLogIndex),
/* harmony export */   af: () => (/* binding */ attestationStatement),
/* harmony export */   c9: () => (/* binding */ isPepAttestation),
/* harmony export */   lO: () => (/* binding */ bundleFromAttestation),
/* harmony export */   r$: () => (/* binding */ attestationFromBundle),
/* harmony export */   ro: () => (/* binding */ PUBLISH_ATTESTATION_SUFFIX),
/* harmony export */   tP: () => (/* binding */ PYPI_PUBLISH_PREDICATE)
/* harmony export */ });
/* unused harmony export IN_TOTO_PAYLOAD_TYPE */
/**
 * PEP 740 attestation objects, as PyPI's upload API takes them and its Integrity API serves them, and
 * their conversion to and from Sigstore bundles (what pypi-attestations' `Attestation.from_bundle` and
 * `to_bundle` do). Pure data: no Sigstore library is loaded here.
 *
 *   { version: 1,
 *     verification_material: { certificate: base64(DER), transparency_entries: [Rekor entry JSON, …] },
 *     envelope: { statement: base64(in-toto statement JSON), signature: base64(DSSE signature) } }
 *
 * The DSSE payload type is implied (`application/vnd.in-toto+json`); the DSSE signature is over the
 * PAE of that type and the statement bytes, so the envelope converts back to the signed bundle exactly.
 */
const PYPI_PUBLISH_PREDICATE = 'https://docs.pypi.org/attestations/publish/v1';
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** twine's convention (`twine upload --attestations`): `<dist>.publish.attestation` beside the dist. */
const PUBLISH_ATTESTATION_SUFFIX = '.publish.attestation';
const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/**
 * `Attestation.from_bundle`: the signing certificate, the transparency-log entries, and the envelope's
 * statement and only signature. PyPI takes no attestation without a transparency-log entry.
 */
function attestationFromBundle(bundle) {
    const b = bundle;
    const certificate = b.verificationMaterial?.certificate?.rawBytes ?? b.verificationMaterial?.x509CertificateChain?.certificates?.[0]?.rawBytes;
    const entries = b.verificationMaterial?.tlogEntries ?? [];
    const envelope = b.dsseEnvelope;
    if (!certificate)
        throw new Error('the Sigstore bundle has no signing certificate (keyless signing makes one)');
    if (!envelope?.payload || envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
        throw new Error('the Sigstore bundle holds no DSSE envelope of an in-toto statement');
    if (envelope.signatures?.length !== 1 || !envelope.signatures[0].sig)
        throw new Error(`expected exactly one signature, got ${envelope.signatures?.length ?? 0}`);
    if (!entries.length)
        throw new Error('the Sigstore bundle has no transparency-log entry, and PyPI takes attestations only with one (the Sigstore instance needs a Rekor URL)');
    return { version: 1, verification_material: { certificate, transparency_entries: entries }, envelope: { statement: envelope.payload, signature: envelope.signatures[0].sig } };
}
/** `Attestation.to_bundle`: a v0.3 bundle with the certificate, the first log entry and the DSSE envelope. */
function bundleFromAttestation(attestation) {
    return {
        mediaType: BUNDLE_V03,
        verificationMaterial: {
            certificate: { rawBytes: attestation.verification_material.certificate },
            tlogEntries: attestation.verification_material.transparency_entries.slice(0, 1),
            timestampVerificationData: { rfc3161Timestamps: [] },
        },
        dsseEnvelope: { payload: attestation.envelope.statement, payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ sig: attestation.envelope.signature, keyid: '' }] },
    };
}
/** The attestation's statement subjects and predicate type, read without verifying anything (for matching files). */
function attestationStatement(attestation) {
    try {
        const statement = JSON.parse(Buffer.from(attestation.envelope.statement, 'base64').toString('utf8'));
        return { subjects: (statement.subject ?? []).map((s) => ({ name: s.name, sha256: s.digest?.sha256 })), predicateType: statement.predicateType };
    }
    catch {
        return { subjects: [] };
    }
}
/** Whether a value has the PEP 740 attestation shape (not whether it verifies). */
function isPepAttestation(value) {
    const a = value;
    return (typeof a === 'object' &&
        a !== null &&
        a.version === 1 &&
        typeof a.verification_material?.certificate === 'string' &&
        Array.isArray(a.verification_material.transparency_entries) &&
        a.verification_material.transparency_entries.length > 0 &&
        typeof a.envelope?.statement === 'string' &&
        typeof a.envelope.signature === 'string');
}
/** The Rekor log index of an attestation's first entry, when it has one. */
function attestationLogIndex(attestation) {
    const index = attestation.verification_material.transparency_entries[0]?.logIndex;
    return typeof index === 'string' || typeof index === 'number' ? String(index) : undefined;
}
/** PyPI's Integrity API for one file: `<index>/integrity/<project>/<version>/<filename>/provenance`. */
function provenanceUrl(indexUrl, project, version, filename) {
    const normalized = project.toLowerCase().replace(/[-_.]+/g, '-');
    return `${indexUrl.replace(/\/+$/, '')}/integrity/${encodeURIComponent(normalized)}/${encodeURIComponent(version)}/${encodeURIComponent(filename)}/provenance`;
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

/***/ 89585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeVerifyPython: () => (/* binding */ executeVerifyPython),
  normalizeProjectName: () => (/* binding */ normalizeProjectName),
  pageListsVersion: () => (/* binding */ pageListsVersion),
  projectPageProbe: () => (/* binding */ projectPageProbe),
  verifyPython: () => (/* binding */ verifyPython)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(53770);
// EXTERNAL MODULE: ./src/version/scheme.ts
var scheme = __webpack_require__(83401);
// EXTERNAL MODULE: ./src/runtime/process.ts
var runtime_process = __webpack_require__(80717);
// EXTERNAL MODULE: ./src/python/attestation.ts
var python_attestation = __webpack_require__(81452);
;// CONCATENATED MODULE: ./src/verify/python-attestations.ts



const INTEGRITY_JSON = 'application/vnd.pypi.integrity.v1+json';
/**
 * Checks every file of the version the way a user would, from the outside: its provenance from the
 * Integrity API, the publish attestation in it verified with Sigstore against the instance's trusted
 * root, signed by this repository's workflow (issuer, source repository, ref), for this file's name and
 * the sha256 the index lists. A file without provenance fails when this run attested it, when
 * attestations are required, or when other files of the version have one; otherwise (all uploaded
 * with a token) it is listed as not attested.
 */
async function verifyPythonAttestations(step, deps) {
    const want = step.attestations;
    if (!want)
        return { verified: [], unattested: [] };
    const indexName = new URL(want.indexUrl).host;
    const files = await publishedFiles(want.indexUrl, step.project, step.version, deps.signal);
    const published = `${step.project} ${step.version} was published, but`;
    const keep = 'Nothing was unpublished (files on an index never change): fix it in a new version.';
    const { expectedSigner, loadTrustedRoot, verifyBundle } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.bind(__webpack_require__, 8249));
    const signer = expectedSigner(deps.env);
    let trustedRoot;
    const verified = [];
    const unattested = [];
    for (const [filename, sha256] of files) {
        const ours = deps.attestedByThisRun.get(filename);
        if (ours !== undefined && ours !== sha256) {
            throw new errors/* UserError */.yo(`${published} ${indexName} lists ${filename} with sha256 ${sha256}, not the ${ours} this run uploaded and attested. ${keep}`);
        }
        const url = (0,python_attestation/* provenanceUrl */.$I)(want.indexUrl, step.project, step.version, filename);
        const provenance = await fetchProvenance(url, deps.signal);
        if (!provenance) {
            if (ours !== undefined || want.required) {
                throw new errors/* UserError */.yo(`${published} ${indexName} has no PEP 740 provenance for ${filename} (GET ${url} → 404): the upload's attestation did not reach the index. ${keep} Upload it with trusted publishing and attestations on.`);
            }
            unattested.push(filename);
            continue;
        }
        const attestation = provenance.attestation_bundles
            .flatMap((bundle) => bundle.attestations ?? [])
            .find((a) => (0,python_attestation/* attestationStatement */.af)(a).predicateType === python_attestation/* PYPI_PUBLISH_PREDICATE */.tP);
        if (!attestation)
            throw new errors/* UserError */.yo(`${published} the provenance of ${filename} on ${indexName} (${url}) holds no publish attestation (${python_attestation/* PYPI_PUBLISH_PREDICATE */.tP}). ${keep}`);
        trustedRoot ??= await loadTrustedRoot(want.instance, deps.cwd);
        try {
            const result = await verifyBundle((0,python_attestation/* bundleFromAttestation */.lO)(attestation), { signer, predicateType: python_attestation/* PYPI_PUBLISH_PREDICATE */.tP, subjects: [{ name: filename, digest: { sha256 } }] }, trustedRoot);
            verified.push({ subject: filename, digest: `sha256:${sha256}`, predicateType: python_attestation/* PYPI_PUBLISH_PREDICATE */.tP, store: 'pypi', ...(result.logIndex ? { logIndex: result.logIndex } : {}), url });
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            // The check that failed, without the general advice to sign again: a file on an index cannot be re-attested.
            const check = error.message.match(/^(Attestation check failed: .*?)\. Do not trust/)?.[1] ?? error.message.replace(/\.$/, '');
            throw new errors/* UserError */.yo(`${published} the publish attestation of ${filename} on ${indexName} does not verify (${check}). Do not trust this file; ${keep.charAt(0).toLowerCase()}${keep.slice(1)}`, undefined, { cause: error });
        }
    }
    // One upload attests all its files or none: some with provenance and some without means one was lost.
    if (verified.length && unattested.length) {
        throw new errors/* UserError */.yo(`${published} ${unattested.join(', ')} on ${indexName} ${unattested.length === 1 ? 'has' : 'have'} no PEP 740 provenance while ${verified.map((r) => r.subject).join(', ')} ${verified.length === 1 ? 'has' : 'have'} a verified one. ${keep}`);
    }
    return { verified, unattested };
}
/** File name → sha256 of the version's files, from the JSON API (what pip and users download). */
async function publishedFiles(indexUrl, project, version, signal) {
    const url = `${indexUrl}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
    const response = await (0,http/* request */.Em)(url, { headers: { accept: 'application/json' }, retry: { retries: 3, timeoutMs: 30_000 }, signal }).catch((error) => {
        throw new errors/* UserError */.yo(`Cannot list the files of ${project} ${version} on ${indexUrl} to check their attestations (${error instanceof Error ? error.message : String(error)}). Re-run the verify stage.`);
    });
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new errors/* UserError */.yo(`Cannot list the files of ${project} ${version} on ${indexUrl} to check their attestations (GET ${url} → HTTP ${response.status}). Re-run the verify stage once the index lists them.`);
    }
    const body = (await response.json());
    const files = new Map();
    for (const file of body.urls ?? [])
        if (file.filename && file.digests?.sha256)
            files.set(file.filename, file.digests.sha256.toLowerCase());
    return files;
}
/** The Integrity API's provenance object; undefined on 404 (no provenance). */
async function fetchProvenance(url, signal) {
    const response = await (0,http/* request */.Em)(url, { headers: { accept: INTEGRITY_JSON }, retry: { retries: 3, timeoutMs: 30_000 }, signal }).catch((error) => {
        throw new errors/* UserError */.yo(`Cannot read ${url} (${error instanceof Error ? error.message : String(error)}). Re-run the verify stage.`);
    });
    if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
    }
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new errors/* UserError */.yo(`Cannot read ${url} (HTTP ${response.status}). Re-run the verify stage.`);
    }
    const body = (await response.json().catch(() => undefined));
    if (!body || !Array.isArray(body.attestation_bundles))
        throw new errors/* UserError */.yo(`${url} is not a PEP 740 provenance object. Re-run the verify stage; if it stays so, the index serves something else there.`);
    return body;
}

// EXTERNAL MODULE: ./src/verify/wait.ts
var wait = __webpack_require__(25636);
;// CONCATENATED MODULE: ./src/verify/python.ts









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
        const response = await (0,http/* request */.Em)(url, { headers: { accept: 'text/html' }, retry: { retries: 2, timeoutMs: 30_000 } }).catch(() => undefined);
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
    const waited = await (0,wait/* waitFor */.fm)(projectPageProbe(step.indexUrl, step.project, step.version), {
        timeoutMs: step.waitMs,
        intervalMs: deps.intervalMs ?? 10_000,
        clock: deps.clock,
        signal: deps.signal,
        onChange: (r) => deps.log?.(r.detail),
    });
    if (waited.outcome !== 'ready') {
        throw new errors/* UserError */.yo(`${published} ${step.indexUrl} did not list it within ${(0,wait/* seconds */.YA)(step.waitMs)} (${waited.detail}). Re-run the verify stage once the index has caught up (verify.timeout waits longer).`);
    }
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tagship-verify-py-'));
    try {
        const venv = (0,external_node_path_.join)(dir, 'venv');
        // A venv without pip is made in milliseconds; seeding pip into it (ensurepip) takes seconds. So the
        // base interpreter's own pip installs into the venv (`pip --python`, pip ≥ 22.3) when it can.
        const basePip = await pipVersion(step.python, deps);
        const created = await (0,runtime_process.runProcess)(step.python, ['-m', 'venv', '--without-pip', venv], { parentEnv: deps.env, tool: 'python', signal: deps.signal });
        if (created.code !== 0)
            throw new errors/* UserError */.yo(`Cannot create a virtual environment with ${step.python}: ${(0,runtime_process.tail)(created)}. Install python3-venv or set verify.python.python.`);
        const bin = (0,external_node_path_.join)(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
        // pip, the installed distributions (a `.pth` file runs at every interpreter start) and the check
        // run with the python allow-list: nothing of tagship's credentials.
        const set = { VIRTUAL_ENV: venv, PATH: `${bin}${external_node_path_.delimiter}${deps.env.PATH ?? ''}`, PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', TAGSHIP_VERSION: step.version };
        const inVenv = { parentEnv: deps.env, tool: 'python', set, cwd: dir, signal: deps.signal };
        const python = (0,external_node_path_.join)(bin, 'python');
        let pip = [python, '-m', 'pip'];
        if (basePip && (basePip[0] > 22 || (basePip[0] === 22 && basePip[1] >= 3))) {
            pip = [step.python, '-m', 'pip', '--python', python];
        }
        else {
            const seeded = await (0,runtime_process.runProcess)(python, ['-m', 'ensurepip', '--default-pip'], inVenv);
            if (seeded.code !== 0)
                throw new errors/* UserError */.yo(`Cannot put pip into a virtual environment made by ${step.python}: ${(0,runtime_process.tail)(seeded)}. Install python3-pip or set verify.python.python.`);
        }
        const install = [...pip.slice(1), 'install', '--no-cache-dir', '--index-url', step.indexUrl, ...(step.extraIndexUrl ? ['--extra-index-url', step.extraIndexUrl] : []), `${step.project}==${step.version}`];
        // pip's progress streams into the step's log group (an install can take minutes); untrusted lines, logged neutralised.
        const installed = await (0,runtime_process.runProcess)(pip[0], install, { ...inVenv, ...(deps.log ? { onLine: deps.log } : {}) });
        if (installed.code !== 0)
            throw new errors/* UserError */.yo(`${published} pip cannot install it from ${step.indexUrl}: ${(0,runtime_process.tail)(installed, 3)}. ${keep}`);
        if (step.command) {
            const [command, ...args] = step.command;
            const checked = await (0,runtime_process.runProcess)(command, args, inVenv);
            if (checked.code !== 0)
                throw new errors/* UserError */.yo(`${published} the check \`${step.command.join(' ')}\` exited ${checked.code}: ${(0,runtime_process.tail)(checked)}. ${keep}`);
            return `${what} installs from ${step.indexUrl}; \`${step.command.join(' ')}\` passed`;
        }
        const probed = await (0,runtime_process.runProcess)(python, ['-c', VERSION_SCRIPT, step.importName, step.project], inVenv);
        if (probed.code !== 0)
            throw new errors/* UserError */.yo(`${published} \`import ${step.importName}\` fails after installing it: ${(0,runtime_process.tail)(probed, 3)}. ${keep} (verify.python.import names another module.)`);
        const found = JSON.parse(probed.stdout.trim().split('\n').at(-1));
        if (found.module === null) {
            throw new errors/* UserError */.yo(`${published} ${step.importName} has no __version__ to compare with ${step.version} (installed distribution: ${found.dist ?? 'unknown'}). Add __version__, or set verify.python.command to your own check.`);
        }
        // The guard let `__version__ = "v1.2.3"` through (PEP 440 reads it as 1.2.3): the same rule here.
        if (!(0,scheme/* samePublishedVersion */.rT)('python', 'pep440', String(found.module), step.version)) {
            throw new errors/* UserError */.yo(`${published} ${step.importName}.__version__ says ${JSON.stringify(found.module)} after installing ${step.version}. ${keep}`);
        }
        return `${what} installs from ${step.indexUrl}; ${step.importName}.__version__ is ${found.module}`;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/** `[major, minor]` of the interpreter's pip, or undefined without one. */
async function pipVersion(python, deps) {
    const result = await (0,runtime_process.runProcess)(python, ['-m', 'pip', '--version'], { parentEnv: deps.env, tool: 'python', signal: deps.signal }).catch(() => undefined);
    const match = result?.code === 0 ? result.stdout.match(/^pip (\d+)\.(\d+)/) : null;
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}
async function executeVerifyPython(step, ctx) {
    const detail = await verifyPython(step, { env: ctx.env, log: (line) => ctx.runner.info(line), signal: ctx.signal });
    if (!step.attestations)
        return { id: step.id, status: 'done', detail };
    // What the upload step of this job attested, by file: those must be on the index with that digest.
    const records = (ctx.outcomes.get(step.attestations.uploadStep)?.produced?.attestations ?? []);
    const attestedByThisRun = new Map(records.map((r) => [r.subject, r.digest.replace(/^sha256:/, '')]));
    const { verified, unattested } = await verifyPythonAttestations(step, { env: ctx.env, cwd: ctx.cwd, attestedByThisRun, signal: ctx.signal });
    const parts = [detail, verified.length ? `publish attestations verified: ${verified.map((r) => r.subject).join(', ')}` : '', unattested.length ? `not attested (uploaded without trusted publishing): ${unattested.join(', ')}` : ''];
    return { id: step.id, status: 'done', detail: parts.filter(Boolean).join('; '), produced: { attestations: verified } };
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
