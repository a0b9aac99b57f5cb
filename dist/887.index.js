export const id = 887;
export const ids = [887];
export const modules = {

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

/***/ 90887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkImages: () => (/* binding */ checkImages),
/* harmony export */   executeVerifyImages: () => (/* binding */ executeVerifyImages)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30525);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22559);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29217);
/* harmony import */ var _oci_platforms_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(34361);





/** Reads every planned tag back: one index per repository, the same for every tag, listing every platform. */
async function checkImages(client, images, platforms) {
    const published = [];
    const problems = [];
    const wanted = platforms.map(_oci_platforms_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePlatform */ .F);
    for (const image of images) {
        const digests = new Map();
        let listed = [];
        for (const tag of image.tags) {
            const found = await client.getManifest(image.repository, tag);
            if (!found) {
                problems.push(`${image.repository}:${tag} does not exist`);
                continue;
            }
            if (!(0,_oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .isIndexType */ .$U)(found.mediaType)) {
                problems.push(`${image.repository}:${tag} is a single-platform manifest (${found.mediaType || 'no media type'}), not an index of ${wanted.join(', ')}`);
                continue;
            }
            digests.set(found.digest, [...(digests.get(found.digest) ?? []), tag]);
            listed = (found.json.manifests ?? []).map((entry) => (0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_4__/* .platformName */ .$)(entry.platform)).filter((p) => p !== undefined);
            const missing = wanted.filter((p) => !listed.includes(p));
            if (missing.length)
                problems.push(`${image.repository}:${tag} lacks ${missing.join(', ')} (has ${listed.join(', ') || 'none'})`);
        }
        if (digests.size > 1) {
            const spread = [...digests].map(([digest, tags]) => `${tags.join(', ')} → ${digest.slice(0, 19)}…`).join('; ');
            problems.push(`${image.repository}: tags point at different indexes (${spread})`);
        }
        else if (digests.size === 1) {
            const [digest] = digests.keys();
            published.push({ repository: image.repository, tags: image.tags, digest: digest, platforms: listed });
        }
    }
    return { published, problems };
}
/** The `verify-images` step: every planned tag read back; digests go to later steps and notifications. */
async function executeVerifyImages(step, ctx) {
    const client = new _oci_client_js__WEBPACK_IMPORTED_MODULE_1__/* .OciClient */ .RO({ credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_2__.registryLogins)(ctx.secrets, ctx.env), signal: ctx.signal });
    const { published, problems } = await checkImages(client, step.images, step.platforms);
    if (problems.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Published images do not match the plan: ${problems.join('; ')}. Nothing was unpublished; re-run the docker stage to push them again.`);
    }
    const detail = published.map((image) => `${image.repository}@${image.digest} (${image.tags.join(', ')}; ${image.platforms.join(', ')})`).join('; ');
    if (!step.attestations)
        return { id: step.id, status: 'done', detail, produced: { images: published } };
    // Loaded only when there is something signed to check: planning and unsigned runs never load Sigstore.
    const { checkImageAttestations } = await Promise.all(/* import() */[__webpack_require__.e(569), __webpack_require__.e(370)]).then(__webpack_require__.bind(__webpack_require__, 64370));
    const checked = await checkImageAttestations(client, published, step.attestations, ctx);
    return { id: step.id, status: 'done', detail: `${detail}; ${checked.detail}`, produced: { images: published, attestations: checked.records } };
}


/***/ })

};
