import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { resolveTrigger, type GithubEvent } from '../src/trigger.js';
import { TAGSHIP_RELEASE_MARKER } from '../src/github/marker.js';
import { renderBody } from '../src/github/notes.js';
import { DEFAULT_TAG_CONVENTIONS } from '../src/version/tag.js';
import { realPayload, releaseEvent, tagPush } from './support/payloads.js';

const push = (tag: string): GithubEvent => ({ name: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag) });
const resolve = (event: GithubEvent) => resolveTrigger(event, DEFAULT_TAG_CONVENTIONS);

describe('resolveTrigger from real webhook payloads', () => {
  it.each([
    { tag: 'v1.2.3', kind: 'tag', stages: ['release', 'docker', 'verify', 'deploy'], version: '1.2.3', rehearsal: false },
    { tag: 'test-v1.2.3rc1', kind: 'rehearsal', stages: ['release', 'verify'], version: '1.2.3rc1', rehearsal: true },
    { tag: 'test-v1.2.3-rc.1', kind: 'rehearsal', stages: ['release', 'verify'], version: '1.2.3-rc.1', rehearsal: true },
    { tag: 'docker-rebuild-v1.2.3', kind: 'docker-rebuild', stages: ['docker', 'verify', 'deploy'], version: '1.2.3', rehearsal: false },
  ])('push of tag $tag → $kind', ({ tag, kind, stages, version, rehearsal }) => {
    const trigger = resolve(push(tag));
    expect(trigger).toMatchObject({ kind, stages, versionText: version, rehearsal, ref: tag });
    if (trigger.kind !== 'ignored') expect(trigger.tag).toBe(`v${version}`);
  });

  it('a release published or prereleased → the Docker stage for its tag', () => {
    for (const action of ['published', 'prereleased']) {
      const trigger = resolve({ name: 'release', ref: 'refs/tags/v2.0.0', payload: releaseEvent(action, 'v2.0.0') });
      expect(trigger).toMatchObject({ kind: 'release', stages: ['docker', 'verify', 'deploy'], tag: 'v2.0.0', versionText: '2.0.0' });
    }
  });

  it.each(['created', 'edited', 'deleted', 'released'])('release %s → nothing to do', (action) => {
    const trigger = resolve({ name: 'release', ref: '', payload: releaseEvent(action, 'v2.0.0') });
    expect(trigger.kind).toBe('ignored');
    if (trigger.kind === 'ignored') expect(trigger.reason).toContain(action);
  });

  it('the unmodified real release payload (tag 0.0.1) is a release with an empty tag prefix', () => {
    const payload = realPayload('release', (p) => p.action === 'published');
    const trigger = resolveTrigger({ name: 'release', ref: '', payload }, { ...DEFAULT_TAG_CONVENTIONS, prefix: '' });
    expect(trigger).toMatchObject({ kind: 'release', tag: '0.0.1', versionText: '0.0.1' });
  });

  it('workflow_dispatch with version and stages → those stages', () => {
    const payload = realPayload('workflow_dispatch');
    payload.inputs = { version: 'v1.4.0', stages: 'docker' };
    expect(resolve({ name: 'workflow_dispatch', ref: payload.ref, payload })).toMatchObject({
      kind: 'dispatch',
      tag: 'v1.4.0',
      versionText: '1.4.0',
      stages: ['docker'],
    });
    payload.inputs = { version: '1.4.0' };
    expect(resolve({ name: 'workflow_dispatch', ref: payload.ref, payload })).toMatchObject({ stages: ['release', 'docker', 'verify', 'deploy'] });
  });

  it('workflow_dispatch without a version, or with an unknown stage, is a clear user error', () => {
    const payload = realPayload('workflow_dispatch');
    expect(() => resolve({ name: 'workflow_dispatch', ref: payload.ref, payload })).toThrow(/needs the input 'version'/);
    payload.inputs = { version: '1.0.0', stages: 'release,deploy-moon' };
    expect(() => resolve({ name: 'workflow_dispatch', ref: payload.ref, payload })).toThrow(/unknown stage "deploy-moon"/);
  });

  it('tag deletion, branch push and other events → nothing to do, with the reason', () => {
    const deleted = realPayload('push', (p) => p.deleted === true);
    deleted.ref = 'refs/tags/v1.2.3';
    const branch = realPayload('push', (p) => p.ref === 'refs/heads/master');
    const cases: Array<[GithubEvent, RegExp]> = [
      [{ name: 'push', ref: deleted.ref, payload: deleted }, /tag "v1.2.3" was deleted/],
      [{ name: 'push', ref: branch.ref, payload: branch }, /branch "master" is not a tag push/],
      [{ name: 'push', ref: 'refs/tags/simple-tag', payload: realPayload('push', (p) => p.deleted === false && p.ref.startsWith('refs/tags/')) }, /not a version tag/],
      [{ name: 'create', ref: 'refs/tags/v1.2.3', payload: realPayload('create') }, /event 'create' does not start a release/],
      [{ name: 'delete', ref: '', payload: realPayload('delete') }, /event 'delete'/],
    ];
    for (const [event, reason] of cases) {
      const trigger = resolve(event);
      expect(trigger.kind).toBe('ignored');
      if (trigger.kind === 'ignored') expect(trigger.reason).toMatch(reason);
    }
  });

  it.each([
    ['v1.2.3;rm -rf /', /only ASCII letters/],
    ['v1.2.3$(id)', /only ASCII letters/],
    ['v１.２.３', /only ASCII letters/],
    ['v1.2.3`id`', /only ASCII letters/],
    [`v1.2.3-${'a'.repeat(200)}`, /characters long/],
  ])('hostile tag %j is rejected, never passed on', (tag, message) => {
    expect(() => resolve(push(tag))).toThrow(UserError);
    expect(() => resolve(push(tag))).toThrow(message);
  });

  it('V1.2.3 is not a release tag unless the prefix says so', () => {
    expect(resolve(push('V1.2.3')).kind).toBe('ignored');
    expect(resolveTrigger(push('V1.2.3'), { ...DEFAULT_TAG_CONVENTIONS, prefix: 'V' })).toMatchObject({ kind: 'tag', versionText: '1.2.3' });
  });

  it('a custom prefix moves the rehearsal and rebuild tags with it', () => {
    const conventions = { ...DEFAULT_TAG_CONVENTIONS, prefix: 'release-' };
    expect(resolveTrigger(push('release-2.0.0'), conventions)).toMatchObject({ kind: 'tag', tag: 'release-2.0.0' });
    expect(resolveTrigger(push('test-release-2.0.0rc1'), conventions)).toMatchObject({ kind: 'rehearsal' });
    expect(resolveTrigger(push('docker-rebuild-release-2.0.0'), conventions)).toMatchObject({ kind: 'docker-rebuild', tag: 'release-2.0.0' });
    expect(resolveTrigger(push('v2.0.0'), conventions).kind).toBe('ignored');
  });
});

describe('the release marker counts only where tagship writes it', () => {
  const withBody = (body: string): GithubEvent => {
    const payload = releaseEvent('published', 'v2.0.0');
    payload.release.body = body;
    return { name: 'release', ref: 'refs/tags/v2.0.0', payload };
  };
  const written = renderBody('# {{tag}}\n\n{{changelog}}', { tag: 'v2.0.0', changelog: '- fix: a', install: '' } as never);

  it('a body tagship wrote (also as GitHub stores it after an edit, with CRLF) is its own: no second image build', () => {
    expect(resolve(withBody(written))).toMatchObject({ kind: 'ignored' });
    expect(resolve(withBody(written.replace(/\n/g, '\r\n')))).toMatchObject({ kind: 'ignored' });
  });

  it("so is a body where a person added text above and below tagship's section", () => {
    expect(resolve(withBody(`Highlights.\r\n\r\n${written}\nThanks!\n`.replace(/\n/g, '\r\n')))).toMatchObject({ kind: 'ignored' });
  });

  it.each([
    ['mentions it in prose', `We no longer add ${TAGSHIP_RELEASE_MARKER} by hand.`],
    ['quotes it in a code block', `Notes:\n\n\`\`\`\n${TAGSHIP_RELEASE_MARKER}\n\`\`\`\n`],
    ['has it first, with text after', `${TAGSHIP_RELEASE_MARKER}\n\nHand-written notes.`],
    ['has it on the last line after other text', `Hand-written, see ${TAGSHIP_RELEASE_MARKER}`],
  ])('a hand-written body that %s builds the images', (_label, body) => {
    expect(resolve(withBody(body))).toMatchObject({ kind: 'release', tag: 'v2.0.0' });
  });
});
