import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { createWorkflowDispatchExecutor } from '../../src/github/dispatch.js';
import { createGithubReleaseExecutor } from '../../src/github/executor.js';
import { resolveTrigger } from '../../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../../src/version/tag.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { dispatchStep, FAST, harness, planRelease, projectWithDist, releaseStep } from './fixtures.js';

const require = createRequire(import.meta.url);
const DOCKER = 'docker:\n  images: [ghcr.io/acme/widget]\n';
const CHAINED = `${DOCKER}github-release:\n  docker-workflow: docker-release.yml\n`;

/** GitHub's own example payload of a published release, for the tag and body given. */
function releaseEvent(tag: string, body: string | null) {
  const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, any>> }>;
  const example = structuredClone(examples.find((e) => e.name === 'release')!.examples.find((e) => e.action === 'published')!);
  example.release.tag_name = tag;
  example.release.body = body;
  return { name: 'release', ref: `refs/tags/${tag}`, payload: example };
}

describe('planning the chain', () => {
  test('one job with every stage builds the images itself: no dispatch', () => {
    const plan = planRelease({ known: ['1.2.2'], config: CHAINED });
    expect(plan.stages.map((s) => s.name)).toEqual(['release', 'docker', 'verify', 'deploy']);
    expect(dispatchStep(plan)).toBeUndefined();
  });

  test('a release-only job with docker-workflow dispatches it after the release', () => {
    const plan = planRelease({ known: ['1.2.2'], config: CHAINED, only: ['release'] });
    expect(plan.stages.map((s) => s.name)).toEqual(['release']);
    const steps = plan.stages[0]!.steps.map((s) => s.kind);
    // The release's assets are attested before the images are dispatched: the release is complete first.
    expect(steps.slice(-3)).toEqual(['github-release', 'github-attest', 'workflow-dispatch']);
    expect(dispatchStep(plan)).toMatchObject({ workflow: 'docker-release.yml', ref: 'v1.2.3', inputs: { version: '1.2.3', stages: 'docker' } });
  });

  test('without docker-workflow, or for a rehearsal, nothing is dispatched', () => {
    expect(dispatchStep(planRelease({ config: DOCKER, only: ['release'] }))).toBeUndefined();
    expect(dispatchStep(planRelease({ ref: 'refs/tags/test-v1.2.3rc1', config: CHAINED, only: ['release'] }))).toBeUndefined();
  });
});

describe('running the chain with GITHUB_TOKEN', () => {
  let server: GithubApiServer;
  beforeEach(async () => {
    server = await GithubApiServer.start();
    server.commit('feat: one');
    server.tag('v1.2.2');
    server.commit('fix: two');
    server.tag('v1.2.3');
  });
  afterEach(async () => {
    await server.stop();
    expect(server.violations).toEqual([]);
  });

  test('the dispatched run resolves to the Docker stage of the same version, and its release event is ignored', async () => {
    server.workflows.add('docker-release.yml');
    const plan = planRelease({ known: ['1.2.2'], config: CHAINED, only: ['release'], python: false });
    const h = harness(plan, server, projectWithDist());
    await createGithubReleaseExecutor(FAST)(releaseStep(plan), h.ctx);
    const outcome = await createWorkflowDispatchExecutor(FAST)(dispatchStep(plan)!, h.ctx);
    expect(outcome.status).toBe('done');
    expect(server.dispatches).toEqual([{ workflow: 'docker-release.yml', ref: 'v1.2.3', inputs: { version: '1.2.3', stages: 'docker' } }]);

    // What the docker workflow's run sees: exactly the docker stage for v1.2.3.
    const dispatched = resolveTrigger({ name: 'workflow_dispatch', ref: 'refs/tags/v1.2.3', payload: { inputs: server.dispatches[0]!.inputs } }, DEFAULT_TAG_CONVENTIONS);
    expect(dispatched).toMatchObject({ kind: 'dispatch', tag: 'v1.2.3', stages: ['docker'] });

    // Had the release been made with an App token, its release event would arrive too: ignored.
    const fromTagship = resolveTrigger(releaseEvent('v1.2.3', server.releasesFor('v1.2.3')[0]!.body), DEFAULT_TAG_CONVENTIONS);
    expect(fromTagship).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('written by tagship') });
  });

  test('a release a person wrote still starts the Docker stage', () => {
    const trigger = resolveTrigger(releaseEvent('v1.2.3', 'Hand-written notes'), DEFAULT_TAG_CONVENTIONS);
    expect(trigger).toMatchObject({ kind: 'release', tag: 'v1.2.3', stages: ['docker', 'verify', 'deploy'] });
    expect(resolveTrigger(releaseEvent('v1.2.3', null), DEFAULT_TAG_CONVENTIONS)).toMatchObject({ kind: 'release' });
  });

  test('a dispatch to a workflow that does not exist says what to fix', async () => {
    const plan = planRelease({ known: ['1.2.2'], config: CHAINED, only: ['release'], python: false });
    const error = await createWorkflowDispatchExecutor(FAST)(dispatchStep(plan)!, harness(plan, server, projectWithDist()).ctx).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('docker-release.yml');
    expect((error as Error).message).toContain('actions: write');
    expect(server.dispatches).toEqual([]);
  });
});
