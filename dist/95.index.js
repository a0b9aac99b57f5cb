export const id = 95;
export const ids = [95,601];
export const modules = {

/***/ 50095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeDockerAttest: () => (/* binding */ executeDockerAttest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30525);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22559);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50961);
/* harmony import */ var _runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15493);
/* harmony import */ var _sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46249);
/* harmony import */ var _sigstore_record_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(17729);
/* harmony import */ var _sigstore_sign_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(35601);
/* harmony import */ var _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(53803);
/* harmony import */ var _sigstore_verify_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8249);
/* harmony import */ var _image_signatures_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(21657);











/** `attestations.enabled: auto` and the runner gave no token: nothing more is signed (preflight warned). */
class NoToken extends Error {
}
/** Signs once per step run: the ID token and the run identity it certifies, minted on first need. */
class Signer {
    step;
    ctx;
    token;
    constructor(step, ctx) {
        this.step = step;
        this.ctx = ctx;
    }
    get instance() {
        return this.step.attestation.instance;
    }
    async sign(repository, digest, predicateType) {
        // Minted only when something is missing: a re-run that finds everything attached needs no token.
        this.token ??= (0,_sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_5__.idTokenFor)(this.step.attestation, this.ctx.env, this.ctx.signal);
        const idToken = await this.token;
        if (!idToken)
            throw new NoToken();
        // The token's claims win over the environment: they are what Fulcio certifies (a called workflow's builder).
        const run = (0,_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_9__.runIdentity)(this.ctx.env, ((0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .decodeClaims */ .Yq)(idToken) ?? {}));
        return (0,_sigstore_sign_js__WEBPACK_IMPORTED_MODULE_6__.signStatement)((0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .imageStatement */ .nI)(repository, digest, predicateType, run), { instance: this.instance, idToken, signal: this.ctx.signal });
    }
}
/**
 * What is already attached and still good: a bundle of the same predicate type over the same digest,
 * that verifies as signed by this repository and ref. Anything else (another repository's signature,
 * a tampered bundle) does not count, and a fresh one is attached next to it.
 */
async function alreadyAttested(client, repository, digest, step, ctx) {
    const { via, bundles } = await (0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .attachedBundles */ .SN)(client, repository, digest, 'push');
    const found = new Map();
    const candidates = bundles.filter((b) => b.predicateType && _image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .IMAGE_PREDICATE_TYPES */ .Ek.includes(b.predicateType) && b.subjectDigests.includes(digest));
    if (!candidates.length)
        return { via, found };
    const { instance } = step.attestation;
    const trustedRoot = await (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_7__.loadTrustedRoot)(instance, ctx.cwd, ctx.env);
    const signer = (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_7__.expectedSigner)(ctx.env);
    for (const candidate of candidates) {
        const predicateType = candidate.predicateType;
        if (found.has(predicateType))
            continue;
        // Any failure (another signer, a tampered or malformed bundle) means "not attested yet", said once.
        const verified = await (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_7__.verifyBundle)(candidate.bundle, { signer, predicateType, subjects: [{ digest: (0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .digestMap */ .PR)(digest) }], instance: instance.name }, trustedRoot).catch((error) => {
            ctx.runner.info(`  · ${repository}@${candidate.referrer} (${(0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ)(predicateType)}) does not count: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        });
        if (verified)
            found.set(predicateType, record(repository, digest, predicateType, instance, verified.logIndex));
    }
    return { via, found };
}
function record(repository, digest, predicateType, instance, logIndex) {
    const url = (0,_sigstore_record_js__WEBPACK_IMPORTED_MODULE_10__/* .rekorEntryUrl */ .R)(instance, logIndex);
    return { subject: `${repository}@${digest}`, digest, predicateType, store: 'registry', ...(logIndex ? { logIndex } : {}), ...(url ? { url } : {}) };
}
/** A repository whose attestations stopped part-way: what is attached and what is not. */
class RepositoryAttestFailure extends Error {
    done;
    missing;
    cause;
    constructor(done, missing, cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.done = done;
        this.missing = missing;
        this.cause = cause;
    }
}
async function attestRepository(client, signer, repository, digest, step, ctx) {
    const stored = await client.getManifest(repository, digest, 'push');
    if (!stored)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${repository}@${digest} is not in the registry: the docker-merge step must push it first. Re-run the docker stage.`);
    const subject = { mediaType: stored.mediaType, digest, size: stored.bytes.length };
    const { via, found } = await alreadyAttested(client, repository, digest, step, ctx);
    const attached = [];
    for (const predicateType of _image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .IMAGE_PREDICATE_TYPES */ .Ek) {
        const existing = found.get(predicateType);
        if (existing) {
            ctx.runner.info(`  = ${repository}@${digest}: ${(0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ)(predicateType)} already attached`);
            continue;
        }
        try {
            // Signed first, pushed after: a signing failure leaves nothing in the registry.
            const signed = await signer.sign(repository, digest, predicateType);
            await (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_3__/* .attachArtifact */ .Kb)(client, repository, subject, (0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .bundleArtifact */ .dz)(signed.bundle, predicateType, new Date()));
            attached.push(record(repository, digest, predicateType, step.attestation.instance, signed.logIndex));
            ctx.runner.info(`  ✓ ${repository}@${digest}: ${(0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ)(predicateType)} attached${signed.logIndex ? ` (Rekor log index ${signed.logIndex})` : ''}`);
        }
        catch (error) {
            if (error instanceof NoToken)
                throw error;
            const missing = _image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .IMAGE_PREDICATE_TYPES */ .Ek.filter((type) => type !== predicateType && !found.has(type) && !attached.some((r) => r.predicateType === type));
            throw new RepositoryAttestFailure([...found.values(), ...attached], [predicateType, ...missing].map(_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ), error);
        }
    }
    return { repository, digest, attached, found: [...found.values()], via };
}
/** The merged index digest of each repository, from this run's docker-merge outcome. */
function mergedDigests(step, ctx) {
    const produced = ctx.outcomes.get('docker-merge')?.produced;
    const digests = new Map();
    for (const repository of step.repositories) {
        const digest = produced?.digests?.[repository];
        if (!digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker-attest needs the index docker-merge pushed to ${repository}, and docker-merge did not run in this job: run the attestations in the job that merges (docker-job: merge or all).`);
        digests.set(repository, digest);
    }
    return digests;
}
/**
 * The `docker-attest` step: for each repository's merged index, a keyless signature and SLSA
 * provenance, attached as referrers. A re-run finds them (verified as this repository's) and attaches
 * nothing twice; a failure says what is attached and what is not, and claims nothing unsigned.
 */
const notSigned = (step, attested = []) => ({
    id: step.id,
    status: 'skipped',
    detail: `images not signed, this job cannot get an OIDC token (attestations.enabled: auto). Give the job \`permissions: id-token: write\` to sign them.`,
    produced: { attestations: attested },
});
async function executeDockerAttest(step, ctx) {
    if (!step.attestation.required && !(0,_sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_5__.canMintIdToken)(ctx.env))
        return notSigned(step);
    const digests = mergedDigests(step, ctx);
    const client = new _oci_client_js__WEBPACK_IMPORTED_MODULE_1__/* .OciClient */ .RO({
        credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_2__.registryLogins)(ctx.secrets, ctx.env),
        signal: ctx.signal,
        onRetry: (notice) => ctx.runner.info(`  retrying ${notice.url} in ${notice.delayMs} ms (${notice.reason}, attempt ${notice.attempt})`),
    });
    const signer = new Signer(step, ctx);
    const results = [];
    // One repository at a time: each keeps its own referrers tag, and a failure stops before the next.
    for (const [repository, digest] of digests) {
        try {
            results.push(await attestRepository(client, signer, repository, digest, step, ctx));
        }
        catch (error) {
            // auto, and the runner refused a token: what earlier runs attached stays listed, nothing is claimed.
            if (error instanceof NoToken)
                return notSigned(step, results.flatMap((r) => [...r.found, ...r.attached]));
            const done = [...results.flatMap((r) => [...r.found, ...r.attached]), ...(error instanceof RepositoryAttestFailure ? error.done : [])];
            const missing = error instanceof RepositoryAttestFailure ? error.missing.join(' and ') : 'signature and SLSA provenance';
            const rest = [...digests.keys()].slice(results.length + 1);
            const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*$/, '');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${reason}${/[.!]$/.test(reason) ? '' : '.'} Not attached to ${repository}@${digest}: ${missing}${rest.length ? `; not started: ${rest.join(', ')}` : ''}. Attached: ${done.length ? done.map((r) => `${(0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ)(r.predicateType)} on ${r.subject}`).join(', ') : 'nothing'}. Re-run: what is attached is found and kept.`, undefined, { cause: error instanceof RepositoryAttestFailure ? error.cause : error });
        }
    }
    const changed = results.some((r) => r.attached.length);
    return {
        id: step.id,
        status: changed ? 'done' : 'unchanged',
        detail: results
            .map((r) => {
            const parts = [
                r.attached.length ? `attached ${r.attached.map((a) => (0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ)(a.predicateType)).join(' and ')}` : '',
                r.found.length ? `already attached ${r.found.map((a) => (0,_image_signatures_js__WEBPACK_IMPORTED_MODULE_8__/* .describePredicate */ .zZ)(a.predicateType)).join(' and ')}` : '',
            ];
            return `${r.repository}@${r.digest}: ${parts.filter(Boolean).join('; ')} (${r.via === 'api' ? 'referrers API' : 'referrers tag'})`;
        })
            .join('; '),
        produced: { attestations: results.flatMap((r) => [...r.found, ...r.attached]) },
    };
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


/***/ }),

/***/ 35601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   signStatement: () => (/* binding */ signStatement)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53803);


const SERVICE_BY_CODE = {
    CA_CREATE_SIGNING_CERTIFICATE_ERROR: 'Fulcio',
    TLOG_CREATE_ENTRY_ERROR: 'Rekor',
    TLOG_FETCH_ENTRY_ERROR: 'Rekor',
    TSA_CREATE_TIMESTAMP_ERROR: 'the timestamp authority',
};
async function signStatement(statement, options) {
    const [{ DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness }, { bundleToJSON }, { X509Certificate }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(917), __webpack_require__.e(310), __webpack_require__.e(179)]).then(__webpack_require__.bind(__webpack_require__, 15179)),
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040)),
        __webpack_require__.e(/* import() */ 917).then(__webpack_require__.t.bind(__webpack_require__, 83917, 23)),
    ]);
    const { instance } = options;
    const timeout = options.timeoutMs ?? 30_000;
    const retry = { retries: options.retries ?? 3, factor: 2, minTimeout: options.retryDelayMs ?? 1000, maxTimeout: 30_000, randomize: true };
    const signer = new FulcioSigner({
        fulcioBaseURL: instance.fulcioUrl,
        identityProvider: { getToken: () => Promise.resolve(options.idToken) },
        timeout,
        retry,
    });
    const witnesses = [
        // fetchOnConflict: when a retried upload finds its first attempt logged after all (409), read that entry.
        ...(instance.rekorUrl ? [new RekorWitness({ rekorBaseURL: instance.rekorUrl, entryType: 'dsse', fetchOnConflict: true, timeout, retry })] : []),
        ...(instance.tsaUrl ? [new TSAWitness({ tsaBaseURL: instance.tsaUrl, timeout, retry })] : []),
    ];
    const builder = new DSSEBundleBuilder({ signer, witnesses });
    const signing = builder.create({ data: Buffer.from(JSON.stringify(statement)), type: _statement_js__WEBPACK_IMPORTED_MODULE_1__.IN_TOTO_PAYLOAD_TYPE });
    const bundle = await abortable(signing, options.signal).catch((error) => {
        throw signingError(error, instance);
    });
    const json = bundleToJSON(bundle);
    const material = bundle.verificationMaterial;
    const certificate = material.content.$case === 'certificate' ? material.content.certificate.rawBytes : material.content.$case === 'x509CertificateChain' ? material.content.x509CertificateChain.certificates[0]?.rawBytes : undefined;
    const certificateIdentity = certificate ? (X509Certificate.parse(Buffer.from(certificate)).subjectAltName ?? '') : '';
    const logIndex = material.tlogEntries[0]?.logIndex;
    return { bundle: json, ...(logIndex !== undefined ? { logIndex: String(logIndex) } : {}), certificateIdentity };
}
/** The library does not take a signal: stop waiting for it (its own timeouts end the requests). */
function abortable(promise, signal) {
    if (!signal)
        return promise;
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => (signal.removeEventListener('abort', onAbort), resolve(value)), (error) => (signal.removeEventListener('abort', onAbort), reject(error)));
    });
}
/**
 * One line naming the service and what to do. A refusal (4xx) is the request's fault (the token, the
 * key): re-running does not help, so it says what was refused. An outage (5xx, reset, timeout) after
 * the retries says to re-run: nothing was signed, so nothing is half-done.
 */
function signingError(error, instance) {
    if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string')
        return error;
    // The library's message for this one quotes the whole token: say it without.
    if (error.code === 'IDENTITY_TOKEN_PARSE_ERROR')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('The OIDC ID token for signing is not a JWT naming a subject: nothing was signed.');
    const service = SERVICE_BY_CODE[error.code];
    if (!service)
        return error;
    const url = service === 'Fulcio' ? instance.fulcioUrl : service === 'Rekor' ? instance.rekorUrl : instance.tsaUrl;
    const cause = error.cause;
    const status = cause && typeof cause === 'object' && 'statusCode' in cause ? Number(cause.statusCode) : undefined;
    // HTTPError reads `(503) Service Unavailable`; a connection error `request to … failed, reason: …`.
    const reason = (cause instanceof Error ? cause.message : error.message).replace(/^\(\d+\)\s*/, '').replace(/\s+/g, ' ').slice(0, 200);
    const detail = status !== undefined ? `HTTP ${status}: ${reason}` : reason;
    const where = `${service} (${url})`;
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        const what = service === 'Fulcio'
            ? 'refused a signing certificate for this job’s OIDC token'
            : service === 'Rekor'
                ? 'refused to record the signature'
                : 'refused to timestamp the signature';
        const fix = service === 'Fulcio'
            ? 'the token must be this job’s own, for audience `sigstore` and unexpired, from an issuer the instance trusts (check attestations.sigstore)'
            : 'check attestations.sigstore names this instance’s services';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} ${what} (${detail}); nothing was signed: ${fix}.`, undefined, { cause: error });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} did not answer (${detail}), also after retrying; nothing was signed: re-run the job once it is reachable.`, undefined, { cause: error });
}


/***/ })

};
