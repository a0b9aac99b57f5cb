export const id = 853;
export const ids = [853];
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

/***/ 32595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pc: () => (/* binding */ normalizeName),
  cz: () => (/* binding */ readDistributions)
});

// UNUSED EXPORTS: distributionType, wheelPythonTag

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 3 modules
var blake2 = __webpack_require__(84374);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(42565);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/nanotar/dist/index.mjs
var dist = __webpack_require__(76480);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/project/files.ts
var files = __webpack_require__(83930);
// EXTERNAL MODULE: ./src/python/metadata.ts
var python_metadata = __webpack_require__(62117);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
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

/***/ 62117:
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

/***/ 41853:
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
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/project/files.ts
var project_files = __webpack_require__(83930);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var net_http = __webpack_require__(53770);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/sigstore/id-token.ts
var id_token = __webpack_require__(46249);
// EXTERNAL MODULE: ./src/python/attestation.ts
var python_attestation = __webpack_require__(81452);
;// CONCATENATED MODULE: ./src/python/attest.ts






const MAX_ATTESTATION_BYTES = 1024 * 1024;
/**
 * The publish attestation of every file about to be uploaded, all made before the first upload: a
 * signing failure (Fulcio or Rekor down, no OIDC token) stops the step with nothing uploaded, so no
 * file reaches the index without the attestation the summary would claim.
 *
 * PyPI takes attestations only from a trusted publisher (warehouse `_extract_attestations_from_request`),
 * so an upload with an API token carries none: said once, or an error when attestations are required.
 * Undefined: upload without attestations.
 */
async function publishAttestations(files, step, credentials, ctx, retry = {}) {
    const wanted = step.attestation;
    if (!wanted || !files.length)
        return undefined;
    if (credentials.method !== 'trusted-publishing') {
        const why = "PyPI takes PEP 740 attestations only with trusted publishing, and this upload uses the 'pypi-token' input";
        const how = `configure this workflow as the project's trusted publisher on ${new URL(step.indexUrl).host} and give the job \`permissions: id-token: write\``;
        if (wanted.required)
            throw new errors/* UserError */.yo(`attestations.enabled is true, but ${why}: ${how}, or set attestations.pypi to false. Nothing was uploaded.`);
        // Without an OIDC token at all, preflight already said once that nothing is signed this run.
        if (!(0,id_token.canMintIdToken)(ctx.env))
            return undefined;
        ctx.runner.warning(`${why}: ${files.map((f) => f.filename).join(', ')} are uploaded without attestations. To attest them, ${how} (attestations.pypi: false silences this).`);
        return undefined;
    }
    const attested = new Map();
    const toSign = [];
    for (const file of files) {
        const prebuilt = readPrebuiltAttestation(ctx.cwd, file);
        if (prebuilt)
            attested.set(file.filename, { attestation: prebuilt, logIndex: (0,python_attestation/* attestationLogIndex */.To)(prebuilt), source: 'prebuilt' });
        else
            toSign.push(file);
    }
    if (toSign.length) {
        // The Sigstore libraries load only here, in the step that signs.
        const [{ idTokenFor }, { signStatement }, { inTotoStatement }] = await Promise.all([Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 46249)), __webpack_require__.e(/* import() */ 601).then(__webpack_require__.bind(__webpack_require__, 35601)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 53803))]);
        // `auto` and the runner refusing a `sigstore` token: upload unattested (preflight has said why); required: one error line.
        const idToken = await idTokenFor(wanted, ctx.env, ctx.signal);
        if (idToken === undefined)
            return attested.size ? attested : undefined;
        ctx.runner.mask(idToken);
        for (const file of toSign) {
            // PyPI's publish/v1 predicate: no schema, `{}` or null (docs.pypi.org/attestations/publish/v1).
            const statement = inTotoStatement([{ name: file.filename, digest: { sha256: file.sha256 } }], python_attestation/* PYPI_PUBLISH_PREDICATE */.tP, {});
            const signed = await signStatement(statement, { instance: wanted.instance, idToken, signal: ctx.signal, ...retry });
            let attestation;
            try {
                attestation = (0,python_attestation/* attestationFromBundle */.r$)(signed.bundle);
            }
            catch (error) {
                throw new errors/* UserError */.yo(`Cannot make the PEP 740 attestation of ${file.filename}: ${error.message}. Nothing was uploaded.`);
            }
            attested.set(file.filename, { attestation, logIndex: signed.logIndex ?? (0,python_attestation/* attestationLogIndex */.To)(attestation), source: 'signed' });
            ctx.runner.info(`✓ attested ${file.filename} (sha256 ${file.sha256})${signed.logIndex ? `, transparency log entry ${signed.logIndex}` : ''}`);
        }
    }
    return attested;
}
/**
 * twine's convention: `<dist>.publish.attestation` beside the dist, made by a build job of the same
 * workflow (PyPI checks the signer is the trusted publisher's workflow). One that attests other bytes
 * stops the step: uploading the file without it, or with it, would not be what the build job meant.
 */
function readPrebuiltAttestation(cwd, file) {
    const path = `${file.path}${python_attestation/* PUBLISH_ATTESTATION_SUFFIX */.ro}`;
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, path)))
        return undefined;
    let value;
    try {
        value = JSON.parse((0,project_files/* readNamedFile */.wh)((0,external_node_path_.join)(cwd, path), path, { maxBytes: MAX_ATTESTATION_BYTES }).toString('utf8'));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${path} is not a PEP 740 attestation (${error instanceof Error ? error.message : String(error)}): remove it to have this step sign ${file.filename}, or re-run the build job. Nothing was uploaded.`);
    }
    if (!(0,python_attestation/* isPepAttestation */.c9)(value))
        throw new errors/* UserError */.yo(`${path} is not a PEP 740 attestation object: remove it to have this step sign ${file.filename}, or re-run the build job. Nothing was uploaded.`);
    const { subjects, predicateType } = (0,python_attestation/* attestationStatement */.af)(value);
    const subject = subjects[0];
    if (subjects.length !== 1 || subject?.name !== file.filename || subject.sha256 !== file.sha256 || predicateType !== python_attestation/* PYPI_PUBLISH_PREDICATE */.tP) {
        const says = subject ? `${subject.name ?? '?'} sha256 ${subject.sha256 ?? '?'}` : 'no subject';
        throw new errors/* UserError */.yo(`${path} attests ${says} (${predicateType ?? 'no predicate type'}), not this ${file.filename} (sha256 ${file.sha256}) as a publish attestation: the build job's attestation and file no longer match. Remove the attestation to have this step sign the file, or rebuild both; nothing was uploaded.`);
    }
    return value;
}
/** What the summary lists for the files uploaded with an attestation. */
function attestationRecords(step, project, uploaded, attested) {
    if (!attested)
        return [];
    return uploaded.flatMap((file) => {
        const made = attested.get(file.filename);
        if (!made)
            return [];
        return [
            {
                subject: file.filename,
                digest: `sha256:${file.sha256}`,
                predicateType: python_attestation/* PYPI_PUBLISH_PREDICATE */.tP,
                store: 'pypi',
                ...(made.logIndex ? { logIndex: made.logIndex } : {}),
                url: (0,python_attestation/* provenanceUrl */.$I)(step.indexUrl, project, step.version, file.filename),
            },
        ];
    });
}

// EXTERNAL MODULE: ./src/runtime/oidc-claims.ts
var oidc_claims = __webpack_require__(15493);
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
    const response = await send(http, url, { headers: { authorization: `Bearer ${oidc.token}`, accept: 'application/json' } });
    if (!response.ok) {
        throw new errors/* UserError */.yo(`The runner refused an OIDC ID token (HTTP ${response.status}: ${await refusalReason(response)}): give the job \`permissions: id-token: write\`, or pass an API token in the 'pypi-token' input.`);
    }
    const { value } = (await response.json());
    if (!value)
        throw new Error('the runner answered the OIDC token request without a value');
    return value;
}

// EXTERNAL MODULE: ./src/python/distributions.ts + 1 modules
var distributions = __webpack_require__(32595);
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
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 3 modules
var blake2 = __webpack_require__(84374);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(42565);
// EXTERNAL MODULE: ./node_modules/nanotar/dist/index.mjs
var dist = __webpack_require__(76480);
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
var metadata = __webpack_require__(62117);
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
function uploadForm(file, bytes, attestation) {
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
    // PEP 740 / PyPI's upload API: a JSON list of attestation objects (what `twine upload --attestations` sends).
    if (attestation)
        form.append('attestations', JSON.stringify([attestation]));
    form.append('content', new Blob([bytes], { type: 'application/octet-stream' }), file.filename);
    return form;
}
/** Uploads one file. The index taking the same bytes twice is fine; different bytes under a taken name never are. */
async function uploadFile(cwd, file, target, http, attestation) {
    // A regular file under the cap; the digest comparison below proves it is the file the build step checked.
    const bytes = (0,project_files/* readNamedFile */.wh)((0,external_node_path_.join)(cwd, file.path), file.path, { maxBytes: project_files/* MAX_ASSET_BYTES */.IC });
    if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== file.sha256) {
        throw new errors/* UserError */.yo(`${file.path} changed after the build step read it: something else writes to the output directory. Re-run.`);
    }
    const response = await send(http, target.repositoryUrl, {
        method: 'POST',
        headers: { accept: 'application/json', authorization: await target.credentials.authorization(), 'user-agent': 'tagship' },
        body: uploadForm(file, bytes, attestation),
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
    if (response.status === 400 && /^Invalid attestations supplied/i.test(reason)) {
        throw new errors/* UserError */.yo(`${target.indexName} refused the attestation of ${file.filename} (${reason}); the file was not uploaded. PyPI checks the signer is the project's trusted publisher (repository and workflow file) and the subject is this file: fix the publisher or the attestation and re-run, or set attestations.pypi to false.`);
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
                produced: { project, version: step.version, uploaded: [], unchanged, url: projectPage(step.indexUrl, project, step.version), attestations: [] },
            };
        }
        const credentials = await pypiCredentials({ indexUrl: step.indexUrl, env: ctx.env, token: ctx.secrets['pypi-token'], runner: ctx.runner, http, now: options.now });
        // Every attestation is made before the first upload: nothing goes up without the one it should carry.
        const attested = await publishAttestations(pending, step, credentials, ctx, options.signing);
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
                const attestation = attested?.get(file.filename)?.attestation;
                const result = await uploadFile(ctx.cwd, file, target, http, attestation);
                (result === 'uploaded' ? uploaded : unchanged).push(file.filename);
                const withAttestation = result === 'uploaded' && attestation ? ', with its publish attestation' : '';
                ctx.runner.info(`${result === 'uploaded' ? '✓ uploaded' : '= already there:'} ${file.filename} (${file.size} bytes, sha256 ${file.sha256}${withAttestation})`);
            }
            catch (error) {
                // The failed upload's answer may be what was lost: ask the index what it holds before saying.
                const listed = await indexedFiles(step.indexUrl, project, step.version, http).catch(() => undefined);
                throw partialFailure(error, file, files, [...uploaded, ...unchanged], listed, indexName);
            }
        }
        // Only files this run uploaded carry its attestations: one already there kept what it had (PyPI answers 200 and stores none).
        const attestations = attestationRecords(step, project, files.filter((f) => uploaded.includes(f.filename)), attested);
        const parts = [
            uploaded.length ? `uploaded ${uploaded.join(', ')}` : '',
            attestations.length ? `with PEP 740 publish attestations: ${attestations.map((a) => a.subject).join(', ')}` : '',
            unchanged.length ? `already there: ${unchanged.join(', ')}` : '',
        ].filter(Boolean);
        const outcome = {
            id: step.id,
            status: uploaded.length ? 'done' : 'unchanged',
            detail: `${project} ${step.version} on ${indexName} (${credentials.method}): ${parts.join('; ')}`,
            links: links([...uploaded, ...unchanged]),
            produced: { project, version: step.version, uploaded, unchanged, url: projectPage(step.indexUrl, project, step.version), attestations },
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83401);
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32595);



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

/***/ 46249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIGSTORE_AUDIENCE: () => (/* binding */ SIGSTORE_AUDIENCE),
/* harmony export */   canMintIdToken: () => (/* binding */ canMintIdToken),
/* harmony export */   idTokenFor: () => (/* binding */ idTokenFor),
/* harmony export */   sigstoreIdToken: () => (/* binding */ sigstoreIdToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15493);


/**
 * The runner's OIDC ID token for Sigstore (audience `sigstore`, what Fulcio requires). Minted right
 * before each signing, held by tagship only: no child process sees the runner's request credentials.
 */
const SIGSTORE_AUDIENCE = 'sigstore';
/** Whether the job may ask the runner for ID tokens (`permissions: id-token: write` sets both variables). */
function canMintIdToken(env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
async function sigstoreIdToken(env, signal) {
    if (!canMintIdToken(env)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('Signing needs an OIDC ID token, and this job cannot get one: give the job `permissions: id-token: write` (or set attestations.enabled to false).');
    }
    return (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .requestRunnerIdToken */ ._f)(env, SIGSTORE_AUDIENCE, signal);
}
/**
 * The token to sign a planned attestation with, or undefined when it is not to be made this run:
 * `attestations.enabled: auto` and the job cannot get one (preflight has said so once already). With
 * `enabled: true` a missing or refused token is the one-line error.
 */
async function idTokenFor(attestation, env, signal) {
    if (!attestation.required && !canMintIdToken(env))
        return undefined;
    try {
        return await sigstoreIdToken(env, signal);
    }
    catch (error) {
        if (attestation.required || !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
            throw error;
        return undefined;
    }
}


/***/ })

};
