import type { Config } from '../config/schema.js';
import type { Runner } from '../runtime/action-io.js';
import type { RunRecord } from './notice.js';
import type { Webhooks } from './send.js';

export type { RunRecord } from './notice.js';

export interface NotifyOptions {
  runner: Runner;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  hooks?: Webhooks;
  config?: Config['notify'];
}

/**
 * The end of every run: tells the configured webhooks how it went. Never throws: a notification that
 * cannot be sent is a warning. Modules are loaded only when a webhook is configured.
 */
export async function notifyRun(record: RunRecord, options: NotifyOptions): Promise<void> {
  const { hooks, config, runner } = options;
  if (!hooks || !(hooks.slack || hooks.discord || hooks.generic)) return;
  try {
    const { buildNotice } = await import('./notice.js');
    const notice = buildNotice(record, options.now(), { serverUrl: options.env.GITHUB_SERVER_URL, runId: options.env.GITHUB_RUN_ID });
    if (!notice) return;
    const on = config?.on ?? ['success', 'failure'];
    if (!on.includes(notice.outcome) || (notice.dryRun && !config?.['dry-run'])) return;
    const { sendNotice } = await import('./send.js');
    const sent = await sendNotice(notice, hooks, runner);
    if (sent.length) runner.info(`Notified ${sent.join(', ')}.`);
  } catch (error) {
    runner.warning(`Notifications were not sent: ${error instanceof Error ? error.message : String(error)}. The release itself is not affected.`);
  }
}
