import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, unknown>> }>;

/**
 * A real webhook payload from @octokit/webhooks-examples (deep-copied), chosen by event name and a
 * predicate, so fixtures carry every field GitHub sends rather than the few a test thinks of.
 */
export function realPayload(event: string, match: (payload: Record<string, any>) => boolean = () => true): Record<string, any> {
  const group = examples.find((entry) => entry.name === event);
  const payload = group?.examples.find(match);
  if (!payload) throw new Error(`no ${event} example matches`);
  return structuredClone(payload);
}

/** A real tag-push payload moved to another tag. */
export function tagPush(tag: string): Record<string, any> {
  const payload = realPayload('push', (p) => p.ref.startsWith('refs/tags/') && p.deleted === false);
  payload.ref = `refs/tags/${tag}`;
  payload.base_ref = null;
  return payload;
}

/** A real release payload for another tag. */
export function releaseEvent(action: string, tag: string): Record<string, any> {
  const payload = realPayload('release', (p) => p.action === action);
  payload.release.tag_name = tag;
  payload.release.name = tag;
  return payload;
}
