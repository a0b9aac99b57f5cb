export const id = 564;
export const ids = [564];
export const modules = {

/***/ 57564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeDockerMerge: () => (/* binding */ executeDockerMerge),
  mergeImages: () => (/* binding */ mergeImages)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/client.ts + 1 modules
var oci_client = __webpack_require__(30525);
// EXTERNAL MODULE: ./src/oci/credentials.ts
var credentials = __webpack_require__(22559);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
// EXTERNAL MODULE: ./src/oci/names.ts
var names = __webpack_require__(92657);
;// CONCATENATED MODULE: ./src/oci/copy.ts


/**
 * Makes `digest` exist in `target` by copying it from `source` with everything it references: for an
 * index its manifests, for an image its config and layers. Blobs on the same registry are mounted
 * (no bytes move); across registries they are downloaded and uploaded. Children go first, so the
 * registry never sees a manifest whose parts are missing. Only what the target lacks is copied.
 */
async function copyManifest(client, source, target, digest, report = { manifests: 0, mounted: 0, uploaded: 0 }) {
    const manifest = await client.getManifest(source, digest);
    if (!manifest)
        throw new Error(`${source}@${digest} vanished while being copied`);
    if ((0,media_types/* isIndexType */.$U)(manifest.mediaType) || manifest.json.manifests) {
        for (const child of manifest.json.manifests ?? []) {
            if (!(await client.headManifest(target, child.digest, 'push')))
                await copyManifest(client, source, target, child.digest, report);
        }
    }
    else {
        const blobs = [manifest.json.config, ...(manifest.json.layers ?? [])].filter((b) => b !== undefined);
        await Promise.all(blobs.map((blob) => copyBlob(client, source, target, blob.digest, report)));
    }
    await client.putManifest(target, digest, manifest.bytes, manifest.mediaType);
    report.manifests++;
    return report;
}
async function copyBlob(client, source, target, digest, report) {
    if (await client.hasBlob(target, digest, 'push'))
        return;
    let upload;
    if ((0,names/* parseImageName */["if"])(source).host === (0,names/* parseImageName */["if"])(target).host) {
        const mounted = await client.mountBlob(target, digest, source);
        if (mounted === true) {
            report.mounted++;
            return;
        }
        upload = mounted;
    }
    else {
        upload = await client.startUpload(target, digest);
    }
    await client.uploadBlob(target, digest, upload, await client.getBlob(source, digest));
    report.uploaded++;
}

// EXTERNAL MODULE: ./src/oci/platforms.ts
var oci_platforms = __webpack_require__(34361);
;// CONCATENATED MODULE: ./src/oci/image-index.ts


/** buildx marks provenance/SBOM manifests this way; they ride along with the image they describe. */
const ATTESTATION_ANNOTATION = 'vnd.docker.reference.type';
function isAttestation(entry) {
    return entry.annotations?.[ATTESTATION_ANNOTATION] === 'attestation-manifest' || (entry.platform?.os === 'unknown' && entry.platform?.architecture === 'unknown');
}
/**
 * The multi-platform OCI index over `entries`, serialised canonically (keys sorted, no whitespace) so
 * the same builds and annotations always give the same bytes, hence the same digest: a re-run finds
 * every tag already pointing at it and writes nothing.
 */
function buildIndex(entries, annotations = {}) {
    const index = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_INDEX */.$p,
        manifests: entries.map((entry) => sortKeys(entry)),
        ...(Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
    };
    const bytes = new TextEncoder().encode(JSON.stringify(index));
    const platforms = entries.filter((e) => !isAttestation(e)).map((e) => (0,oci_platforms/* platformName */.$)(e.platform) ?? 'unknown');
    return { bytes, digest: (0,media_types/* sha256Digest */.sI)(bytes), platforms };
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map((key) => [key, sortKeys(value[key])]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/docker/image-links.ts

/** Where a person sees the published tags: Docker Hub's tag page, the GitHub package page; none elsewhere. */
function imageLink(repository, githubRepository) {
    const { host, path } = (0,names/* parseImageName */["if"])(repository);
    if (host === 'registry-1.docker.io') {
        const url = path.startsWith('library/') ? `https://hub.docker.com/_/${path.slice('library/'.length)}/tags` : `https://hub.docker.com/r/${path}/tags`;
        return { label: repository, url };
    }
    if (host === 'ghcr.io') {
        const [owner, ...name] = path.split('/');
        const linked = githubRepository && githubRepository.split('/')[0]?.toLowerCase() === owner ? githubRepository : undefined;
        const packageName = encodeURIComponent(name.join('/'));
        // The package page hangs off the repository it is linked to; without one the ref alone is shown.
        return linked ? { label: repository, url: `https://github.com/${linked}/pkgs/container/${packageName}` } : undefined;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/docker/platform-digests.ts
var platform_digests = __webpack_require__(32457);
;// CONCATENATED MODULE: ./src/docker/merge.ts










/** A repository whose tag writes stopped part-way: what is in place and what is not. */
class RepositoryFailure extends Error {
    repository;
    written;
    notWritten;
    cause;
    constructor(repository, written, notWritten, cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.repository = repository;
        this.written = written;
        this.notWritten = notWritten;
        this.cause = cause;
    }
}
/**
 * Assembles the multi-platform index from the per-platform builds and points every planned tag of
 * every repository at it. Repositories are done in parallel; within one, tags are written in plan
 * order (version first) and the first failure stops that repository, so no alias is ever ahead of
 * its version tag. Tags already pointing at the index are left alone, so a re-run is a no-op. A version
 * tag found at other images stops the merge before anything is written, unless it is a docker-rebuild.
 */
async function mergeImages(client, request) {
    const log = request.log ?? (() => undefined);
    const repositories = request.images.map((image) => image.repository);
    // One round of reads, all at once: which builds each repository has, where its tags point now. The
    // first repository's builds are read whole (a GET costs what a HEAD does), for the index.
    const fetched = new Map();
    const state = await Promise.all(request.images.map(async (image, r) => {
        const [has, tags] = await Promise.all([
            Promise.all(request.builds.map(async (build) => {
                if (r > 0)
                    return Boolean(await client.headManifest(image.repository, build.digest, 'push'));
                const manifest = await client.getManifest(image.repository, build.digest, 'push');
                if (manifest)
                    fetched.set(build.digest, manifest);
                return Boolean(manifest);
            })),
            Promise.all(image.tags.map((tag) => client.headManifest(image.repository, tag, 'push'))),
        ]);
        return { has, tags: tags.map((head) => head?.digest) };
    }));
    const holders = request.builds.map((build, b) => {
        const found = repositories.filter((_, r) => state[r].has[b]);
        if (!found.length) {
            throw new errors/* UserError */.yo(`The ${build.platforms.join(', ')} build (${build.digest}) is in none of ${repositories.join(', ')}. Did its docker-build job succeed and push by digest to these repositories?`);
        }
        return found;
    });
    const built = await assemble(client, request, holders.map((found) => found[0]), fetched);
    const targets = await keepEquivalentIndexes(client, request, state, built);
    const moves = versionTagMoves(request, state, targets);
    const settled = await Promise.allSettled(request.images.map(async (image, r) => {
        const target = targets[r];
        if (target !== built)
            log(`= ${image.repository}:${image.tags.find((tag) => request.versionTags.includes(tag))} already points at ${target.digest}, which holds the same images (only attestations differ): kept`);
        const copied = [];
        for (const [b, build] of request.builds.entries()) {
            if (state[r].has[b])
                continue;
            const host = (0,names/* parseImageName */["if"])(image.repository).host;
            const from = holders[b].find((repo) => (0,names/* parseImageName */["if"])(repo).host === host) ?? holders[b][0];
            await copyManifest(client, from, image.repository, build.digest);
            copied.push(build.platforms.join(', '));
            log(`copied the ${build.platforms.join(', ')} build from ${from} to ${image.repository}`);
        }
        const written = [];
        const unchanged = [];
        const moved = moves.filter((move) => move.repository === image.repository).map(({ tag, from }) => ({ tag, from }));
        for (const [t, tag] of image.tags.entries()) {
            if (state[r].tags[t] === target.digest) {
                unchanged.push(tag);
                log(`= ${image.repository}:${tag} already points at ${target.digest}`);
                continue;
            }
            try {
                await client.putManifest(image.repository, tag, target.bytes, target.mediaType);
            }
            catch (error) {
                throw new RepositoryFailure(image.repository, written, image.tags.slice(t), error);
            }
            written.push(tag);
            const from = moved.find((move) => move.tag === tag)?.from;
            log(from ? `↻ ${image.repository}:${tag} moved from ${from} to ${target.digest} (docker-rebuild)` : `✓ ${image.repository}:${tag} → ${target.digest}`);
        }
        return { repository: image.repository, digest: target.digest, written, unchanged, copied, moved };
    }));
    const failures = settled.flatMap((s, r) => (s.status === 'rejected' ? [describeRepositoryFailure(request.images[r], s.reason)] : []));
    if (failures.length) {
        const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [`${s.value.repository} (all tags)`] : []));
        throw new errors/* UserError */.yo(`${failures.join(' ')}${done.length ? ` Finished: ${done.join(', ')}.` : ''} Re-running resumes: tags already pointing at ${built.digest} are skipped.`, undefined, {
            cause: settled.find((s) => s.status === 'rejected')?.reason,
        });
    }
    return settled.map((s) => s.value);
}
/**
 * The index each repository's tags should point at: this run's, unless a version tag already points at
 * an index holding the very same images for the same platforms. Then only the attestations differ, and
 * they always do when images are built again: BuildKit's provenance records the build invocation (its
 * maintainers: there is no reproducible provenance). That published index is kept, tags and signatures
 * stay where they are, and a re-run of every job resumes like a re-run of the merge.
 */
async function keepEquivalentIndexes(client, request, state, built) {
    const versionTags = new Set(request.versionTags);
    const images = imageFingerprint(parseIndexEntries(built.bytes));
    return Promise.all(request.images.map(async (image, r) => {
        const published = image.tags.map((tag, t) => (versionTags.has(tag) ? state[r].tags[t] : undefined)).find((digest) => digest !== undefined && digest !== built.digest);
        if (!published || !images)
            return built;
        const found = await client.getManifest(image.repository, published, 'push');
        if (!found?.json.manifests || imageFingerprint(found.json.manifests) !== images)
            return built;
        return { digest: found.digest, mediaType: found.mediaType || media_types/* OCI_INDEX */.$p, bytes: found.bytes, platforms: listedPlatforms(found.json.manifests) };
    }));
}
function parseIndexEntries(bytes) {
    return JSON.parse(new TextDecoder().decode(bytes)).manifests ?? [];
}
/** The images an index lists (attestations left out), as one comparable string; undefined for none. */
function imageFingerprint(entries) {
    const list = entries.filter((entry) => !isAttestation(entry)).map((entry) => `${(0,oci_platforms/* normalizePlatform */.F)((0,oci_platforms/* platformName */.$)(entry.platform) ?? 'unknown')}@${entry.digest}`);
    return list.length ? list.sort().join(' ') : undefined;
}
/**
 * Version tags that point at another index than this run's. A version tag names one set of images for
 * good: signatures, attestations and deploys pinned to its first digest rely on it. So only a
 * docker-rebuild moves one; any other run stops here, before it writes anything in any repository.
 * Aliases are not checked: the planner already moves them only forwards.
 */
function versionTagMoves(request, state, targets) {
    const versionTags = new Set(request.versionTags);
    const moves = request.images.flatMap((image, r) => image.tags.flatMap((tag, t) => {
        const from = state[r].tags[t];
        return versionTags.has(tag) && from !== undefined && from !== targets[r].digest ? [{ repository: image.repository, tag, from }] : [];
    }));
    if (moves.length && !request.replaceVersionTags) {
        const published = moves.map((move) => `${move.repository}:${move.tag} at ${move.from}`).join(', ');
        const digest = targets[request.images.findIndex((image) => image.repository === moves[0].repository)].digest;
        throw new errors/* UserError */.yo(`This version is already published: ${published}, and this run's images are ${digest}. Only a docker-rebuild moves a version tag: push ${request.rebuildTag ?? 'the docker-rebuild tag of this release'} to replace it. Nothing was written.`);
    }
    return moves;
}
function describeRepositoryFailure(image, reason) {
    if (reason instanceof RepositoryFailure) {
        return `${reason.message} Written in ${image.repository}: ${reason.written.join(', ') || 'nothing'}; not written: ${reason.notWritten.join(', ')}.`;
    }
    return `${reason instanceof Error ? reason.message : String(reason)} Nothing was written in ${image.repository}.`;
}
/**
 * Reads each build once (from a repository that has it) and makes the index: image manifests get
 * their platform from their config; per-platform indexes (buildx with attestations) are flattened,
 * keeping attestation manifests next to their images, as `docker buildx imagetools create` does.
 * A single build that is already a complete index is used as it is (single mode: nothing to assemble).
 */
async function assemble(client, request, sources, fetched) {
    // Builds are read in parallel; their entries keep the planned order.
    const read = await Promise.all(request.builds.map(async (build, b) => {
        const manifest = fetched.get(build.digest) ?? (await client.getManifest(sources[b], build.digest));
        if (!manifest)
            throw new errors/* UserError */.yo(`${sources[b]}@${build.digest} disappeared while the merge read it: re-run the docker stage.`);
        if ((0,media_types/* isIndexType */.$U)(manifest.mediaType) || manifest.json.manifests)
            return { manifest, entries: manifest.json.manifests ?? [] };
        const configDigest = manifest.json.config?.digest;
        const config = configDigest ? JSON.parse(new TextDecoder().decode(await client.getBlob(sources[b], configDigest))) : {};
        const platform = { os: config.os ?? 'unknown', architecture: config.architecture ?? 'unknown', ...(config.variant ? { variant: config.variant } : {}) };
        return { manifest, entries: [{ mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform }] };
    }));
    const only = read.length === 1 ? read[0] : undefined;
    if (only && ((0,media_types/* isIndexType */.$U)(only.manifest.mediaType) || only.manifest.json.manifests)) {
        const { manifest } = only;
        const target = { digest: manifest.digest, mediaType: manifest.mediaType || media_types/* OCI_INDEX */.$p, bytes: manifest.bytes, platforms: listedPlatforms(only.entries) };
        checkPlatforms(target.platforms, request.platforms);
        return target;
    }
    const index = buildIndex(read.flatMap((r) => r.entries), request.annotations);
    checkPlatforms(index.platforms, request.platforms);
    return { digest: index.digest, mediaType: media_types/* OCI_INDEX */.$p, bytes: index.bytes, platforms: index.platforms };
}
function listedPlatforms(entries) {
    return entries.filter((entry) => !isAttestation(entry)).map((entry) => (0,oci_platforms/* platformName */.$)(entry.platform) ?? 'unknown');
}
function checkPlatforms(listed, planned) {
    const have = listed.map(oci_platforms/* normalizePlatform */.F);
    const want = planned.map(oci_platforms/* normalizePlatform */.F);
    const sorted = (list) => [...list].sort().join(', ');
    if (sorted(have) !== sorted([...new Set(want)])) {
        throw new errors/* UserError */.yo(`The builds hold ${have.join(', ') || 'no platform'} but the plan is ${want.join(', ')}: check docker.platforms and that each build job built its own platform, then re-run the docker stage.`);
    }
}
/** The `docker-merge` step: builds → one index per repository, every tag written version-first. */
async function executeDockerMerge(step, ctx) {
    const builds = (0,platform_digests/* collectDigests */.o)(step.digests, step.platforms, ctx);
    const client = new oci_client/* OciClient */.RO({
        credentials: (0,credentials.registryLogins)(ctx.secrets, ctx.env),
        signal: ctx.signal,
        onRetry: (notice) => ctx.runner.info(`  retrying ${notice.url} in ${notice.delayMs} ms (${notice.reason}, attempt ${notice.attempt})`),
    });
    const results = await mergeImages(client, {
        images: step.images,
        platforms: step.platforms,
        annotations: step.annotations,
        builds,
        versionTags: step.versionTags,
        replaceVersionTags: step.replaceVersionTags,
        rebuildTag: step.rebuildTag,
        log: (line) => ctx.runner.info(`  ${line}`),
    });
    const changed = results.some((r) => r.written.length || r.copied.length);
    const detail = results
        .map((r) => {
        const parts = [
            r.written.length ? `wrote ${r.written.join(', ')}` : '',
            ...r.moved.map((move) => `moved ${move.tag} from ${move.from} to ${r.digest}`),
            r.unchanged.length ? `already in place ${r.unchanged.join(', ')}` : '',
        ];
        return `${r.repository}@${r.digest}: ${parts.filter(Boolean).join('; ')}`;
    })
        .join('; ');
    const platforms = step.platforms.map(oci_platforms/* normalizePlatform */.F);
    return {
        id: step.id,
        status: changed ? 'done' : 'unchanged',
        detail,
        links: results.flatMap((r) => imageLink(r.repository, ctx.plan.repository) ?? []),
        produced: {
            digests: Object.fromEntries(results.map((r) => [r.repository, r.digest])),
            images: results.map((r) => ({ repository: r.repository, tags: step.images.find((i) => i.repository === r.repository).tags, digest: r.digest, platforms })),
        },
    };
}


/***/ }),

/***/ 32457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ digestFileName),
/* harmony export */   o: () => (/* binding */ collectDigests)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83930);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29217);
/* harmony import */ var _oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34361);






/** The file a distributed build job leaves for the merge: the platform with `/` → `-` (`linux-amd64`). */
function digestFileName(platform) {
    return platform.replaceAll('/', '-');
}
/**
 * The digests the merge assembles, one entry per distinct digest, in planned-platform order. Every
 * planned platform must be covered; a gap names the platform and its build.
 */
function collectDigests(source, platforms, ctx) {
    const byPlatform = new Map();
    if (source.from === 'directory') {
        for (const platform of platforms) {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(source.path, digestFileName(platform));
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file, { throwIfNoEntry: false })) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`No digest for ${platform}: ${file} is missing. Did its docker-build job succeed and upload its digest file?`);
            }
            // A downloaded artifact: a regular file of a few bytes, never a FIFO or a device (src/project/files.ts).
            const text = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readNamedFile */ .wh)(file, file, { maxBytes: 4096 }).toString('utf8').trim();
            if (!_oci_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .DIGEST_PATTERN */ .WA.test(text))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${file} should hold the pushed digest of ${platform} (sha256:<64 hex>), not ${JSON.stringify(text.slice(0, 80))}.`);
            byPlatform.set((0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizePlatform */ .F)(platform), text);
        }
    }
    else {
        const builds = ctx.plan.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'docker-build');
        for (const build of builds) {
            const produced = ctx.outcomes.get(build.id)?.produced;
            const digest = produced?.digest;
            if (typeof digest !== 'string' || !_oci_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .DIGEST_PATTERN */ .WA.test(digest))
                continue;
            const built = Array.isArray(produced?.platforms) ? produced.platforms : build.platforms;
            for (const platform of built)
                byPlatform.set((0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizePlatform */ .F)(platform), digest);
        }
    }
    const collected = [];
    for (const platform of platforms) {
        const digest = byPlatform.get((0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizePlatform */ .F)(platform));
        if (!digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`No digest for ${platform}: no docker-build step of this run reported one. Did its docker-build job succeed?`);
        const existing = collected.find((entry) => entry.digest === digest);
        if (existing)
            existing.platforms.push(platform);
        else
            collected.push({ digest, platforms: [platform] });
    }
    return collected;
}


/***/ }),

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


/***/ })

};
