export const id = 860;
export const ids = [860,717];
export const modules = {

/***/ 32457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ digestFileName),
/* harmony export */   o: () => (/* binding */ collectDigests)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83930);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29217);
/* harmony import */ var _oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34361);






/** The file a distributed build job leaves for the merge: the platform with `/` → `-` (`linux-amd64`). */
function digestFileName(platform) {
    return platform.replaceAll('/', '-');
}
/**
 * The digests the merge assembles, one entry per distinct digest, in planned-platform order. Every
 * planned platform must be covered; a gap names the platform and its build.
 */
function collectDigests(source, platforms, ctx) {
    const byPlatform = new Map();
    if (source.from === 'directory') {
        for (const platform of platforms) {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(source.path, digestFileName(platform));
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file, { throwIfNoEntry: false })) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`No digest for ${platform}: ${file} is missing. Did its docker-build job succeed and upload its digest file?`);
            }
            // A downloaded artifact: a regular file of a few bytes, never a FIFO or a device (src/project/files.ts).
            const text = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readNamedFile */ .wh)(file, file, { maxBytes: 4096 }).toString('utf8').trim();
            if (!_oci_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .DIGEST_PATTERN */ .WA.test(text))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${file} should hold the pushed digest of ${platform} (sha256:<64 hex>), not ${JSON.stringify(text.slice(0, 80))}.`);
            byPlatform.set((0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizePlatform */ .F)(platform), text);
        }
    }
    else {
        const builds = ctx.plan.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'docker-build');
        for (const build of builds) {
            const produced = ctx.outcomes.get(build.id)?.produced;
            const digest = produced?.digest;
            if (typeof digest !== 'string' || !_oci_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .DIGEST_PATTERN */ .WA.test(digest))
                continue;
            const built = Array.isArray(produced?.platforms) ? produced.platforms : build.platforms;
            for (const platform of built)
                byPlatform.set((0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizePlatform */ .F)(platform), digest);
        }
    }
    const collected = [];
    for (const platform of platforms) {
        const digest = byPlatform.get((0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizePlatform */ .F)(platform));
        if (!digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`No digest for ${platform}: no docker-build step of this run reported one. Did its docker-build job succeed?`);
        const existing = collected.find((entry) => entry.digest === digest);
        if (existing)
            existing.platforms.push(platform);
        else
            collected.push({ digest, platforms: [platform] });
    }
    return collected;
}


/***/ }),

/***/ 95860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDockerScan: () => (/* binding */ executeDockerScan),
  onPath: () => (/* binding */ onPath),
  pickScanner: () => (/* binding */ pickScanner),
  renderScanTable: () => (/* binding */ renderScanTable)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/markdown.ts
var markdown = __webpack_require__(65566);
// EXTERNAL MODULE: ./src/oci/client.ts + 1 modules
var client = __webpack_require__(30525);
// EXTERNAL MODULE: ./src/oci/credentials.ts
var credentials = __webpack_require__(22559);
// EXTERNAL MODULE: ./src/runtime/process.ts
var runtime_process = __webpack_require__(80717);
// EXTERNAL MODULE: ./src/docker/image-name.ts
var image_name = __webpack_require__(83413);
// EXTERNAL MODULE: ./src/docker/platform-digests.ts
var platform_digests = __webpack_require__(32457);
;// CONCATENATED MODULE: ./src/docker/scan-command.ts
/**
 * Trivy (docs/guide/references/configuration/cli/trivy_image.md): `--image-src remote` reads the
 * registry only (its default tries the Docker daemon, containerd and podman first), `--scanners vuln`
 * leaves out the secret scan, which is about source trees; `--exit-code 0` is its default, said
 * out loud. Grype (cmd/grype/cli/commands/root.go): the `registry:` scheme reads the registry without
 * a container runtime; `-o sarif=FILE` writes the report to FILE; without `--fail-on` it exits 0.
 */
function scanArgv(scanner, target) {
    const ref = `${target.repository}@${target.digest}`;
    const platform = target.platform ? ['--platform', target.platform] : [];
    if (scanner === 'trivy') {
        return ['trivy', 'image', '--format', 'sarif', '--output', target.sarifFile, '--image-src', 'remote', '--scanners', 'vuln', '--exit-code', '0', '--quiet', ...platform, ref];
    }
    return ['grype', `registry:${ref}`, '-o', `sarif=${target.sarifFile}`, '--quiet', ...platform];
}
/**
 * The login as the variables each scanner documents: Trivy's `TRIVY_USERNAME` / `TRIVY_PASSWORD`
 * (docs/guide/advanced/private-registries), Grype's `GRYPE_REGISTRY_AUTH_*` (cmd/grype/cli/options/
 * registry.go), whose authority is the registry as go-containerregistry names it: Docker Hub is
 * `index.docker.io`. No login: neither is set, and the scanner falls back to the Docker config.
 */
function scannerLoginEnv(scanner, host, login) {
    if (!login)
        return {};
    if (scanner === 'trivy')
        return { TRIVY_USERNAME: login.username, TRIVY_PASSWORD: login.password };
    return {
        GRYPE_REGISTRY_AUTH_AUTHORITY: host === 'docker.io' ? 'index.docker.io' : host,
        GRYPE_REGISTRY_AUTH_USERNAME: login.username,
        GRYPE_REGISTRY_AUTH_PASSWORD: login.password,
    };
}

;// CONCATENATED MODULE: ./src/docker/scan-report.ts
/**
 * Reading a scanner's SARIF report: how many findings of each severity. Both scanners put the
 * vulnerability's own severity in the rule's help text as a `Severity: X` line (Trivy's
 * pkg/report/sarif.go, Grype's grype/presenter/sarif/presenter.go); the SARIF `level` cannot be used,
 * since both map critical and high alike to `error`.
 */
/** Most severe first; `other` holds Grype's `negligible` and both scanners' `unknown`, which never fail a release. */
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'other'];
const emptyCounts = () => ({ critical: 0, high: 0, medium: 0, low: 0, other: 0 });
function bucketOf(word) {
    const lower = word?.toLowerCase();
    return lower === 'critical' || lower === 'high' || lower === 'medium' || lower === 'low' ? lower : 'other';
}
function ruleSeverity(rule) {
    const line = rule?.help?.text?.match(/^Severity: *(\w+)/m)?.[1];
    if (line)
        return bucketOf(line);
    // Trivy also tags each rule with its severity in upper case.
    const tags = Array.isArray(rule?.properties?.tags) ? rule.properties.tags : [];
    return bucketOf(tags.find((tag) => typeof tag === 'string' && /^(CRITICAL|HIGH|MEDIUM|LOW)$/.test(tag)));
}
/** Counts the findings (results) of a SARIF report by severity. Throws on text that is not a SARIF log. */
function countFindings(text) {
    const log = JSON.parse(text);
    if (!log || typeof log !== 'object' || !Array.isArray(log.runs))
        throw new Error('not a SARIF log (no "runs")');
    const counts = emptyCounts();
    for (const run of log.runs) {
        const rules = run.tool?.driver?.rules ?? [];
        const byId = new Map(rules.map((rule) => [rule.id, rule]));
        for (const result of run.results ?? []) {
            const rule = (typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined) ?? byId.get(result.ruleId);
            counts[ruleSeverity(rule)] += 1;
        }
    }
    return counts;
}
/** Findings at or above the threshold. */
function countAtOrAbove(counts, failOn) {
    if (failOn === 'none')
        return 0;
    const last = SEVERITY_ORDER.indexOf(failOn);
    return SEVERITY_ORDER.slice(0, last + 1).reduce((sum, bucket) => sum + counts[bucket], 0);
}
/** `2 critical, 1 high` (only the non-zero counts), or `no findings`. */
function describeCounts(counts) {
    const parts = SEVERITY_ORDER.filter((bucket) => counts[bucket]).map((bucket) => `${counts[bucket]} ${bucket === 'other' ? 'negligible or unknown' : bucket}`);
    return parts.length ? parts.join(', ') : 'no findings';
}

;// CONCATENATED MODULE: ./src/docker/scan.ts











/** Whether `name` is an executable on `env.PATH` (with Windows' PATHEXT endings). */
function onPath(name, env) {
    const pathValue = env.PATH ?? env.Path ?? '';
    const endings = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    return pathValue
        .split(external_node_path_.delimiter)
        .filter(Boolean)
        .some((dir) => endings.some((ending) => {
        try {
            (0,external_node_fs_.accessSync)((0,external_node_path_.join)(dir, name + ending), external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    }));
}
/** The scanner to run: the configured one, or with `auto` Trivy, else Grype; undefined when none is on PATH. */
function pickScanner(wanted, env) {
    const candidates = wanted === 'auto' ? ['trivy', 'grype'] : [wanted];
    return candidates.find((name) => onPath(name, env));
}
/**
 * The `docker-scan` step: each platform image, by the digest its build pushed, through Trivy or
 * Grype before the merge writes any tag. Findings at or above `docker.scan.fail-on` fail the step,
 * and the run stops there: no tag of this release is written or moved.
 */
async function executeDockerScan(step, ctx) {
    const scanner = pickScanner(step.scanner, ctx.env);
    const wanted = step.scanner === 'auto' ? 'trivy or grype' : step.scanner;
    if (!scanner) {
        if (step.required)
            throw new errors/* UserError */.yo(`docker.scan.enabled is true but ${wanted} is not on this runner's PATH: install it before tagship runs (aquasecurity/setup-trivy, anchore/scan-action/download-grype), or set docker.scan.enabled: auto.`);
        return { id: step.id, status: 'done', detail: `skipped: ${wanted} is not on this runner's PATH (docker.scan.enabled: auto)` };
    }
    const builds = (0,platform_digests/* collectDigests */.o)(step.digests, step.platforms, ctx);
    const host = (0,image_name/* registryHost */.U$)(step.repository);
    const logins = (0,credentials.registryLogins)(ctx.secrets, ctx.env);
    const login = await logins(host);
    const released = step.releasedTag ? await releasedWith(new client/* OciClient */.RO({ credentials: logins, ...(ctx.signal ? { signal: ctx.signal } : {}) }), step.repository, step.releasedTag, builds) : undefined;
    if (released) {
        return { id: step.id, status: 'unchanged', detail: `${step.repository}:${step.releasedTag} already holds these builds (${released}): released, not scanned again` };
    }
    // resolve, not join: an absolute docker.scan.sarif (under $RUNNER_TEMP, say) stays as given.
    const sarifDir = (0,external_node_path_.resolve)(ctx.cwd, step.sarifDir);
    (0,external_node_fs_.mkdirSync)(sarifDir, { recursive: true });
    if (login)
        ctx.runner.mask(login.password);
    const scanned = [];
    for (const build of builds) {
        for (const platform of build.platforms) {
            const sarifFile = (0,external_node_path_.join)(sarifDir, `${(0,platform_digests/* digestFileName */.Y)(platform)}.sarif`);
            const argv = scanArgv(scanner, { repository: step.repository, digest: build.digest, ...(build.platforms.length > 1 ? { platform } : {}), sarifFile });
            const ref = `${step.repository}@${build.digest}`;
            ctx.runner.info(`  ${argv.join(' ')}`);
            const result = await (0,runtime_process.runProcess)(argv[0], argv.slice(1), {
                parentEnv: ctx.env,
                tool: 'scanner',
                secretEnv: scannerLoginEnv(scanner, host, login),
                cwd: ctx.cwd,
                ...(ctx.signal ? { signal: ctx.signal } : {}),
                onLine: (line) => ctx.runner.info(`    ${line}`),
                missingHint: `install it, or set docker.scan.scanner`,
            });
            if (result.code !== 0) {
                const last = result.stderr.trim().split('\n').pop() ?? '';
                throw new errors/* UserError */.yo(`${scanner} could not scan ${ref} (${platform}; exit ${result.code}${last ? `: ${last.slice(0, 300)}` : ''}): see its output above; check the registry login for that host and that the scanner can fetch its vulnerability database, then re-run.`);
            }
            const counts = readReport(sarifFile, scanner, platform, ref);
            scanned.push({ platform, ref, counts, sarifFile, blocking: countAtOrAbove(counts, step.failOn) });
        }
    }
    ctx.runner.appendSummary(renderScanTable(scanned, scanner, step, ctx.cwd));
    const failing = scanned.filter((image) => image.blocking > 0);
    if (failing.length) {
        const lines = failing.map((image) => `${image.ref} (${image.platform}): ${describeCounts(image.counts)} — ${image.blocking} at or above docker.scan.fail-on: ${step.failOn}. Fix them (update the base image or the packages) and release again, or raise docker.scan.fail-on.`);
        throw new errors/* UserError */.yo(`Vulnerability scan: no tag was written.\n${lines.join('\n')}`);
    }
    return {
        id: step.id,
        status: 'done',
        detail: `${scanner}: ${scanned.map((image) => `${image.platform} ${describeCounts(image.counts)}`).join('; ')} (fail on ${step.failOn}; SARIF in ${shownPath(ctx.cwd, sarifDir)})`,
        produced: { scanner, sarifDir, images: scanned.map(({ platform, ref, counts }) => ({ platform, ref, counts })) },
    };
}
/**
 * Counts the report's findings, and names the run for code scanning: it tells runs of one tool apart
 * by `automationDetails.id` (the upload's category), so each platform's report stays its own analysis.
 */
function readReport(file, scanner, platform, ref) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        throw new errors/* UserError */.yo(`${scanner} exited 0 but wrote no report to ${file} for ${ref}: check the scanner's version (trivy ≥ 0.50 or grype ≥ 0.74 take these flags), then re-run.`);
    }
    try {
        const counts = countFindings(text);
        const log = JSON.parse(text);
        for (const run of log.runs)
            run.automationDetails ??= { id: `tagship-scan/${(0,platform_digests/* digestFileName */.Y)(platform)}/` };
        (0,external_node_fs_.writeFileSync)(file, JSON.stringify(log, null, 2) + '\n');
        return counts;
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${scanner}'s report ${file} for ${ref} is not SARIF (${error instanceof Error ? error.message : String(error)}): check the scanner's version, then re-run.`);
    }
}
/** A path as the workflow would name it: relative to the working directory when inside it. */
function shownPath(cwd, path) {
    const inside = (0,external_node_path_.relative)(cwd, path);
    return inside && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside) ? inside : path;
}
/** The job summary's table: one row per platform image, counts by severity. */
function renderScanTable(scanned, scanner, step, cwd) {
    const header = ['image', 'platform', ...SEVERITY_ORDER.map((s) => (s === 'other' ? 'negligible/unknown' : s)), 'SARIF'];
    const rows = scanned.map((image) => [
        `${image.blocking ? '❌' : '✅'} ${(0,markdown/* codeSpan */.SS)(image.ref)}`,
        (0,markdown/* escapeText */.X1)(image.platform),
        ...SEVERITY_ORDER.map((bucket) => String(image.counts[bucket])),
        (0,markdown/* codeSpan */.SS)(shownPath(cwd, image.sarifFile)),
    ].join(' | '));
    return [
        `#### Vulnerability scan (${scanner}, fail on ${step.failOn})`,
        '',
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row} |`),
        '',
    ].join('\n');
}
/**
 * The digest `repository:tag` points at when it already holds every build of this run (the merge's
 * index of them, or the single build itself), else undefined: a first release, or other images.
 */
async function releasedWith(client, repository, tag, builds) {
    const current = await client.getManifest(repository, tag);
    if (!current)
        return undefined;
    const held = new Set([current.digest, ...(current.json.manifests ?? []).map((entry) => entry.digest)]);
    return builds.every((build) => held.has(build.digest)) ? current.digest : undefined;
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


/***/ })

};
