export const id = 453;
export const ids = [453];
export const modules = {

/***/ 9663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mM: () => (/* binding */ defaultDeps),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports parseRetryAfter, redactUrl */
const DEFAULT_RETRY = { retries: 5, minDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 60_000, maxRetryAfterMs: 120_000 };
const defaultDeps = {
    fetch: (...args) => fetch(...args),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
    random: Math.random,
    now: Date.now,
};
/** A response that will not succeed by retrying, or retries ran out. */
class HttpError extends Error {
    status;
    url;
    body;
    name = 'HttpError';
    constructor(message, status, url, body, options) {
        super(message, options);
        this.status = status;
        this.url = url;
        this.body = body;
    }
}
function isRetryableStatus(status) {
    return status === 429 || status >= 500;
}
/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
    return Math.round(policy.minDelayMs / 2 + random() * (ceiling - policy.minDelayMs / 2));
}
/**
 * Sends a request, retrying what is worth retrying. Returns the final response, whatever its status
 * (callers read 4xx bodies for the error details); throws `HttpError` only when retries ran out on a
 * connection error. The body must be re-sendable (string, bytes, Blob, FormData).
 */
async function request(url, options = {}, deps = defaultDeps) {
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const { retry: _retry, onRetry, signal, ...init } = options;
    for (let attempt = 0;; attempt++) {
        const timeout = AbortSignal.timeout(policy.timeoutMs);
        const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
        let reason;
        let retryAfter;
        try {
            const response = await deps.fetch(url, { ...init, signal: attemptSignal });
            if (!isRetryableStatus(response.status) || attempt >= policy.retries)
                return response;
            retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
            if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs)
                return response;
            reason = `HTTP ${response.status}`;
            await response.body?.cancel().catch(() => undefined);
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            reason = timeout.aborted ? `no answer within ${policy.timeoutMs} ms` : describeNetworkError(error);
            if (attempt >= policy.retries) {
                throw new HttpError(`${init.method ?? 'GET'} ${redactUrl(url)} failed after ${attempt + 1} attempts: ${reason}`, undefined, url, undefined, { cause: error });
            }
        }
        const delayMs = retryAfter ?? backoffDelay(attempt, policy, deps.random);
        onRetry?.({ attempt: attempt + 1, delayMs, reason, url: redactUrl(url) });
        await deps.sleep(delayMs, signal);
    }
}
function describeNetworkError(error) {
    const cause = error?.cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
/** Drops credentials from a URL before it is logged. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString();
    }
    catch {
        return url;
    }
}


/***/ }),

/***/ 6501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ packumentUrl),
/* harmony export */   l: () => (/* binding */ readPackument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9663);


/** The packument URL: a scoped name keeps its `@` and encodes the slash (`@scope%2Fname`). */
function packumentUrl(registry, name) {
    return `${registry.replace(/\/?$/, '/')}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
}
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
    const url = packumentUrl(registry, name);
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

/***/ 4453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createNpmPublishExecutor: () => (/* binding */ createNpmPublishExecutor),
  executeNpmPublish: () => (/* binding */ executeNpmPublish)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(9663);
// EXTERNAL MODULE: ./src/runtime/process.ts
var process = __webpack_require__(717);
;// CONCATENATED MODULE: ./src/npm/cli.ts

function runNpm(args, options) {
    return (0,process/* runProcess */.R)('npm', args, { env: options.env, cwd: options.cwd, signal: options.signal, timeoutMs: options.timeoutMs ?? 10 * 60_000 });
}
/**
 * Settings tagship decides per command. Inherited `npm_config_*` variables of the same name are
 * dropped (npm sets several of them for every script it runs, `userconfig` among them), so neither
 * `npm run` nor the workflow's env can redirect a publish or change its tag.
 */
const DECIDED = new Set(['userconfig', 'registry', 'tag', 'access', 'provenance', 'dry_run', 'json', 'otp', 'workspace', 'workspaces', 'include_workspace_root', 'local_prefix', '_authtoken', 'always_auth']);
function npmEnv(base, extra = {}) {
    const env = {};
    for (const [key, value] of Object.entries(base)) {
        const match = /^npm_config_(.+)$/i.exec(key);
        if (match && (DECIDED.has(match[1].toLowerCase().replace(/-/g, '_')) || match[1].startsWith('//')))
            continue;
        env[key] = value;
    }
    return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}
function readNpmFailure(result) {
    const parsed = lastJsonError(result.stdout);
    if (parsed)
        return parsed;
    // Older npm, or a failure before npm could print JSON: `npm error code E500` on stderr.
    const code = /^npm (?:error|ERR!) code (\S+)/m.exec(result.stderr)?.[1];
    const summary = result.stderr
        .split(/\r?\n/)
        .map((line) => line.replace(/^npm (?:error|ERR!)\s*/, '').trim())
        .filter((line) => line && !line.startsWith('code ') && !/complete log of this run/.test(line))
        .slice(0, 2)
        .join(' ') || `npm exited ${result.code}`;
    return { ...(code ? { code } : {}), summary };
}
function lastJsonError(stdout) {
    // Lifecycle scripts may print before the JSON: try each line that opens an object, last first.
    const starts = [...stdout.matchAll(/^\{/gm)].map((match) => match.index).reverse();
    for (const start of starts) {
        let doc;
        try {
            doc = JSON.parse(stdout.slice(start));
        }
        catch {
            continue;
        }
        if (!doc?.error)
            return undefined;
        const code = typeof doc.error.code === 'string' ? doc.error.code : undefined;
        const summary = [doc.error.summary, doc.error.detail].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
        return { ...(code ? { code } : {}), summary: summary.replace(/\s+/g, ' ').trim() || 'npm failed without a message' };
    }
    return undefined;
}
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ECONNECTIONTIMEOUT',
    'EIDLETIMEOUT',
    'ERESPONSETIMEOUT',
    'ETRANSFERTIMEOUT',
    'ERR_SOCKET_TIMEOUT',
    'UND_ERR_SOCKET',
    'E408',
    'E429',
]);
function classifyFailure(failure) {
    const code = failure.code?.toUpperCase() ?? '';
    // npmjs answers 403 "You cannot publish over the previously published versions"; Verdaccio 409.
    if (code === 'E409' || /cannot publish over|previously published|already (?:present|exists)/i.test(failure.summary))
        return 'conflict';
    // A PUT answered 404 (npmjs, scoped package): the scope is not the token's to publish to.
    if (code === 'E401' || code === 'E403' || code === 'E404' || code === 'ENEEDAUTH' || code === 'EOTP')
        return 'auth';
    if (TRANSIENT_CODES.has(code) || /^E5\d\d$/.test(code))
        return 'transient';
    if (!code && /socket hang up|ECONNRESET|network/i.test(failure.summary))
        return 'transient';
    return 'other';
}

// EXTERNAL MODULE: ./src/npm/packument.ts
var packument = __webpack_require__(6501);
;// CONCATENATED MODULE: ./src/npm/links.ts

function onNpmjs(registry) {
    return new URL(registry).hostname === 'registry.npmjs.org';
}
/** Where a person looks at a published version: its npmjs.com page, or the registry's document for it. */
function versionLink(registry, name, version) {
    const url = onNpmjs(registry) ? `https://www.npmjs.com/package/${name}/v/${version}` : (0,packument/* packumentUrl */.W)(registry, name);
    return { label: `npm ${name}@${version}`, url };
}

;// CONCATENATED MODULE: ./src/npm/auth.ts




/** npm exchanges the job's OIDC token for a publish token itself from this version on. */
const TRUSTED_PUBLISHING_NPM = '11.5.1';
/** The job may request an OIDC token (`permissions: id-token: write`). */
function oidcAvailable(env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/** A token when given; otherwise npm's trusted publishing when the job can use it; otherwise what to do. */
async function resolveAuth(step, token, env, run) {
    if (token)
        return { kind: 'token', token };
    if (!oidcAvailable(env)) {
        throw new errors/* UserError */.yo(`Publishing ${step.target} needs credentials: pass the npm-token input (a token with publish rights, from a secret), or use npm trusted publishing (grant \`permissions: id-token: write\` and register this workflow as the package's trusted publisher). Nothing was published.`);
    }
    const version = (await runNpm(['--version'], run)).stdout.trim();
    if (!semver_default().valid(version) || semver_default().lt(version, TRUSTED_PUBLISHING_NPM)) {
        throw new errors/* UserError */.yo(`npm ${version || '(unknown version)'} on this runner cannot use trusted publishing (it needs npm ${TRUSTED_PUBLISHING_NPM} or later): use Node 24 (actions/setup-node), run \`npm install -g npm@latest\` first, or pass the npm-token input. Nothing was published.`);
    }
    return { kind: 'oidc' };
}
/**
 * Whether to ask for provenance. `auto` asks only where npm can make it: an OIDC token, the public
 * registry (its transparency log is public), and a package readers may see.
 */
function wantsProvenance(step, env) {
    if (step.provenance === true) {
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
            throw new errors/* UserError */.yo(`npm.provenance is true, but this job cannot request an OIDC token: grant \`permissions: id-token: write\` to the job, or set npm.provenance to auto. Nothing was published.`);
        }
        return true;
    }
    if (step.provenance === false)
        return false;
    return oidcAvailable(env) && onNpmjs(step.registry) && step.access !== 'restricted';
}

;// CONCATENATED MODULE: ./src/npm/dist-tag.ts



/**
 * `latest` would move backwards: the registry's `latest` is a higher version than this one (published
 * outside the tags tagship reads). The plan decided `latest` from the git tags; the registry wins.
 */
function latestIsHigher(step, packument) {
    if (step.distTag !== 'latest')
        return undefined;
    const current = packument?.distTags.latest;
    return current && semver_default().valid(current) && semver_default().gt(current, step.version) ? current : undefined;
}
/**
 * Points the planned dist-tag at a version that is already published (a re-run, or a publish whose
 * answer was lost). Never moves `latest` backwards. Needs the token: `npm dist-tag` has no OIDC path.
 */
async function ensureDistTag(step, packument, hasToken, run) {
    const current = packument.distTags[step.distTag];
    if (current === step.version)
        return { state: 'in-place' };
    const higher = latestIsHigher(step, packument);
    if (higher)
        return { state: 'kept', current: higher };
    if (!hasToken) {
        throw new errors/* UserError */.yo(`${step.target} is published, but its dist-tag ${step.distTag} points at ${current ?? 'nothing'}: run \`npm dist-tag add ${step.target} ${step.distTag}\`, or pass the npm-token input so tagship can (npm dist-tag has no trusted-publishing login).`);
    }
    const result = await runNpm(['dist-tag', 'add', step.target, step.distTag, '--registry', step.registry, '--json'], run);
    if (result.code !== 0) {
        throw new errors/* UserError */.yo(`${step.target} is published, but \`npm dist-tag add ${step.target} ${step.distTag}\` failed: ${readNpmFailure(result).summary}. Fix the token's rights and re-run.`);
    }
    return { state: 'moved', ...(current ? { from: current } : {}) };
}

;// CONCATENATED MODULE: ./src/npm/npmrc.ts


/** The variable the temporary npmrc reads the token from: the token itself is never written to disk. */
const TOKEN_VARIABLE = 'TAGSHIP_NPM_TOKEN';
/** npm's key for a registry's credentials: the URL without its scheme (`//host:port/path/`). */
function registryKey(registry) {
    const url = new URL(registry);
    return `//${url.host}${url.pathname.replace(/\/?$/, '/')}`;
}
/**
 * Writes the npmrc a publish runs with (npm reads it through NPM_CONFIG_USERCONFIG) and returns the
 * environment that points npm at it. With a token the file holds `${TAGSHIP_NPM_TOKEN}` literally and
 * the token travels in the child's environment only; without one it holds no credentials, so the
 * runner's own ~/.npmrc cannot stand in for the token the user chose. The caller removes `dir`.
 */
function writeUserConfig(dir, registry, token) {
    const path = (0,external_node_path_.join)(dir, 'npmrc');
    const lines = [`registry=${registry}`];
    if (token)
        lines.push(`${registryKey(registry)}:_authToken=\${${TOKEN_VARIABLE}}`);
    (0,external_node_fs_.writeFileSync)(path, lines.join('\n') + '\n', { mode: 0o600 });
    return { NPM_CONFIG_USERCONFIG: path, ...(token ? { [TOKEN_VARIABLE]: token } : {}) };
}

;// CONCATENATED MODULE: ./src/npm/manifest.ts





/**
 * The package.json about to be packed, checked against the plan: the package and version the plan
 * names, and no `publishConfig.registry` that would have sent it somewhere else before tagship.
 */
function readPublishManifest(packageDir, step) {
    const file = (0,external_node_path_.join)(packageDir, 'package.json');
    let manifest;
    try {
        manifest = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Cannot read ${(0,external_node_path_.join)(step.dir, 'package.json')}: ${error.message}. Nothing was published.`, undefined, { cause: error });
    }
    // npm publishes `v1.2.3` as 1.2.3: compare the version npm will record.
    if (manifest.name !== step.package || semver_default().valid(manifest.version ?? '') !== step.version) {
        throw new errors/* UserError */.yo(`${(0,external_node_path_.join)(step.dir, 'package.json')} now says ${manifest.name}@${manifest.version}, but the plan publishes ${step.target}: something changed it after planning. Nothing was published; re-run from a clean checkout.`);
    }
    const elsewhere = manifest.publishConfig?.registry;
    if (elsewhere && registryKey(elsewhere) !== registryKey(step.registry)) {
        throw new errors/* UserError */.yo(`${(0,external_node_path_.join)(step.dir, 'package.json')} has publishConfig.registry ${elsewhere}, but tagship publishes to ${step.registry} (npm.registry): set npm.registry to ${elsewhere} in the tagship config, or remove publishConfig.registry. Nothing was published.`);
    }
    return manifest;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/npm/tarball.ts





/**
 * `npm pack` into an empty directory of our own (running the package's prepack/prepare scripts, as
 * `npm publish` would). The digests are computed from the file itself, so what is compared with the
 * registry is byte for byte what is then published.
 */
async function packTarball(packageDir, destination, run) {
    (0,external_node_fs_.mkdirSync)(destination, { recursive: true });
    const result = await runNpm(['pack', '--json', '--pack-destination', destination], { ...run, cwd: packageDir });
    if (result.code !== 0) {
        throw new errors/* UserError */.yo(`\`npm pack\` failed in ${packageDir}: ${readNpmFailure(result).summary}. Nothing was published; fix the package (or its prepack script) and re-run.`);
    }
    const files = (0,external_node_fs_.readdirSync)(destination).filter((name) => name.endsWith('.tgz'));
    if (files.length !== 1)
        throw new Error(`npm pack left ${files.length} tarballs in ${destination}, expected 1`);
    const filename = files[0];
    const bytes = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(destination, filename));
    return {
        path: (0,external_node_path_.join)(destination, filename),
        filename,
        integrity: `sha512-${(0,external_node_crypto_.createHash)('sha512').update(bytes).digest('base64')}`,
        shasum: (0,external_node_crypto_.createHash)('sha1').update(bytes).digest('hex'),
    };
}
/** Whether the registry's record of a version is this tarball. */
function sameTarball(tarball, published) {
    if (published.integrity?.startsWith('sha512-'))
        return published.integrity === tarball.integrity;
    if (published.shasum)
        return published.shasum.toLowerCase() === tarball.shasum;
    return false;
}

;// CONCATENATED MODULE: ./src/npm/publish.ts














const DEFAULT_BACKOFF = { minDelayMs: 2_000, maxDelayMs: 30_000 };
/**
 * One `npm-publish` step: pack the package, look the version up in the registry, and publish that
 * very tarball only when the registry does not have the version yet. A re-run finds it published
 * with the same integrity and reports `unchanged`; the same version with other contents is refused
 * (npm never lets a version be published twice).
 */
function createNpmPublishExecutor(tuning = {}) {
    return async (step, ctx) => {
        assertTagIsSafe(step, ctx);
        const token = ctx.secrets['npm-token'];
        const packageDir = (0,external_node_path_.resolve)(ctx.cwd, step.dir);
        const manifest = readPublishManifest(packageDir, step);
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tagship-npm-'));
        const redact = (text) => (token ? text.split(token).join('***') : text);
        try {
            // Scripts and `npm pack` never see the token: only `npm publish` and `npm dist-tag` get it.
            const plain = { cwd: packageDir, env: npmEnv(ctx.env), signal: ctx.signal };
            const auth = await resolveAuth(step, token, ctx.env, { ...plain, cwd: work });
            const provenance = wantsProvenance(step, ctx.env);
            if (manifest.scripts?.prepublishOnly)
                await runScript('prepublishOnly', plain, step);
            const tarball = await packTarball(packageDir, (0,external_node_path_.join)(work, 'pack'), plain);
            const packumentOptions = { token, signal: ctx.signal, retry: tuning.http, onRetry: (reason) => ctx.runner.info(`${step.package}: registry read ${reason}`) };
            const read = () => (0,packument/* readPackument */.l)(step.registry, step.package, packumentOptions);
            const before = await read();
            const authed = { cwd: work, env: npmEnv(ctx.env, writeUserConfig(work, step.registry, token)), signal: ctx.signal };
            const existing = before?.versions[step.version];
            if (existing)
                return await alreadyPublished(step, tarball, before, auth, authed, ctx);
            const higher = latestIsHigher(step, before);
            if (higher) {
                throw new errors/* UserError */.yo(`${step.registry} already has ${step.package}@${higher} as latest, higher than ${step.version}; publishing it as latest would move latest backwards: push the tag of ${higher} (or list it in known-versions) so tagship plans another dist-tag. Nothing was published.`);
            }
            if (!before && step.distTag !== 'latest') {
                ctx.runner.warning(`${step.package} is new on ${step.registry}: registries point latest at a package's first version whatever its tag, so latest will be ${step.version} until a stable version is published.`);
            }
            const published = await publishWithRetries(step, tarball, { auth, provenance, run: authed, read, ctx, tuning, redact });
            return published;
        }
        catch (error) {
            if (error instanceof errors/* UserError */.yo)
                throw new errors/* UserError */.yo(redact(error.message), error.location, { cause: error.cause });
            throw error;
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    };
}
const executeNpmPublish = createNpmPublishExecutor();
/** A plan whose tag would make a prerelease or a rehearsal `latest` is a bug, not a user's mistake. */
function assertTagIsSafe(step, ctx) {
    const prerelease = (semver_default().parse(step.version)?.prerelease.length ?? 0) > 0;
    if (step.distTag === 'latest' && (prerelease || ctx.plan.rehearsal)) {
        throw new Error(`refusing to publish ${step.target} as latest: ${prerelease ? 'a prerelease' : 'a rehearsal'} never takes latest`);
    }
}
async function runScript(name, run, step) {
    const result = await runNpm(['run', name], run);
    if (result.code !== 0)
        throw new errors/* UserError */.yo(`The ${name} script of ${step.package} failed: ${readNpmFailure(result).summary}. Nothing was published; fix it and re-run.`);
}
function differentContents(step) {
    return new errors/* UserError */.yo(`${step.target} is already published with different contents; npm never allows re-publishing a version: release a new version (a new tag). Nothing was published.`);
}
/** The version is in the registry: ours (then make sure of the dist-tag) or someone else's contents. */
async function alreadyPublished(step, tarball, packument, auth, run, ctx) {
    if (!sameTarball(tarball, packument.versions[step.version]))
        throw differentContents(step);
    const tag = await ensureDistTag(step, packument, auth.kind === 'token', run);
    const links = [versionLink(step.registry, step.package, step.version)];
    if (tag.state === 'in-place')
        return { id: step.id, status: 'unchanged', detail: `${step.target} is already published, same contents, ${step.distTag} → ${step.version}`, links };
    if (tag.state === 'kept') {
        ctx.runner.warning(`${step.package}: latest stays at ${tag.current}, higher than ${step.version}; tagship never moves latest backwards.`);
        return { id: step.id, status: 'unchanged', detail: `${step.target} is already published, same contents; latest stays at ${tag.current}`, links };
    }
    return { id: step.id, status: 'done', detail: `${step.target} was already published; moved ${step.distTag} to it${tag.from ? ` from ${tag.from}` : ''}`, links };
}
/**
 * `npm publish <tarball>`, retried when the registry fails transiently. A conflict (the version
 * exists) after a lost answer is success only when the registry's integrity is ours.
 */
async function publishWithRetries(step, tarball, p) {
    const attempts = Math.max(1, p.tuning.attempts ?? 4);
    const backoff = { ...http/* DEFAULT_RETRY */.vI, ...DEFAULT_BACKOFF, ...p.tuning.backoff };
    const sleep = p.tuning.sleep ?? http/* defaultDeps */.mM.sleep;
    let provenance = p.provenance;
    const links = [versionLink(step.registry, step.package, step.version)];
    const how = () => [step.access ?? '', provenance ? 'with provenance' : '', p.auth.kind === 'oidc' ? 'via trusted publishing' : ''].filter(Boolean).join(', ');
    const wentThrough = (published) => {
        if (!sameTarball(tarball, published))
            throw differentContents(step);
        p.ctx.runner.info(`${step.target}: the registry already has this exact tarball (an earlier attempt went through)`);
        return { id: step.id, status: 'done', detail: `published ${step.target} under ${step.distTag} to ${step.registry} (confirmed by integrity after a lost answer)`, links, produced: { integrity: tarball.integrity } };
    };
    for (let attempt = 1;; attempt++) {
        const args = ['publish', tarball.path, '--json', '--tag', step.distTag, '--registry', step.registry];
        // npm refuses provenance for a package it cannot see as public yet (any new one): an unscoped
        // package is public anyway, so say so.
        const access = step.access ?? (provenance ? 'public' : undefined);
        if (access)
            args.push('--access', access);
        args.push(provenance ? '--provenance' : '--no-provenance');
        const result = await runNpm(args, p.run);
        if (result.code === 0) {
            return { id: step.id, status: 'done', detail: `published ${step.target} under ${step.distTag}${how() ? ` (${how()})` : ''} to ${step.registry}`, links, produced: { integrity: tarball.integrity } };
        }
        const failure = readNpmFailure(result);
        const kind = classifyFailure(failure);
        if (kind === 'conflict') {
            const after = await settledVersion(step, p);
            if (!after)
                throw new errors/* UserError */.yo(`${step.registry} refuses ${step.target} as already published (${p.redact(failure.summary)}), yet does not list it: a version once published and unpublished can never be used again. Release a new version.`);
            return wentThrough(after);
        }
        if (kind === 'transient') {
            // The registry may have taken the tarball and lost only its answer: look before sending it again.
            // A look that fails too is no answer: the next attempt's conflict, if any, settles it.
            const after = (await p.read().catch(() => undefined))?.versions[step.version];
            if (after)
                return wentThrough(after);
        }
        if (kind === 'auth')
            throw authError(step, failure, p);
        if (provenance && step.provenance === 'auto' && /provenance|sigstore|visibility/i.test(failure.summary)) {
            p.ctx.runner.warning(`${step.package}: npm could not attach provenance (${p.redact(failure.summary)}); publishing without it. Set npm.provenance to false to skip the attempt, or true to require it.`);
            provenance = false;
            continue;
        }
        if (kind === 'transient' && attempt < attempts) {
            const delayMs = (0,http/* backoffDelay */.EY)(attempt - 1, backoff, Math.random);
            p.ctx.runner.warning(`${step.package}: npm publish failed transiently (${failure.code ?? 'no code'}: ${p.redact(failure.summary)}); attempt ${attempt + 1} of ${attempts} in ${Math.round(delayMs / 1000)} s.`);
            await sleep(delayMs, p.ctx.signal);
            continue;
        }
        const tries = kind === 'transient' ? ` after ${attempts} attempts` : '';
        throw new errors/* UserError */.yo(`npm publish of ${step.target} failed${tries}: ${failure.code ? `${failure.code} ` : ''}${p.redact(failure.summary)}. ${step.target} was not published; re-run to try again.`);
    }
}
/** The version as the registry lists it after a conflict; its document may lag a moment behind. */
async function settledVersion(step, p) {
    const sleep = p.tuning.sleep ?? http/* defaultDeps */.mM.sleep;
    for (let look = 0; look < 4; look++) {
        const found = (await p.read())?.versions[step.version];
        if (found)
            return found;
        await sleep(1_000 * (look + 1), p.ctx.signal);
    }
    return undefined;
}
function authError(step, failure, p) {
    const said = `${failure.code ? `${failure.code}: ` : ''}${p.redact(failure.summary)}`;
    if (p.auth.kind === 'oidc') {
        return new errors/* UserError */.yo(`npm trusted publishing was refused for ${step.package} (${said}): register this repository and workflow as a trusted publisher of ${step.package} on npmjs.com${oidcAvailable(p.ctx.env) ? '' : ' and grant `id-token: write`'}, or pass the npm-token input. ${step.target} was not published.`);
    }
    if (failure.code === 'E404') {
        return new errors/* UserError */.yo(`${step.registry} answered 404 to publishing ${step.package}: the scope does not exist or the npm token cannot publish to it (${said}). ${step.target} was not published.`);
    }
    if (failure.code === 'EOTP') {
        return new errors/* UserError */.yo(`The npm token needs a one-time password to publish ${step.package}: use a granular access token (or an automation token) that bypasses 2FA. ${step.target} was not published.`);
    }
    return new errors/* UserError */.yo(`The npm token is wrong or lacks publish rights for ${step.package} (${said}): check the secret behind npm-token. ${step.target} was not published.`);
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
