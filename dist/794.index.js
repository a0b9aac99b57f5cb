export const id = 794;
export const ids = [794,249];
export const modules = {

/***/ 8249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   expectedSigner: () => (/* binding */ expectedSigner),
/* harmony export */   loadTrustedRoot: () => (/* binding */ loadTrustedRoot),
/* harmony export */   verifyBundle: () => (/* binding */ verifyBundle)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83930);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53803);






/** Fulcio certificate extensions (sigstore/fulcio docs/oid-info.md). */
const OID = {
    issuerV1: '1.3.6.1.4.1.57264.1.1',
    issuerV2: '1.3.6.1.4.1.57264.1.8',
    sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
    sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
    buildConfigUri: '1.3.6.1.4.1.57264.1.18',
};
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const GITHUB_TUF_MIRROR = 'https://tuf-repo.github.com';
/** The signer this run's attestations must name. */
function expectedSigner(env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const host = new URL(serverUrl).hostname;
    // github.com and GHE.com tenants have token.actions.<…>; GitHub Enterprise Server serves its own issuer.
    const issuer = host === 'github.com' ? GITHUB_ISSUER : host.endsWith('.ghe.com') ? `https://token.actions.${host}` : `${serverUrl}/_services/token`;
    return {
        issuer,
        sourceRepository: `${serverUrl}/${env.GITHUB_REPOSITORY ?? ''}`,
        ...(env.GITHUB_REF ? { sourceRef: env.GITHUB_REF } : {}),
        ...(env.GITHUB_WORKFLOW_REF ? { workflow: `${serverUrl}/${env.GITHUB_WORKFLOW_REF}` } : {}),
    };
}
/**
 * The instance's trusted root (TrustedRoot JSON): a file in the project for a custom instance, else
 * through TUF — the public-good repository (seeded by @sigstore/tuf) or GitHub's (tuf-repo.github.com,
 * its root pinned as `gh attestation` pins it).
 */
async function loadTrustedRoot(instance, cwd, env = process.env, 
/** Another TUF repository and its pinned root (tests; a mirror of the instance's repository). */
tuf) {
    if (instance.trustedRoot) {
        const text = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readProjectText */ .BA)(cwd, instance.trustedRoot, { namedBy: 'attestations.sigstore.trusted-root' });
        try {
            return JSON.parse(text);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${instance.trustedRoot} (attestations.sigstore.trusted-root) is not JSON: give the instance's trusted_root.json.`);
        }
    }
    if (instance.name === 'custom')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('attestations.sigstore needs trusted-root: the path of the instance’s trusted_root.json in the project.');
    const [{ getTrustedRoot }, { TrustedRoot }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(310), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423)), __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23))]);
    if (instance.name === 'github' && !tuf && !instance.fulcioUrl.endsWith('.githubapp.com')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`No trusted root is published for GitHub's Sigstore instance at ${instance.fulcioUrl}: set attestations.sigstore (with trusted-root) for this server.`);
    }
    const pinned = tuf ?? (instance.name === 'github' ? { mirrorUrl: GITHUB_TUF_MIRROR, root: (await __webpack_require__.e(/* import() */ 106).then(__webpack_require__.bind(__webpack_require__, 58106))).GITHUB_TUF_ROOT } : undefined);
    // One cache per repository: TUF keeps the newest root it has verified there.
    const cachePath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'tagship-tuf', (pinned?.mirrorUrl ?? 'public-good').replace(/[^A-Za-z0-9.-]+/g, '_'));
    const options = { cachePath, retry: { retries: 3 }, timeout: 30_000 };
    if (pinned) {
        // @sigstore/tuf seeds only the public-good repository: another one starts from its pinned root.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(cachePath, { recursive: true });
        const rootPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cachePath, 'seed-root.json');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(rootPath, JSON.stringify(pinned.root));
        Object.assign(options, { mirrorURL: pinned.mirrorUrl, rootPath });
    }
    try {
        return TrustedRoot.toJSON(await getTrustedRoot(options));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Could not fetch the trusted root of the ${instance.name} Sigstore instance (${error instanceof Error ? error.message : String(error)}): re-run the job.`, undefined, { cause: error });
    }
}
async function verifyBundle(bundle, expect, trustedRoot) {
    const [{ bundleFromJSON }, { Verifier, toSignedEntity, toTrustMaterial }, { TrustedRoot }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040)),
        Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(917), __webpack_require__.e(187)]).then(__webpack_require__.bind(__webpack_require__, 54187)),
        __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23)),
    ]);
    const fail = (check, what) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Attestation check failed: ${check}: ${what}. Do not trust this attestation; re-run the release job to sign again.`);
    let parsed;
    try {
        parsed = bundleFromJSON(bundle);
    }
    catch (error) {
        throw fail('bundle format', `not a Sigstore bundle (${error instanceof Error ? error.message : String(error)})`);
    }
    if (parsed.content.$case !== 'dsseEnvelope')
        throw fail('bundle format', 'the bundle holds no DSSE envelope');
    const envelope = parsed.content.dsseEnvelope;
    if (envelope.payloadType !== _statement_js__WEBPACK_IMPORTED_MODULE_5__.IN_TOTO_PAYLOAD_TYPE)
        throw fail('bundle format', `the envelope's payload type is ${envelope.payloadType}, not ${_statement_js__WEBPACK_IMPORTED_MODULE_5__.IN_TOTO_PAYLOAD_TYPE}`);
    const root = TrustedRoot.fromJSON(trustedRoot);
    const logRequired = expect.transparencyLog ?? (expect.instance === 'github' ? false : expect.instance === 'public-good' ? true : root.tlogs.length > 0);
    const tlogEntries = parsed.verificationMaterial.tlogEntries;
    if (logRequired && tlogEntries.length === 0)
        throw fail('transparency log', 'the bundle carries no transparency-log entry, so the signature was never logged');
    const verifier = new Verifier(toTrustMaterial(root), {
        tlogThreshold: logRequired ? 1 : 0,
        ctlogThreshold: expect.instance === 'github' ? 0 : expect.instance === 'public-good' ? 1 : root.ctlogs.length > 0 ? 1 : 0,
        timestampThreshold: 1,
    });
    let identity;
    try {
        identity = verifier.verify(toSignedEntity(parsed)).identity;
    }
    catch (error) {
        const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
        const message = error instanceof Error ? error.message : String(error);
        throw fail(VERIFICATION_CHECKS[code] ?? 'signature verification', message);
    }
    const oid = (id) => {
        const found = identity?.oids?.find((pair) => pair.oid?.id.join('.') === id);
        return found ? derUtf8(found.value) : undefined;
    };
    const issuer = identity?.extensions?.issuer ?? oid(OID.issuerV2);
    if (issuer !== expect.signer.issuer)
        throw fail('signer identity (issuer)', `signed with a token from ${issuer ?? 'no issuer'}, expected ${expect.signer.issuer}`);
    const repository = oid(OID.sourceRepositoryUri);
    if (repository?.toLowerCase() !== expect.signer.sourceRepository.toLowerCase()) {
        throw fail('signer identity (repository)', `signed by a workflow of ${repository ?? 'an unnamed repository'}, expected ${expect.signer.sourceRepository}`);
    }
    if (expect.signer.sourceRef !== undefined) {
        const ref = oid(OID.sourceRepositoryRef);
        if (ref !== expect.signer.sourceRef)
            throw fail('signer identity (ref)', `signed from ${ref ?? 'no ref'}, expected ${expect.signer.sourceRef}`);
    }
    if (expect.signer.workflow !== undefined) {
        const workflow = oid(OID.buildConfigUri);
        if (workflow !== expect.signer.workflow)
            throw fail('signer identity (workflow)', `signed by ${workflow ?? 'no workflow'}, expected ${expect.signer.workflow}`);
    }
    let statement;
    try {
        statement = JSON.parse(envelope.payload.toString('utf8'));
    }
    catch {
        throw fail('statement', 'the signed payload is not JSON');
    }
    if (statement._type !== _statement_js__WEBPACK_IMPORTED_MODULE_5__.IN_TOTO_STATEMENT_V1 || !Array.isArray(statement.subject))
        throw fail('statement', `not an in-toto v1 statement (_type ${String(statement._type)})`);
    if (statement.predicateType !== expect.predicateType)
        throw fail('predicate type', `${statement.predicateType}, expected ${expect.predicateType}`);
    for (const wanted of expect.subjects) {
        const matches = statement.subject.some((subject) => (wanted.name === undefined || subject.name === wanted.name) &&
            Object.entries(wanted.digest).every(([algorithm, hex]) => subject.digest?.[algorithm]?.toLowerCase() === hex.toLowerCase()));
        if (!matches) {
            const digest = Object.entries(wanted.digest).map(([algorithm, hex]) => `${algorithm}:${hex}`).join(', ');
            throw fail('subject digest', `no subject ${wanted.name ? `${wanted.name} ` : ''}with ${digest} (the statement names ${statement.subject.map((s) => s.name).join(', ') || 'nothing'})`);
        }
    }
    const logIndex = tlogEntries[0]?.logIndex;
    return { statement, certificateIdentity: identity?.subjectAlternativeName ?? '', ...(logIndex !== undefined ? { logIndex: String(logIndex) } : {}) };
}
/** @sigstore/verify's error codes, as the check a user reads. */
const VERIFICATION_CHECKS = {
    TLOG_ERROR: 'transparency log',
    TLOG_INCLUSION_PROOF_ERROR: 'transparency log (inclusion proof)',
    TLOG_INCLUSION_PROMISE_ERROR: 'transparency log (signed entry timestamp)',
    TLOG_MISSING_INCLUSION_ERROR: 'transparency log (no inclusion proof)',
    TLOG_BODY_ERROR: 'transparency log (the logged entry is not this envelope: payload or signature changed after signing)',
    CERTIFICATE_ERROR: 'certificate chain',
    PUBLIC_KEY_ERROR: 'signing key',
    SIGNATURE_ERROR: 'signature (the envelope was changed after signing)',
    TIMESTAMP_ERROR: 'timestamp',
    UNTRUSTED_SIGNER_ERROR: 'signer identity',
};
/** The text of a DER UTF8String (Fulcio's v2 extensions); a raw value (the legacy ones) as is. */
function derUtf8(value) {
    if (value[0] === 0x0c && value.length >= 2) {
        let length = value[1];
        let offset = 2;
        if (length & 0x80) {
            const bytes = length & 0x7f;
            length = 0;
            for (let i = 0; i < bytes; i++)
                length = (length << 8) | value[2 + i];
            offset = 2 + bytes;
        }
        return value.subarray(offset, offset + length).toString('utf8');
    }
    return value.toString('utf8');
}


/***/ }),

/***/ 44794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkNpmProvenance: () => (/* binding */ checkNpmProvenance)
/* harmony export */ });
/* unused harmony export npmPurl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53770);
/* harmony import */ var _npm_links_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27452);
/* harmony import */ var _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53803);
/* harmony import */ var _sigstore_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);





/** Text from the registry in a message: short, quoted, one line. */
const quoted = (text) => JSON.stringify(text.length > 100 ? `${text.slice(0, 99)}…` : text);
/** The package URL npm signs as the subject name (npm-package-arg's `toPurl`: a scope's `@` encoded). */
function npmPurl(name, version) {
    return `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
}
async function checkNpmProvenance(step, deps) {
    const spec = `${step.package}@${step.version}`;
    const dist = await readVersionDist(step, deps);
    if (!dist.attestations?.url)
        return noProvenance(step, deps.published);
    const integrity = dist.integrity ?? '';
    if (!integrity.startsWith('sha512-')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${spec} lists provenance on ${step.registry}, but no sha512 integrity (\`dist.integrity\` is ${integrity ? `\`${integrity.slice(0, 16)}…\`` : 'missing'}) to check its subject against. Nothing was unpublished; ask the registry's operator.`);
    }
    if (deps.published?.integrity && deps.published.integrity !== integrity) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${step.registry} serves ${spec} with integrity ${integrity.slice(0, 20)}…, not the ${deps.published.integrity.slice(0, 20)}… this run published: its provenance would vouch for other bytes. Check the registry (\`npm view ${spec} dist\`) before anyone installs it.`);
    }
    const sha512 = Buffer.from(integrity.slice('sha512-'.length), 'base64').toString('hex');
    const listed = dist.attestations.provenance?.predicateType;
    if (listed && listed !== _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__.SLSA_PROVENANCE_V1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${spec} on ${step.registry} lists provenance of type ${quoted(listed)}, not ${_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__.SLSA_PROVENANCE_V1} (what npm writes from GitHub Actions): publish from the GitHub Actions workflow with provenance.`);
    }
    const url = attestationsUrl(step.registry, dist.attestations.url);
    const bundle = await readProvenanceBundle(url, spec, deps);
    const trustedRoot = await (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_2__.loadTrustedRoot)(step.provenance.sigstore, deps.cwd);
    const verified = await (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_2__.verifyBundle)(bundle, { signer: (0,_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_2__.expectedSigner)(deps.env), predicateType: _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__.SLSA_PROVENANCE_V1, subjects: [{ name: npmPurl(step.package, step.version), digest: { sha512 } }], instance: step.provenance.sigstore.name }, trustedRoot).catch((error) => {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
            throw error;
        // The check that failed, without the signer's advice: an npm version cannot be signed again.
        const check = error.message.replace(/^Attestation check failed: /, '').replace(/\.? Do not trust this attestation;.*$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The provenance of ${spec} on ${step.registry} does not verify: ${check}. Do not trust this version (\`npm deprecate ${spec} "provenance does not verify"\`) and release the next one from this workflow with provenance.`, undefined, { cause: error });
    });
    const record = {
        subject: spec,
        digest: `sha512:${sha512}`,
        predicateType: _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__.SLSA_PROVENANCE_V1,
        store: 'npm',
        ...(verified.logIndex ? { logIndex: verified.logIndex, instance: step.provenance.sigstore.name } : {}),
        url: (0,_npm_links_js__WEBPACK_IMPORTED_MODULE_4__/* .onNpmjs */ .Mw)(step.registry) ? `https://www.npmjs.com/package/${step.package}/v/${step.version}#provenance` : url,
    };
    const log = verified.logIndex ? ` (transparency log entry ${verified.logIndex})` : '';
    return { state: 'verified', line: `provenance verified: signed by ${verified.certificateIdentity}${log}`, record };
}
/**
 * Why the version shows no provenance, as one line. A failure only where it should be there: the
 * public registry (the only one that stores it) after a publish that asked npm for it.
 */
function noProvenance(step, published) {
    const spec = `${step.package}@${step.version}`;
    const requested = step.provenance.requested === true || published?.provenance === true;
    if (!step.provenance.stored) {
        return { state: 'absent', warn: requested, line: `no provenance to check: ${step.registry} does not store it (only the public npm registry, registry.npmjs.org, does)` };
    }
    if (requested) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${spec} was published with provenance requested, but ${step.registry} shows no attestations for it: npm sent no provenance bundle with it. A version cannot be published again: see the npm-publish step's log for why, and release the next version with provenance.`);
    }
    if (step.provenance.requested === false)
        return { state: 'absent', warn: false, line: 'no provenance: npm.provenance is false' };
    if (published?.provenance === false)
        return { state: 'absent', warn: false, line: 'no provenance: npm could not attach it (the npm-publish step warned why)' };
    return { state: 'absent', warn: false, line: 'no provenance: it was published without (npm.provenance auto asks for it only with `id-token: write` and public access)' };
}
/** The attestations URL on the registry's own host (as pacote does): only its path is taken from the document. */
function attestationsUrl(registry, listed) {
    const path = new URL(listed, registry);
    return new URL(`${path.pathname}${path.search}`, registry).href;
}
async function readVersionDist(step, deps) {
    const url = (0,_npm_links_js__WEBPACK_IMPORTED_MODULE_4__/* .packumentUrl */ .WY)(step.registry, step.package);
    const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8', ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}) };
    const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, { headers, signal: deps.signal, retry: { retries: 3, timeoutMs: 30_000 } });
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${url} answered HTTP ${response.status} when read again for ${step.package}@${step.version}'s provenance; re-run the verify stage.`);
    }
    const doc = (await response.json());
    return doc.versions?.[step.version]?.dist ?? {};
}
async function readProvenanceBundle(url, spec, deps) {
    const headers = { accept: 'application/json', ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}) };
    const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, { headers, signal: deps.signal, retry: { retries: 3, timeoutMs: 30_000 } });
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${spec} lists provenance, but ${url} answers HTTP ${response.status}; re-run the verify stage.`);
    }
    const doc = (await response.json().catch(() => ({})));
    const provenance = doc.attestations?.find((a) => a.predicateType === _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__.SLSA_PROVENANCE_V1 && a.bundle);
    if (!provenance) {
        const types = (doc.attestations ?? []).map((a) => quoted(String(a.predicateType))).join(', ') || 'none';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${spec} lists provenance, but ${url} holds no ${_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_3__.SLSA_PROVENANCE_V1} bundle (attestations: ${types}); re-run the verify stage, and if it persists publish the next version with provenance.`);
    }
    return provenance.bundle;
}


/***/ })

};
