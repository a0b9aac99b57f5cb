export const id = 92;
export const ids = [92,717];
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

/***/ 58092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createNpmPublishExecutor: () => (/* binding */ createNpmPublishExecutor),
  executeNpmPublish: () => (/* binding */ executeNpmPublish)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(53770);
// EXTERNAL MODULE: ./src/runtime/process.ts
var process = __webpack_require__(80717);
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
        ...(options.onLine ? { onLine: options.onLine } : {}),
    });
}
/**
 * What of an npm command's output a person reads as it comes: every stderr line (npm's notices, a
 * script's errors) and the stdout of the scripts it runs, up to the `--json` document npm prints last
 * (`[` for pack, `{` for publish), which lists every file of the package and is read, not shown.
 */
function streamUntilJson(log) {
    let json = false;
    return (line, stream) => {
        if (stream === 'stdout' && (json || /^[[{]\s*$/.test(line))) {
            json = true;
            return;
        }
        log(line);
    };
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

// EXTERNAL MODULE: ./src/npm/links.ts
var npm_links = __webpack_require__(27452);
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
    return oidcAvailable(env) && (0,npm_links/* onNpmjs */.Mw)(step.registry) && step.access !== 'restricted';
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
var project_files = __webpack_require__(83930);
// EXTERNAL MODULE: ./src/project/json.ts
var json = __webpack_require__(11343);
// EXTERNAL MODULE: ./src/version/scheme.ts
var scheme = __webpack_require__(83401);
// EXTERNAL MODULE: ./src/version/sources/package-json.ts
var package_json = __webpack_require__(99084);
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
var passed_env = __webpack_require__(42164);
// EXTERNAL MODULE: ./src/runtime/oidc-claims.ts
var oidc_claims = __webpack_require__(15493);
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
/** The shared runner request, its refusal told with npm's other way out and what was left unpublished. */
async function requestIdToken(env, audience, step, signal) {
    try {
        return await (0,oidc_claims/* requestRunnerIdToken */._f)(env, audience, signal);
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        throw new errors/* UserError */.yo(`${error.message.replace(/\.$/, '')}, or pass the npm-token input and set npm.provenance to false. ${step.target} was not published.`, undefined, { cause: error });
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(99547);
;// CONCATENATED MODULE: ./src/npm/tar-entries.ts
/**
 * Just enough of the tar format (POSIX ustar with pax and GNU long-name extensions, as npm's `tar`
 * writes it) to find one entry of a package tarball and swap its contents, keeping every other byte
 * as `npm pack` wrote it: the same modes, the fixed 1985 mtimes, the same order.
 */
const BLOCK = 512;
function listTarEntries(tar) {
    const entries = [];
    let longPath;
    for (let offset = 0; offset + BLOCK <= tar.length;) {
        const header = tar.subarray(offset, offset + BLOCK);
        if (header.every((byte) => byte === 0))
            break;
        const size = readSize(header);
        const type = String.fromCharCode(header[156] || 0x30);
        const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
        if (type === 'x')
            longPath = paxPath(data) ?? longPath;
        else if (type === 'L')
            longPath = tar_entries_text(data);
        else if (type !== 'g') {
            const name = tar_entries_text(header.subarray(0, 100));
            const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? tar_entries_text(header.subarray(345, 500)) : '';
            entries.push({ path: longPath ?? (prefix ? `${prefix}/${name}` : name), headerOffset: offset, size, type });
            longPath = undefined;
        }
        offset += BLOCK + padded(size);
    }
    return entries;
}
function entryData(tar, entry) {
    return tar.subarray(entry.headerOffset + BLOCK, entry.headerOffset + BLOCK + entry.size);
}
/** The archive with `entry`'s contents replaced by `data`: its header gets the new size and checksum. */
function replaceEntryData(tar, entry, data) {
    if (data.length > 0o77777777777)
        throw new Error('tar entry too large for an octal size field');
    const header = Buffer.from(tar.subarray(entry.headerOffset, entry.headerOffset + BLOCK));
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 12, 'latin1');
    header.fill(0x20, 148, 156);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
    const after = entry.headerOffset + BLOCK + padded(entry.size);
    return Buffer.concat([tar.subarray(0, entry.headerOffset), header, data, Buffer.alloc(padded(data.length) - data.length), tar.subarray(after)]);
}
function padded(size) {
    return Math.ceil(size / BLOCK) * BLOCK;
}
function readSize(header) {
    const field = header.subarray(124, 136);
    // Base-256 (high bit set) for sizes past the octal field's 8 GiB.
    if (field[0] & 0x80)
        return field.subarray(1).reduce((total, byte) => total * 256 + byte, field[0] & 0x7f);
    const octal = tar_entries_text(field).trim();
    const size = octal ? Number.parseInt(octal, 8) : 0;
    if (!Number.isSafeInteger(size) || size < 0)
        throw new Error(`unreadable tar size field ${JSON.stringify(octal)}`);
    return size;
}
function tar_entries_text(bytes) {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}
/** The `path` of a pax extended header: records of `<length> <key>=<value>\n`. */
function paxPath(data) {
    let path;
    for (let offset = 0; offset < data.length;) {
        const space = data.indexOf(0x20, offset);
        const length = Number.parseInt(data.subarray(offset, space).toString('latin1'), 10);
        if (space === -1 || !Number.isSafeInteger(length) || length <= 0)
            break;
        const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (record.slice(0, equals) === 'path')
            path = record.slice(equals + 1);
        offset += length;
    }
    return path;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
    return describeTarball((0,external_node_path_.join)(destination, filename), filename, bytes);
}
/** The tarball at `path` with the digests of `bytes`, its contents. */
function describeTarball(path, filename, bytes) {
    return {
        path,
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

// EXTERNAL MODULE: ./src/npm/workspace-ranges.ts
var workspace_ranges = __webpack_require__(52263);
;// CONCATENATED MODULE: ./src/npm/packed-manifest.ts








/**
 * The packed package.json made publishable: each planned `workspace:` specifier replaced by its real
 * range, in place (the file's formatting kept; jsonc-parser edits only the value), and the tarball
 * rewritten around it, so what is compared with the registry and then published is one file. A
 * tarball without `workspace:` specifiers is left byte for byte as `npm pack` wrote it.
 *
 * The packed manifest is checked against the plan: a specifier the plan did not resolve (a prepack
 * script added it, or the plan is older than the checkout) stops the step; `npm publish` would
 * otherwise send `workspace:^` verbatim, which no npm client can install.
 */
function applyWorkspaceRanges(tarball, step) {
    const tar = (0,external_node_zlib_.gunzipSync)((0,external_node_fs_.readFileSync)(tarball.path));
    // npm reads the manifest from the tarball's top folder (`package/`); extraction lets a later entry win.
    const entry = listTarEntries(tar)
        .filter((e) => /^[^/]+\/package\.json$/.test(e.path) && (e.type === '0' || e.type === '\0'))
        .at(-1);
    if (!entry)
        throw new Error(`${tarball.filename} has no package.json`);
    const file = `${tarball.filename}: package/package.json`;
    const raw = entryData(tar, entry).toString('utf8');
    const packed = (0,workspace_ranges/* workspaceSpecs */.uv)(manifestOf(raw, file));
    const planned = step.workspaceRanges ?? [];
    if (!packed.length && !planned.length)
        return tarball;
    const key = (r) => `${r.field}\0${r.name}`;
    const plannedByKey = new Map(planned.map((r) => [key(r), r]));
    const unplanned = packed.find((spec) => plannedByKey.get(key(spec))?.from !== spec.spec);
    const missing = planned.find((r) => !packed.some((spec) => key(spec) === key(r)));
    const changed = unplanned ? `${unplanned.field}.${unplanned.name} is ${JSON.stringify(unplanned.spec)}` : missing ? `${missing.field}.${missing.name} is no longer ${JSON.stringify(missing.from)}` : undefined;
    if (changed) {
        throw new errors/* UserError */.yo(`The packed package.json of ${step.package} differs from the plan: ${changed} (a prepack script or a change after planning): plan again from a clean checkout. ${step.target} was not published.`);
    }
    const rewritten = rewriteSpecs(raw, planned);
    const check = (0,workspace_ranges/* workspaceSpecs */.uv)(manifestOf(rewritten, file));
    if (check.length)
        throw new Error(`${step.target}: ${check[0].field}.${check[0].name} still reads ${check[0].spec} after the rewrite`);
    const bytes = (0,external_node_zlib_.gzipSync)(replaceEntryData(tar, entry, Buffer.from(rewritten, 'utf8')));
    (0,external_node_fs_.writeFileSync)(tarball.path, bytes);
    return describeTarball(tarball.path, tarball.filename, bytes);
}
function manifestOf(text, file) {
    const value = (0,json/* parseJsonText */.lk)(text, file, Number.POSITIVE_INFINITY);
    if (!(0,json/* isJsonObject */.OW)(value))
        throw new errors/* UserError */.yo(`${file}: expected a JSON object at the top level. Nothing was published.`);
    return value;
}
/** Each specifier's value replaced where it stands; a leading BOM kept as npm keeps it. */
function rewriteSpecs(raw, rewrites) {
    const bom = raw.length !== (0,json/* stripBom */.F8)(raw).length ? raw.slice(0, 1) : '';
    let text = (0,json/* stripBom */.F8)(raw);
    for (const rewrite of rewrites)
        text = (0,main.applyEdits)(text, (0,main.modify)(text, [rewrite.field, rewrite.name], rewrite.to, {}));
    return bom + text;
}

// EXTERNAL MODULE: ./src/npm/packument.ts
var packument = __webpack_require__(66501);
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
            // The package's own scripts stream into the step's log group as they run (a long prepublishOnly
            // shows it is alive, a failure is read there); lines are untrusted and logged neutralised.
            const shown = { ...plain, onLine: streamUntilJson((line) => ctx.runner.info(redact(line))) };
            if (manifest.scripts?.prepublishOnly)
                await runScript('prepublishOnly', shown, step);
            // What npm packed, with pnpm/yarn `workspace:` specifiers made real versions (publish-time only).
            const tarball = applyWorkspaceRanges(await packTarball(packageDir, (0,external_node_path_.join)(work, 'pack'), shown), step);
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
    const links = [(0,npm_links/* versionLink */.PK)(step.registry, step.package, step.version)];
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
    const links = [(0,npm_links/* versionLink */.PK)(step.registry, step.package, step.version)];
    const how = () => [step.access ?? '', provenance ? 'with provenance' : '', p.auth.kind === 'oidc' ? 'via trusted publishing' : ''].filter(Boolean).join(', ');
    const wentThrough = (published) => {
        if (!sameTarball(tarball, published))
            throw differentContents(step);
        p.ctx.runner.info(`${step.target}: the registry already has this exact tarball (an earlier attempt went through)`);
        return { id: step.id, status: 'done', detail: `published ${step.target} under ${step.distTag} to ${step.registry} (confirmed by integrity after a lost answer)`, links, produced: { integrity: tarball.integrity, provenance } };
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
        const result = await runNpm(args, { ...(await withIdTokens(step, p, provenance)), onLine: streamUntilJson((line) => p.ctx.runner.info(p.redact(line))) });
        if (result.code === 0) {
            return { id: step.id, status: 'done', detail: `published ${step.target} under ${step.distTag}${how() ? ` (${how()})` : ''} to ${step.registry}`, links, produced: { integrity: tarball.integrity, provenance } };
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

/***/ 15493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ pypiUnmatchable),
/* harmony export */   V8: () => (/* binding */ pypiCalledWorkflowNote),
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   _f: () => (/* binding */ requestRunnerIdToken),
/* harmony export */   lA: () => (/* binding */ describePublisherClaims)
/* harmony export */ });
/* unused harmony export parseWorkflowRef */
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53770);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The claims of the runner's OIDC ID token, read (not verified: the index verifies them) so that
 * tagship can say which trusted publisher an index will look for, before anything is built.
 *
 * What the indexes match (their documented rules):
 * - PyPI (warehouse `oidc/models/github.py`): `repository`, `repository_owner_id`, the workflow file
 *   taken from `job_workflow_ref` (the workflow that runs the job: for a reusable workflow, the
 *   CALLED file), and `environment` when the publisher names one. `job_workflow_ref` must start with
 *   `<repository>/.github/workflows/<file>@`, so a reusable workflow from another repository never matches.
 * - npm (docs, trusted publishers, "workflow_call"): the workflow file of `workflow_ref`, i.e. the
 *   CALLING workflow, and the environment when the publisher names one.
 */


/** The payload of a JWT, or undefined when the text is not one. */
function decodeClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return claims && typeof claims === 'object' ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** `owner/repo/.github/workflows/release.yml@refs/tags/v1` → its parts. */
function parseWorkflowRef(ref) {
    const match = ref?.match(/^([^/]+\/[^/]+)\/(\.github\/workflows\/([^@]+))@/);
    if (!match)
        return undefined;
    return { repository: match[1], path: match[2], file: match[3] };
}
/** "repository octo/proj, workflow file release.yml, environment pypi" — the claims an index matches. */
function describePublisherClaims(claims, index) {
    const workflow = parseWorkflowRef(index === 'pypi' ? claims.job_workflow_ref : claims.workflow_ref);
    return [
        `repository \`${claims.repository ?? '(none)'}\``,
        `workflow file \`${workflow?.file ?? '(none)'}\``,
        claims.environment ? `environment \`${claims.environment}\`` : 'no environment (a publisher that names one needs `environment:` on this job)',
    ].join(', ');
}
/**
 * Why PyPI can never match these claims, whatever publisher is registered, or undefined. The one
 * such case: the upload runs in a reusable workflow of another repository (PyPI takes the workflow
 * file from `job_workflow_ref` and requires it to live in `repository`).
 */
function pypiUnmatchable(claims, indexUrl) {
    const job = parseWorkflowRef(claims.job_workflow_ref);
    const caller = parseWorkflowRef(claims.workflow_ref);
    if (!job || !claims.repository || job.repository.toLowerCase() === claims.repository.toLowerCase())
        return undefined;
    return (`Trusted publishing to ${indexUrl} cannot work from this job: PyPI matches the called workflow \`${job.repository}/${job.path}\`` +
        `${caller ? ` (called from \`${caller.file}\`)` : ''} and refuses reusable workflows from another repository than \`${claims.repository}\`.` +
        ` Run the upload in a job of your own workflow (see docs/getting-started.md), or pass an API token in the 'pypi-token' input.`);
}
/** A note when PyPI will look for a different workflow file than the one the run started from. */
function pypiCalledWorkflowNote(claims) {
    const job = parseWorkflowRef(claims.job_workflow_ref);
    const caller = parseWorkflowRef(claims.workflow_ref);
    if (!job || !caller || job.path === caller.path)
        return undefined;
    return `PyPI matches the called workflow file \`${job.file}\`, not \`${caller.file}\` that called it: the trusted publisher must name \`${job.file}\`.`;
}
/** The runner's OIDC ID token for `audience` (needs `permissions: id-token: write`). */
async function requestRunnerIdToken(env, audience, signal) {
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' }, signal, retry: { retries: 2 } });
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The runner refused an OIDC ID token for ${audience} (HTTP ${response.status}): give the job \`permissions: id-token: write\`.`);
    }
    const { value } = (await response.json());
    if (!value)
        throw new Error(`the runner answered the OIDC token request for ${audience} without a value`);
    return value;
}


/***/ }),

/***/ 42164:
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
