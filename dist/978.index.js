export const id = 978;
export const ids = [978];
export const modules = {

/***/ 81978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGithubAttestExecutor: () => (/* binding */ createGithubAttestExecutor),
/* harmony export */   executeGithubAttest: () => (/* binding */ executeGithubAttest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15493);
/* harmony import */ var _sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46249);
/* harmony import */ var _sigstore_record_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17729);
/* harmony import */ var _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(53803);
/* harmony import */ var _attestation_lookup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52384);
/* harmony import */ var _attestations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72936);
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(67441);
/* harmony import */ var _published_assets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24367);









/**
 * The github-attest step: one SLSA build-provenance statement whose subjects are the release's assets
 * (`SHA256SUMS` included), signed keylessly through Sigstore with the job's identity and stored with
 * GitHub's attestations API. GitHub keeps every attestation it is sent, so the step first asks the API
 * for each asset's digest: an asset that already has a verifying attestation from this repository and
 * ref is not attested again, and a re-run with nothing missing stores nothing.
 *
 * It runs after the release is published: a failure leaves the release as it is, unattested, and says
 * so; a re-run attests what is missing.
 */
function createGithubAttestExecutor(tuning = {}, signTuning = {}) {
    return async (step, ctx) => {
        // With `auto` and no OIDC token preflight has said, once, what is not signed: skip quietly.
        if (!step.attestation.required && !(0,_sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_2__.canMintIdToken)(ctx.env)) {
            return { id: step.id, status: 'skipped', detail: `${SKIPPED} (no id-token: write)`, produced: { attestations: [], skipped: SKIPPED } };
        }
        const github = (0,_connect_js__WEBPACK_IMPORTED_MODULE_5__/* .connectGithub */ .S)(ctx, `Attesting the assets of release ${step.tag}`, tuning);
        const repository = { owner: github.owner, repo: github.repo };
        const assets = releasedAssets(ctx, step) ?? (await assetsFromApi(github, step.tag));
        if (!assets.length)
            return { id: step.id, status: 'unchanged', detail: `release ${step.tag} has no assets to attest`, produced: { attestations: [] } };
        const { expectedSigner, loadTrustedRoot } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.bind(__webpack_require__, 8249));
        let root;
        const options = {
            signer: expectedSigner(ctx.env),
            predicateType: step.predicateType,
            trustedRoot: () => (root ??= loadTrustedRoot(step.attestation.instance, ctx.cwd, ctx.env)),
            instance: step.attestation.instance.name,
            // Asked before signing: a token that may not read attestations may not store them either, and
            // failing here spends no certificate and writes no log entry.
            permission: 'attestations: write',
        };
        const records = [];
        const missing = [];
        for (const asset of assets) {
            const found = await (0,_attestation_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .lookUpAttestation */ .R)(github.client, repository, asset, options).catch((error) => Promise.reject(notAttested(step, error)));
            if (found.verified)
                records.push(record(step, asset, { logIndex: found.verified.logIndex }));
            else
                missing.push(asset);
        }
        if (!missing.length) {
            return { id: step.id, status: 'unchanged', detail: `all ${assets.length} assets of ${step.tag} already attested`, produced: { attestations: records } };
        }
        let stored;
        try {
            // `auto` and a runner that refuses the token: skip as above; `required`: the one-line error.
            const idToken = await (0,_sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_2__.idTokenFor)(step.attestation, ctx.env, ctx.signal);
            if (!idToken)
                return { id: step.id, status: 'skipped', detail: SKIPPED, produced: { attestations: records, skipped: SKIPPED } };
            ctx.runner.mask(idToken);
            const subjects = missing.map((asset) => ({ name: asset.name, digest: { sha256: asset.digest.slice('sha256:'.length) } }));
            // The token's claims name the builder exactly as the certificate will (a called workflow included).
            const predicate = (0,_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_7__.slsaProvenancePredicate)((0,_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_7__.runIdentity)(ctx.env, ((0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeClaims */ .Yq)(idToken) ?? {})));
            const { signStatement } = await __webpack_require__.e(/* import() */ 601).then(__webpack_require__.bind(__webpack_require__, 35601));
            const signed = await signStatement((0,_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_7__.inTotoStatement)(subjects, step.predicateType, predicate), { ...signTuning, instance: step.attestation.instance, idToken, ...(ctx.signal ? { signal: ctx.signal } : {}) });
            const id = await (0,_attestations_js__WEBPACK_IMPORTED_MODULE_4__/* .storeAttestation */ .m4)(github.client, repository, signed.bundle, `the assets of release ${step.tag}`);
            stored = { id, ...(signed.logIndex !== undefined ? { logIndex: signed.logIndex } : {}) };
        }
        catch (error) {
            throw notAttested(step, error);
        }
        const url = `${github.serverUrl}/${github.owner}/${github.repo}/attestations/${stored.id}`;
        for (const asset of missing)
            records.push(record(step, asset, { ...stored, url }));
        ctx.runner.info(`Attested ${missing.map((a) => a.name).join(', ')} (attestation ${stored.id}${stored.logIndex !== undefined ? `, log index ${stored.logIndex}` : ''}).`);
        const rekor = (0,_sigstore_record_js__WEBPACK_IMPORTED_MODULE_8__/* .rekorEntryUrl */ .R)(step.attestation.instance, stored.logIndex);
        const kept = assets.length - missing.length;
        const outcome = {
            id: step.id,
            status: 'done',
            detail: `attested ${missing.length} asset${missing.length === 1 ? '' : 's'} of ${step.tag} (SLSA provenance, attestation ${stored.id})${kept ? `; ${kept} already attested` : ''}`,
            links: [{ label: `attestation ${stored.id}`, url }, ...(rekor ? [{ label: `Rekor entry ${stored.logIndex}`, url: rekor }] : [])],
            produced: { attestations: records },
        };
        return outcome;
    };
}
const executeGithubAttest = createGithubAttestExecutor();
const SKIPPED = 'not attested: the job cannot get an OIDC token';
/** The assets the release step of this run published, with the digests it computed. */
function releasedAssets(ctx, step) {
    const produced = ctx.outcomes.get(step.releaseStep)?.produced;
    const assets = produced?.assets;
    if (!Array.isArray(assets))
        return undefined;
    return assets.filter((a) => typeof a?.name === 'string' && typeof a?.digest === 'string' && a.digest.startsWith('sha256:'));
}
async function assetsFromApi(github, tag) {
    const release = await (0,_published_assets_js__WEBPACK_IMPORTED_MODULE_6__/* .readPublishedRelease */ .k)(github, tag);
    if (!release)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${tag} does not exist, so its assets cannot be attested: run the release stage first.`);
    return release.assets;
}
function record(step, asset, found) {
    return {
        subject: asset.name,
        digest: asset.digest,
        predicateType: step.predicateType,
        store: 'github',
        ...(found.logIndex !== undefined ? { logIndex: found.logIndex } : {}),
        ...(found.id !== undefined ? { attestationId: String(found.id) } : {}),
        ...(found.url ? { url: found.url } : {}),
    };
}
/** One line: the release is out, its assets are not attested, and why (the cause already says what to do). */
function notAttested(step, error) {
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
        return error;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${step.tag} and its assets are in place, but the assets are not attested: ${error.message}`, undefined, { cause: error });
}


/***/ }),

/***/ 52384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ lookUpAttestation)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _attestations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72936);


/**
 * What `gh attestation verify <file> --repo owner/name` does for one file: list the repository's
 * attestations for the file's sha256, and accept one whose bundle verifies against the instance's
 * trusted root, names this repository (and ref) as its source, and lists the digest as a subject.
 */
async function lookUpAttestation(client, repository, asset, options) {
    const listed = await (0,_attestations_js__WEBPACK_IMPORTED_MODULE_1__/* .listAttestations */ .el)(client, repository, asset.digest, options.predicateType, options.permission);
    const rejected = [];
    if (!listed.length)
        return { listed: 0, rejected };
    const { verifyBundle } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.bind(__webpack_require__, 8249));
    const root = await options.trustedRoot();
    const [algorithm, hex] = asset.digest.split(':');
    for (const item of listed) {
        if (!item.bundle) {
            rejected.push('the API answered no bundle');
            continue;
        }
        try {
            const verified = await verifyBundle(item.bundle, { signer: options.signer, predicateType: options.predicateType, subjects: [{ digest: { [algorithm]: hex } }], ...(options.instance ? { instance: options.instance } : {}) }, root);
            return { verified, listed: listed.length, rejected };
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
                throw error;
            rejected.push(error.message);
        }
    }
    return { listed: listed.length, rejected };
}


/***/ }),

/***/ 72936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   el: () => (/* binding */ listAttestations),
/* harmony export */   m4: () => (/* binding */ storeAttestation)
/* harmony export */ });
/* unused harmony export nextLink */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);

/** More pages than a release's attestations could fill; a bound, so a looping Link header cannot hold the job. */
const MAX_PAGES = 10;
/**
 * Every attestation stored in `repository` for `digest` (`sha256:<hex>`), optionally only those of one
 * predicate type (the full URI, or `provenance`, `sbom`, `release`). GitHub answers 404 when there is
 * none, which is an empty list here. Pages follow the Link header's `next` cursor.
 */
async function listAttestations(client, repository, digest, predicateType, 
/** The permission a refusal names: a step that will store attestations needs `attestations: write`, which covers reading. */
permission = 'attestations: read') {
    const found = [];
    try {
        let response = await client.rest.repos.listAttestations({ ...repository, subject_digest: digest, per_page: 100, ...(predicateType ? { predicate_type: predicateType } : {}) });
        for (let page = 1;; page++) {
            for (const item of response.data.attestations ?? []) {
                found.push({ ...(item.bundle ? { bundle: item.bundle } : {}), ...(item.repository_id !== undefined ? { repositoryId: item.repository_id } : {}) });
            }
            const next = nextLink(response.headers.link);
            if (!next || page >= MAX_PAGES)
                return found;
            response = (await client.request({ method: 'GET', url: octokitSafe(next) }));
        }
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
            return found;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .translateApiError */ .PY)(error, `reading the attestations for ${digest} in ${repository.owner}/${repository.repo}`, permission);
    }
}
/** Stores `bundle` as an attestation of `repository`; its id. Needs the token's `attestations: write`. */
async function storeAttestation(client, repository, bundle, what) {
    try {
        const { data } = await client.rest.repos.createAttestation({ ...repository, bundle: bundle });
        if (typeof data.id !== 'number')
            throw new Error(`GitHub stored the attestation for ${what} but answered no id`);
        return data.id;
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .translateApiError */ .PY)(error, `storing the attestation for ${what}`, 'attestations: write');
    }
}
/** The `rel="next"` URL of a Link header. */
function nextLink(header) {
    for (const part of (header ?? '').split(',')) {
        const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (match)
            return match[1];
    }
    return undefined;
}
/** Octokit reads `:name` in a URL as a parameter to fill: the digest's colon is sent encoded. */
function octokitSafe(url) {
    const parsed = new URL(url);
    parsed.pathname = parsed.pathname.replace(/:/g, '%3A');
    return parsed.toString();
}


/***/ }),

/***/ 24367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ readPublishedRelease)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15386);


/**
 * The release for `tag` (drafts included: a rehearsal's stays a draft) and its assets, read from the
 * API as anyone with access to the repository sees them. Undefined when there is no such release.
 */
async function readPublishedRelease(github, tag) {
    const repo = { owner: github.owner, repo: github.repo };
    try {
        const release = (await (0,_release_js__WEBPACK_IMPORTED_MODULE_1__/* .findReleases */ .O)(github.client.rest.repos, repo, tag))[0];
        if (!release)
            return undefined;
        const assets = [];
        const incomplete = [];
        for (let page = 1;; page++) {
            const { data } = await github.client.rest.repos.listReleaseAssets({ ...repo, release_id: release.id, per_page: 100, page });
            for (const asset of data) {
                if (asset.state === 'uploaded' && asset.digest?.startsWith('sha256:'))
                    assets.push({ name: asset.name, digest: asset.digest });
                else
                    incomplete.push(asset.name);
            }
            if (data.length < 100)
                break;
        }
        return { id: release.id, htmlUrl: release.html_url, draft: release.draft, assets, incomplete };
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .translateApiError */ .PY)(error, `reading release ${tag} and its assets`);
    }
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
