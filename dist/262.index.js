export const id = 262;
export const ids = [262];
export const modules = {

/***/ 2595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pc: () => (/* binding */ normalizeName),
  cz: () => (/* binding */ readDistributions)
});

// UNUSED EXPORTS: distributionType, wheelPythonTag

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 3 modules
var blake2 = __webpack_require__(4374);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(2565);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/nanotar/dist/index.mjs
var dist = __webpack_require__(6480);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/project/files.ts
var files = __webpack_require__(3930);
// EXTERNAL MODULE: ./src/python/metadata.ts
var python_metadata = __webpack_require__(2117);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(1306);
;// CONCATENATED MODULE: ./src/python/zip.ts

/**
 * Reads the entries of a zip archive (a wheel) whose names `wanted` accepts. Only the chosen entries are
 * inflated: a wheel's METADATA is one small file among many.
 */
function readZipEntries(bytes, wanted) {
    const files = (0,esm/* unzipSync */.AO)(bytes, { filter: (file) => wanted(file.name) });
    return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data)]));
}

;// CONCATENATED MODULE: ./src/python/distributions.ts












/** PEP 503 normalised project name: what two spellings of one project share. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Whether a file name is a distribution this step uploads. */
function distributionType(filename) {
    if (filename.endsWith('.whl'))
        return 'bdist_wheel';
    if (filename.endsWith('.tar.gz'))
        return 'sdist';
    return undefined;
}
/**
 * Every sdist and wheel in `dir` (relative to the project), each with the metadata inside it and its
 * digests. Each file must resolve inside the project or `alsoWithin` (RUNNER_TEMP): see src/project/files.ts.
 */
async function readDistributions(cwd, outDir, alsoWithin = [], namedBy = 'python.out-dir') {
    const dir = (0,files/* checkRelativePath */._k)(outDir, namedBy);
    const absolute = (0,external_node_path_.join)(cwd, dir);
    const names = await (0,promises_.readdir)(absolute).catch((error) => {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    });
    const found = [];
    for (const filename of names.sort()) {
        const filetype = distributionType(filename);
        if (!filetype)
            continue;
        const path = (0,external_node_path_.join)(absolute, filename);
        const bytes = (0,files/* readProjectBytes */.Dl)(cwd, `${dir}/${filename}`, { maxBytes: files/* MAX_ASSET_BYTES */.IC, alsoWithin });
        const info = (0,external_node_fs_.statSync)(path);
        const metadata = filetype === 'bdist_wheel' ? wheelMetadata(filename, bytes) : sdistMetadata(filename, bytes);
        const name = (0,python_metadata/* field */.ZZ)(metadata, 'Name');
        const version = (0,python_metadata/* field */.ZZ)(metadata, 'Version');
        if (!name || !version)
            throw new errors/* UserError */.yo(`${filename}: its metadata has no ${name ? 'Version' : 'Name'}; rebuild it with a current build backend.`);
        found.push({
            path: (0,external_node_path_.relative)(cwd, path),
            filename,
            filetype,
            pyversion: filetype === 'sdist' ? 'source' : wheelPythonTag(filename),
            size: bytes.length,
            md5: (0,external_node_crypto_.createHash)('md5').update(bytes).digest('hex'),
            sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
            blake2_256: (0,utils/* bytesToHex */.My)((0,blake2/* blake2b */.Sx)(bytes, { dkLen: 32 })),
            name,
            version,
            metadata,
            mtimeMs: info.mtimeMs,
        });
    }
    return found;
}
/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` → the python tag. */
function wheelPythonTag(filename) {
    const parts = filename.slice(0, -'.whl'.length).split('-');
    if (parts.length < 5 || parts.length > 6)
        throw new errors/* UserError */.yo(`${filename} is not a valid wheel file name (name-version-python-abi-platform.whl).`);
    return parts.at(-3);
}
/** A wheel's `*.dist-info/METADATA`: the one at the archive root, named after the wheel. */
function wheelMetadata(filename, bytes) {
    let entries;
    try {
        entries = readZipEntries(bytes, (name) => /^[^/]+\.dist-info\/METADATA$/.test(name));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${filename} is not a readable zip archive: rebuild it.`, undefined, { cause: error });
    }
    const found = [...entries.keys()];
    if (found.length !== 1)
        throw new errors/* UserError */.yo(`${filename} has ${found.length ? 'several' : 'no'} *.dist-info/METADATA: not a valid wheel; rebuild it.`);
    return (0,python_metadata/* parseMetadata */.jR)(entries.get(found[0]).toString('utf8'));
}
/** An sdist's `PKG-INFO` at the archive root (`name-version/PKG-INFO`). */
function sdistMetadata(filename, bytes) {
    let items;
    try {
        // zlib's gunzip rather than nanotar's DecompressionStream: web streams cost tens of ms to start.
        items = (0,dist/* parseTar */.xx)((0,external_node_zlib_.gunzipSync)(bytes), { filter: (item) => /^(\.\/)?[^/]+\/PKG-INFO$/.test(item.name) });
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${filename} is not a readable .tar.gz archive: rebuild it.`, undefined, { cause: error });
    }
    const pkgInfo = items.find((item) => item.data);
    if (!pkgInfo)
        throw new errors/* UserError */.yo(`${filename} has no PKG-INFO at its root: not a valid sdist (PEP 625); rebuild it with \`python -m build --sdist\`.`);
    return (0,python_metadata/* parseMetadata */.jR)(new TextDecoder().decode(pkgInfo.data));
}


/***/ }),

/***/ 2117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   bm: () => (/* binding */ metadataFormFields),
/* harmony export */   jR: () => (/* binding */ parseMetadata)
/* harmony export */ });
function parseMetadata(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const fields = Object.create(null);
    let index = 0;
    let last;
    for (; index < lines.length; index++) {
        const line = lines[index];
        if (line === '')
            break;
        if (/^[ \t]/.test(line) && last) {
            // A folded line continues the previous value (multi-line License and old-style Description).
            const values = fields[last.key];
            values[last.at] += `\n${line.replace(/^(?: {8}|\t| {7}\||\s)/, '')}`;
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        const values = Object.hasOwn(fields, key) ? fields[key] : (fields[key] = []);
        values.push(value);
        last = { key, at: values.length - 1 };
    }
    const body = lines.slice(index + 1).join('\n');
    const description = body.trim() ? body : fields.description?.[0];
    return { fields, ...(description !== undefined ? { description } : {}) };
}
/** The first value of a field (`Name`, `Version`, `Summary`, …). */
function field(metadata, name) {
    const key = name.toLowerCase();
    return Object.hasOwn(metadata.fields, key) ? metadata.fields[key][0] : undefined;
}
/**
 * Metadata field → the legacy upload form's field name. Multiple-use fields are sent once per value
 * under these names, as twine does.
 */
const FORM_NAMES = {
    'metadata-version': 'metadata_version',
    name: 'name',
    version: 'version',
    summary: 'summary',
    'home-page': 'home_page',
    'download-url': 'download_url',
    author: 'author',
    'author-email': 'author_email',
    maintainer: 'maintainer',
    'maintainer-email': 'maintainer_email',
    license: 'license',
    'license-expression': 'license_expression',
    'license-file': 'license_file',
    keywords: 'keywords',
    platform: 'platform',
    'supported-platform': 'supported_platform',
    classifier: 'classifiers',
    'requires-python': 'requires_python',
    'requires-dist': 'requires_dist',
    'requires-external': 'requires_external',
    'provides-dist': 'provides_dist',
    'obsoletes-dist': 'obsoletes_dist',
    'provides-extra': 'provides_extras',
    'project-url': 'project_urls',
    'description-content-type': 'description_content_type',
    dynamic: 'dynamic',
    requires: 'requires',
    provides: 'provides',
    obsoletes: 'obsoletes',
};
/** The form fields of a file's metadata, in the order they were written, description last. */
function metadataFormFields(metadata) {
    const out = [];
    for (const [key, values] of Object.entries(metadata.fields)) {
        const name = FORM_NAMES[key];
        if (!name)
            continue;
        for (const value of values)
            out.push([name, value]);
    }
    if (metadata.description !== undefined)
        out.push(['description', metadata.description]);
    return out;
}


/***/ }),

/***/ 8262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPypiUploadExecutor: () => (/* binding */ createPypiUploadExecutor),
  executePypiUpload: () => (/* binding */ executePypiUpload),
  projectPage: () => (/* binding */ projectPage)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/project/files.ts
var project_files = __webpack_require__(3930);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var net_http = __webpack_require__(3770);
// EXTERNAL MODULE: ./src/runtime/oidc-claims.ts
var oidc_claims = __webpack_require__(5493);
;// CONCATENATED MODULE: ./src/python/http.ts

const defaultPypiHttp = { deps: net_http/* defaultDeps */.mM };
function send(http, url, options = {}) {
    return (0,net_http/* request */.Em)(url, { ...options, retry: { ...http.retry, ...options.retry }, onRetry: options.onRetry ?? http.onRetry }, http.deps);
}
/** The reason an index gives for refusing a request: a JSON message, the status line, or the page's text. */
async function refusalReason(response) {
    const text = await response.text().catch(() => '');
    try {
        const json = JSON.parse(text);
        const errors = Array.isArray(json.errors) ? json.errors.map((e) => [e.code, e.description].filter(Boolean).join(': ')).join('; ') : '';
        const message = [json.message ?? json.detail, errors].filter(Boolean).join(' — ');
        if (message)
            return oneLine(String(message));
    }
    catch {
        // Not JSON: PyPI puts the reason in the status line and an HTML page.
    }
    const generic = new Set(['', 'Bad Request', 'Forbidden', 'Unauthorized', 'Not Found', 'Internal Server Error']);
    if (!generic.has(response.statusText))
        return oneLine(response.statusText);
    const body = oneLine(text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '));
    return body || response.statusText || `HTTP ${response.status}`;
}
function oneLine(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

;// CONCATENATED MODULE: ./src/python/auth.ts




/** A minted token lives 15 minutes; a new one is minted when less than this is left. */
const REMINT_MARGIN_MS = 5 * 60_000;
const MINTED_LIFETIME_MS = 15 * 60_000;
const basic = (token) => `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}`;
/**
 * Trusted publishing first (the runner's OIDC token exchanged for a short-lived upload token), then
 * the `pypi-token` input. Neither → one error naming both ways.
 */
async function pypiCredentials(options) {
    const { env, token, runner } = options;
    const oidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ? { url: env.ACTIONS_ID_TOKEN_REQUEST_URL, token: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } : undefined;
    const tokenCredentials = token
        ? { method: 'token', describe: "the API token from the 'pypi-token' input (check it is a current token scoped to this project on this index)", authorization: async () => basic(token) }
        : undefined;
    if (!oidc) {
        if (tokenCredentials)
            return tokenCredentials;
        throw new errors/* UserError */.yo(`No credentials for ${options.indexUrl}: give the job \`permissions: id-token: write\` and configure this repository as a trusted publisher of the project on the index, or pass an API token in the 'pypi-token' input.`);
    }
    const now = options.now ?? Date.now;
    const mint = () => mintToken(options.indexUrl, oidc, options.http, now, (secret) => runner.mask(secret));
    let current;
    try {
        current = await mint();
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo) || !tokenCredentials)
            throw error;
        runner.warning(`${error.message} Using the 'pypi-token' input instead.`);
        return tokenCredentials;
    }
    runner.mask(current.token);
    runner.info(`Trusted publishing: minted an upload token for ${options.indexUrl}.`);
    return {
        method: 'trusted-publishing',
        describe: `a token minted by trusted publishing (check the project's trusted publisher on ${options.indexUrl} names this repository, workflow file and environment)`,
        authorization: async () => {
            if (current.expiresAt - now() < REMINT_MARGIN_MS) {
                current = await mint();
                runner.mask(current.token);
                runner.info('Trusted publishing: minted a fresh upload token (the previous one was about to expire).');
            }
            return basic(current.token);
        },
    };
}
/**
 * audience → the runner's ID token for it → the index's upload token. An ID token can be exchanged
 * once, so a failed exchange that is worth retrying starts again with a fresh ID token.
 */
async function mintToken(indexUrl, oidc, http, now, mask) {
    const audienceResponse = await send(http, `${indexUrl}/_/oidc/audience`, { headers: { accept: 'application/json' } });
    if (!audienceResponse.ok) {
        throw new errors/* UserError */.yo(`${indexUrl} does not offer trusted publishing (GET /_/oidc/audience: HTTP ${audienceResponse.status} ${await refusalReason(audienceResponse)}); pass an API token in the 'pypi-token' input.`);
    }
    const { audience } = (await audienceResponse.json());
    if (!audience)
        throw new errors/* UserError */.yo(`${indexUrl}/_/oidc/audience did not name an audience; pass an API token in the 'pypi-token' input.`);
    const attempts = 1 + (http.retry?.retries ?? 3);
    for (let attempt = 1;; attempt++) {
        const idToken = await requestIdToken(oidc, audience, http);
        mask(idToken);
        // An exchange PyPI must refuse is not attempted: the reason is known from the claims alone.
        const claims = (0,oidc_claims/* decodeClaims */.Yq)(idToken);
        const unmatchable = claims && (0,oidc_claims/* pypiUnmatchable */.$K)(claims, indexUrl);
        if (unmatchable)
            throw new errors/* UserError */.yo(unmatchable);
        let reason;
        try {
            const response = await send(http, `${indexUrl}/_/oidc/mint-token`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify({ token: idToken }),
                // Never re-send a used ID token: the loop here retries with a fresh one.
                retry: { retries: 0 },
            });
            if (response.ok) {
                const body = (await response.json());
                if (!body.token)
                    throw new Error(`${indexUrl}/_/oidc/mint-token answered without a token`);
                const expires = typeof body.expires === 'number' ? (body.expires > 1e12 ? body.expires : body.expires * 1000) : now() + MINTED_LIFETIME_MS;
                return { token: body.token, expiresAt: expires };
            }
            reason = `HTTP ${response.status}: ${await refusalReason(response)}`;
            if (!(0,net_http/* isRetryableStatus */.PS)(response.status))
                throw new errors/* UserError */.yo(describeRefusal(indexUrl, reason, claims));
        }
        catch (error) {
            // A connection failure is retried (with a fresh ID token); anything else is final.
            if (!(error instanceof net_http/* HttpError */.j$))
                throw error;
            reason = error instanceof Error ? error.message : String(error);
        }
        if (attempt >= attempts)
            throw new errors/* UserError */.yo(`Trusted publishing: ${indexUrl} did not mint a token after ${attempts} attempts (${reason}). Re-run the job; nothing was uploaded.`);
        await http.deps.sleep(Math.min(8000, 500 * 2 ** attempt));
    }
}
/**
 * A refused exchange. With the token's claims at hand the message names what was sent, so the user
 * compares it with the publisher they registered instead of being told to register one again.
 */
function describeRefusal(indexUrl, reason, claims) {
    if (!claims?.repository) {
        return `Trusted publishing was refused by ${indexUrl} (${reason}). Configure this repository and workflow as a trusted publisher of the project on the index, or pass an API token in the 'pypi-token' input.`;
    }
    return (`Trusted publishing was refused by ${indexUrl} (${reason}). The token sent ${(0,oidc_claims/* describePublisherClaims */.lA)(claims, 'pypi')}:` +
        ` the project's trusted publisher on the index must name exactly these (owner and repository, workflow file, environment), or pass an API token in the 'pypi-token' input.`);
}
/** The runner's OIDC ID token for `audience` (needs `permissions: id-token: write`). */
async function requestIdToken(oidc, audience, http) {
    const url = `${oidc.url}${oidc.url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    const response = await send(http, url, { headers: { authorization: `bearer ${oidc.token}`, accept: 'application/json' } });
    if (!response.ok) {
        throw new errors/* UserError */.yo(`The runner refused an OIDC ID token (HTTP ${response.status}: ${await refusalReason(response)}): give the job \`permissions: id-token: write\`, or pass an API token in the 'pypi-token' input.`);
    }
    const { value } = (await response.json());
    if (!value)
        throw new Error('the runner answered the OIDC token request without a value');
    return value;
}

// EXTERNAL MODULE: ./src/python/distributions.ts + 1 modules
var distributions = __webpack_require__(2595);
;// CONCATENATED MODULE: ./src/python/index-api.ts



/**
 * The files of `project` `version` on the index, from PyPI's JSON API (`/pypi/<project>/<version>/json`).
 * A 404 means none. An index without the JSON API (`undefined`) is not an error: the upload answers
 * ("File already exists") are checked against it again file by file.
 */
async function indexedFiles(indexUrl, project, version, http) {
    const listed = await listedFiles(indexUrl, project, version, http);
    return listed && new Map([...listed].map(([name, file]) => [name, file.sha256]));
}
/** Where the index serves one file of the version, with its sha256; undefined when it does not list it. */
async function publishedFile(indexUrl, project, version, filename, http) {
    return (await listedFiles(indexUrl, project, version, http))?.get(filename);
}
async function listedFiles(indexUrl, project, version, http) {
    const url = `${indexUrl}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
    const response = await send(http, url, { headers: { accept: 'application/json' }, retry: { timeoutMs: 30_000 } }).catch((error) => {
        if (error instanceof net_http/* HttpError */.j$)
            throw new errors/* UserError */.yo(`Cannot reach ${indexUrl} (${error.message}); nothing was uploaded. Re-run when the index answers.`, undefined, { cause: error });
        throw error;
    });
    if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return new Map();
    }
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
    }
    const body = (await response.json());
    const files = new Map();
    for (const file of body.urls ?? []) {
        if (file.filename && file.digests?.sha256)
            files.set(file.filename, { url: new URL(file.url ?? '', `${indexUrl}/`).href, sha256: file.digests.sha256.toLowerCase() });
    }
    return files;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 3 modules
var blake2 = __webpack_require__(4374);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(2565);
// EXTERNAL MODULE: ./node_modules/nanotar/dist/index.mjs
var dist = __webpack_require__(6480);
;// CONCATENATED MODULE: ./src/python/rebuilt-sdist.ts








/**
 * The files inside an sdist, each as `type mode path sha256`, sorted: what it holds, without the
 * timestamps, owners and member order that make two builds of one commit differ byte for byte.
 */
function sdistContents(bytes) {
    return (0,dist/* parseTar */.xx)((0,external_node_zlib_.gunzipSync)(bytes))
        .map((item) => `${item.type ?? 'file'} ${item.attrs?.mode ?? ''} ${item.name} ${item.data ? (0,external_node_crypto_.createHash)('sha256').update(item.data).digest('hex') : '-'}`)
        .sort();
}
function sameContents(a, b) {
    try {
        return sdistContents(a).join('\n') === sdistContents(b).join('\n');
    }
    catch {
        return false;
    }
}
/**
 * A re-run rebuilds the sdist, and setuptools (like most backends) writes new timestamps into it, so
 * it never matches the file already on the index. When the published sdist holds exactly the same
 * files, it is the same release: the published bytes replace the rebuilt file in the project (so the
 * GitHub release and SHA256SUMS carry what the index has) and the upload skips it. Otherwise, or when
 * the index cannot hand the file out, undefined: the caller refuses, as for any changed file.
 */
async function adoptPublishedSdist(cwd, file, published, localBytes, http) {
    const response = await send(http, published.url, { retry: { timeoutMs: 60_000 } }).catch(() => undefined);
    if (!response?.ok) {
        await response?.body?.cancel().catch(() => undefined);
        return undefined;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    if (sha256 !== published.sha256 || !sameContents(bytes, localBytes))
        return undefined;
    await (0,promises_.writeFile)((0,external_node_path_.join)(cwd, file.path), bytes);
    return {
        ...file,
        size: bytes.length,
        md5: (0,external_node_crypto_.createHash)('md5').update(bytes).digest('hex'),
        sha256,
        blake2_256: (0,utils/* bytesToHex */.My)((0,blake2/* blake2b */.Sx)(bytes, { dkLen: 32 })),
    };
}

// EXTERNAL MODULE: ./src/python/select.ts
var python_select = __webpack_require__(2240);
// EXTERNAL MODULE: ./src/python/metadata.ts
var metadata = __webpack_require__(2117);
;// CONCATENATED MODULE: ./src/python/upload.ts







/**
 * An upload may carry a large wheel over a slow link: a generous timeout per attempt. A stalled one
 * fails long before it: no bytes taken for two minutes (net/http's idle timeout) ends the attempt.
 */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;
/**
 * The legacy upload API's form (what twine sends): the file's own metadata, its digests and the file.
 * FormData with a Blob is re-sent whole on every retry.
 */
function uploadForm(file, bytes) {
    const form = new FormData();
    form.append(':action', 'file_upload');
    form.append('protocol_version', '1');
    for (const [name, value] of (0,metadata/* metadataFormFields */.bm)(file.metadata))
        form.append(name, value);
    form.append('filetype', file.filetype);
    form.append('pyversion', file.pyversion);
    form.append('md5_digest', file.md5);
    form.append('sha256_digest', file.sha256);
    form.append('blake2_256_digest', file.blake2_256);
    form.append('content', new Blob([bytes], { type: 'application/octet-stream' }), file.filename);
    return form;
}
/** Uploads one file. The index taking the same bytes twice is fine; different bytes under a taken name never are. */
async function uploadFile(cwd, file, target, http) {
    // A regular file under the cap; the digest comparison below proves it is the file the build step checked.
    const bytes = (0,project_files/* readNamedFile */.wh)((0,external_node_path_.join)(cwd, file.path), file.path, { maxBytes: project_files/* MAX_ASSET_BYTES */.IC });
    if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== file.sha256) {
        throw new errors/* UserError */.yo(`${file.path} changed after the build step read it: something else writes to the output directory. Re-run.`);
    }
    const response = await send(http, target.repositoryUrl, {
        method: 'POST',
        headers: { accept: 'application/json', authorization: await target.credentials.authorization(), 'user-agent': 'tagship' },
        body: uploadForm(file, bytes),
        retry: { timeoutMs: UPLOAD_TIMEOUT_MS },
        onProgress: (progress) => target.log?.(`${file.filename}: ${(0,net_http/* describeProgress */.vk)(progress)}`),
    });
    if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return 'uploaded';
    }
    const reason = await refusalReason(response);
    if (response.status === 400 && /already exists/i.test(reason)) {
        if ((await target.indexedSha256(file.filename)) === file.sha256)
            return 'unchanged';
        throw changedFileError(file.filename, target.indexName);
    }
    if (response.status === 400 && /already been used|previously/i.test(reason)) {
        throw new errors/* UserError */.yo(`${file.filename} was uploaded to ${target.indexName} before and deleted; an index never takes a file name twice: release a new version.`);
    }
    if (response.status === 401 || response.status === 403) {
        throw new errors/* UserError */.yo(`${target.indexName} refused the upload of ${file.filename} (HTTP ${response.status}: ${reason}). It was made with ${target.credentials.describe}.`);
    }
    throw new errors/* UserError */.yo(`${target.indexName} refused ${file.filename} (HTTP ${response.status}: ${reason}).`);
}
function changedFileError(filename, indexName) {
    return new errors/* UserError */.yo(`${filename} is already on ${indexName} with different contents; PyPI never accepts changed files under an existing name: release a new version (nothing was uploaded for this file).`);
}

;// CONCATENATED MODULE: ./src/python/publish.ts











/**
 * The PyPI upload: every file of the release exactly once. It asks the index what it already has
 * first, skips files it holds with the same digest, and stops before uploading anything when one is
 * there with other bytes. A failure part-way names what is up and what is not; a re-run resumes.
 */
function createPypiUploadExecutor(options = {}) {
    return async (step, ctx) => {
        const http = { ...(options.http ?? defaultPypiHttp) };
        http.onRetry ??= (n) => ctx.runner.info(`${n.url}: ${n.reason}; retrying in ${(n.delayMs / 1000).toFixed(1)} s (attempt ${n.attempt + 1})`);
        // The index is asked while the files are read, when the plan already names the project.
        const early = step.project ? indexedFiles(step.indexUrl, step.project, step.version, http) : undefined;
        early?.catch(() => undefined);
        let files = await releaseFiles(step, ctx);
        const project = step.project ?? files[0].name;
        const indexName = new URL(step.indexUrl).host;
        let indexed = await (early ?? indexedFiles(step.indexUrl, project, step.version, http));
        if (!indexed)
            ctx.runner.warning(`${step.indexUrl} has no JSON API for ${project} ${step.version}: each file's upload answer is checked instead.`);
        for (const file of files) {
            const sha = indexed?.get(file.filename);
            if (sha === undefined || sha === file.sha256)
                continue;
            const adopted = file.filetype === 'sdist' ? await adoptRebuiltSdist(step.indexUrl, project, step.version, file, ctx, http) : undefined;
            if (!adopted)
                throw changedFileError(file.filename, indexName);
            files = files.map((f) => (f === file ? adopted : f));
            ctx.runner.info(`= ${file.filename}: rebuilt with new timestamps, same files as on ${indexName}; kept the published one in ${step.distDir}/`);
        }
        const pending = files.filter((file) => indexed?.get(file.filename) !== file.sha256);
        const unchanged = files.filter((file) => !pending.includes(file)).map((f) => f.filename);
        const links = (names) => names.map((name) => ({ label: name, url: `${projectPage(step.indexUrl, project, step.version)}#files` }));
        if (!pending.length) {
            return {
                id: step.id,
                status: 'unchanged',
                detail: `${project} ${step.version} is already on ${indexName}: ${unchanged.join(', ')}`,
                links: links(unchanged),
                produced: { project, version: step.version, uploaded: [], unchanged, url: projectPage(step.indexUrl, project, step.version) },
            };
        }
        const credentials = await pypiCredentials({ indexUrl: step.indexUrl, env: ctx.env, token: ctx.secrets['pypi-token'], runner: ctx.runner, http, now: options.now });
        const uploaded = [];
        const target = {
            repositoryUrl: step.repositoryUrl,
            indexName,
            credentials,
            // Asked again after a "File already exists": the first answer may predate an interrupted upload.
            indexedSha256: async (filename) => (indexed = (await indexedFiles(step.indexUrl, project, step.version, http)) ?? indexed)?.get(filename),
            log: (message) => ctx.runner.info(message),
        };
        for (const file of pending) {
            try {
                const result = await uploadFile(ctx.cwd, file, target, http);
                (result === 'uploaded' ? uploaded : unchanged).push(file.filename);
                ctx.runner.info(`${result === 'uploaded' ? '✓ uploaded' : '= already there:'} ${file.filename} (${file.size} bytes, sha256 ${file.sha256})`);
            }
            catch (error) {
                // The failed upload's answer may be what was lost: ask the index what it holds before saying.
                const listed = await indexedFiles(step.indexUrl, project, step.version, http).catch(() => undefined);
                throw partialFailure(error, file, files, [...uploaded, ...unchanged], listed, indexName);
            }
        }
        const parts = [uploaded.length ? `uploaded ${uploaded.join(', ')}` : '', unchanged.length ? `already there: ${unchanged.join(', ')}` : ''].filter(Boolean);
        const outcome = {
            id: step.id,
            status: uploaded.length ? 'done' : 'unchanged',
            detail: `${project} ${step.version} on ${indexName} (${credentials.method}): ${parts.join('; ')}`,
            links: links([...uploaded, ...unchanged]),
            produced: { project, version: step.version, uploaded, unchanged, url: projectPage(step.indexUrl, project, step.version) },
        };
        return outcome;
    };
}
const executePypiUpload = createPypiUploadExecutor();
/** The project's page for a version: `https://pypi.org/project/<name>/<version>/`. */
function projectPage(indexUrl, project, version) {
    return `${indexUrl}/project/${encodeURIComponent(project)}/${encodeURIComponent(version)}/`;
}
/** The published sdist in place of a rebuilt one with the same files (src/python/rebuilt-sdist.ts). */
async function adoptRebuiltSdist(indexUrl, project, version, file, ctx, http) {
    const published = await publishedFile(indexUrl, project, version, file.filename, http);
    return published && adoptPublishedSdist(ctx.cwd, file, published, (0,project_files/* readNamedFile */.wh)((0,external_node_path_.join)(ctx.cwd, file.path), file.path, { maxBytes: project_files/* MAX_ASSET_BYTES */.IC }), http);
}
/** The build step's files of this run, or (when it ran in another job) the dist directory read again. */
async function releaseFiles(step, ctx) {
    if (step.prebuilt) {
        // Built in other jobs and handed over as artifacts: every file there must be this release's.
        const files = (0,python_select/* selectPrebuilt */.eL)(await (0,distributions/* readDistributions */.cz)(ctx.cwd, step.distDir, (0,project_files/* buildOutputRoots */.Tg)(ctx.env), 'python.dist'), { project: step.project, version: step.version, dir: step.distDir });
        ctx.runner.info(`Uploading ${files.length} prebuilt file${files.length === 1 ? '' : 's'} from ${step.distDir}/ (python.dist; nothing is built): ${files.map((f) => f.filename).join(', ')}`);
        return files;
    }
    const built = step.buildStep ? ctx.outcomes.get(step.buildStep)?.produced : undefined;
    if (built?.files?.length)
        return built.files;
    const found = await (0,distributions/* readDistributions */.cz)(ctx.cwd, step.distDir, (0,project_files/* buildOutputRoots */.Tg)(ctx.env));
    const selection = (0,python_select/* selectDistributions */.aq)(found, { project: step.project, version: step.version, dir: step.distDir, builtSince: Number.POSITIVE_INFINITY });
    if (selection.ignored.length)
        ctx.runner.info(`Not uploading files of other versions: ${selection.ignored.map((f) => f.filename).join(', ')}`);
    return selection.files;
}
/**
 * The failure line of an upload part-way: which of the release's files are on the index now, read
 * from the index after the failure (files it took before losing its answer count), and which are not.
 * When the index cannot be asked, the failed file's state is said to be unknown rather than guessed.
 */
function partialFailure(error, failed, files, confirmed, listed, indexName) {
    const reason = error instanceof Error ? error.message : String(error);
    const on = files.filter((f) => confirmed.includes(f.filename) || listed?.get(f.filename) === f.sha256).map((f) => f.filename);
    const unknown = listed === undefined && !on.includes(failed.filename) ? [failed.filename] : [];
    const notOn = files.filter((f) => !on.includes(f.filename) && !unknown.includes(f.filename)).map((f) => f.filename);
    const state = [
        `On ${indexName} now: ${on.length ? on.join(', ') : 'none of this release’s files'}`,
        unknown.length ? `unknown (the index could not be asked after the failure): ${unknown.join(', ')}` : '',
        notOn.length ? `not uploaded: ${notOn.join(', ')}` : '',
    ].filter(Boolean);
    const message = `Uploading ${failed.filename} failed: ${reason.replace(/\.?$/, '.')} ${state.join('; ')}. ` +
        'Re-running resumes: files already on the index are checked by digest and skipped.';
    return error instanceof errors/* UserError */.yo || error instanceof net_http/* HttpError */.j$ ? new errors/* UserError */.yo(message, undefined, { cause: error }) : new Error(message, { cause: error });
}


/***/ }),

/***/ 2240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aq: () => (/* binding */ selectDistributions),
/* harmony export */   eL: () => (/* binding */ selectPrebuilt)
/* harmony export */ });
/* unused harmony export isVcsDevVersion */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6871);
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2595);



/**
 * Picks the files of `version` from a dist directory, by the metadata inside each file (not its name).
 * A file this build wrote with another version, or another project's file, stops the release before
 * anything is uploaded; an older file of another version is a leftover and is only reported.
 */
function selectDistributions(found, options) {
    const files = [];
    const ignored = [];
    const wrong = [];
    for (const file of found) {
        if ((0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .sameVersion */ .r1)('pep440', file.version, options.version))
            files.push(file);
        else if (options.builtSince !== undefined && file.mtimeMs < options.builtSince)
            ignored.push({ filename: file.filename, version: file.version });
        else
            wrong.push(file);
    }
    const suspect = wrong[0] ?? (files.length === 0 ? found[0] : undefined);
    if (suspect)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(describeWrongVersion(suspect, options.version, suspect === wrong[0]));
    if (!files.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The build wrote no sdist or wheel to ${options.dir}/: check python.build-command and python.out-dir.`);
    const expected = options.project ?? files[0].name;
    const stranger = files.find((file) => (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(file.name) !== (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(expected));
    if (stranger) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${stranger.filename} is project ${JSON.stringify(stranger.name)}, but this release is ${JSON.stringify(expected)}${options.project ? ' (from the project metadata)' : ''}: remove other projects' files from ${options.dir}/ or set python.out-dir to a directory of its own.`);
    }
    files.sort((a, b) => (a.filetype === b.filetype ? a.filename.localeCompare(b.filename) : a.filetype === 'sdist' ? 1 : -1));
    return { files, ignored };
}
function describeWrongVersion(file, version, builtNow) {
    const head = `${file.filename} carries version ${file.version}, but the tag says ${version}`;
    if (isVcsDevVersion(file.version)) {
        return (`${head}: the version was computed from git by setuptools_scm or hatch-vcs, which found no tag — the checkout is shallow. ` +
            'Fetch the whole history: `fetch-depth: 0` on actions/checkout.');
    }
    return builtNow
        ? `${head}: the build made files of another version. Make the project's version match the tag (or fix the tag), then re-run.`
        : `${head}, and no file of ${version} is in the output directory: check python.build-command and python.out-dir.`;
}
/** `0.1.dev1+g1234abc`, `1.2.4.dev3`: what setuptools_scm / hatch-vcs compute when no tag is reachable. */
function isVcsDevVersion(text) {
    const parsed = (0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVersion */ .ot)('pep440', text);
    return parsed.ok && (/\.?dev\d*/i.test(text) || (0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .hasLocalSegment */ .FV)(text));
}
/**
 * The files of a `python.dist` directory, built in other jobs: nothing there is a leftover of an earlier
 * build of this checkout, so every file must be this project's at this version (by the metadata inside
 * it, not its name), and an empty directory means the artifacts were not downloaded.
 */
function selectPrebuilt(found, options) {
    const dir = `${options.dir.replace(/\/$/, '')}/`;
    if (!found.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`python.dist ${dir} holds no sdist or wheel: download the build jobs' artifacts into it first (actions/download-artifact with path: ${options.dir} and merge-multiple: true).`);
    }
    const expected = options.project ?? found[0].name;
    for (const file of found) {
        if ((0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(file.name) !== (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(expected)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${dir}${file.filename} is project ${JSON.stringify(file.name)}, but this release is ${JSON.stringify(expected)}: python.dist must hold only this project's files.`);
        }
        if (!(0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .sameVersion */ .r1)('pep440', file.version, options.version)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${dir}${file.filename} carries version ${file.version}, but the tag says ${options.version}: the build jobs built another commit or version. Build from the tag's commit (actions/checkout of the tag) and re-run; nothing was uploaded.`);
        }
    }
    return selectDistributions(found, { ...options, builtSince: Number.POSITIVE_INFINITY }).files;
}


/***/ }),

/***/ 5493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ pypiUnmatchable),
/* harmony export */   V8: () => (/* binding */ pypiCalledWorkflowNote),
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   _f: () => (/* binding */ requestRunnerIdToken),
/* harmony export */   lA: () => (/* binding */ describePublisherClaims)
/* harmony export */ });
/* unused harmony export parseWorkflowRef */
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3770);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
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


/***/ })

};
