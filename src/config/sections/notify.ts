import { z } from 'zod/mini';
import { described } from '../describe.js';

export const notifySection = described(
  z.strictObject({
    on: described(
      z._default(z.array(z.enum(['success', 'failure'])), ['success', 'failure']),
      'When to notify. Webhook URLs come from the inputs slack-webhook-url, discord-webhook-url and webhook-url (secrets).',
    ),
    'dry-run': described(z._default(z.boolean(), false), 'Also notify for dry runs.'),
  }),
  'Notifications to Slack, Discord or any JSON webhook when a release finishes or fails. A failed notification is a warning only.',
);
