export const id = 58;
export const ids = [58];
export const modules = {

/***/ 69058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   releasedVersionsInRegistries: () => (/* binding */ releasedVersionsInRegistries),
/* harmony export */   versionsFromImageTags: () => (/* binding */ versionsFromImageTags)
/* harmony export */ });
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83401);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30525);


/**
 * Image tags that name a full release under one of the project's schemes (`1.2.3`, `1.2.3rc1`, or with
 * the tag prefix, `v1.2.3`). Aliases (`latest`, `1.2`, `1`) and other tags (`sha-abc`, `edge`) are not
 * releases: PEP 440 would read `1.2` as a version, so three release numbers are required.
 */
function versionsFromImageTags(tags, schemes, prefix) {
    const versions = new Set();
    for (const tag of tags) {
        const text = prefix && tag.startsWith(prefix) ? tag.slice(prefix.length) : tag;
        if (!/^\d+\.\d+\.\d+/.test(text))
            continue;
        if (schemes.some((scheme) => (0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_0__/* .parseVersion */ .ot)(scheme, text).ok))
            versions.add(text);
    }
    return [...versions];
}
/** Reads every image's tag list in parallel; an unreadable registry is a warning, never a failure. */
async function releasedVersionsInRegistries(images, options) {
    // Few retries: this runs before every plan, and the git tags are a fine fallback.
    const client = new _client_js__WEBPACK_IMPORTED_MODULE_1__/* .OciClient */ .RO({ credentials: options.credentials, signal: options.signal, retry: { retries: 2, minDelayMs: 250, maxDelayMs: 1000, timeoutMs: 15_000 } });
    const results = await Promise.allSettled(images.map((image) => client.listTags(image.toLowerCase())));
    const versions = new Set();
    const warnings = [];
    for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled')
            for (const version of versionsFromImageTags(result.value, options.schemes, options.prefix))
                versions.add(version);
        else
            warnings.push(`Could not read the tags of ${images[i]} (${result.reason instanceof Error ? result.reason.message : String(result.reason)}); deciding latest and the aliases from the git tags alone.`);
    }
    return { versions: [...versions], warnings };
}


/***/ })

};
