export const id = 370;
export const ids = [370];
export const modules = {

/***/ 64370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkImageAttestations: () => (/* binding */ checkImageAttestations)
/* harmony export */ });
/* harmony import */ var _docker_image_signatures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21657);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50961);
/* harmony import */ var _sigstore_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17729);
/* harmony import */ var _sigstore_verify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);





/**
 * Finds each published index's signature and SLSA provenance the way `cosign verify` does (referrers
 * API, else the referrers tag) and verifies every bundle from the outside: certificate chain and
 * transparency-log entry (or timestamp) against the instance's trusted root, issuer, this repository
 * and ref, the predicate type, and the index digest as the statement's subject.
 *
 * Nothing attached at all, with `attestations.enabled: auto` and no signing in this run (the job could
 * not get an OIDC token, and docker-attest said so): reported, not failed. Anything else missing or
 * not verifying fails the step with one line per image.
 */
async function checkImageAttestations(client, published, options, ctx) {
    const attest = ctx.outcomes.get('docker-attest');
    const signedHere = (attest?.produced?.attestations ?? []).length > 0;
    const expected = options.required || signedHere;
    const signer = (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_3__.expectedSigner)(ctx.env);
    let trustedRoot;
    const records = [];
    const problems = [];
    const unsigned = [];
    for (const image of published) {
        const { via, bundles, unreadable } = await (0,_docker_image_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .attachedBundles */ .SN)(client, image.repository, image.digest);
        const where = via === 'api' ? 'the referrers API' : `the referrers tag ${(0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_2__/* .referrersTag */ .LN)(image.digest)}`;
        problems.push(...unreadable);
        if (!bundles.length && !expected) {
            unsigned.push(`${image.repository}@${image.digest}`);
            continue;
        }
        for (const predicateType of _docker_image_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .IMAGE_PREDICATE_TYPES */ .Ek) {
            const candidates = bundles.filter((b) => b.predicateType === predicateType);
            const what = `${(0,_docker_image_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .describePredicate */ .zZ)(predicateType)} of ${image.repository}@${image.digest}`;
            if (!candidates.length) {
                problems.push(`no ${what} in ${where}`);
                continue;
            }
            trustedRoot ??= await (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_3__.loadTrustedRoot)(options.instance, ctx.cwd, ctx.env);
            const failures = [];
            let verified;
            for (const candidate of candidates) {
                try {
                    const result = await (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_3__.verifyBundle)(candidate.bundle, { signer, predicateType, subjects: [{ digest: (0,_docker_image_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .digestMap */ .PR)(image.digest) }], instance: options.instance.name }, trustedRoot);
                    const url = (0,_sigstore_record_js__WEBPACK_IMPORTED_MODULE_4__/* .rekorEntryUrl */ .R)(options.instance, result.logIndex);
                    verified = { subject: `${image.repository}@${image.digest}`, digest: image.digest, predicateType, store: 'registry', ...(result.logIndex ? { logIndex: result.logIndex } : {}), ...(url ? { url } : {}) };
                    break;
                }
                catch (error) {
                    failures.push(`${candidate.referrer.slice(0, 19)}…: ${error instanceof Error ? error.message : String(error)}`);
                }
            }
            if (verified)
                records.push(verified);
            else
                problems.push(`the ${what} does not verify (${failures.join('; ')})`);
        }
    }
    if (problems.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Image attestations missing or not verified: ${problems.join('; ')}. Re-run the docker stage's merge job: docker-attest attaches what is missing; bundles signed by another repository or ref do not count.`);
    }
    const detail = [
        records.length ? `verified ${records.length} attestation${records.length === 1 ? '' : 's'} (signature + SLSA provenance) as signed by ${signer.sourceRepository}${signer.sourceRef ? ` at ${signer.sourceRef}` : ''}` : '',
        unsigned.length ? `not signed: ${unsigned.join(', ')} (attestations.enabled: auto, and this run did not sign)` : '',
    ];
    return { records, detail: detail.filter(Boolean).join('; ') };
}


/***/ })

};
