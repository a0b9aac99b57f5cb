export const id = 683;
export const ids = [683];
export const modules = {

/***/ 6064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseBumpRequest: () => (/* binding */ parseBumpRequest),
/* harmony export */   yU: () => (/* binding */ nextVersion)
/* harmony export */ });
/* unused harmony exports BUMP_KINDS, checkPreid */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _pep440_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1405);



const BUMP_KINDS = ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease'];
const EXACT = /^v?([0-9][0-9A-Za-z.+-]*)$/;
/** `patch`, `auto`, `1.2.3` (or `v1.2.3`); anything else is a usage error (exit 2). */
function parseBumpRequest(text) {
    const trimmed = text.trim();
    if (BUMP_KINDS.includes(trimmed))
        return { kind: trimmed };
    if (trimmed === 'auto')
        return { kind: 'auto' };
    const exact = EXACT.exec(trimmed);
    if (exact && trimmed.length <= 128)
        return { exact: exact[1] };
    const shown = JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`unknown bump kind ${shown}; expected major, minor, patch, premajor, preminor, prepatch, prerelease, auto or a version like 1.2.3`);
}
const PEP440_LABELS = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
const SEMVER_IDENTIFIER = /^(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)$/;
/**
 * Refuses a prerelease identifier the scheme cannot carry: semver takes dot-separated `[0-9A-Za-z-]`
 * identifiers (no leading zeros in numeric ones); PEP 440 only the labels a, b, rc (alpha, beta, c,
 * pre, preview are their other spellings).
 */
function checkPreid(preid, scheme) {
    const shown = JSON.stringify(preid.length > 40 ? `${preid.slice(0, 40)}…` : preid);
    if (scheme === 'pep440') {
        if (!(preid.toLowerCase() in PEP440_LABELS)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Prerelease id ${shown} is not a PEP 440 prerelease label: use a, b or rc (alpha, beta, c, pre and preview also work).`);
        }
        return;
    }
    if (preid === '' || preid.length > 64 || !preid.split('.').every((part) => SEMVER_IDENTIFIER.test(part))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Prerelease id ${shown} is not a semver prerelease identifier: use letters, digits and '-' in dot-separated parts (e.g. rc, beta, next.1), numbers without leading zeros.`);
    }
}
/**
 * The version text to tag: semver when the project has semver sources (its Python files then take the
 * PEP 440 spelling of the same version), else PEP 440 canonical. A project with both needs a
 * prerelease both schemes read alike, so its prerelease label must be a PEP 440 one; `rc` when none
 * is given (semver alone would give `1.2.4-0`, which PEP 440 reads as a post-release).
 */
function nextVersion(current, kind, options) {
    const { schemes } = options;
    const usesPep440 = schemes.includes('pep440');
    if (options.preid !== undefined)
        for (const scheme of schemes)
            checkPreid(options.preid, scheme);
    if (!schemes.includes('semver'))
        return nextPep440(current, kind, options.preid);
    const base = semverOf(current);
    // The label as the person spelled it: semver orders `alpha` and `a` differently.
    let preid = options.preid;
    if (usesPep440 && preid === undefined && kind.startsWith('pre')) {
        // Keep the current label (`1.2.4-rc.0` → `1.2.4-rc.1`); start at rc.
        const label = base.prerelease[0];
        preid = typeof label === 'string' && label.toLowerCase() in PEP440_LABELS ? label : 'rc';
    }
    const next = preid === undefined ? semver__WEBPACK_IMPORTED_MODULE_0___default().inc(base.version, kind) : semver__WEBPACK_IMPORTED_MODULE_0___default().inc(base.version, kind, preid);
    if (!next)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Cannot compute the ${kind} version after ${JSON.stringify(current)}: give the version explicitly (e.g. tagship bump 1.2.3).`);
    return next;
}
/** The current version as semver: strict, else npm's loose reading, else a PEP 440 version's semver spelling. */
function semverOf(current) {
    const strict = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(current);
    if (strict)
        return strict;
    // Before npm's loose reading, which takes `1.2.4rc0` as `1.2.4-rc0` (a label PEP 440 does not share).
    const pep = (0,_pep440_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePep440Version */ .vp)(current);
    if (pep && pep.epoch === 0n && pep.release.length <= 3 && pep.post === undefined && pep.local === undefined) {
        const [major = 0n, minor = 0n, patch = 0n] = pep.release;
        const pre = [pep.pre && `${pep.pre.label}.${pep.pre.number}`, pep.dev !== undefined && `dev.${pep.dev}`].filter(Boolean).join('.');
        const converted = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(`${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`);
        if (converted)
            return converted;
    }
    const loose = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(semver__WEBPACK_IMPORTED_MODULE_0___default().clean(current, { loose: true }) ?? '');
    if (loose)
        return loose;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The current version ${JSON.stringify(current)} is not a semver version, so it cannot be bumped: give the next version explicitly (e.g. tagship bump 1.2.3).`);
}
/**
 * PEP 440 mirror of `semver.inc`. The release is read as major.minor.patch (missing parts are 0, a
 * fourth part is dropped by every bump); the epoch stays; post and local segments are dropped. A
 * prerelease here is a/b/rc or a .dev release: `patch` of `1.2.4rc1` is `1.2.4`, as in semver.
 */
function nextPep440(current, kind, preid) {
    const parsed = (0,_pep440_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePep440Version */ .vp)(current);
    if (!parsed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The current version ${JSON.stringify(current)} is not a PEP 440 version, so it cannot be bumped: give the next version explicitly (e.g. tagship bump 1.2.3).`);
    }
    const [major = 0n, minor = 0n, patch = 0n] = parsed.release;
    const isPre = parsed.pre !== undefined || parsed.dev !== undefined;
    const label = preid === undefined ? undefined : PEP440_LABELS[preid.toLowerCase()];
    const make = (release, pre, dev) => (0,_pep440_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPep440 */ .J4)({ epoch: parsed.epoch, release, ...(pre ? { pre } : {}), ...(dev !== undefined ? { dev } : {}) });
    const firstPre = () => ({ label: label ?? 'rc', number: 0n });
    switch (kind) {
        case 'major':
            return make(isPre && minor === 0n && patch === 0n && parsed.release.length <= 3 ? [major, 0n, 0n] : [major + 1n, 0n, 0n]);
        case 'minor':
            return make(isPre && patch === 0n && parsed.release.length <= 3 ? [major, minor, 0n] : [major, minor + 1n, 0n]);
        case 'patch':
            return make(isPre && parsed.release.length <= 3 ? [major, minor, patch] : [major, minor, patch + 1n]);
        case 'premajor':
            return make([major + 1n, 0n, 0n], firstPre());
        case 'preminor':
            return make([major, minor + 1n, 0n], firstPre());
        case 'prepatch':
            return make([major, minor, patch + 1n], firstPre());
        case 'prerelease': {
            const release = [major, minor, patch];
            if (!isPre || parsed.release.length > 3)
                return make([major, minor, patch + 1n], firstPre());
            if (parsed.pre) {
                // `rc1.dev2` comes before `rc1`: the next prerelease is `rc1` itself.
                if (label !== undefined && label !== parsed.pre.label)
                    return make(release, { label, number: 0n });
                const number = parsed.dev !== undefined ? parsed.pre.number : parsed.pre.number + 1n;
                return make(release, { label: parsed.pre.label, number });
            }
            // A bare `.devN` (before every a/b/rc of the release): the next dev, or the first labelled prerelease.
            return label !== undefined ? make(release, { label, number: 0n }) : make(release, undefined, parsed.dev + 1n);
        }
    }
}


/***/ })

};
