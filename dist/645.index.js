export const id = 645;
export const ids = [645,559];
export const modules = {

/***/ 7645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   buildNotice: () => (/* binding */ buildNotice)
/* harmony export */ });
/* harmony import */ var _verify_digests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(508);

/** The notice for a finished run, or undefined when there is nothing to tell (an ignored trigger, no plan). */
function buildNotice(record, finishedAt, env = {}) {
    const { plan, report } = record;
    if (!plan?.version || plan.trigger.kind === 'ignored' || !plan.trigger.tag)
        return undefined;
    const serverUrl = env.serverUrl ?? 'https://github.com';
    const runUrl = plan.repository && env.runId ? `${serverUrl}/${plan.repository}/actions/runs/${env.runId}` : undefined;
    const failed = record.error !== undefined || report?.failed !== undefined;
    const notice = {
        outcome: failed ? 'failure' : 'success',
        ...(plan.repository ? { repository: plan.repository } : {}),
        tag: plan.trigger.tag,
        version: plan.version.normalized,
        rehearsal: plan.rehearsal,
        dryRun: plan.dryRun,
        startedAt: record.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - record.startedAt.getTime()),
        ...(runUrl ? { runUrl } : {}),
        links: report ? linksOf(plan, report, serverUrl) : [],
        images: report ? (0,_verify_digests_js__WEBPACK_IMPORTED_MODULE_0__/* .publishedImages */ .H)(report.outcomes).map((image) => ({ ...image, reference: `${image.repository}@${image.digest}` })) : [],
    };
    if (failed)
        notice.failure = describeFailedStage(plan, report, record.error);
    return notice;
}
/** Links from the steps' outcomes; the well-known pages for finished steps that gave none. */
function linksOf(plan, report, serverUrl) {
    const steps = new Map(plan.stages.flatMap((stage) => stage.steps).map((step) => [step.id, step]));
    const links = [];
    for (const outcome of report.outcomes) {
        if (outcome.status === 'planned')
            continue;
        const step = steps.get(outcome.id);
        const found = outcome.links?.length ? outcome.links : step ? defaultLinks(step, plan, serverUrl) : [];
        for (const link of found)
            if (!links.some((l) => l.url === link.url))
                links.push(link);
    }
    return links;
}
function defaultLinks(step, plan, serverUrl) {
    switch (step.kind) {
        case 'pypi-upload': {
            if (!step.project)
                return [];
            const host = step.repositoryUrl.includes('test.pypi.org') ? 'https://test.pypi.org' : 'https://pypi.org';
            return [{ label: `PyPI ${step.project} ${step.version}`, url: `${host}/project/${step.project}/${step.version}/` }];
        }
        case 'npm-publish':
            return [{ label: `npm ${step.package}@${step.version}`, url: `https://www.npmjs.com/package/${step.package}/v/${step.version}` }];
        case 'github-release':
            return plan.repository ? [{ label: `Release ${step.tag}`, url: `${serverUrl}/${plan.repository}/releases/tag/${encodeURIComponent(step.tag)}` }] : [];
        default:
            return [];
    }
}
function describeFailedStage(plan, report, error) {
    const version = plan.version.normalized;
    const failedStep = report?.failed?.step;
    if (!failedStep) {
        const message = error instanceof Error ? error.message : String(error ?? 'unknown error');
        return { stage: 'guard', message: firstSentence(message), rerun: `Fix the version sources so they say ${version}, then push the tag again (delete and re-create it).` };
    }
    const index = plan.stages.findIndex((stage) => stage.steps.some((step) => step.id === failedStep.id));
    const stage = plan.stages[index].name;
    const rest = plan.stages.slice(index).filter((s) => s.steps.length).map((s) => s.name);
    const reason = report.failed.error instanceof Error ? report.failed.error.message : String(report.failed.error);
    return {
        stage,
        step: failedStep.id,
        message: firstSentence(reason),
        rerun: `Re-run the failed job (finished steps are skipped), or run the workflow with version ${version} and stages ${rest.join(',')}.`,
    };
}
/** Long tool output stays in the job log; the notification carries the first line. */
function firstSentence(text) {
    const line = text.split('\n')[0].trim();
    return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}
/** "2 min 13 s" */
function formatDuration(ms) {
    const total = Math.round(ms / 1000);
    const minutes = Math.floor(total / 60);
    return minutes ? `${minutes} min ${total % 60} s` : `${total} s`;
}


/***/ }),

/***/ 2559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canonicalRegistryHost: () => (/* binding */ canonicalRegistryHost),
/* harmony export */   credentialsFor: () => (/* binding */ credentialsFor),
/* harmony export */   parseRegistryCredentials: () => (/* binding */ parseRegistryCredentials),
/* harmony export */   registryLogins: () => (/* binding */ registryLogins)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Docker Hub is spelled three ways; logins and lookups use one. */
function canonicalRegistryHost(host) {
    const lower = host.toLowerCase();
    return lower === 'index.docker.io' || lower === 'registry-1.docker.io' || lower === 'registry.hub.docker.com' ? 'docker.io' : lower;
}
/**
 * Parses the `registry-credentials` input: one registry a line, `HOST USERNAME PASSWORD`, blank lines and
 * `#` comments ignored. The text is a secret: errors name the line number, never its content.
 */
function parseRegistryCredentials(text) {
    const logins = new Map();
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const [host, username, password, ...rest] = line.split(/\s+/);
        if (!host || !username || !password || rest.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input 'registry-credentials' line ${index + 1} must be "HOST USERNAME PASSWORD" (value hidden: it is a secret), e.g. "ghcr.io \${{ github.actor }} \${{ secrets.GITHUB_TOKEN }}".`);
        }
        logins.set(canonicalRegistryHost(host), { username, password });
    }
    return logins;
}
/** The login for a registry host: the configured one, else GITHUB_TOKEN for ghcr.io, else none. */
function credentialsFor(host, logins, defaults = {}) {
    const key = canonicalRegistryHost(host);
    const configured = logins.get(key);
    if (configured)
        return configured;
    if (key === 'ghcr.io' && defaults.githubToken)
        return { username: defaults.actor || 'github-actions', password: defaults.githubToken };
    return undefined;
}
/**
 * The credential lookup every registry client here uses, in this order: the `registry-credentials`
 * lines; the login an earlier step left in the Docker config (./docker-config.ts: `docker/login-action`,
 * a credential helper), read once per host; GITHUB_TOKEN (as `GITHUB_ACTOR`) for ghcr.io.
 */
function registryLogins(secrets, env = {}) {
    const logins = parseRegistryCredentials(secrets['registry-credentials'] ?? '');
    const defaults = { ...(secrets['github-token'] ? { githubToken: secrets['github-token'] } : {}), ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}) };
    const fromDockerConfig = new Map();
    return (host) => {
        const key = canonicalRegistryHost(host);
        const configured = logins.get(key);
        if (configured)
            return configured;
        let found = fromDockerConfig.get(key);
        if (!found) {
            // A login the workflow made on purpose beats the GITHUB_TOKEN default for ghcr.io.
            found = __webpack_require__.e(/* import() */ 520).then(__webpack_require__.bind(__webpack_require__, 7520)).then(async ({ dockerConfigCredentials }) => (await dockerConfigCredentials(key, env)) ?? credentialsFor(key, logins, defaults));
            fromDockerConfig.set(key, found);
        }
        return found;
    };
}


/***/ }),

/***/ 508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ publishedImages),
/* harmony export */   j: () => (/* binding */ resolveDigest)
/* harmony export */ });
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4792);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2559);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/** `produced.images` of earlier steps (verify-images, the Docker stage), when they carry digests. */
function publishedImages(outcomes) {
    const found = [];
    for (const outcome of outcomes) {
        const images = outcome.produced?.images;
        if (!Array.isArray(images))
            continue;
        for (const image of images) {
            if (typeof image?.repository === 'string' && typeof image.digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(image.digest)) {
                found.push({ repository: image.repository, tags: Array.isArray(image.tags) ? image.tags : [], digest: image.digest, platforms: image.platforms ?? [] });
            }
        }
    }
    return found;
}
/** The digest `repository:tag` was published with: from this run's outcomes, else read from the registry. */
async function resolveDigest(ctx, repository, tag) {
    const known = publishedImages(ctx.outcomes.values()).find((image) => image.repository === repository && image.tags.includes(tag));
    if (known)
        return known.digest;
    const lookup = await new _oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .OciClient */ .R({ credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_1__.registryLogins)(ctx.secrets, ctx.env), signal: ctx.signal }).headManifest(repository, tag);
    if (!lookup)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${repository}:${tag} does not exist in its registry: publish the images first (the docker stage), then re-run.`);
    return lookup.digest;
}


/***/ })

};
