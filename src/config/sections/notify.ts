import { z } from 'zod';

export const notifySection = z
  .strictObject({
    on: z
      .array(z.enum(['success', 'failure']))
      .default(['success', 'failure'])
      .describe('When to notify. Webhook URLs come from the inputs slack-webhook-url, discord-webhook-url and webhook-url (secrets).'),
    'dry-run': z.boolean().default(false).describe('Also notify for dry runs.'),
  })
  .describe('Notifications to Slack, Discord or any JSON webhook when a release finishes or fails. A failed notification is a warning only.');
