/**
 * A version handed over by the job that made the release (release-please, changesets, a bot using
 * GITHUB_TOKEN, whose tag starts no workflow): the `version` input, resolved against the event that did
 * start the run. Real webhook payloads from @octokit/webhooks-examples.
 */
import { describe, expect, it } from 'vitest';
import { resolveTrigger, type GithubEvent } from '../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../src/version/tag.js';
import { realPayload, releaseEvent, tagPush } from './support/payloads.js';
import { userErrorOf } from './support/user-error.js';

const handoff = (event: GithubEvent, version: string, prefix = 'v') => resolveTrigger(event, { ...DEFAULT_TAG_CONVENTIONS, prefix }, { version });

/** The push to main that merged release-please's release PR: a branch push, not a tag push. */
function branchPush(): GithubEvent {
  const payload = realPayload('push', (p) => String(p.ref).startsWith('refs/heads/') && p.deleted === false);
  payload.ref = 'refs/heads/main';
  return { name: 'push', ref: 'refs/heads/main', payload };
}

describe("input 'version': a release handed over by an earlier job", () => {
  it('a branch push with a handed-over version releases that version through every stage', () => {
    const trigger = handoff(branchPush(), '1.2.3');
    expect(trigger).toEqual({ kind: 'handoff', event: 'push', tag: 'v1.2.3', ref: 'v1.2.3', versionText: '1.2.3', stages: ['release', 'docker', 'verify', 'deploy'], rehearsal: false });
  });

  it("release-please's tag_name is taken as well as its version (the tag prefix is stripped)", () => {
    expect(handoff(branchPush(), 'v1.2.3')).toMatchObject({ kind: 'handoff', tag: 'v1.2.3', versionText: '1.2.3' });
    // Manifest mode tags each component: with tag-prefix crawlkit-v, the tag is the one release-please made.
    expect(handoff(branchPush(), 'crawlkit-v0.4.0', 'crawlkit-v')).toMatchObject({ kind: 'handoff', tag: 'crawlkit-v0.4.0', versionText: '0.4.0' });
  });

  it('without a handed-over version the event decides, as before: a branch push is nothing to do', () => {
    expect(resolveTrigger(branchPush(), DEFAULT_TAG_CONVENTIONS, { version: '' }).kind).toBe('ignored');
    expect(resolveTrigger(branchPush(), DEFAULT_TAG_CONVENTIONS, { version: '  ' }).kind).toBe('ignored');
  });

  it('a schedule or any other event takes the handed-over version too', () => {
    expect(handoff({ name: 'schedule', ref: 'refs/heads/main', payload: {} }, '2.0.0')).toMatchObject({ kind: 'handoff', event: 'schedule', tag: 'v2.0.0' });
  });

  it('the push of that same tag is an ordinary tag run, so one workflow serves both', () => {
    expect(handoff({ name: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3') }, '1.2.3')).toMatchObject({ kind: 'tag', tag: 'v1.2.3' });
    expect(handoff({ name: 'push', ref: 'refs/tags/test-v1.2.3rc1', payload: tagPush('test-v1.2.3rc1') }, '1.2.3rc1')).toMatchObject({ kind: 'rehearsal' });
  });

  it('an event about another version stops the run with one line', () => {
    const error = userErrorOf(() => handoff({ name: 'push', ref: 'refs/tags/v1.2.4', payload: tagPush('v1.2.4') }, '1.2.3'));
    expect(error.message).toBe(
      "Input 'version' says v1.2.3, but the push event that started the run is about v1.2.4: pass the version only from the job that made the release, or leave it empty to release what the event names.",
    );
    expect(userErrorOf(() => handoff({ name: 'release', ref: '', payload: releaseEvent('published', 'v2.0.0') }, '1.9.0')).message).toMatch(/release event .* about v2\.0\.0/);
  });

  it('a dispatch of the same version keeps its stages; one without a version takes the handed-over one', () => {
    const payload = realPayload('workflow_dispatch');
    payload.inputs = { version: '1.2.3', stages: 'docker' };
    expect(handoff({ name: 'workflow_dispatch', ref: 'refs/heads/main', payload }, 'v1.2.3')).toMatchObject({ kind: 'dispatch', stages: ['docker'] });
    payload.inputs = {};
    expect(handoff({ name: 'workflow_dispatch', ref: 'refs/heads/main', payload }, '1.2.3')).toMatchObject({ kind: 'handoff', tag: 'v1.2.3' });
  });

  it('a handed-over text that is not a version is refused with one line', () => {
    expect(userErrorOf(() => handoff(branchPush(), 'true')).message).toBe('Input version "true" is not a version: give one like 1.2.3 or v1.2.3.');
    expect(userErrorOf(() => handoff(branchPush(), '1.2.3; rm -rf /')).message).toMatch(/is not a version/);
  });
});
