import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { ExecutionReport } from '../../src/execute/run.js';
import { run } from '../../src/main.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import { encodeOnce } from '../../src/notify/formats.js';
import { buildNotice, type RunRecord } from '../../src/notify/notice.js';
import { versionLink } from '../../src/npm/links.js';
import { notifyRun } from '../../src/notify/run.js';
import { buildPlan } from '../../src/plan/build.js';
import { readBody, startServer, type LocalServer } from '../verify/support/http-server.js';
import { startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { recordingRunner } from '../verify/support/runner.js';

interface Received {
  path: string;
  contentType: string;
  signature?: string;
  raw: string;
  body: any;
}

let receiver: LocalServer | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A webhook receiver; `status` decides the answer per path. Secret-looking paths, like real webhooks. */
async function startReceiver(status: (path: string) => number = () => 200) {
  const received: Received[] = [];
  receiver = await startServer(async (req, res) => {
    const raw = (await readBody(req)).toString('utf8');
    const signature = req.headers['x-tagship-signature-256'] as string | undefined;
    received.push({ path: req.url!, contentType: req.headers['content-type'] ?? '', raw, body: JSON.parse(raw), ...(signature ? { signature } : {}) });
    res.statusCode = status(req.url!);
    res.end(res.statusCode >= 400 ? 'invalid_token' : 'ok');
  });
  const base = receiver.url;
  return {
    received,
    hooks: {
      slack: `${base}/services/T000/B000/slacksecret0123456789`,
      discord: `${base}/api/webhooks/1234/discordsecret-abcdef`,
      generic: `${base}/hooks/generic-secret-42`,
    },
  };
}

const DIGEST = `sha256:${'b'.repeat(64)}`;
const started = new Date('2025-11-02T09:00:00Z');
const finished = new Date('2025-11-02T09:02:13Z');

function releasePlan() {
  const config = parseConfig({ file: '.github/tagship.yml', text: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n' });
  return buildPlan({
    trigger: { kind: 'tag', event: 'push', tag: 'v1.2.3', ref: 'v1.2.3', versionText: '1.2.3', stages: ['release', 'docker', 'verify', 'deploy'], rehearsal: false },
    config,
    facts: { project: { readings: [], npm: [], cargo: false, python: { name: 'crawlkit' } }, knownVersions: ['1.2.2'], repository: 'acme/crawlkit' },
    now: started,
    dryRun: false,
  });
}

const successReport: ExecutionReport = {
  outcomes: [
    { id: 'python-build', status: 'done', detail: 'built' },
    { id: 'pypi-upload', status: 'done', detail: 'uploaded' },
    { id: 'github-release', status: 'unchanged', detail: 'exists', links: [{ label: 'Release v1.2.3', url: 'https://github.com/acme/crawlkit/releases/tag/v1.2.3' }] },
    {
      id: 'verify-images',
      status: 'done',
      detail: 'ok',
      produced: { images: [{ repository: 'ghcr.io/acme/crawlkit', tags: ['1.2.3', '1.2', '1', 'latest'], digest: DIGEST, platforms: ['linux/amd64', 'linux/arm64'] }] },
    },
  ],
  notRun: [],
};

describe('notifications to a local receiver', () => {
  it('sends success to Slack (text + blocks), Discord (content + embed) and a JSON webhook', async () => {
    const { received, hooks } = await startReceiver();
    const { runner, lines, warnings } = recordingRunner();
    const record: RunRecord = { startedAt: started, plan: releasePlan(), report: successReport };
    await notifyRun(record, { runner, now: () => finished, env: { GITHUB_RUN_ID: '99', GITHUB_SERVER_URL: 'https://github.com' }, hooks });
    expect(warnings).toEqual([]);
    expect(lines).toContain('Notified Slack, Discord, Webhook.');
    const by = (path: string) => received.find((r) => r.path === new URL(path).pathname)!;
    for (const r of received) expect(r.contentType).toBe('application/json');

    const slack = by(hooks.slack).body;
    expect(slack.text).toBe('✅ acme/crawlkit 1.2.3 released');
    expect(slack.blocks.map((b: any) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(slack.blocks[0].text).toEqual({ type: 'plain_text', text: '✅ acme/crawlkit 1.2.3 released', emoji: true });
    expect(slack.blocks[1].text.text).toBe(
      [
        '*Links*',
        '• <https://pypi.org/project/crawlkit/1.2.3/|PyPI crawlkit 1.2.3>',
        '• <https://github.com/acme/crawlkit/releases/tag/v1.2.3|Release v1.2.3>',
      ].join('\n'),
    );
    expect(slack.blocks[2].text.text).toBe(`*Images*\n• \`ghcr.io/acme/crawlkit@${DIGEST}\` (1.2.3, 1.2, 1, latest)`);
    expect(slack.blocks[3].elements[0].text).toBe('tag `v1.2.3` · 2 min 13 s · <https://github.com/acme/crawlkit/actions/runs/99|workflow run>');

    const discord = by(hooks.discord).body;
    expect(discord.content).toBe('✅ acme/crawlkit 1.2.3 released');
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(discord.embeds).toHaveLength(1);
    expect(discord.embeds[0]).toMatchObject({ color: 0x2ea043, url: 'https://github.com/acme/crawlkit/actions/runs/99', timestamp: finished.toISOString() });
    expect(discord.embeds[0].fields.map((f: any) => f.name)).toEqual(['Version', 'Tag', 'Duration', 'Links', 'Images']);
    expect(discord.embeds[0].fields[3].value).toBe(
      '[PyPI crawlkit 1.2.3](https://pypi.org/project/crawlkit/1.2.3/)\n[Release v1.2.3](https://github.com/acme/crawlkit/releases/tag/v1.2.3)',
    );

    const generic = by(hooks.generic).body;
    expect(generic).toMatchObject({
      schema: 'tagship.notification/v1',
      event: 'release.succeeded',
      outcome: 'success',
      repository: 'acme/crawlkit',
      tag: 'v1.2.3',
      version: '1.2.3',
      durationMs: 133_000,
      failure: null,
      images: [{ repository: 'ghcr.io/acme/crawlkit', digest: DIGEST, reference: `ghcr.io/acme/crawlkit@${DIGEST}` }],
    });
    expect(generic.links.map((l: any) => l.url)).toEqual(['https://pypi.org/project/crawlkit/1.2.3/', 'https://github.com/acme/crawlkit/releases/tag/v1.2.3']);
  });

  it('links a scoped package on another registry and a tag with `+` encoded once, as the summary does', async () => {
    const { received, hooks } = await startReceiver();
    const { runner, warnings } = recordingRunner();
    const npm = versionLink('http://127.0.0.1:4873/', '@acme/pkg', '1.2.3');
    const tagUrl = `https://github.com/acme/crawlkit/releases/tag/${encodeURIComponent('v1.2.3+build.5')}`;
    const report: ExecutionReport = {
      outcomes: [
        { id: 'npm-publish:@acme/pkg', status: 'done', detail: 'published', links: [npm] },
        { id: 'github-release', status: 'done', detail: 'created', links: [{ label: 'Release v1.2.3+build.5', url: tagUrl }] },
      ],
      notRun: [],
    };
    await notifyRun({ startedAt: started, plan: releasePlan(), report }, { runner, now: () => finished, env: {}, hooks });
    expect(warnings).toEqual([]);
    // The job summary's link for the same outcome, as a reader's browser gets it.
    expect(renderOutcomes(report)).toContain('(http://127.0.0.1:4873/@acme%2Fpkg)');
    const slack = received.find((r) => r.path.startsWith('/services'))!.body;
    expect(slack.blocks[1].text.text).toContain('• <http://127.0.0.1:4873/@acme%2Fpkg|npm @acme/pkg@1.2.3>');
    expect(slack.blocks[1].text.text).toContain('• <https://github.com/acme/crawlkit/releases/tag/v1.2.3%2Bbuild.5|Release v1.2.3+build.5>');
    const discord = received.find((r) => r.path.startsWith('/api/webhooks'))!.body;
    expect(discord.embeds[0].fields.find((f: any) => f.name === 'Links').value).toBe(
      '[npm \\@acme/pkg\\@1.2.3](http://127.0.0.1:4873/@acme%2Fpkg)\n[Release v1.2.3+build.5](https://github.com/acme/crawlkit/releases/tag/v1.2.3%2Bbuild.5)',
    );
  });

  it('encodes what a link target may not hold, and never an escape twice', () => {
    expect(encodeOnce('http://127.0.0.1:4873/@acme%2Fpkg')).toBe('http://127.0.0.1:4873/@acme%2Fpkg');
    expect(encodeOnce('https://example.test/a b/(x)|y>z/é/100%')).toBe('https://example.test/a%20b/%28x%29%7Cy%3Ez/%C3%A9/100%25');
    expect(encodeOnce('https://example.test/%zz')).toBe('https://example.test/%25zz');
  });

  it('signs the JSON webhook with HMAC-SHA256 of the exact body when a webhook secret is set', async () => {
    const { received, hooks } = await startReceiver();
    const { runner } = recordingRunner();
    await notifyRun({ startedAt: started, plan: releasePlan(), report: successReport }, { runner, now: () => finished, env: {}, hooks: { ...hooks, genericSecret: 'shared-hmac-key' } });
    const generic = received.find((r) => r.path.startsWith('/hooks'))!;
    expect(generic.signature).toBe(`sha256=${createHmac('sha256', 'shared-hmac-key').update(generic.raw).digest('hex')}`);
    // Only the JSON webhook is signed: Slack and Discord authenticate by their URL.
    expect(received.filter((r) => r.signature).length).toBe(1);
  });

  it('names the failed stage and step, and what to re-run', () => {
    const plan = releasePlan();
    const step = plan.stages.flatMap((s) => s.steps).find((s) => s.kind === 'verify-images')!;
    const report: ExecutionReport = { outcomes: successReport.outcomes.slice(0, 3), failed: { step, error: new Error('Published images do not match the plan: ghcr.io/acme/crawlkit:1 does not exist') }, notRun: [] };
    const notice = buildNotice({ startedAt: started, plan, report, error: new Error('x') }, finished)!;
    expect(notice.outcome).toBe('failure');
    expect(notice.failure).toEqual({
      stage: 'verify',
      step: 'verify-images',
      message: 'Published images do not match the plan: ghcr.io/acme/crawlkit:1 does not exist',
      rerun: 'Re-run the failed job (finished steps are skipped), or run the workflow with version 1.2.3 and stages verify.',
    });
  });

  it('turns a receiver that fails into a warning that never shows the URL', async () => {
    const { received, hooks } = await startReceiver((path) => (path.startsWith('/services') ? 404 : 500));
    const { runner, lines, warnings } = recordingRunner();
    await notifyRun({ startedAt: started, plan: releasePlan(), report: successReport }, { runner, now: () => finished, env: {}, hooks });
    expect(warnings.sort()).toEqual([
      'Discord notification was not sent: HTTP 500 (invalid_token). The release itself is not affected; check the discord-webhook-url input.',
      'Slack notification was not sent: HTTP 404 (invalid_token). The release itself is not affected; check the slack-webhook-url input.',
      'Webhook notification was not sent: HTTP 500 (invalid_token). The release itself is not affected; check the webhook-url input.',
    ]);
    // 5xx is retried (twice), 404 is not.
    expect(received.filter((r) => r.path.startsWith('/api')).length).toBe(3);
    expect(received.filter((r) => r.path.startsWith('/services')).length).toBe(1);
    for (const secret of ['slacksecret0123456789', 'discordsecret-abcdef', 'generic-secret-42']) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });

  it('warns, without the URL, when nothing listens', async () => {
    const { hooks } = await startReceiver();
    await receiver!.close();
    receiver = undefined;
    const { runner, lines, warnings } = recordingRunner();
    await notifyRun({ startedAt: started, plan: releasePlan(), report: successReport }, { runner, now: () => finished, env: {}, hooks: { generic: hooks.generic } });
    expect(warnings).toEqual(['Webhook notification was not sent: ECONNREFUSED. The release itself is not affected.']);
    expect(lines.join('\n')).not.toContain('generic-secret-42');
  });
});

describe('the action notifies at the end of a run', () => {
  let registry: LocalRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => registry?.stop());

  /** A project whose only work is the verify stage, checking an image that was never pushed. */
  async function runAction(extra: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-notify-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/tagship.yml'),
      `python: { enabled: false }\nnpm: { enabled: false }\ngithub-release: { enabled: false }\ndocker: { images: ["${registry.host}/acme/never-pushed"] }\nverify: { container: { enabled: false } }\n`,
    );
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ ref: 'refs/tags/v1.2.3' }));
    const recorder = recordingRunner();
    const env = {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'acme/crawlkit',
      GITHUB_RUN_ID: '7',
      'INPUT_KNOWN-VERSIONS': '1.2.2',
      INPUT_STAGES: 'verify',
      ...extra,
    };
    const code = await run(env, recorder.runner, () => finished);
    return { code, ...recorder };
  }

  it('reports a failed run with its stage, masks the webhook URL and keeps the exit code', async () => {
    const { received, hooks } = await startReceiver();
    const { code, masked, lines } = await runAction({ 'INPUT_WEBHOOK-URL': hooks.generic, 'INPUT_SLACK-WEBHOOK-URL': hooks.slack, 'INPUT_WEBHOOK-SECRET': 'hmac-key-7' });
    expect(code).toBe(1);
    expect(masked).toEqual(expect.arrayContaining([hooks.generic, hooks.slack, 'hmac-key-7']));
    expect(received.find((r) => r.path.startsWith('/hooks'))!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const generic = received.find((r) => r.path === '/hooks/generic-secret-42')!.body;
    expect(generic.event).toBe('release.failed');
    expect(generic.failure).toEqual({
      stage: 'verify',
      step: 'verify-images',
      message: expect.stringContaining(`${registry.host}/acme/never-pushed:1.2.3 does not exist`),
      rerun: 'Re-run the failed job (finished steps are skipped), or run the workflow with version 1.2.3 and stages verify.',
    });
    expect(received.find((r) => r.path.startsWith('/services'))!.body.text).toBe('❌ acme/crawlkit 1.2.3 failed in verify');
    expect(lines.join('\n')).not.toContain('generic-secret-42');
  });

  it('stays quiet for a dry run unless notify.dry-run asks', async () => {
    const { received, hooks } = await startReceiver();
    const { code } = await runAction({ 'INPUT_WEBHOOK-URL': hooks.generic, 'INPUT_DRY-RUN': 'true' });
    expect(code).toBe(0);
    expect(received).toEqual([]);
  });

  it('rejects a webhook input that is not a URL without echoing it', async () => {
    const { code, lines } = await runAction({ 'INPUT_DISCORD-WEBHOOK-URL': 'not-a-url-secret' });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain("Input 'discord-webhook-url' must be an https:// webhook URL (value hidden: it is a secret)");
    expect(lines.join('\n')).not.toContain('not-a-url-secret');
  });
});
