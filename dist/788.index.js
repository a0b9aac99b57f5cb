export const id = 788;
export const ids = [788];
export const modules = {

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

/***/ 13788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createVerifyAssetsExecutor: () => (/* binding */ createVerifyAssetsExecutor),
/* harmony export */   executeVerifyAssets: () => (/* binding */ executeVerifyAssets)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _github_attestation_lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52384);
/* harmony import */ var _github_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67441);
/* harmony import */ var _github_published_assets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24367);




/**
 * The verify-assets check, from the outside as a user runs `gh attestation verify <file> --repo
 * owner/name`: list the release's assets (GitHub's own digest of each stored file), fetch the
 * repository's attestations by each digest, and verify each bundle: the Sigstore chain and log entry
 * (or timestamp), this repository and ref as the signer's source, the asset's digest as a subject.
 * Every asset must pass; the first that does not fails the run with what to do.
 */
function createVerifyAssetsExecutor(tuning = {}) {
    return async (step, ctx) => {
        const skipped = ctx.outcomes.get('github-attest')?.produced?.skipped;
        if (!step.required && typeof skipped === 'string') {
            return { id: step.id, status: 'skipped', detail: `not checked: the assets of ${step.tag} were ${skipped}` };
        }
        const github = (0,_github_connect_js__WEBPACK_IMPORTED_MODULE_2__/* .connectGithub */ .S)(ctx, `Verifying the attestations of release ${step.tag}`, tuning);
        const repository = { owner: github.owner, repo: github.repo };
        const release = await (0,_github_published_assets_js__WEBPACK_IMPORTED_MODULE_3__/* .readPublishedRelease */ .k)(github, step.tag);
        if (!release)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${step.tag} does not exist in ${github.owner}/${github.repo}, so its assets cannot be verified: run the release stage first.`);
        if (release.incomplete.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${step.tag} has half-uploaded assets (${release.incomplete.join(', ')}), which cannot be verified: re-run the release stage to upload them again.`);
        }
        const { expectedSigner, loadTrustedRoot } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.bind(__webpack_require__, 8249));
        let root;
        const options = {
            signer: expectedSigner(ctx.env),
            predicateType: step.predicateType,
            trustedRoot: () => (root ??= loadTrustedRoot(step.instance, ctx.cwd, ctx.env)),
            instance: step.instance.name,
        };
        const results = [];
        for (const asset of release.assets)
            results.push({ asset, found: await (0,_github_attestation_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .lookUpAttestation */ .R)(github.client, repository, asset, options) });
        // With `enabled: auto` a release that no job could sign is reported, not failed; a partly attested one fails.
        if (!step.required && results.length && results.every((r) => r.found.listed === 0)) {
            ctx.runner.warning(`No asset of release ${step.tag} has a build-provenance attestation in ${github.owner}/${github.repo}: the release job could not sign (it needs \`permissions: id-token: write\` and \`attestations: write\`).`);
            return { id: step.id, status: 'skipped', detail: `not checked: no asset of ${step.tag} is attested` };
        }
        const missing = results.filter((r) => r.found.listed === 0).map((r) => r.asset);
        if (missing.length) {
            const which = missing.length === 1 ? `asset ${describe(missing[0])} has` : `${missing.length} assets have`;
            const names = missing.length === 1 ? '' : ` (${missing.map(describe).join(', ')})`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${step.tag}: ${which} no build-provenance attestation in ${github.owner}/${github.repo}${names}: re-run the release stage; its github-attest step attests what is missing.`);
        }
        const rejected = results.filter((r) => !r.found.verified);
        if (rejected.length) {
            const { asset, found } = rejected[0];
            const more = rejected.length > 1 ? ` (${rejected.length - 1} more asset${rejected.length > 2 ? 's' : ''} too)` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${step.tag}: asset ${describe(asset)}${more} has ${found.listed} attestation${found.listed === 1 ? '' : 's'} and none verifies: ${found.rejected[0] ?? 'no bundle'}`);
        }
        const attestations = results.map(({ asset, found }) => ({
            subject: asset.name,
            digest: asset.digest,
            predicateType: step.predicateType,
            store: 'github',
            ...(found.verified.logIndex !== undefined ? { logIndex: found.verified.logIndex } : {}),
        }));
        const identity = results[0]?.found.verified?.certificateIdentity;
        return {
            id: step.id,
            status: 'done',
            detail: `${results.length} asset${results.length === 1 ? '' : 's'} of ${step.tag} verified against their attestations${identity ? ` (signed by ${identity})` : ''}`,
            links: [{ label: `release ${step.tag}`, url: release.htmlUrl }],
            produced: { attestations },
        };
    };
}
const executeVerifyAssets = createVerifyAssetsExecutor();
/** `"name" (sha256:…)`: the name quoted, since asset names come from files. */
function describe(asset) {
    return `${JSON.stringify(asset.name)} (${asset.digest})`;
}


/***/ })

};
