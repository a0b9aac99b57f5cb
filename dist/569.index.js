export const id = 569;
export const ids = [569,249];
export const modules = {

/***/ 21657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ek: () => (/* binding */ IMAGE_PREDICATE_TYPES),
/* harmony export */   PR: () => (/* binding */ digestMap),
/* harmony export */   SN: () => (/* binding */ attachedBundles),
/* harmony export */   dz: () => (/* binding */ bundleArtifact),
/* harmony export */   nI: () => (/* binding */ imageStatement),
/* harmony export */   zZ: () => (/* binding */ describePredicate)
/* harmony export */ });
/* unused harmony exports COSIGN_SIGN_V1, SIGSTORE_BUNDLE_V03, BUNDLE_CONTENT_ANNOTATION, BUNDLE_PREDICATE_TYPE_ANNOTATION */
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50961);
/* harmony import */ var _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53803);



/**
 * Signatures and provenance on an image index, stored the way cosign 3 stores them (its "new bundle
 * format": `cosign attest` since v2.5, `cosign sign` since v2.6, the default since v3), so `cosign
 * verify` and `cosign verify-attestation` find and accept them. Read in sigstore/cosign:
 * - doc/cosign_bundle.md ("Cosign Bundle Specification"): the layout below, and retrieval through the
 *   referrers API with the referrers tag as the fallback on a 404.
 * - cmd/cosign/cli/sign/sign.go `signDigestBundle`: `cosign sign` signs an in-toto v1 statement whose
 *   subject is the image digest, predicate type `https://sigstore.dev/cosign/sign/v1`, predicate `{}`,
 *   as a DSSE envelope in a Sigstore bundle v0.3; `cosign attest` the same with the user's predicate.
 * - pkg/oci/remote/write.go `WriteAttestationNewBundleFormat` / `WriteReferrer`: each bundle is one layer
 *   of media type `application/vnd.dev.sigstore.bundle.v0.3+json` in an OCI image manifest with the
 *   empty config, `artifactType` = that media type, `subject` = the image, and the annotations
 *   `dev.sigstore.bundle.content: dsse-envelope`, `dev.sigstore.bundle.predicateType: <type>` and
 *   `org.opencontainers.image.created`. Pushed with go-containerregistry, which keeps the referrers tag
 *   on registries without the referrers API (see src/oci/referrers.ts).
 * - pkg/cosign/verify.go `GetBundles`: verify lists the referrers of the digest (API or tag), reads every
 *   manifest with exactly one layer whose media type starts with `application/vnd.dev.sigstore.bundle`,
 *   and verifies each bundle against the digest (`WithArtifactDigest`): the statement's subject DIGEST
 *   is what binds it to the image, its name is informational. verify-attestation then filters on
 *   `--type` (the predicate type).
 */
const COSIGN_SIGN_V1 = 'https://sigstore.dev/cosign/sign/v1';
const SIGSTORE_BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
const BUNDLE_PREDICATE_TYPE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
/** What each pushed index gets: cosign's signature statement, then SLSA build provenance. */
const IMAGE_PREDICATE_TYPES = [COSIGN_SIGN_V1, _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_1__.SLSA_PROVENANCE_V1];
const describePredicate = (predicateType) => (predicateType === COSIGN_SIGN_V1 ? 'signature' : predicateType === _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_1__.SLSA_PROVENANCE_V1 ? 'SLSA provenance' : predicateType);
/** `sha256:<hex>` → `{ sha256: <hex> }` */
function digestMap(digest) {
    const [algorithm, hex] = digest.split(':');
    return { [algorithm]: hex };
}
/**
 * The statement for `repository@digest`: subject named by the image (as actions/attest-build-provenance
 * names pushed images: registry/name, no tag) with the index digest.
 */
function imageStatement(repository, digest, predicateType, run) {
    const predicate = predicateType === _sigstore_statement_js__WEBPACK_IMPORTED_MODULE_1__.SLSA_PROVENANCE_V1 ? (0,_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_1__.slsaProvenancePredicate)(run) : {};
    return (0,_sigstore_statement_js__WEBPACK_IMPORTED_MODULE_1__.inTotoStatement)([{ name: repository, digest: digestMap(digest) }], predicateType, predicate);
}
/** A signed bundle as the referrer artifact cosign pushes. */
function bundleArtifact(bundle, predicateType, created) {
    return {
        artifactType: SIGSTORE_BUNDLE_V03,
        layerMediaType: SIGSTORE_BUNDLE_V03,
        layer: new TextEncoder().encode(JSON.stringify(bundle)),
        annotations: {
            [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
            [BUNDLE_PREDICATE_TYPE_ANNOTATION]: predicateType,
            // Seconds, as cosign writes it (RFC 3339, UTC).
            'org.opencontainers.image.created': created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
    };
}
/**
 * Every Sigstore bundle attached to `repository@digest`, found as cosign finds them: the referrers
 * (API, else tag), each manifest with one bundle layer. Other referrers (SBOMs, old-style signatures)
 * are not bundles and are passed over.
 */
async function attachedBundles(client, repository, digest, access = 'pull') {
    const { via, manifests } = await (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .listReferrers */ .xt)(client, repository, digest, access);
    const bundles = [];
    const unreadable = [];
    for (const entry of manifests) {
        if (typeof entry.artifactType !== 'string' || !entry.artifactType.startsWith('application/vnd.dev.sigstore.bundle'))
            continue;
        const manifest = await client.getManifest(repository, entry.digest, access);
        const layers = manifest?.json.layers ?? [];
        if (!manifest || manifest.json.subject?.digest !== digest || layers.length !== 1 || !layers[0].mediaType.startsWith('application/vnd.dev.sigstore.bundle')) {
            unreadable.push(`${repository}@${entry.digest} is listed as a Sigstore bundle for ${digest} but is not one (missing, another subject, or not one bundle layer)`);
            continue;
        }
        try {
            const bundle = JSON.parse(new TextDecoder().decode(await client.getBlob(repository, layers[0].digest)));
            bundles.push({ referrer: entry.digest, ...readStatement(bundle), bundle });
        }
        catch (error) {
            unreadable.push(`${repository}@${entry.digest}: its bundle is not JSON (${error instanceof Error ? error.message : String(error)})`);
        }
    }
    return { via, bundles, unreadable };
}
/** The predicate type and subject digests of a bundle's DSSE statement, without verifying anything. */
function readStatement(bundle) {
    try {
        const payload = bundle.dsseEnvelope?.payload;
        const statement = JSON.parse(Buffer.from(payload ?? '', 'base64').toString('utf8'));
        const subjectDigests = (statement.subject ?? []).flatMap((s) => Object.entries(s.digest ?? {}).map(([algorithm, hex]) => `${algorithm}:${hex}`));
        return { ...(typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType } : {}), subjectDigests };
    }
    catch {
        return { subjectDigests: [] };
    }
}


/***/ }),

/***/ 50961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ attachArtifact),
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   xt: () => (/* binding */ listReferrers)
/* harmony export */ });
/* unused harmony exports EMPTY_CONFIG_TYPE, EMPTY_CONFIG, referrerManifest, addToTagIndex */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30525);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29217);



/**
 * Artifacts attached to an image (signatures, attestations) the OCI 1.1 way: an image manifest whose
 * `subject` is the image, found again through the registry's referrers API or, on a registry without
 * one, through the index its pushers keep under the referrers tag `sha256-<hex>`.
 *
 * Taken from (read at the source, not guessed):
 * - OCI distribution-spec 1.1 (opencontainers/distribution-spec spec.md): "Pushing Manifests with
 *   Subject" — a registry with the referrers API answers the push with `OCI-Subject`; without it the
 *   client pulls the referrers tag (404: start with an empty index; anything but an OCI index: report a
 *   failure), adds no duplicate, appends a descriptor carrying the manifest's `artifactType` (else the
 *   config's media type) and ALL its annotations, and pushes the tag back, MAY be conditional (If-Match).
 *   "Listing Referrers": 200 with an OCI index; a registry with the API never answers 404; a 404 sends
 *   the client to the referrers tag. "Referrers Tag Schema": `<alg>-<hex>`.
 * - go-containerregistry pkg/v1/remote (what cosign pushes and reads with): `fetchReferrers` treats 404,
 *   400, 406 or a 200 that is not an OCI index as "no API" and reads the tag; `commitSubjectReferrers`
 *   checks the API after the push even when the header came back.
 * - sigstore-js packages/oci image.ts (`addArtifact`): the empty `{}` config as
 *   `application/vnd.oci.empty.v1+json`, one layer, `artifactType` = the layer's media type, and a
 *   ping of the referrers API because some registries (ECR) send `OCI-Subject` without having it.
 *
 * Debian's docker-registry (distribution 2.8.2), measured: it stores such a manifest byte for byte
 * (subject, artifactType, empty config), sends no `OCI-Subject`, answers the referrers path with a
 * plain-text 404, ignores If-Match (hence the read-back after each write of the tag), and refuses an
 * index listing a manifest the repository lacks (MANIFEST_BLOB_UNKNOWN): the artifact goes first.
 */
const EMPTY_CONFIG_TYPE = 'application/vnd.oci.empty.v1+json';
/** The empty config: `{}` (OCI image-spec "Guidance for an Empty Descriptor"). */
const EMPTY_CONFIG = new TextEncoder().encode('{}');
/** The referrers tag of a digest: `sha256:abc…` → `sha256-abc…`. */
function referrersTag(digest) {
    return digest.replace(':', '-');
}
/** Everything attached to `digest` in `repository`, whichever way the registry keeps the list. */
async function listReferrers(client, repository, digest, access = 'pull') {
    const listed = await client.listReferrers(repository, digest, access);
    if (listed)
        return { via: 'api', manifests: listed };
    const index = await readTagIndex(client, repository, digest, access);
    return { via: 'tag', manifests: index?.json.manifests ?? [] };
}
/** The referrer manifest for `artifact` on `subject`, serialised once: its bytes name it. */
function referrerManifest(subject, artifact, layerDigest) {
    return {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG,
        artifactType: artifact.artifactType,
        config: { mediaType: EMPTY_CONFIG_TYPE, digest: (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .sI)(EMPTY_CONFIG), size: EMPTY_CONFIG.length },
        layers: [{ mediaType: artifact.layerMediaType, digest: layerDigest, size: artifact.layer.length }],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: artifact.annotations,
    };
}
/**
 * Pushes `artifact` as a referrer of `subject`: the config and layer blobs, then the manifest by digest,
 * then — when the registry did not index it — the referrers tag, read, extended and written back. The
 * artifact exists before any list names it, so a reader never follows an entry to nothing.
 */
async function attachArtifact(client, repository, subject, artifact) {
    await client.pushBlob(repository, EMPTY_CONFIG);
    const layerDigest = await client.pushBlob(repository, artifact.layer);
    const manifest = referrerManifest(subject, artifact, layerDigest);
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    const digest = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .sI)(bytes);
    await client.writeManifest(repository, digest, bytes, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG);
    // `OCI-Subject` alone is not proof (sigstore-js: ECR sends it without having the API), and its
    // absence is not either (go-containerregistry asks the API regardless): the API decides.
    if (await client.listReferrers(repository, subject.digest, 'push'))
        return { digest, via: 'api' };
    const entry = { mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG, digest, size: bytes.length, artifactType: artifact.artifactType, annotations: artifact.annotations };
    await addToTagIndex(client, repository, subject.digest, entry);
    return { digest, via: 'tag' };
}
/** Attempts at the read-modify-write of the referrers tag before giving up on concurrent writers. */
const TAG_ATTEMPTS = 5;
/**
 * Adds `entry` to the referrers tag of `subject`: read (404: empty), leave alone when listed, append,
 * write with If-Match on what was read, then read back. A registry enforcing If-Match answers 412 to a
 * lost race; one ignoring it (distribution 2.8) may let a concurrent pusher's list replace ours, which
 * the read-back sees: then the list is merged again. Entries of others are never dropped by us.
 */
async function addToTagIndex(client, repository, subject, entry) {
    const tag = referrersTag(subject);
    for (let attempt = 1; attempt <= TAG_ATTEMPTS; attempt++) {
        const current = await readTagIndex(client, repository, subject, 'push');
        const manifests = current?.json.manifests ?? [];
        if (manifests.some((m) => m.digest === entry.digest))
            return;
        const index = { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p, manifests: [...manifests, entry] };
        const bytes = new TextEncoder().encode(JSON.stringify(index));
        try {
            await client.writeManifest(repository, tag, bytes, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p, current?.etag ? { ifMatch: current.etag } : {});
        }
        catch (error) {
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestChangedError */ ._D)
                continue;
            throw error;
        }
        const after = await readTagIndex(client, repository, subject, 'push');
        if (after?.json.manifests?.some((m) => m.digest === entry.digest))
            return;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${repository}: the referrers tag ${tag} kept changing under concurrent pushes (${TAG_ATTEMPTS} attempts): re-run; what is attached is kept.`);
}
async function readTagIndex(client, repository, subject, access) {
    const tag = referrersTag(subject);
    const found = await client.getManifest(repository, tag, access);
    if (!found)
        return undefined;
    if (found.mediaType !== _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p || !Array.isArray(found.json.manifests)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${repository}:${tag} should hold the OCI index of what refers to ${subject}, but holds ${found.mediaType || 'something else'}: remove that tag (or move what is there) and re-run.`);
    }
    return found;
}


/***/ }),

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


/***/ })

};
