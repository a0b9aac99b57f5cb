export const id = 601;
export const ids = [601];
export const modules = {

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
