export const id = 42;
export const ids = [42];
export const modules = {

/***/ 92741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rK: () => (/* binding */ DEFAULT_API_URL),
  zZ: () => (/* binding */ createGithubClient),
  T8: () => (/* binding */ splitRepository)
});

// UNUSED EXPORTS: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(35194);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(49210);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(53770);
;// CONCATENATED MODULE: ./src/github/rate-limit.ts

const SECONDARY_FALLBACK_MS = 60_000;
/** `undefined` when the answer is not a rate limit (a 403 for missing permissions is not one). */
function rateLimitWait(answer, retriesSoFar, now) {
    if (answer.status !== 403 && answer.status !== 429)
        return undefined;
    const header = (name) => (answer.headers[name] === undefined ? undefined : String(answer.headers[name]).trim());
    const secondary = /secondary rate limit/i.test(answer.message);
    const kind = secondary ? 'secondary' : 'primary';
    // The shared parser: delta-seconds or an HTTP date, as every other client here reads the header.
    const retryAfter = (0,http/* parseRetryAfter */.mu)(header('retry-after') ?? null, now);
    if (retryAfter !== undefined)
        return { kind: secondary || answer.status === 429 ? 'secondary' : kind, waitMs: retryAfter };
    const reset = header('x-ratelimit-reset');
    if (header('x-ratelimit-remaining') === '0' && reset !== undefined && /^\d+$/.test(reset)) {
        // One second past the reset, so the request lands after it.
        return { kind, waitMs: Math.max(0, Number(reset) * 1000 - now) + 1000 };
    }
    // No header says how long: GitHub's docs ask for at least a minute, longer on each repeat.
    if (secondary || answer.status === 429 || /rate limit/i.test(answer.message)) {
        return { kind: secondary || answer.status === 429 ? 'secondary' : 'primary', waitMs: SECONDARY_FALLBACK_MS * 2 ** retriesSoFar };
    }
    return undefined;
}
/** `06:14:05 UTC` (with the date when it is not today). */
function describeUtc(at, now) {
    const iso = new Date(Math.ceil(at / 1000) * 1000).toISOString();
    const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
    return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 19)} UTC`;
}

;// CONCATENATED MODULE: ./src/github/client.ts





/**
 * The GitHub REST client: Octokit core with the typed endpoint methods, and one retry loop of our
 * own (./rate-limit.ts) in place of Octokit's retry and throttling plugins: 5xx and network errors
 * back off; a rate limit waits as long as GitHub asks (`retry-after`, `x-ratelimit-reset`, a minute
 * and more for a bare secondary limit), up to `maxRetryAfterSeconds`; a longer wait fails at once
 * with the time to re-run, instead of holding the job (and its runner minutes) for up to an hour.
 * Every attempt has a timeout. Loaded only by executors that talk to GitHub.
 */
const GithubOctokit = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._);
const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 120;
function createGithubClient(options) {
    const retries = options.retries ?? 4;
    const maxWaitMs = (options.maxRetryAfterSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS) * 1000;
    const warn = options.warn ?? (() => undefined);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const sleep = options.sleep ?? http/* defaultDeps */.mM.sleep;
    const now = options.now ?? http/* defaultDeps */.mM.now;
    const random = options.random ?? http/* defaultDeps */.mM.random;
    const octokit = new GithubOctokit({
        auth: options.token,
        baseUrl: (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'tagship',
        log: { debug: options.debug ?? (() => undefined), info: () => undefined, warn, error: warn },
        request: {
            // Node's fetch through the shared HTTP helper for its per-attempt timeout; retries are the
            // loop below, which knows GitHub's rate-limit headers.
            // An asset upload that stalls fails after net/http's idle timeout, retried below.
            fetch: (url, init) => (0,http/* request */.Em)(url, {
                ...init,
                signal: anySignal(init.signal ?? undefined, options.signal),
                retry: { retries: 0, timeoutMs, ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}) },
                onProgress: (progress) => options.info?.(`Uploading ${new URL(url).searchParams.get('name') ?? 'an asset'}: ${(0,http/* describeProgress */.vk)(progress)}`),
            }),
        },
    });
    octokit.hook.wrap('request', async (send, requestOptions) => {
        const { method, url } = octokit.request.endpoint.parse(requestOptions);
        const what = `${method} ${new URL(url, 'https://api.github.invalid').pathname}`;
        for (let attempt = 0;; attempt++) {
            try {
                return await send(requestOptions);
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw error;
                const failed = error;
                const status = failed.status ?? 0;
                const data = failed.response?.data;
                const message = typeof data?.message === 'string' ? data.message : (failed.message ?? '');
                const limit = failed.response ? rateLimitWait({ status, headers: failed.response.headers ?? {}, message }, attempt, now()) : undefined;
                if (limit) {
                    const until = describeUtc(now() + limit.waitMs, now());
                    if (limit.waitMs > maxWaitMs || attempt >= retries) {
                        const why = limit.waitMs > maxWaitMs ? `asks to wait ${Math.ceil(limit.waitMs / 1000)} s, longer than tagship waits in a job (${maxWaitMs / 1000} s)` : `still applies after ${attempt} retries`;
                        throw new errors/* UserError */.yo(`GitHub's ${limit.kind} rate limit stopped ${what} (HTTP ${status}) and ${why}: re-run the workflow after ${until}; a re-run resumes.`, undefined, { cause: error });
                    }
                    warn(`GitHub ${limit.kind} rate limit on ${what}: retrying after ${Math.ceil(limit.waitMs / 1000)} s (at ${until}).`);
                    await sleep(limit.waitMs, options.signal);
                    continue;
                }
                // A 5xx answer, or no answer at all (Octokit reports a failed fetch as status 500).
                if (status >= 500 && attempt < retries) {
                    const delayMs = (0,http/* backoffDelay */.EY)(attempt, { ...http/* DEFAULT_RETRY */.vI, minDelayMs: 1000 }, random);
                    warn(`GitHub answered ${failed.response ? `HTTP ${status}` : `nothing (${message})`} to ${what}: retrying in ${(delayMs / 1000).toFixed(1)} s.`);
                    await sleep(delayMs, options.signal);
                    continue;
                }
                throw error;
            }
        }
    });
    return octokit;
}
function anySignal(a, b) {
    if (a && b)
        return AbortSignal.any([a, b]);
    return a ?? b;
}
/** `owner/name` → its parts, or undefined when it is not that shape. */
function splitRepository(repository) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository ?? '');
    return match ? { owner: match[1], repo: match[2] } : undefined;
}


/***/ }),

/***/ 67441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ connectGithub)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92741);


/**
 * The client for an executor: the token from the `github-token` input, the API base URL from the
 * runner's `GITHUB_API_URL` (GHES), the repository from the plan. Fails with one line when any is missing.
 */
function connectGithub(ctx, what, tuning = {}) {
    const token = ctx.secrets['github-token'];
    if (!token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} needs a GitHub token: keep the github-token input at its default (\${{ github.token }}) or pass one, and give the job \`permissions: contents: write\`.`);
    }
    ctx.runner.mask(token);
    const repository = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .splitRepository */ .T8)(ctx.plan.repository);
    if (!repository) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} needs the repository (owner/name), and GITHUB_REPOSITORY is ${JSON.stringify(ctx.plan.repository ?? '')}: run it inside a GitHub Actions workflow.`);
    }
    const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createGithubClient */ .zZ)({
        token,
        baseUrl: ctx.env.GITHUB_API_URL || _client_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_API_URL */ .rK,
        warn: (message) => ctx.runner.warning(message),
        info: (message) => ctx.runner.info(message),
        debug: (message) => ctx.runner.debug(message),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...tuning,
    });
    return { client, ...repository, serverUrl: (ctx.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '') };
}


/***/ }),

/***/ 73116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PY: () => (/* binding */ translateApiError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   d7: () => (/* binding */ isApiError),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

function isApiError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** A 422 whose errors say a resource with that key exists already (`already_exists`). */
function isAlreadyExists(error) {
    if (!isApiError(error) || error.status !== 422)
        return false;
    const errors = error.response?.data?.errors ?? [];
    return errors.some((e) => e?.code === 'already_exists');
}
function isNotFound(error) {
    return isApiError(error) && error.status === 404;
}
/**
 * Translates the API's refusals that a user can fix into one actionable line. `doing` says what
 * tagship was doing ("creating the release v1.2.3"); `permission` names the token permission it needs.
 */
function translateApiError(error, doing, permission = 'contents: write') {
    if (!isApiError(error))
        return error;
    const detail = apiMessage(error);
    switch (error.status) {
        case 401:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub rejected the token while ${doing} (401 ${detail}): pass a valid token in the github-token input (the default is \${{ github.token }}).`, undefined, { cause: error });
        case 403:
            if (/rate limit/i.test(detail)) {
                return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub's rate limit stopped tagship while ${doing} (403 ${detail}): re-run the workflow later.`, undefined, { cause: error });
            }
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The token may not do this: ${doing} was refused (403 ${detail}). Give the job \`permissions: ${permission}\`, or pass a token that has it in github-token.`, undefined, { cause: error });
        case 404:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub answered 404 while ${doing}: the repository does not exist or the token cannot see it (it needs \`${permission}\`).`, undefined, { cause: error });
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub answered ${error.status} while ${doing}: ${detail}.`, undefined, { cause: error });
    }
}
function apiMessage(error) {
    const data = error.response?.data;
    const text = typeof data?.message === 'string' ? data.message : error.message;
    return text.replace(/\s+/g, ' ').slice(0, 200);
}


/***/ }),

/***/ 1646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ renderVerify),
/* harmony export */   LR: () => (/* binding */ publishedTargets),
/* harmony export */   SY: () => (/* binding */ mergeReleaseBody),
/* harmony export */   aG: () => (/* binding */ renderChangelogSection),
/* harmony export */   lc: () => (/* binding */ renderBody),
/* harmony export */   zB: () => (/* binding */ renderInstall)
/* harmony export */ });
/* unused harmony export installLine */
/* harmony import */ var _config_sections_github_release_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83120);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14329);


/** Which install targets were actually published: their step finished (done or already in place). */
function publishedTargets(targets, finishedSteps) {
    return targets.filter((t) => t.ecosystem === 'docker' || finishedSteps.has(t.afterStep));
}
/** One shell line per target. Names come from project files and config, never from commits. */
function installLine(target) {
    switch (target.ecosystem) {
        case 'pypi':
            return `pip install ${target.indexUrl ? `--index-url ${target.indexUrl} ` : ''}${target.name}==${target.version}`;
        case 'npm':
            return `npm i ${target.name}@${target.version}`;
        case 'docker':
            return `docker pull ${target.image}:${target.tag}`;
    }
}
/** The `## Install` section, or '' when nothing installable was published. */
function renderInstall(targets) {
    if (!targets.length)
        return '';
    // Backticks cannot occur in package or image names, but a fence must never be closed early.
    const lines = targets.map((t) => installLine(t).replace(/`/g, ''));
    return ['## Install', '', '```sh', ...lines, '```'].join('\n');
}
/**
 * The `## Verify` section: how to check one downloaded asset against its build-provenance attestation
 * (`gh attestation verify` finds it by the file's sha256 in this repository). `repository` is
 * `owner/name` as GitHub spells it (letters, digits, `-`, `_`, `.`), so it cannot close the fence.
 */
function renderVerify(repository, checksums) {
    const safe = repository.replace(/[^A-Za-z0-9_./-]/g, '');
    const lines = [
        '## Verify',
        '',
        'Every file attached to this release carries build provenance signed by the workflow that built it. Check a download with the [GitHub CLI](https://cli.github.com/):',
        '',
        '```sh',
        `gh attestation verify <file> --repo ${safe}`,
        '```',
    ];
    if (checksums)
        lines.push('', 'Or verify `SHA256SUMS` that way, then check the other files against it with `sha256sum -c SHA256SUMS`.');
    return lines.join('\n');
}
function renderChangelogSection(section) {
    if (section.source === 'github')
        return section.text.trim();
    const heading = section.previousTag ? `## Changes since ${section.previousTag}` : '## Changes';
    const body = section.text.trim() || '_No changes._';
    const full = section.compareUrl && section.previousTag ? `\n\n**Full changelog**: ${section.compareUrl}` : '';
    return `${heading}\n\n${body}${full}`;
}
/**
 * Fills the body template. A placeholder's value is inserted once and never re-scanned, so text
 * inside a changelog that looks like `{{install}}` stays as it is. The result is tagship's section,
 * between two hidden markers (./marker.ts), the closing one last.
 */
function renderBody(template, values) {
    const filled = template.replace(_config_sections_github_release_js__WEBPACK_IMPORTED_MODULE_0__/* .PLACEHOLDER_PATTERN */ .j_, (_all, name) => values[name] ?? '');
    const tidy = filled.replace(/\n{3,}/g, '\n\n').trim();
    return `${_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .TAGSHIP_NOTES_BEGIN */ .V8}\n${tidy}\n\n${_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .TAGSHIP_RELEASE_MARKER */ .wo}\n`;
}
/**
 * The body a re-run writes over `existing`: only tagship's section is replaced by `fresh` (a
 * `renderBody` result), and what a person wrote above or below it is kept. A body with no section is
 * either one an older tagship wrote (the marker alone on its last line: all of it is tagship's) or
 * one a person wrote (release-please, `gh release create`, the web form): theirs is kept, with
 * tagship's section below it.
 */
function mergeReleaseBody(existing, fresh) {
    const current = (existing ?? '').replace(/\r\n/g, '\n');
    if (!current.trim())
        return fresh;
    const section = findSection(current);
    if (section) {
        const after = current.slice(section.end);
        return `${current.slice(0, section.start)}${fresh.replace(/\n$/, '')}${after || '\n'}`;
    }
    if ((0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .isTagshipRelease */ .yP)(current))
        return fresh;
    return `${current.trimEnd()}\n\n${fresh}`;
}
/** Where tagship's section lies: from its opening line to the end of its closing marker's line (the newline after it excluded). */
function findSection(body) {
    const lines = body.split('\n');
    const begin = lines.indexOf(_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .TAGSHIP_NOTES_BEGIN */ .V8);
    if (begin < 0)
        return undefined;
    const close = lines.indexOf(_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .TAGSHIP_RELEASE_MARKER */ .wo, begin + 1);
    if (close < 0)
        return undefined;
    const offset = (line) => lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
    return { start: offset(begin), end: offset(close) + _marker_js__WEBPACK_IMPORTED_MODULE_1__/* .TAGSHIP_RELEASE_MARKER */ .wo.length };
}


/***/ }),

/***/ 15386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ publishRelease),
/* harmony export */   O: () => (/* binding */ findReleases)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73116);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1646);



/** Releases listed when looking for drafts (get-by-tag only returns published ones): newest first. */
const LIST_PAGES = 3;
/**
 * Makes the release for `desired.tag` look like `desired`, with `assets` attached, and converges
 * with anything already there: never a second release for one tag.
 *
 * - Found (drafts included, which get-by-tag does not return): updated in place.
 * - Not found: created. With assets it is created as a draft, the assets uploaded, then published,
 *   so a published release never lacks its files (and immutable releases accept them at all).
 * - Racing: another run creating a published release at the same moment makes ours fail with 422
 *   `already_exists`, and we update theirs. Drafts do not conflict, so after creating one we list
 *   again and the oldest release for the tag wins; a later duplicate deletes itself.
 */
async function publishRelease(client, desired, assets, log) {
    const api = client.rest.repos;
    const repo = { owner: desired.owner, repo: desired.repo };
    const what = `release ${desired.tag}`;
    const call = async (doing, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, doing);
        }
    };
    let release = (await call(`looking up ${what}`, () => findReleases(api, repo, desired.tag)))[0];
    let created = false;
    let updated = false;
    if (!release) {
        const stageAsDraft = assets.length > 0 || desired.draft;
        try {
            release = (await api.createRelease({
                ...repo,
                tag_name: desired.tag,
                name: desired.name,
                body: desired.body,
                prerelease: desired.prerelease,
                draft: stageAsDraft,
                ...(desired.commit ? { target_commitish: desired.commit } : {}),
                ...(stageAsDraft ? {} : { make_latest: desired.makeLatest }),
            })).data;
            created = true;
            log.info(`Created ${stageAsDraft ? 'draft ' : ''}${what} (id ${release.id}).`);
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(error))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `creating ${what}`);
            release = (await call(`looking up ${what}`, () => findReleases(api, repo, desired.tag)))[0];
            if (!release)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub says ${what} exists, but it cannot be found: re-run the workflow.`, undefined, { cause: error });
            log.info(`Another run created ${what} at the same moment (id ${release.id}); updating it instead.`);
        }
        if (created && release.draft) {
            const winner = await call(`looking up ${what}`, () => oldestRelease(api, repo, desired.tag, release));
            if (winner.id !== release.id) {
                await call(`removing a duplicate draft of ${what}`, () => api.deleteRelease({ ...repo, release_id: release.id }));
                log.info(`Another run created ${what} at the same moment (id ${winner.id}); removed our duplicate draft ${release.id}.`);
                release = winner;
                created = false;
            }
        }
    }
    // A person's edits outside tagship's section are kept; GitHub may hand an edited body back with CRLF.
    const body = created ? desired.body : (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeReleaseBody */ .SY)(release.body, desired.body);
    if (!created && (release.name !== desired.name || (release.body ?? '').replace(/\r\n/g, '\n') !== body || release.prerelease !== desired.prerelease)) {
        const current = release;
        release = (await call(`updating ${what}`, () => api.updateRelease({
            ...repo,
            release_id: current.id,
            name: desired.name,
            body,
            prerelease: desired.prerelease,
            // An update without make_latest may move "latest" to this release: always say it.
            ...(current.draft ? {} : { make_latest: desired.makeLatest }),
        }))).data;
        updated = true;
        log.info(`Updated ${what} (id ${release.id}).`);
    }
    // A release created just now has no assets: no need to list them.
    const sync = await syncAssets(client, desired, release, assets, log, created);
    if (!desired.draft && release.draft) {
        const draft = release;
        try {
            release = (await api.updateRelease({ ...repo, release_id: draft.id, draft: false, make_latest: desired.makeLatest })).data;
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(error))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `publishing ${what}`);
            // Another run published its own release for the tag meanwhile: keep theirs, drop our draft.
            const theirs = (await call(`looking up ${what}`, () => findReleases(api, repo, desired.tag))).find((r) => !r.draft);
            if (!theirs)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `publishing ${what}`);
            if (created)
                await call(`removing a duplicate draft of ${what}`, () => api.deleteRelease({ ...repo, release_id: draft.id }));
            log.info(`Another run published ${what} first (id ${theirs.id}); using it.`);
            return publishRelease(client, desired, assets, log);
        }
        updated = true;
        log.info(`Published ${what}${desired.makeLatest === 'true' ? ' as the latest release' : ''}.`);
    }
    else if (!release.draft && desired.makeLatest === 'true' && !updated) {
        const latest = await call('reading the latest release', () => latestReleaseId(api, repo));
        if (latest !== release.id) {
            const current = release;
            release = (await call(`marking ${what} as latest`, () => api.updateRelease({ ...repo, release_id: current.id, make_latest: 'true' }))).data;
            updated = true;
            log.info(`Marked ${what} as the latest release.`);
        }
    }
    return { release, created, updated, ...sync };
}
/** Every release for `tag`, published first, then oldest first. Drafts are found by listing. */
async function findReleases(api, repo, tag) {
    const found = [];
    let complete = false;
    for (let page = 1; page <= LIST_PAGES && !complete; page++) {
        const { data } = await api.listReleases({ ...repo, per_page: 100, page });
        found.push(...data.filter((r) => r.tag_name === tag));
        complete = data.length < 100;
    }
    if (!found.length && !complete) {
        // An older published release beyond the pages listed.
        try {
            found.push((await api.getReleaseByTag({ ...repo, tag })).data);
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
                throw error;
        }
    }
    return found.sort((a, b) => Number(a.draft) - Number(b.draft) || a.id - b.id);
}
/** After creating a draft: the release every racing run agrees on (a published one, else the oldest). */
async function oldestRelease(api, repo, tag, mine) {
    const all = await findReleases(api, repo, tag);
    return all[0] ?? mine;
}
async function latestReleaseId(api, repo) {
    try {
        return (await api.getLatestRelease(repo)).data.id;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
            return undefined;
        throw error;
    }
}
/**
 * Uploads what is missing and replaces what differs, judged by the `digest` GitHub reports. An asset
 * left half-uploaded (state `open`, e.g. after a 502) is replaced. Assets tagship does not know
 * about are left alone.
 */
async function syncAssets(client, desired, release, assets, log, fresh) {
    const api = client.rest.repos;
    const repo = { owner: desired.owner, repo: desired.repo };
    const result = { uploaded: [], replaced: [], kept: [] };
    if (!assets.length)
        return result;
    const listAssets = async () => {
        try {
            const all = [];
            for (let page = 1;; page++) {
                const { data } = await api.listReleaseAssets({ ...repo, release_id: release.id, per_page: 100, page });
                all.push(...data);
                if (data.length < 100)
                    return all;
            }
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `listing the assets of release ${desired.tag}`);
        }
    };
    const remove = async (asset) => {
        if (release.immutable && !release.draft) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Release ${desired.tag} is immutable and its asset ${JSON.stringify(asset.name)} differs from the file built now: an immutable release cannot change. Release a new version.`);
        }
        try {
            await api.deleteReleaseAsset({ ...repo, asset_id: asset.id });
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `replacing asset ${asset.name}`);
        }
    };
    const upload = async (asset) => {
        const response = await client.request({
            method: 'POST',
            url: release.upload_url,
            name: asset.name,
            data: asset.data,
            headers: { 'content-type': asset.contentType, 'content-length': String(asset.data.byteLength) },
        });
        return response.data;
    };
    const isSame = (existing, asset) => existing?.state === 'uploaded' && existing.digest === asset.digest;
    let current = fresh ? [] : await listAssets();
    for (const asset of assets) {
        const existing = current.find((a) => a.name === asset.name);
        if (isSame(existing, asset)) {
            result.kept.push(asset.name);
            continue;
        }
        if (existing)
            await remove(existing);
        let stored;
        try {
            stored = await upload(asset);
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isApiError */ .d7)(error) || error.status !== 422) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `uploading asset ${asset.name}`);
            }
            // A racing run uploaded it meanwhile, or a failed attempt left a half-made asset behind.
            current = await listAssets();
            const now = current.find((a) => a.name === asset.name);
            if (isSame(now, asset)) {
                result.kept.push(asset.name);
                continue;
            }
            if (now)
                await remove(now);
            try {
                stored = await upload(asset);
            }
            catch (retryError) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(retryError, `uploading asset ${asset.name}`);
            }
        }
        if (stored.digest && stored.digest !== asset.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub stored asset ${asset.name} with digest ${stored.digest}, not ${asset.digest}: the upload was corrupted. Re-run the workflow.`);
        }
        (existing ? result.replaced : result.uploaded).push(asset.name);
        log.info(`${existing ? 'Replaced' : 'Uploaded'} asset ${asset.name} (${asset.data.byteLength} bytes, ${asset.digest}).`);
    }
    return result;
}


/***/ })

};
