export const id = 230;
export const ids = [230];
export const modules = {

/***/ 1230:
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
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(3770);
// EXTERNAL MODULE: ./src/runtime/process.ts
var process = __webpack_require__(717);
;// CONCATENATED MODULE: ./src/npm/cli.ts

/** Quiet, non-interactive npm: no update check, funding or audit requests in a release job. */
const QUIET = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
function runNpm(args, options) {
    return (0,process.runProcess)('npm', args, {
        parentEnv: options.parentEnv,
        tool: options.tool ?? 'npm',
        set: { ...QUIET, ...options.set },
        secretEnv: options.secretEnv,
        cwd: options.cwd,
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? 10 * 60_000,
    });
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

// EXTERNAL MODULE: ./src/project/files.ts
var project_files = __webpack_require__(3930);
// EXTERNAL MODULE: ./src/project/json.ts
var json = __webpack_require__(1343);
// EXTERNAL MODULE: ./src/version/scheme.ts + 1 modules
var scheme = __webpack_require__(6871);
// EXTERNAL MODULE: ./src/version/sources/package-json.ts
var package_json = __webpack_require__(9084);
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
    // Read under the same rules as at planning time (src/project/files.ts): a regular file inside the package.
    const file = (0,external_node_path_.join)(step.dir, 'package.json').replaceAll('\\', '/');
    const text = (0,project_files/* readContained */.gu)((0,external_node_path_.join)(packageDir, 'package.json'), file, [packageDir], { maxBytes: package_json/* MAX_MANIFEST_BYTES */.ZJ }).toString('utf8');
    const value = (0,json/* parseJsonText */.lk)(text, file, Number.POSITIVE_INFINITY);
    if (!(0,json/* isJsonObject */.OW)(value))
        throw new errors/* UserError */.yo(`${file}: expected a JSON object at the top level, got ${(0,json/* describeJsonValue */.$g)(value)}. Nothing was published.`, { file });
    const manifest = value;
    // npm publishes `v1.2.3` as 1.2.3: compare the version npm will record (the guard's rule too).
    if (manifest.name !== step.package || (0,scheme/* npmRecordedVersion */.On)(manifest.version ?? '') !== (0,scheme/* npmRecordedVersion */.On)(step.version)) {
        throw new errors/* UserError */.yo(`${(0,external_node_path_.join)(step.dir, 'package.json')} now says ${manifest.name}@${manifest.version}, but the plan publishes ${step.target}: something changed it after planning. Nothing was published; re-run from a clean checkout.`);
    }
    const elsewhere = manifest.publishConfig?.registry;
    if (elsewhere && registryKey(elsewhere) !== registryKey(step.registry)) {
        throw new errors/* UserError */.yo(`${(0,external_node_path_.join)(step.dir, 'package.json')} has publishConfig.registry ${elsewhere}, but tagship publishes to ${step.registry} (npm.registry): set npm.registry to ${elsewhere} in the tagship config, or remove publishConfig.registry. Nothing was published.`);
    }
    return manifest;
}

// EXTERNAL MODULE: ./src/runtime/passed-env.ts
var passed_env = __webpack_require__(2164);
;// CONCATENATED MODULE: ./src/npm/id-tokens.ts


/**
 * ID tokens tagship asks the runner for on npm's behalf, so that `npm publish` never holds the
 * runner's OIDC request credentials (with them, a process can mint ID tokens for any audience: PyPI,
 * cloud roles, …). npm takes a ready token from NPM_ID_TOKEN for its trusted-publishing exchange
 * (audience `npm:<registry host>`, npm ≥ 11.5.1) and sigstore one from SIGSTORE_ID_TOKEN (audience
 * `sigstore`) to sign provenance. Each is good for that one audience only, and minted right before
 * the publish that uses it.
 */
async function mintNpmIdTokens(step, env, wants, signal) {
    const secretEnv = {};
    const set = {};
    if (wants.exchange)
        secretEnv.NPM_ID_TOKEN = await requestIdToken(env, `npm:${new URL(step.registry).hostname}`, step, signal);
    if (wants.provenance) {
        secretEnv.SIGSTORE_ID_TOKEN = await requestIdToken(env, 'sigstore', step, signal);
        // npm refuses provenance in GitHub Actions unless this is set; without its request token it mints nothing.
        set.ACTIONS_ID_TOKEN_REQUEST_URL = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    }
    return { secretEnv, set };
}
async function requestIdToken(env, audience, step, signal) {
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    const response = await (0,http/* request */.Em)(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' }, signal, retry: { retries: 3 } });
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new errors/* UserError */.yo(`The runner refused an OIDC ID token for ${audience} (HTTP ${response.status}): give the job \`permissions: id-token: write\`, or pass the npm-token input and set npm.provenance to false. ${step.target} was not published.`);
    }
    const { value } = (await response.json());
    if (!value)
        throw new Error(`the runner answered the OIDC token request for ${audience} without a value`);
    return value;
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
    const bytes = (0,project_files/* readNamedFile */.wh)((0,external_node_path_.join)(destination, filename), filename, { maxBytes: project_files/* MAX_ASSET_BYTES */.IC });
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
            // Package code (prepublishOnly, and prepack/prepare/postpack under `npm pack`) runs here, with
            // the `npm` allow-list: no token, no OIDC request credentials. Only `npm publish` of the packed
            // tarball (which runs no scripts) and `npm dist-tag` get a credential.
            const plain = { cwd: packageDir, parentEnv: ctx.env, secretEnv: (0,passed_env/* passedEnv */.m)(ctx, step.scriptEnv), signal: ctx.signal };
            const auth = await resolveAuth(step, token, ctx.env, { ...plain, cwd: work });
            const provenance = wantsProvenance(step, ctx.env);
            if (manifest.scripts?.prepublishOnly)
                await runScript('prepublishOnly', plain, step);
            const tarball = await packTarball(packageDir, (0,external_node_path_.join)(work, 'pack'), plain);
            const packumentOptions = { token, signal: ctx.signal, retry: tuning.http, onRetry: (reason) => ctx.runner.info(`${step.package}: registry read ${reason}`) };
            const read = () => (0,packument/* readPackument */.l)(step.registry, step.package, packumentOptions);
            const before = await read();
            const { NPM_CONFIG_USERCONFIG } = writeUserConfig(work, step.registry, token);
            const authed = { cwd: work, parentEnv: ctx.env, tool: 'npm-publish', set: { NPM_CONFIG_USERCONFIG: NPM_CONFIG_USERCONFIG }, secretEnv: token ? { [TOKEN_VARIABLE]: token } : {}, signal: ctx.signal };
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
        // --ignore-scripts: npm runs no scripts for a tarball anyway; this process holds the credential.
        const args = ['publish', tarball.path, '--ignore-scripts', '--json', '--tag', step.distTag, '--registry', step.registry];
        // npm refuses provenance for a package it cannot see as public yet (any new one): an unscoped
        // package is public anyway, so say so.
        const access = step.access ?? (provenance ? 'public' : undefined);
        if (access)
            args.push('--access', access);
        args.push(provenance ? '--provenance' : '--no-provenance');
        const result = await runNpm(args, await withIdTokens(step, p, provenance));
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
        let look;
        if (kind === 'transient') {
            // The registry may have taken the tarball and lost only its answer: look before sending it again.
            // A look that fails too is no answer: the next attempt's conflict, if any, settles it.
            look = await lookUp(step, p);
            if (look.published)
                return wentThrough(look.published);
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
        // Said only after reading the registry back: a publish can go through and still fail on the way back.
        look ??= await lookUp(step, p);
        if (look.published)
            return wentThrough(look.published);
        const state = look.unreadable
            ? `Whether ${step.target} was published is unknown: reading ${step.registry} back failed too (${p.redact(look.unreadable)}); re-run: it compares by integrity before publishing.`
            : `${step.registry} does not list ${step.target} (read back after the failure); re-run to try again.`;
        throw new errors/* UserError */.yo(`npm publish of ${step.target} failed${tries}: ${failure.code ? `${failure.code} ` : ''}${p.redact(failure.summary)}. ${state}`);
    }
}
async function lookUp(step, p) {
    try {
        const published = (await p.read())?.versions[step.version];
        return published ? { published } : {};
    }
    catch (error) {
        // The HTTP failure itself, not readPackument's advice to re-run, which the caller words.
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        return { unreadable: cause instanceof Error ? cause.message : String(cause) };
    }
}
/**
 * The publish's credentials: the npmrc token, or ID tokens tagship minted for npm's exchange and for
 * provenance (never the runner's request token: see id-tokens.ts). Minted per attempt, as they expire.
 */
async function withIdTokens(step, p, provenance) {
    const exchange = p.auth.kind === 'oidc';
    if (!exchange && !provenance)
        return p.run;
    const minted = await mintNpmIdTokens(step, p.ctx.env, { exchange, provenance }, p.ctx.signal);
    for (const value of Object.values(minted.secretEnv))
        p.ctx.runner.mask(value);
    return { ...p.run, set: { ...p.run.set, ...minted.set }, secretEnv: { ...p.run.secretEnv, ...minted.secretEnv } };
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

/***/ 2164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ passedEnv)
/* harmony export */ });
/**
 * The variables a config names for a child (`python.build-env`, `npm.script-env`), read from the
 * step's environment; unset ones are left out. The config schema refuses the names no child may get.
 */
function passedEnv(ctx, names = []) {
    const passed = {};
    for (const name of names) {
        const value = ctx.env[name];
        if (value !== undefined && value !== '')
            passed[name] = value;
    }
    return passed;
}


/***/ })

};
