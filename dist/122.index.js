export const id = 122;
export const ids = [122,571];
export const modules = {

/***/ 277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mM: () => (/* binding */ defaultDeps)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, parseRetryAfter, backoffDelay, redactUrl */
const DEFAULT_RETRY = { retries: 5, minDelayMs: 500, maxDelayMs: 20_000, timeoutMs: 60_000, maxRetryAfterMs: 120_000 };
const defaultDeps = {
    fetch: (...args) => fetch(...args),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
    random: Math.random,
    now: Date.now,
};
/** A response that will not succeed by retrying, or retries ran out. */
class HttpError extends Error {
    status;
    url;
    body;
    name = 'HttpError';
    constructor(message, status, url, body, options) {
        super(message, options);
        this.status = status;
        this.url = url;
        this.body = body;
    }
}
function isRetryableStatus(status) {
    return status === 429 || status >= 500;
}
/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
    return Math.round(policy.minDelayMs / 2 + random() * (ceiling - policy.minDelayMs / 2));
}
/**
 * Sends a request, retrying what is worth retrying. Returns the final response, whatever its status
 * (callers read 4xx bodies for the error details); throws `HttpError` only when retries ran out on a
 * connection error. The body must be re-sendable (string, bytes, Blob, FormData).
 */
async function request(url, options = {}, deps = defaultDeps) {
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const { retry: _retry, onRetry, signal, ...init } = options;
    for (let attempt = 0;; attempt++) {
        const timeout = AbortSignal.timeout(policy.timeoutMs);
        const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
        let reason;
        let retryAfter;
        try {
            const response = await deps.fetch(url, { ...init, signal: attemptSignal });
            if (!isRetryableStatus(response.status) || attempt >= policy.retries)
                return response;
            retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.now());
            if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs)
                return response;
            reason = `HTTP ${response.status}`;
            await response.body?.cancel().catch(() => undefined);
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            reason = timeout.aborted ? `no answer within ${policy.timeoutMs} ms` : describeNetworkError(error);
            if (attempt >= policy.retries) {
                throw new HttpError(`${init.method ?? 'GET'} ${redactUrl(url)} failed after ${attempt + 1} attempts: ${reason}`, undefined, url, undefined, { cause: error });
            }
        }
        const delayMs = retryAfter ?? backoffDelay(attempt, policy, deps.random);
        onRetry?.({ attempt: attempt + 1, delayMs, reason, url: redactUrl(url) });
        await deps.sleep(delayMs, signal);
    }
}
function describeNetworkError(error) {
    const cause = error?.cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
/** Drops credentials from a URL before it is logged. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString();
    }
    catch {
        return url;
    }
}


/***/ }),

/***/ 7571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   buildNotice: () => (/* binding */ buildNotice)
/* harmony export */ });
/* harmony import */ var _verify_digests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(654);

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
        images: report ? (0,_verify_digests_js__WEBPACK_IMPORTED_MODULE_0__/* .publishedImages */ .H_)(report.outcomes).map((image) => ({ ...image, reference: `${image.repository}@${image.digest}` })) : [],
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

/***/ 122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sendNotice: () => (/* binding */ sendNotice)
});

// UNUSED EXPORTS: signature

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(277);
// EXTERNAL MODULE: ./src/notify/notice.ts
var notice = __webpack_require__(7571);
;// CONCATENATED MODULE: ./src/notify/formats.ts

/** The headline every channel starts with. */
function headline(n) {
    const what = `${n.repository ? `${n.repository} ` : ''}${n.version}${n.rehearsal ? ' (rehearsal)' : ''}${n.dryRun ? ' (dry run)' : ''}`;
    return n.outcome === 'success' ? `✅ ${what} released` : `❌ ${what} failed in ${n.failure?.stage ?? 'an unknown stage'}`;
}
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
// Slack mrkdwn: only &, < and > are special; escaping them also stops `<!channel>` pings and fake links.
const slackText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackLink = (url, label) => `<${encodeURI(decodeURI(url))}|${slackText(label).replace(/\|/g, '¦')}>`;
/** Slack incoming webhook: `text` for notifications and old clients, Block Kit for the message. */
function slackPayload(n) {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: clip(headline(n), 150), emoji: true } }];
    const section = (text) => blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } });
    if (n.failure) {
        section([
            `*Failed:* stage \`${n.failure.stage}\`${n.failure.step ? `, step \`${slackText(n.failure.step)}\`` : ''}`,
            `> ${slackText(n.failure.message)}`,
            `*Re-run:* ${slackText(n.failure.rerun)}`,
            '_Whatever was published before the failure stays published._',
        ].join('\n'));
    }
    if (n.links.length)
        section(['*Links*', ...n.links.map((l) => `• ${slackLink(l.url, l.label)}`)].join('\n'));
    if (n.images.length)
        section(['*Images*', ...n.images.map((i) => `• \`${slackText(i.reference)}\` (${slackText(i.tags.join(', '))})`)].join('\n'));
    const context = [`tag \`${slackText(n.tag)}\``, (0,notice/* formatDuration */.a)(n.durationMs), ...(n.runUrl ? [slackLink(n.runUrl, 'workflow run')] : [])];
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
    return { text: slackText(headline(n)), blocks };
}
// Discord markdown: backslash-escape what would format or link; no mention is ever parsed.
const discordText = (text) => text.replace(/([\\*_~`|>[\]()#@-])/g, '\\$1');
/** Discord webhook: `content` plus one embed, green or red, with mentions disabled. */
function discordPayload(n) {
    const fields = [
        { name: 'Version', value: discordText(n.version), inline: true },
        { name: 'Tag', value: discordText(n.tag), inline: true },
        { name: 'Duration', value: (0,notice/* formatDuration */.a)(n.durationMs), inline: true },
    ];
    if (n.failure) {
        fields.push({ name: 'Failed stage', value: clip(`${n.failure.stage}${n.failure.step ? ` (${discordText(n.failure.step)})` : ''}`, 1024) });
        fields.push({ name: 'Error', value: clip(discordText(n.failure.message), 1024) });
        fields.push({ name: 'Re-run', value: clip(discordText(n.failure.rerun), 1024) });
    }
    if (n.links.length)
        fields.push({ name: 'Links', value: clip(n.links.map((l) => `[${discordText(l.label)}](${encodeURI(decodeURI(l.url))})`).join('\n'), 1024) });
    if (n.images.length)
        fields.push({ name: 'Images', value: clip(n.images.map((i) => `\`${i.reference}\``).join('\n'), 1024) });
    return {
        content: clip(headline(n), 2000),
        allowed_mentions: { parse: [] },
        embeds: [
            {
                title: clip(headline(n), 256),
                ...(n.runUrl ? { url: n.runUrl } : {}),
                color: n.outcome === 'success' ? 0x2ea043 : 0xcf222e,
                fields: fields.slice(0, 25),
                timestamp: n.finishedAt,
            },
        ],
    };
}
const GENERIC_SCHEMA = 'tagship.notification/v1';
/** Any JSON webhook: the notice as data, with an event name to route on. */
function genericPayload(n) {
    return { schema: GENERIC_SCHEMA, event: n.outcome === 'success' ? 'release.succeeded' : 'release.failed', text: headline(n), ...n, failure: n.failure ?? null };
}

;// CONCATENATED MODULE: ./src/notify/send.ts



/** `sha256=<hex>` of the exact body, the way GitHub signs its own webhooks. */
function signature(body, secret) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
const CHANNELS = [
    { key: 'slack', label: 'Slack', input: 'slack-webhook-url', payload: slackPayload },
    { key: 'discord', label: 'Discord', input: 'discord-webhook-url', payload: discordPayload },
    { key: 'generic', label: 'Webhook', input: 'webhook-url', payload: genericPayload },
];
/**
 * Posts the notice to every configured webhook, side by side. A failure is a warning that names the
 * channel and the HTTP status, never the URL (the URL is the secret), and never fails the release.
 * Returns the channels that accepted it.
 */
async function sendNotice(notice, hooks, runner, signal) {
    const sent = await Promise.all(CHANNELS.filter((c) => hooks[c.key]).map(async (channel) => {
        try {
            const body = JSON.stringify(channel.payload(notice));
            const signed = channel.key === 'generic' && hooks.genericSecret ? { 'x-tagship-signature-256': signature(body, hooks.genericSecret) } : {};
            const response = await (0,http/* request */.Em)(hooks[channel.key], {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'user-agent': 'tagship', ...signed },
                body,
                retry: { retries: 2, minDelayMs: 250, maxDelayMs: 2_000, timeoutMs: 10_000, maxRetryAfterMs: 10_000 },
                signal,
            });
            const answer = (await response.text()).slice(0, 200).replace(/\s+/g, ' ').trim();
            if (!response.ok) {
                runner.warning(`${channel.label} notification was not sent: HTTP ${response.status}${answer ? ` (${answer})` : ''}. The release itself is not affected; check the ${channel.input} input.`);
                return undefined;
            }
            return channel.label;
        }
        catch (error) {
            const reason = describe(error);
            runner.warning(`${channel.label} notification was not sent: ${reason}. The release itself is not affected.`);
            return undefined;
        }
    }));
    return sent.filter((label) => label !== undefined);
}
/** The error without the URL (HttpError messages quote it). */
function describe(error) {
    const message = error instanceof Error ? error.message : String(error);
    const after = message.match(/failed after \d+ attempts?: (.*)$/);
    return after ? after[1] : error?.name === 'TimeoutError' ? 'no answer in time' : 'the request failed';
}


/***/ }),

/***/ 654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ publishedImages),
/* harmony export */   Qn: () => (/* binding */ registryCredentials),
/* harmony export */   j: () => (/* binding */ resolveDigest)
/* harmony export */ });
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7266);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2174);


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
/**
 * Registry credentials from the run's secrets: GHCR takes the GitHub token; Docker Hub the
 * `docker-username`/`docker-password` pair when given. Anonymous otherwise (public images).
 */
function registryCredentials(secrets) {
    return (host) => {
        if (host === 'ghcr.io' && secrets['github-token'])
            return { username: 'tagship', password: secrets['github-token'] };
        if (host === 'registry-1.docker.io' && secrets['docker-username'] && secrets['docker-password']) {
            return { username: secrets['docker-username'], password: secrets['docker-password'] };
        }
        return undefined;
    };
}
/** The digest `repository:tag` was published with: from this run's outcomes, else read from the registry. */
async function resolveDigest(ctx, repository, tag) {
    const known = publishedImages(ctx.outcomes.values()).find((image) => image.repository === repository && image.tags.includes(tag));
    if (known)
        return known.digest;
    const lookup = await new _oci_js__WEBPACK_IMPORTED_MODULE_0__/* .OciReader */ .LV({ credentials: registryCredentials(ctx.secrets), signal: ctx.signal }).manifest(repository, tag);
    if (!lookup.found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${repository}:${tag} does not exist in its registry: publish the images first (the docker stage), then re-run.`);
    return lookup.digest;
}


/***/ }),

/***/ 7266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   LV: () => (/* binding */ OciReader),
/* harmony export */   V: () => (/* binding */ INDEX_TYPES),
/* harmony export */   tj: () => (/* binding */ platformOf)
/* harmony export */ });
/* unused harmony exports MANIFEST_TYPES, parseImageName, registryBase */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2174);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(277);



/**
 * A minimal reader of the OCI distribution API: resolve a tag to its manifest and digest, with the
 * anonymous or basic-credential token dance registries ask for. Reads only.
 * TODO(consolidate): issue 5 brings the full OCI client (pushes, auth for every registry); once merged,
 * read through it and drop this file.
 */
const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');
/** `docker.io/acme/app` → registry-1.docker.io + acme/app; `ghcr.io/acme/app`; `127.0.0.1:5000/app`. */
function parseImageName(repository) {
    const [first, ...rest] = repository.split('/');
    const hasHost = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const host = hasHost ? first : 'docker.io';
    let path = hasHost ? rest.join('/') : repository;
    if (host === 'docker.io' || host === 'index.docker.io') {
        if (!path.includes('/'))
            path = `library/${path}`;
        return { host: 'registry-1.docker.io', path };
    }
    return { host, path };
}
/** Loopback registries (a local `registry:2`, tests) speak plain HTTP; everything else HTTPS. */
function registryBase(host) {
    const name = host.replace(/:\d+$/, '');
    const loopback = name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
    return `${loopback ? 'http' : 'https'}://${host}`;
}
class OciReader {
    options;
    tokens = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    /** Resolves `repository:reference` to its manifest; a missing tag is `found: false`, not an error. */
    async manifest(repository, reference) {
        const { host, path } = parseImageName(repository);
        const url = `${registryBase(host)}/v2/${path}/manifests/${encodeURIComponent(reference)}`;
        const response = await this.get(url, host, path);
        if (response.status === 404) {
            await response.body?.cancel().catch(() => undefined);
            return { found: false, status: 404 };
        }
        if (!response.ok) {
            const body = (await response.text()).slice(0, 300);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Registry ${host} answered HTTP ${response.status} for ${repository}:${reference}: ${body.trim() || response.statusText}. Check the image name and registry credentials.`);
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        const digest = response.headers.get('docker-content-digest') ?? `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
        const text = new TextDecoder().decode(bytes);
        const parsed = JSON.parse(text);
        const mediaType = parsed.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? '';
        return { found: true, digest, mediaType, ...(parsed.manifests ? { manifests: parsed.manifests } : {}) };
    }
    async get(url, host, path) {
        const key = `${host}/${path}`;
        const send = (authorization) => (0,_net_http_js__WEBPACK_IMPORTED_MODULE_2__/* .request */ .Em)(url, { headers: { accept: ACCEPT, ...(authorization ? { authorization } : {}) }, signal: this.options.signal }, this.options.deps);
        const cached = this.tokens.get(key);
        const response = await send(cached);
        if (response.status !== 401)
            return response;
        const challenge = response.headers.get('www-authenticate') ?? '';
        const authorization = await this.authorize(challenge, host, path);
        if (!authorization)
            return response;
        await response.body?.cancel().catch(() => undefined);
        this.tokens.set(key, authorization);
        return send(authorization);
    }
    /** Answers a `WWW-Authenticate` challenge: basic with credentials, or a pull token from the realm. */
    async authorize(challenge, host, path) {
        const credentials = this.options.credentials?.(host);
        const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
        const [scheme] = challenge.split(' ');
        if (scheme?.toLowerCase() === 'basic')
            return basic;
        if (scheme?.toLowerCase() !== 'bearer')
            return undefined;
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (!params.realm)
            return undefined;
        const tokenUrl = new URL(params.realm);
        if (params.service)
            tokenUrl.searchParams.set('service', params.service);
        tokenUrl.searchParams.set('scope', params.scope ?? `repository:${path}:pull`);
        const response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_2__/* .request */ .Em)(tokenUrl.toString(), { headers: basic ? { authorization: basic } : {}, signal: this.options.signal }, this.options.deps);
        if (!response.ok) {
            await response.body?.cancel().catch(() => undefined);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Registry ${host} refused a pull token for ${path} (HTTP ${response.status}). For a private image, give tagship the registry credentials.`);
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        return token ? `Bearer ${token}` : undefined;
    }
}
/** `linux/arm64/v8` is how registries often spell plain `linux/arm64`; attestations are `unknown/unknown`. */
function platformOf(entry) {
    const p = entry.platform;
    if (!p || p.os === 'unknown')
        return undefined;
    const variant = p.architecture === 'arm64' && p.variant === 'v8' ? undefined : p.variant;
    return `${p.os}/${p.architecture}${variant ? `/${variant}` : ''}`;
}
function normalizePlatform(platform) {
    return platform.replace(/^linux\/arm64\/v8$/, 'linux/arm64');
}


/***/ })

};
