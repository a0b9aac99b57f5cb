import { createHmac } from 'node:crypto';
import { request } from '../net/http.js';
import type { Runner } from '../runtime/action-io.js';
import { discordPayload, genericPayload, slackPayload } from './formats.js';
import type { ReleaseNotice } from './notice.js';

export interface Webhooks {
  slack?: string;
  discord?: string;
  generic?: string;
  /** HMAC key for the generic webhook's signature header. */
  genericSecret?: string;
}

/** `sha256=<hex>` of the exact body, the way GitHub signs its own webhooks. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const CHANNELS = [
  { key: 'slack', label: 'Slack', input: 'slack-webhook-url', payload: slackPayload },
  { key: 'discord', label: 'Discord', input: 'discord-webhook-url', payload: discordPayload },
  { key: 'generic', label: 'Webhook', input: 'webhook-url', payload: genericPayload },
] as const;

/**
 * Posts the notice to every configured webhook, side by side. A failure is a warning that names the
 * channel and the HTTP status, never the URL (the URL is the secret), and never fails the release.
 * Returns the channels that accepted it.
 */
export async function sendNotice(notice: ReleaseNotice, hooks: Webhooks, runner: Runner, signal?: AbortSignal): Promise<string[]> {
  const sent = await Promise.all(
    CHANNELS.filter((c) => hooks[c.key]).map(async (channel): Promise<string | undefined> => {
      try {
        const body = JSON.stringify(channel.payload(notice));
        const signed: Record<string, string> = channel.key === 'generic' && hooks.genericSecret ? { 'x-tagship-signature-256': signature(body, hooks.genericSecret) } : {};
        const response = await request(hooks[channel.key]!, {
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
      } catch (error) {
        const reason = describe(error);
        runner.warning(`${channel.label} notification was not sent: ${reason}. The release itself is not affected.`);
        return undefined;
      }
    }),
  );
  return sent.filter((label): label is string => label !== undefined);
}

/** The error without the URL (HttpError messages quote it). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const after = message.match(/failed after \d+ attempts?: (.*)$/);
  return after ? after[1]! : (error as { name?: string })?.name === 'TimeoutError' ? 'no answer in time' : 'the request failed';
}
