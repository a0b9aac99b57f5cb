export const id = 631;
export const ids = [631];
export const modules = {

/***/ 53981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ parseCommit),
/* harmony export */   lC: () => (/* binding */ isConventionalHistory),
/* harmony export */   nY: () => (/* binding */ renderConventionalChangelog)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65566);

// `type(scope)!: subject` — https://www.conventionalcommits.org/en/v1.0.0/
const CONVENTIONAL = /^([a-zA-Z]+)(?:\(([^()\r\n]{1,60})\))?(!)?: +(\S.*)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: /m;
const MERGE_SUBJECT = /^Merge (pull request #\d+ from|branch |remote-tracking branch )/;
const TRAILING_PR = /\s*\(#(\d+)\)\s*$/;
/** Sections in the order they appear; types not listed go to "Other changes". */
const SECTIONS = [
    { title: 'Features', types: ['feat', 'feature'] },
    { title: 'Bug fixes', types: ['fix', 'bugfix'] },
    { title: 'Performance', types: ['perf'] },
    { title: 'Reverts', types: ['revert'] },
    { title: 'Documentation', types: ['docs'] },
    { title: 'Refactoring', types: ['refactor'] },
    { title: 'Build and CI', types: ['build', 'ci'] },
    { title: 'Tests', types: ['test', 'tests'] },
    { title: 'Chores', types: ['chore', 'style'] },
];
function parseCommit(commit) {
    const [firstLine = ''] = commit.message.split(/\r?\n/, 1);
    if (MERGE_SUBJECT.test(firstLine))
        return undefined;
    const pr = TRAILING_PR.exec(firstLine);
    const subject = pr ? firstLine.slice(0, pr.index) : firstLine;
    const match = CONVENTIONAL.exec(subject.trim());
    const conventional = match
        ? {
            type: match[1].toLowerCase(),
            ...(match[2] ? { scope: match[2].trim() } : {}),
            breaking: match[3] === '!' || BREAKING_FOOTER.test(commit.message),
            subject: match[4].trim(),
        }
        : undefined;
    return { commit, subject: subject.trim(), ...(conventional ? { conventional } : {}), ...(pr ? { pullRequest: Number(pr[1]) } : {}) };
}
/**
 * Whether a history follows conventional commits well enough to group it: at least half of its
 * commits (merge commits aside). Otherwise GitHub's generated notes, built from pull requests, say more.
 */
function isConventionalHistory(entries) {
    if (!entries.length)
        return false;
    return entries.filter((e) => e.conventional).length * 2 >= entries.length;
}
/** The changelog grouped by type, newest first within a group. Every commit text is escaped. */
function renderConventionalChangelog(entries, links) {
    const groups = new Map();
    const add = (title, line) => groups.set(title, [...(groups.get(title) ?? []), line]);
    for (const entry of [...entries].reverse()) {
        const line = renderEntry(entry, links);
        if (entry.conventional?.breaking)
            add('⚠ Breaking changes', line);
        const section = SECTIONS.find((s) => entry.conventional && s.types.includes(entry.conventional.type));
        add(section?.title ?? 'Other changes', line);
    }
    const order = ['⚠ Breaking changes', ...SECTIONS.map((s) => s.title), 'Other changes'];
    return order
        .filter((title) => groups.has(title))
        .map((title) => [`### ${title}`, '', ...groups.get(title)].join('\n'))
        .join('\n\n');
}
function renderEntry(entry, links) {
    const c = entry.conventional;
    const scope = c?.scope ? `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(c.scope, 60)}:** ` : '';
    const text = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(c ? c.subject : entry.subject);
    const sha = /^[0-9a-f]{7,64}$/i.test(entry.commit.sha) ? entry.commit.sha.slice(0, 7) : 'commit';
    const parts = [`- ${scope}${text} ([${sha}](${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(entry.commit.url)}))`];
    // Without the repository's address (a clone with no GitHub remote) the number stays plain text, not a dead link.
    if (entry.pullRequest)
        parts.push(links.repositoryUrl ? `([#${entry.pullRequest}](${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(`${links.repositoryUrl}/pull/${entry.pullRequest}`)}))` : `(#${entry.pullRequest})`);
    return parts.join(' ');
}


/***/ }),

/***/ 87631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGithubReleaseExecutor: () => (/* binding */ createGithubReleaseExecutor),
  executeGithubRelease: () => (/* binding */ executeGithubRelease)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/project/files.ts
var files = __webpack_require__(83930);
;// CONCATENATED MODULE: ./src/github/assets.ts





const CHECKSUMS_NAME = 'SHA256SUMS';
/**
 * Resolves the asset globs in `cwd` and reads the files. Done before any write to GitHub, so a
 * missing file stops the run before a release exists. `required`: every glob must match.
 * Assets are public: only files inside the project are attached. An absolute or `..` pattern is
 * refused, globbing does not enter symlinked directories, and a symlinked file that leads out of the
 * project stops the run (see src/project/files.ts).
 */
async function collectAssets(cwd, globs, options) {
    const paths = [];
    for (const pattern of (0,files/* checkGlobPatterns */.wO)(globs, 'github-release.assets')) {
        const matched = (await (0,dist/* glob */.TI)(pattern, { ...(0,files/* containedGlobOptions */.c4)(cwd), onlyFiles: true })).sort();
        if (!matched.length && options.required) {
            throw new errors/* UserError */.yo(`No file matches the release asset pattern ${JSON.stringify(pattern)} in ${cwd}: build the files first, or change github-release.assets.`);
        }
        for (const path of matched)
            if (!paths.includes(path))
                paths.push(path);
    }
    const assets = [];
    for (const path of paths) {
        const name = (0,external_node_path_.basename)(path);
        if (assets.some((a) => a.name === name)) {
            throw new errors/* UserError */.yo(`Two release assets are named ${JSON.stringify(name)}: a release holds one file per name. Narrow github-release.assets.`);
        }
        if (name === CHECKSUMS_NAME && options.checksums) {
            throw new errors/* UserError */.yo(`${CHECKSUMS_NAME} is written by tagship; remove it from github-release.assets or set checksums: false.`);
        }
        assets.push(makeAsset(name, new Uint8Array((0,files/* readProjectBytes */.Dl)(cwd, path, { maxBytes: files/* MAX_ASSET_BYTES */.IC }))));
    }
    if (options.checksums && assets.length)
        assets.push(makeAsset(CHECKSUMS_NAME, new TextEncoder().encode(checksumsFile(assets))));
    return assets;
}
function makeAsset(name, data) {
    return { name, data, digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')}`, contentType: contentTypeFor(name) };
}
/** The `sha256sum` format, so `sha256sum -c SHA256SUMS` checks the downloads. */
function checksumsFile(assets) {
    return assets.map((a) => `${a.digest.slice('sha256:'.length)}  ${a.name}\n`).join('');
}
const CONTENT_TYPES = {
    '.whl': 'application/zip',
    '.zip': 'application/zip',
    '.gz': 'application/gzip',
    '.tgz': 'application/gzip',
    '.json': 'application/json',
    '.txt': 'text/plain',
};
function contentTypeFor(name) {
    if (name === CHECKSUMS_NAME)
        return 'text/plain';
    return CONTENT_TYPES[(0,external_node_path_.extname)(name).toLowerCase()] ?? 'application/octet-stream';
}

// EXTERNAL MODULE: ./src/github/changelog.ts
var changelog = __webpack_require__(53981);
// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(73116);
;// CONCATENATED MODULE: ./src/github/changelog-source.ts


/** Commits a changelog lists at most; a larger range is summarised by GitHub's notes instead. */
const MAX_COMMITS = 1000;
/**
 * The changelog since the previous release. The commits come from the compare API (not from git:
 * actions/checkout clones one commit, without history or tags). Grouped by conventional-commit type
 * when the history follows it; otherwise, or when there is no previous release, GitHub's generated
 * notes (pull requests and new contributors).
 */
async function loadChangelog(client, request, warn) {
    const repositoryUrl = `${request.serverUrl.replace(/\/+$/, '')}/${request.owner}/${request.repo}`;
    const { previousTag } = request;
    if (request.path !== undefined && request.mode !== 'github') {
        const scoped = await packageChangelog(client, request, repositoryUrl, warn);
        if (scoped)
            return scoped;
    }
    else if (previousTag && request.mode !== 'github') {
        const compareUrl = `${repositoryUrl}/compare/${previousTag}...${request.tag}`;
        const commits = await compareCommits(client, request, previousTag);
        if (commits === 'missing') {
            warn(`The previous release tag ${previousTag} is not on GitHub; the changelog uses GitHub's generated notes.`);
            return generatedNotes(client, { ...request, previousTag: undefined });
        }
        if (commits !== 'too-many') {
            const entries = commits.map(changelog/* parseCommit */.L5).filter((e) => e !== undefined);
            if (request.mode === 'conventional' || (0,changelog/* isConventionalHistory */.lC)(entries)) {
                return { source: 'conventional', text: (0,changelog/* renderConventionalChangelog */.nY)(entries, { repositoryUrl }), previousTag, compareUrl };
            }
        }
    }
    return generatedNotes(client, request);
}
/**
 * A package's changelog: the commits of the compare range (all history up to the release without a
 * previous tag) that touch its path, as list-commits with `path` reports them, in the compare's order.
 * Grouped by conventional type when there are any; GitHub's notes would list the whole repository's pull
 * requests, so a non-conventional history is listed under "Other changes" rather than handed to them.
 * Undefined (GitHub's notes then) when the range is too long to list.
 */
async function packageChangelog(client, request, repositoryUrl, warn) {
    const path = request.path;
    let previousTag = request.previousTag;
    const dates = new Map();
    let range = previousTag ? await compareCommits(client, request, previousTag, dates) : undefined;
    if (range === 'missing') {
        warn(`The previous release tag ${previousTag} is not on GitHub; the changelog lists every commit touching ${path}.`);
        previousTag = undefined;
        range = undefined;
    }
    if (range === 'too-many') {
        warn(`More than ${MAX_COMMITS} commits since ${previousTag}: the changelog uses GitHub's generated notes, which cover the whole repository, not only ${path}.`);
        return undefined;
    }
    // The range's oldest commit date: the listing, newest first, is read until it passes that.
    const oldest = range ? [...dates.values()].sort()[0] : undefined;
    const touching = range?.length === 0 ? new Map() : await commitsTouching(client, request, path, range ? { until: oldest ?? '' } : undefined);
    if (touching === 'too-many') {
        warn(`More than ${MAX_COMMITS} commits touch ${path}: the changelog uses GitHub's generated notes, which cover the whole repository.`);
        return undefined;
    }
    // The compare range is oldest first, as the renderer expects; without one, list-commits' order reversed.
    const commits = range ? range.filter((commit) => touching.has(commit.sha)) : [...touching.values()].reverse();
    const entries = commits.map(changelog/* parseCommit */.L5).filter((e) => e !== undefined);
    return {
        source: 'conventional',
        text: (0,changelog/* renderConventionalChangelog */.nY)(entries, { repositoryUrl }),
        ...(previousTag ? { previousTag, compareUrl: `${repositoryUrl}/compare/${previousTag}...${request.tag}` } : {}),
    };
}
/**
 * Commits reachable from the release that touch `path`, newest first, by sha. GitHub's listing has no base
 * commit, and its `since` filter would drop a long-lived branch's older commits merged into the range; so
 * it is read newest first until a commit older than the range's oldest (`stop.until`, an ISO date) shows
 * that the rest lies before the range (git lists by commit date, children before parents), then cut to
 * the range by sha. Without a range, the whole history of the path, up to the limit.
 */
async function commitsTouching(client, request, path, stop) {
    const commits = new Map();
    const head = request.commit ?? request.tag;
    const limit = stop ? MAX_COMMITS * 5 : MAX_COMMITS;
    try {
        for (let page = 1, listed = 0; listed < limit; page++) {
            const { data } = await client.rest.repos.listCommits({ owner: request.owner, repo: request.repo, sha: head, path, per_page: 100, page });
            listed += data.length;
            for (const c of data)
                commits.set(c.sha, { sha: c.sha, message: c.commit.message, url: c.html_url });
            const passed = stop && data.some((c) => (c.commit.committer?.date ?? '') < stop.until);
            if (data.length < 100 || passed)
                return commits;
        }
        return 'too-many';
    }
    catch (error) {
        throw (0,github_errors/* translateApiError */.PY)(error, `listing the commits touching ${path} for the changelog`);
    }
}
async function compareCommits(client, request, previousTag, dates) {
    const commits = [];
    const head = request.commit ?? request.tag;
    try {
        for (let page = 1; commits.length < MAX_COMMITS; page++) {
            const { data } = await client.rest.repos.compareCommitsWithBasehead({
                owner: request.owner,
                repo: request.repo,
                basehead: `${previousTag}...${head}`,
                per_page: 100,
                page,
            });
            commits.push(...data.commits.map((c) => ({ sha: c.sha, message: c.commit.message, url: c.html_url })));
            for (const c of data.commits)
                if (c.commit.committer?.date)
                    dates?.set(c.sha, c.commit.committer.date);
            if (data.commits.length < 100 || commits.length >= data.total_commits)
                return commits;
        }
        return 'too-many';
    }
    catch (error) {
        if ((0,github_errors/* isApiError */.d7)(error) && error.status === 404)
            return 'missing';
        throw (0,github_errors/* translateApiError */.PY)(error, `comparing ${previousTag}...${head} for the changelog`);
    }
}
async function generatedNotes(client, request) {
    try {
        const { data } = await client.rest.repos.generateReleaseNotes({
            owner: request.owner,
            repo: request.repo,
            tag_name: request.tag,
            ...(request.commit ? { target_commitish: request.commit } : {}),
            ...(request.previousTag ? { previous_tag_name: request.previousTag } : {}),
        });
        return { source: 'github', text: data.body, ...(request.previousTag ? { previousTag: request.previousTag } : {}) };
    }
    catch (error) {
        throw (0,github_errors/* translateApiError */.PY)(error, `generating the release notes for ${request.tag}`);
    }
}

// EXTERNAL MODULE: ./src/github/connect.ts
var connect = __webpack_require__(67441);
// EXTERNAL MODULE: ./src/sigstore/id-token.ts
var id_token = __webpack_require__(46249);
// EXTERNAL MODULE: ./src/github/notes.ts
var notes = __webpack_require__(1646);
// EXTERNAL MODULE: ./src/github/release.ts
var release = __webpack_require__(15386);
;// CONCATENATED MODULE: ./src/github/executor.ts






/**
 * The GitHub release step: reads everything first (asset files, changelog, the release as it is),
 * then writes (create or update, upload, publish). A failure before the first write leaves nothing
 * behind; a failure after it leaves at most an unpublished draft that a re-run completes.
 */
function createGithubReleaseExecutor(tuning = {}) {
    return async (step, ctx) => {
        const assets = await collectAssets(ctx.cwd, step.assets.globs, { required: step.assets.required, checksums: step.assets.checksums });
        const github = (0,connect/* connectGithub */.S)(ctx, `The GitHub release ${step.tag}`, tuning);
        const body = await releaseBody(step, ctx, github);
        ctx.runner.info(`Release notes for ${step.tag}:`);
        ctx.runner.info(body);
        const result = await (0,release/* publishRelease */.D)(github.client, {
            owner: github.owner,
            repo: github.repo,
            tag: step.tag,
            name: step.name,
            body,
            prerelease: step.prerelease,
            draft: step.draft,
            makeLatest: step.makeLatest,
            ...(step.commit ? { commit: step.commit } : {}),
        }, assets, { info: (message) => ctx.runner.info(message) });
        const changed = result.created || result.updated || result.uploaded.length > 0 || result.replaced.length > 0;
        const files = [
            result.uploaded.length ? `${result.uploaded.length} uploaded` : '',
            result.replaced.length ? `${result.replaced.length} replaced` : '',
            result.kept.length ? `${result.kept.length} unchanged` : '',
        ].filter(Boolean);
        const state = result.release.draft ? 'draft' : result.release.prerelease ? 'prerelease' : 'release';
        const outcome = {
            id: step.id,
            status: changed ? 'done' : 'unchanged',
            detail: `${result.created ? 'created' : changed ? 'updated' : 'already up to date:'} ${state} ${step.tag}` +
                `${step.makeLatest === 'true' && !result.release.draft ? ' (latest)' : ''}` +
                `${files.length ? `; assets: ${files.join(', ')}` : ''}`,
            links: [{ label: `release ${step.tag}`, url: result.release.html_url }],
            // The assets as published, for the step that attests them (github-attest).
            produced: { releaseId: result.release.id, releaseUrl: result.release.html_url, assets: assets.map(({ name, digest }) => ({ name, digest })) },
        };
        return outcome;
    };
}
const executeGithubRelease = createGithubReleaseExecutor();
async function releaseBody(step, ctx, github) {
    const finished = new Set([...ctx.outcomes.values()].filter((o) => o.status === 'done' || o.status === 'unchanged').map((o) => o.id));
    const changelog = await loadChangelog(github.client, {
        owner: github.owner,
        repo: github.repo,
        tag: step.tag,
        ...(step.commit ? { commit: step.commit } : {}),
        ...(step.previousTag ? { previousTag: step.previousTag } : {}),
        ...(step.path !== undefined ? { path: step.path } : {}),
        mode: step.notes.changelog,
        serverUrl: github.serverUrl,
    }, (message) => ctx.runner.warning(message));
    const repositoryUrl = `${github.serverUrl}/${github.owner}/${github.repo}`;
    const version = ctx.plan.version?.normalized ?? step.tag;
    return (0,notes/* renderBody */.lc)(step.notes.template, {
        version,
        tag: step.tag,
        'previous-tag': step.previousTag ?? '',
        repository: `${github.owner}/${github.repo}`,
        install: (0,notes/* renderInstall */.zB)((0,notes/* publishedTargets */.LR)(step.notes.install, finished)),
        verify: willAttest(ctx) ? (0,notes/* renderVerify */.Cu)(`${github.owner}/${github.repo}`, step.assets.checksums) : '',
        changelog: (0,notes/* renderChangelogSection */.aG)(changelog),
        'compare-url': step.previousTag ? `${repositoryUrl}/compare/${step.previousTag}...${step.tag}` : '',
    });
}
/**
 * The notes say how to verify a download only when the assets will be attested: the plan attests them,
 * and the job can sign (or must: `attestations.enabled: true` fails the run otherwise).
 */
function willAttest(ctx) {
    const attest = ctx.plan.stages.flatMap((stage) => stage.steps).find((step) => step.kind === 'github-attest');
    return attest?.kind === 'github-attest' && (attest.attestation.required || (0,id_token.canMintIdToken)(ctx.env));
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
