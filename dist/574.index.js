export const id = 574;
export const ids = [574,645];
export const modules = {

/***/ 17645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   buildNotice: () => (/* binding */ buildNotice)
/* harmony export */ });
/* harmony import */ var _npm_links_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27452);
/* harmony import */ var _verify_digests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50508);


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
        if (outcome.status === 'planned' || outcome.status === 'skipped')
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
            return [(0,_npm_links_js__WEBPACK_IMPORTED_MODULE_1__/* .versionLink */ .PK)(step.registry, step.package, step.version)];
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

/***/ 38574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sendNotice: () => (/* binding */ sendNotice)
});

// UNUSED EXPORTS: signature

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/net/http.ts + 1 modules
var http = __webpack_require__(53770);
// EXTERNAL MODULE: ./src/notify/notice.ts
var notice = __webpack_require__(17645);
;// CONCATENATED MODULE: ./src/notify/formats.ts

/** The headline every channel starts with. */
function headline(n) {
    const what = `${n.repository ? `${n.repository} ` : ''}${n.version}${n.rehearsal ? ' (rehearsal)' : ''}${n.dryRun ? ' (dry run)' : ''}`;
    return n.outcome === 'success' ? `✅ ${what} released` : `❌ ${what} failed in ${n.failure?.stage ?? 'an unknown stage'}`;
}
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
// Slack mrkdwn: only &, < and > are special; escaping them also stops `<!channel>` pings and fake links.
const slackText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackLink = (url, label) => `<${encodeOnce(url)}|${slackText(label).replace(/\|/g, '¦')}>`;
/**
 * A link target with every character a URL may not hold as it is percent-encoded, and the escapes it
 * already has kept: a scoped package's `@acme%2Fpkg` stays that (`encodeURI(decodeURI(…))` made it
 * `%252F`, since decodeURI keeps `%2F`, and threw on a stray `%`). Parentheses are encoded too: a
 * Markdown link target ends at `)`, a Slack one at `|` or `>`.
 */
function encodeOnce(url) {
    return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%']/gu, (c) => [...new TextEncoder().encode(c)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
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
        fields.push({ name: 'Links', value: clip(n.links.map((l) => `[${discordText(l.label)}](${encodeOnce(l.url)})`).join('\n'), 1024) });
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


/***/ })

};
