// Writes a real webhook payload (from @octokit/webhooks-examples) for one tagship trigger, retargeted to
// a version tag, so CI can replay every trigger through the action (`event-name` / `event-path` inputs).
// Usage: node scripts/ci-event.mjs TRIGGER VERSION OUT_FILE   → prints the event name
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples');
const pick = (event, match = () => true) => structuredClone(examples.find((e) => e.name === event).examples.find(match));

export function triggerEvent(trigger, version) {
  const tagPush = (tag) => Object.assign(pick('push', (p) => p.ref.startsWith('refs/tags/') && !p.deleted), { ref: `refs/tags/${tag}` });
  switch (trigger) {
    case 'tag':
      return { name: 'push', payload: tagPush(`v${version}`) };
    case 'rehearsal':
      return { name: 'push', payload: tagPush(`test-v${version}`) };
    case 'docker-rebuild':
      return { name: 'push', payload: tagPush(`docker-rebuild-v${version}`) };
    case 'release': {
      const payload = pick('release', (p) => p.action === 'published');
      payload.release.tag_name = `v${version}`;
      return { name: 'release', payload };
    }
    case 'dispatch':
      return { name: 'workflow_dispatch', payload: Object.assign(pick('workflow_dispatch'), { inputs: { version, stages: 'docker' } }) };
    case 'branch':
      return { name: 'push', payload: pick('push', (p) => p.ref.startsWith('refs/heads/')) };
    case 'tag-deleted':
      return { name: 'push', payload: Object.assign(pick('push', (p) => p.deleted), { ref: `refs/tags/v${version}` }) };
    default:
      throw new Error(`unknown trigger ${trigger}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [trigger, version, out] = process.argv.slice(2);
  const { name, payload } = triggerEvent(trigger, version);
  writeFileSync(out, JSON.stringify(payload));
  console.log(name);
}
