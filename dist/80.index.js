export const id = 80;
export const ids = [80];
export const modules = {

/***/ 52080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   preflight: () => (/* binding */ preflight)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53770);
/* harmony import */ var _runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15493);
/* harmony import */ var _oci_auth_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76599);
/* harmony import */ var _oci_challenge_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(36976);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22559);
/* harmony import */ var _oci_names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92657);
/* harmony import */ var _sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46249);
/* harmony import */ var _sigstore_instance_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(69799);









/**
 * Checks, before the first step runs, what the planned publishing steps will need: credentials for
 * each index, and trusted-publishing claims an index can match. Returns one line per failed check
 * (all of them, so one re-run fixes everything), and logs what each index will match.
 */
async function preflight(steps, ctx) {
    const failures = [];
    const checkedHosts = new Set();
    for (const step of steps) {
        if (step.kind === 'docker-merge' || step.kind === 'docker-build') {
            const repositories = step.kind === 'docker-merge' ? step.images.map((image) => image.repository) : step.repositories;
            for (const repository of repositories) {
                const { host, path } = (0,_oci_names_js__WEBPACK_IMPORTED_MODULE_7__/* .parseImageName */ ["if"])(repository);
                if (checkedHosts.has(host))
                    continue;
                checkedHosts.add(host);
                const failure = await checkRegistryLogin(host, path, ctx).catch((error) => (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? error.message : Promise.reject(error)));
                if (failure)
                    failures.push(`${step.id}: ${failure}`);
            }
            continue;
        }
        try {
            const failure = step.kind === 'pypi-upload'
                ? await checkPypi(step, ctx)
                : step.kind === 'npm-publish'
                    ? await checkNpm(step, ctx)
                    : step.kind === 'github-release'
                        ? await checkGithubRelease(step, ctx)
                        : undefined;
            if (failure)
                failures.push(failure);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
                throw error;
            failures.push(`${step.id}: ${error.message}`);
        }
    }
    const attestations = await checkAttestations(steps, ctx);
    if (attestations)
        failures.push(attestations);
    return failures;
}
/**
 * Signing needs the job's OIDC token (audience `sigstore`). Asked for once here, so that a job
 * without `permissions: id-token: write` learns it before anything is built: with
 * `attestations.enabled: true` as a failure, with `auto` as one warning naming what will not be signed.
 */
async function checkAttestations(steps, ctx) {
    const planned = (0,_sigstore_instance_js__WEBPACK_IMPORTED_MODULE_6__/* .plannedAttestations */ .EY)(steps);
    if (!planned.length)
        return undefined;
    let reason;
    if (!(0,_sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_5__.canMintIdToken)(ctx.env)) {
        reason = 'this job cannot get an OIDC token to sign with: give it `permissions: id-token: write`';
    }
    else {
        try {
            ctx.runner.mask(await (0,_sigstore_id_token_js__WEBPACK_IMPORTED_MODULE_5__.sigstoreIdToken)(ctx.env, ctx.signal));
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
                throw error;
            reason = error.message.charAt(0).toLowerCase() + error.message.slice(1).replace(/\.$/, '');
        }
    }
    if (!reason)
        return undefined;
    const required = planned.filter(({ attestation }) => attestation.required);
    const uses = [...new Set((required.length ? required : planned).map(({ attestation }) => _sigstore_instance_js__WEBPACK_IMPORTED_MODULE_6__/* .ATTESTATION_DESCRIPTIONS */ .hu[attestation.use]))].join(', ');
    if (required.length) {
        return `attestations.enabled is true, but ${reason} (needed for the ${uses}), or set attestations.enabled to auto.`;
    }
    ctx.runner.warning(`No attestations this run (not made: ${uses}): ${reason}, or set attestations.enabled to false to silence this.`);
    return undefined;
}
const oidcAvailable = (env) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
async function checkPypi(step, ctx) {
    const token = ctx.secrets['pypi-token'];
    if (!oidcAvailable(ctx.env)) {
        if (token)
            return undefined;
        return `${step.id}: no credentials for ${step.indexUrl}: give the job \`permissions: id-token: write\` and register a trusted publisher, or pass an API token in the 'pypi-token' input.`;
    }
    // The index's own audience, so the ID token read here is the one the upload will present.
    const audienceResponse = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(`${step.indexUrl}/_/oidc/audience`, { headers: { accept: 'application/json' }, signal: ctx.signal, retry: { retries: 2 } });
    const { audience } = audienceResponse.ok ? (await audienceResponse.json().catch(() => ({}))) : (await audienceResponse.body?.cancel().catch(() => undefined), {});
    if (!audience) {
        if (token)
            return undefined;
        return `${step.id}: ${step.indexUrl} does not offer trusted publishing (GET /_/oidc/audience: HTTP ${audienceResponse.status}); pass an API token in the 'pypi-token' input.`;
    }
    // With a token at hand the upload falls back to it when the runner refuses an ID token: so does preflight.
    const idToken = await (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .requestRunnerIdToken */ ._f)(ctx.env, audience, ctx.signal).catch((error) => (token && error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? undefined : Promise.reject(error)));
    if (!idToken)
        return undefined;
    ctx.runner.mask(idToken);
    const claims = (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeClaims */ .Yq)(idToken);
    if (!claims)
        return undefined;
    const unmatchable = (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .pypiUnmatchable */ .$K)(claims, step.indexUrl);
    // With a token the upload falls back to it (and warns then); without one nothing can publish.
    if (unmatchable)
        return token ? undefined : `${step.id}: ${unmatchable}`;
    const note = (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .pypiCalledWorkflowNote */ .V8)(claims);
    if (note)
        ctx.runner.warning(note);
    ctx.runner.info(`Trusted publishing to ${step.indexUrl}: the token names ${(0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .describePublisherClaims */ .lA)(claims, 'pypi')}; the project's trusted publisher must name the same.`);
    return undefined;
}
async function checkNpm(step, ctx) {
    const token = ctx.secrets['npm-token'];
    const oidc = oidcAvailable(ctx.env);
    if (step.provenance === true && !oidc) {
        return `${step.id}: npm.provenance is true, but this job cannot request an OIDC token: grant \`permissions: id-token: write\` to the job, or set npm.provenance to auto.`;
    }
    if (token)
        return undefined;
    if (!oidc) {
        return `${step.id}: publishing ${step.target} needs credentials: pass the npm-token input, or use npm trusted publishing (grant \`permissions: id-token: write\` and register this workflow as the package's trusted publisher).`;
    }
    const idToken = await (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .requestRunnerIdToken */ ._f)(ctx.env, `npm:${new URL(step.registry).hostname}`, ctx.signal);
    ctx.runner.mask(idToken);
    const claims = (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeClaims */ .Yq)(idToken);
    if (claims)
        ctx.runner.info(`Trusted publishing to ${step.registry}: npm matches the calling workflow; the token names ${(0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .describePublisherClaims */ .lA)(claims, 'npm')}; the package's trusted publisher must name the same.`);
    return undefined;
}
/**
 * The registry accepts the login the push will use: the registry's challenge answered with those
 * credentials (Basic, or a push-scoped Bearer token from its realm), then `/v2/` asked with the answer.
 * Without configured credentials nothing is checked (a registry may allow anonymous pushes).
 */
async function checkRegistryLogin(host, path, ctx) {
    const credentials = await (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_4__.registryLogins)(ctx.secrets, ctx.env)(host);
    if (!credentials)
        return undefined;
    const send = (url, init = {}) => (0,_net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, { ...init, signal: ctx.signal, retry: { retries: 2 } });
    const base = (0,_oci_names_js__WEBPACK_IMPORTED_MODULE_7__/* .registryBase */ .bu)(host);
    const probe = await send(`${base}/v2/`);
    await probe.body?.cancel().catch(() => undefined);
    if (probe.status !== 401)
        return undefined;
    const authenticator = new _oci_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .Authenticator */ .k({ credentials: () => credentials, send });
    const answer = await authenticator.refresh(host, [(0,_oci_challenge_js__WEBPACK_IMPORTED_MODULE_8__/* .repositoryScope */ .F)(path, 'push')], probe.headers.get('www-authenticate'), undefined);
    if (!answer)
        return undefined;
    const check = await send(`${base}/v2/`, { headers: { authorization: answer } });
    await check.body?.cancel().catch(() => undefined);
    if (check.status === 401 || check.status === 403) {
        return `${host} refused the login of '${credentials.username}' (GET /v2/: HTTP ${check.status}): check ${credentials.source ?? "that registry's line in the registry-credentials input (or the token behind it)"}.`;
    }
    return undefined;
}
/**
 * The GitHub token may write releases. GitHub tells no token its own permissions (GET /repos has no
 * `permissions` for an installation token such as GITHUB_TOKEN, and `X-Accepted-GitHub-Permissions`
 * names what a route needs, not what the token has), so the check asks a route that needs exactly
 * what creating a release needs and writes nothing: POST /releases/generate-notes requires
 * "Contents: write" for GitHub Apps and installation tokens, like POST /releases, and "the
 * generated release notes are not saved anywhere". A read-only token is refused with 403 ("Resource
 * not accessible by integration"), a bad one with 401. Any other answer (a tag GitHub does not know
 * yet, an outage) passes: the release step itself reports it, and preflight never stops a release
 * that could have worked.
 */
async function checkGithubRelease(step, ctx) {
    const token = ctx.secrets['github-token'];
    if (!token) {
        return `${step.id}: no GitHub token to create the release with: keep the github-token input at its default (\${{ github.token }}) or pass one, and give the job \`permissions: contents: write\`.`;
    }
    const [owner, repo] = (ctx.plan.repository ?? '').split('/');
    if (!owner || !repo)
        return undefined;
    const api = (ctx.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(`${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/releases/generate-notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', 'x-github-api-version': '2022-11-28', 'user-agent': 'tagship' },
        body: JSON.stringify({ tag_name: step.tag, ...(step.commit ? { target_commitish: step.commit } : {}) }),
        signal: ctx.signal,
        retry: { retries: 1, timeoutMs: 20_000 },
    }).catch((error) => {
        if (ctx.signal?.aborted)
            throw error;
        // GitHub not reachable now: the release step retries longer and names it.
        ctx.runner.info(`Preflight could not ask GitHub whether the token can write releases (${error instanceof Error ? error.message : String(error)}); the release step will tell.`);
        return undefined;
    });
    if (!response)
        return undefined;
    const message = response.ok ? '' : ((await response.json().catch(() => ({}))).message ?? '');
    if (response.ok)
        await response.body?.cancel().catch(() => undefined);
    const detail = typeof message === 'string' && message ? ` ${message}` : '';
    if (response.status === 401) {
        return `${step.id}: GitHub rejected the token (POST /releases/generate-notes: HTTP 401${detail}): pass a valid token in the github-token input (the default is \${{ github.token }}).`;
    }
    // A rate limit is GitHub's, not the token's: the release step waits for it.
    if (response.status === 403 && !/rate limit/i.test(String(message))) {
        return `${step.id}: the GitHub token cannot write releases of ${owner}/${repo} (POST /releases/generate-notes: HTTP 403${detail}): give the job \`permissions: contents: write\`, or pass a token that has it in the github-token input.`;
    }
    return undefined;
}


/***/ }),

/***/ 15493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ pypiUnmatchable),
/* harmony export */   V8: () => (/* binding */ pypiCalledWorkflowNote),
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   _f: () => (/* binding */ requestRunnerIdToken),
/* harmony export */   lA: () => (/* binding */ describePublisherClaims)
/* harmony export */ });
/* unused harmony export parseWorkflowRef */
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53770);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The claims of the runner's OIDC ID token, read (not verified: the index verifies them) so that
 * tagship can say which trusted publisher an index will look for, before anything is built.
 *
 * What the indexes match (their documented rules):
 * - PyPI (warehouse `oidc/models/github.py`): `repository`, `repository_owner_id`, the workflow file
 *   taken from `job_workflow_ref` (the workflow that runs the job: for a reusable workflow, the
 *   CALLED file), and `environment` when the publisher names one. `job_workflow_ref` must start with
 *   `<repository>/.github/workflows/<file>@`, so a reusable workflow from another repository never matches.
 * - npm (docs, trusted publishers, "workflow_call"): the workflow file of `workflow_ref`, i.e. the
 *   CALLING workflow, and the environment when the publisher names one.
 */


/** The payload of a JWT, or undefined when the text is not one. */
function decodeClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return claims && typeof claims === 'object' ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** `owner/repo/.github/workflows/release.yml@refs/tags/v1` → its parts. */
function parseWorkflowRef(ref) {
    const match = ref?.match(/^([^/]+\/[^/]+)\/(\.github\/workflows\/([^@]+))@/);
    if (!match)
        return undefined;
    return { repository: match[1], path: match[2], file: match[3] };
}
/** "repository octo/proj, workflow file release.yml, environment pypi" — the claims an index matches. */
function describePublisherClaims(claims, index) {
    const workflow = parseWorkflowRef(index === 'pypi' ? claims.job_workflow_ref : claims.workflow_ref);
    return [
        `repository \`${claims.repository ?? '(none)'}\``,
        `workflow file \`${workflow?.file ?? '(none)'}\``,
        claims.environment ? `environment \`${claims.environment}\`` : 'no environment (a publisher that names one needs `environment:` on this job)',
    ].join(', ');
}
/**
 * Why PyPI can never match these claims, whatever publisher is registered, or undefined. The one
 * such case: the upload runs in a reusable workflow of another repository (PyPI takes the workflow
 * file from `job_workflow_ref` and requires it to live in `repository`).
 */
function pypiUnmatchable(claims, indexUrl) {
    const job = parseWorkflowRef(claims.job_workflow_ref);
    const caller = parseWorkflowRef(claims.workflow_ref);
    if (!job || !claims.repository || job.repository.toLowerCase() === claims.repository.toLowerCase())
        return undefined;
    return (`Trusted publishing to ${indexUrl} cannot work from this job: PyPI matches the called workflow \`${job.repository}/${job.path}\`` +
        `${caller ? ` (called from \`${caller.file}\`)` : ''} and refuses reusable workflows from another repository than \`${claims.repository}\`.` +
        ` Run the upload in a job of your own workflow (see docs/getting-started.md), or pass an API token in the 'pypi-token' input.`);
}
/** A note when PyPI will look for a different workflow file than the one the run started from. */
function pypiCalledWorkflowNote(claims) {
    const job = parseWorkflowRef(claims.job_workflow_ref);
    const caller = parseWorkflowRef(claims.workflow_ref);
    if (!job || !caller || job.path === caller.path)
        return undefined;
    return `PyPI matches the called workflow file \`${job.file}\`, not \`${caller.file}\` that called it: the trusted publisher must name \`${job.file}\`.`;
}
/** The runner's OIDC ID token for `audience` (needs `permissions: id-token: write`). */
async function requestRunnerIdToken(env, audience, signal) {
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' }, signal, retry: { retries: 2 } });
    if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The runner refused an OIDC ID token for ${audience} (HTTP ${response.status}): give the job \`permissions: id-token: write\`.`);
    }
    const { value } = (await response.json());
    if (!value)
        throw new Error(`the runner answered the OIDC token request for ${audience} without a value`);
    return value;
}


/***/ }),

/***/ 46249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIGSTORE_AUDIENCE: () => (/* binding */ SIGSTORE_AUDIENCE),
/* harmony export */   canMintIdToken: () => (/* binding */ canMintIdToken),
/* harmony export */   idTokenFor: () => (/* binding */ idTokenFor),
/* harmony export */   sigstoreIdToken: () => (/* binding */ sigstoreIdToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15493);


/**
 * The runner's OIDC ID token for Sigstore (audience `sigstore`, what Fulcio requires). Minted right
 * before each signing, held by tagship only: no child process sees the runner's request credentials.
 */
const SIGSTORE_AUDIENCE = 'sigstore';
/** Whether the job may ask the runner for ID tokens (`permissions: id-token: write` sets both variables). */
function canMintIdToken(env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
async function sigstoreIdToken(env, signal) {
    if (!canMintIdToken(env)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('Signing needs an OIDC ID token, and this job cannot get one: give the job `permissions: id-token: write` (or set attestations.enabled to false).');
    }
    return (0,_runtime_oidc_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .requestRunnerIdToken */ ._f)(env, SIGSTORE_AUDIENCE, signal);
}
/**
 * The token to sign a planned attestation with, or undefined when it is not to be made this run:
 * `attestations.enabled: auto` and the job cannot get one (preflight has said so once already). With
 * `enabled: true` a missing or refused token is the one-line error.
 */
async function idTokenFor(attestation, env, signal) {
    if (!attestation.required && !canMintIdToken(env))
        return undefined;
    try {
        return await sigstoreIdToken(env, signal);
    }
    catch (error) {
        if (attestation.required || !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo))
            throw error;
        return undefined;
    }
}


/***/ })

};
