import { formatDuration, type ReleaseNotice } from './notice.js';

/** The headline every channel starts with. */
export function headline(n: ReleaseNotice): string {
  const what = `${n.repository ? `${n.repository} ` : ''}${n.version}${n.rehearsal ? ' (rehearsal)' : ''}${n.dryRun ? ' (dry run)' : ''}`;
  return n.outcome === 'success' ? `✅ ${what} released` : `❌ ${what} failed in ${n.failure?.stage ?? 'an unknown stage'}`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Slack mrkdwn: only &, < and > are special; escaping them also stops `<!channel>` pings and fake links.
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackLink = (url: string, label: string) => `<${encodeOnce(url)}|${slackText(label).replace(/\|/g, '¦')}>`;

/**
 * A link target with every character a URL may not hold as it is percent-encoded, and the escapes it
 * already has kept: a scoped package's `@acme%2Fpkg` stays that (`encodeURI(decodeURI(…))` made it
 * `%252F`, since decodeURI keeps `%2F`, and threw on a stray `%`). Parentheses are encoded too: a
 * Markdown link target ends at `)`, a Slack one at `|` or `>`.
 */
export function encodeOnce(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%']/gu, (c) =>
    [...new TextEncoder().encode(c)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Slack incoming webhook: `text` for notifications and old clients, Block Kit for the message. */
export function slackPayload(n: ReleaseNotice): Record<string, unknown> {
  const blocks: Array<Record<string, unknown>> = [{ type: 'header', text: { type: 'plain_text', text: clip(headline(n), 150), emoji: true } }];
  const section = (text: string) => blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } });
  if (n.failure) {
    section(
      [
        `*Failed:* stage \`${n.failure.stage}\`${n.failure.step ? `, step \`${slackText(n.failure.step)}\`` : ''}`,
        `> ${slackText(n.failure.message)}`,
        `*Re-run:* ${slackText(n.failure.rerun)}`,
        '_Whatever was published before the failure stays published._',
      ].join('\n'),
    );
  }
  if (n.links.length) section(['*Links*', ...n.links.map((l) => `• ${slackLink(l.url, l.label)}`)].join('\n'));
  if (n.images.length) section(['*Images*', ...n.images.map((i) => `• \`${slackText(i.reference)}\` (${slackText(i.tags.join(', '))})`)].join('\n'));
  const context = [`tag \`${slackText(n.tag)}\``, formatDuration(n.durationMs), ...(n.runUrl ? [slackLink(n.runUrl, 'workflow run')] : [])];
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
  return { text: slackText(headline(n)), blocks };
}

// Discord markdown: backslash-escape what would format or link; no mention is ever parsed.
const discordText = (text: string) => text.replace(/([\\*_~`|>[\]()#@-])/g, '\\$1');

/** Discord webhook: `content` plus one embed, green or red, with mentions disabled. */
export function discordPayload(n: ReleaseNotice): Record<string, unknown> {
  const fields: Array<{ name: string; value: string; inline?: boolean }> = [
    { name: 'Version', value: discordText(n.version), inline: true },
    { name: 'Tag', value: discordText(n.tag), inline: true },
    { name: 'Duration', value: formatDuration(n.durationMs), inline: true },
  ];
  if (n.failure) {
    fields.push({ name: 'Failed stage', value: clip(`${n.failure.stage}${n.failure.step ? ` (${discordText(n.failure.step)})` : ''}`, 1024) });
    fields.push({ name: 'Error', value: clip(discordText(n.failure.message), 1024) });
    fields.push({ name: 'Re-run', value: clip(discordText(n.failure.rerun), 1024) });
  }
  if (n.links.length) fields.push({ name: 'Links', value: clip(n.links.map((l) => `[${discordText(l.label)}](${encodeOnce(l.url)})`).join('\n'), 1024) });
  if (n.images.length) fields.push({ name: 'Images', value: clip(n.images.map((i) => `\`${i.reference}\``).join('\n'), 1024) });
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

export const GENERIC_SCHEMA = 'tagship.notification/v1';

/** Any JSON webhook: the notice as data, with an event name to route on. */
export function genericPayload(n: ReleaseNotice): Record<string, unknown> {
  return { schema: GENERIC_SCHEMA, event: n.outcome === 'success' ? 'release.succeeded' : 'release.failed', text: headline(n), ...n, failure: n.failure ?? null };
}
