/**
 * tagship after release-please: release-please has already created the tag and a published GitHub release
 * with its notes (GITHUB_TOKEN, so no workflow started); the hand-off job plans with the `version` input
 * on the branch push and must keep that release: no second one, release-please's notes kept, tagship's
 * section and the files added, and nothing written on a re-run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createGithubReleaseExecutor } from '../../src/github/executor.js';
import { isTagshipRelease } from '../../src/github/marker.js';
import { buildPlan } from '../../src/plan/build.js';
import { resolveTrigger } from '../../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../../src/version/tag.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { realPayload } from '../support/payloads.js';
import { FAST, harness, projectWithDist, releaseStep } from './fixtures.js';

const execute = createGithubReleaseExecutor(FAST);
let server: GithubApiServer;

/**
 * The notes release-please writes into the release it creates: its changelog entry, in the form of its
 * default changelog notes (`## [version](compare URL) (date)`, two blank lines, `### Features`, one
 * bullet a commit with its short-sha link), as in the CHANGELOG.md of any repository that uses it.
 */
const RELEASE_PLEASE_NOTES = [
  '## [1.2.3](https://github.com/acme/widget/compare/v1.2.2...v1.2.3) (2025-06-01)',
  '',
  '',
  '### Features',
  '',
  '* **cli:** add --json output ([#12](https://github.com/acme/widget/issues/12)) ([4f2a9c1](https://github.com/acme/widget/commit/4f2a9c1))',
  '',
  '',
  '### Bug Fixes',
  '',
  '* handle empty config files ([9b1e0d2](https://github.com/acme/widget/commit/9b1e0d2))',
].join('\n');

beforeEach(async () => {
  server = await GithubApiServer.start();
  server.commit('feat: first version');
  server.tag('v1.2.2');
  server.commit('feat(cli): add --json output (#12)');
  server.commit('chore(main): release 1.2.3');
  // release-please tags the merge commit of its release PR and publishes the release, both with GITHUB_TOKEN.
  server.tag('v1.2.3');
});
afterEach(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

/** The hand-off job's plan: the push to main that merged the release PR, with release-please's `version` output. */
function handoffPlan(config = '', commit?: string) {
  const payload = realPayload('push', (p) => String(p.ref).startsWith('refs/heads/') && p.deleted === false);
  payload.ref = 'refs/heads/main';
  const trigger = resolveTrigger({ name: 'push', ref: 'refs/heads/main', payload }, DEFAULT_TAG_CONVENTIONS, { version: '1.2.3' });
  return buildPlan({
    trigger,
    config: parseConfig({ file: '.github/tagship.yml', text: config }),
    facts: { project: { readings: [], npm: [], cargo: false, python: { name: 'crawlkit' } }, knownVersions: ['1.2.2', '1.2.3'], repository: 'acme/widget', ...(commit ? { commit } : {}) },
    now: new Date('2025-06-01T00:00:00Z'),
    dryRun: false,
  });
}

describe('the release release-please made', () => {
  test('is kept and completed: no second release, its notes on top, tagship adds its section and the files', async () => {
    const made = server.addRelease({ tag: 'v1.2.3', name: 'v1.2.3', body: RELEASE_PLEASE_NOTES });
    const plan = handoffPlan();
    expect(plan.trigger).toMatchObject({ kind: 'handoff', tag: 'v1.2.3' });
    // The tag is already there when tagship runs (the released tags list it): it is still the latest release.
    expect(releaseStep(plan).makeLatest).toBe('true');
    const outcome = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);

    expect(outcome.status).toBe('done');
    expect(server.requestsFor('repos/create-release')).toEqual([]);
    const [release, ...others] = server.releasesFor('v1.2.3');
    expect(others).toEqual([]);
    expect(release!.id).toBe(made.id);
    expect(release!.body!.startsWith(`${RELEASE_PLEASE_NOTES}\n\n`)).toBe(true);
    expect(release!.body).toContain('pip install crawlkit==1.2.3');
    expect(isTagshipRelease(release!.body)).toBe(true);
    expect(release!.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'crawlkit-1.2.3-py3-none-any.whl', 'crawlkit-1.2.3.tar.gz']);

    const again = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    expect(again.status).toBe('unchanged');
    expect(server.releasesFor('v1.2.3')[0]!.body).toBe(release!.body);
  });

  test('with body-template {{install}}, the changelog is release-please\'s alone', async () => {
    server.addRelease({ tag: 'v1.2.3', body: RELEASE_PLEASE_NOTES });
    const plan = handoffPlan('github-release:\n  body-template: "{{install}}"\n');
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    expect(body.match(/### Features/g)).toHaveLength(1);
    expect(body).not.toContain('## Changes since');
    expect(body).toContain('## Install');
  });

  test('a draft release-please left (its `draft` option) is published, not duplicated', async () => {
    const draft = server.addRelease({ tag: 'v1.2.3', draft: true, body: RELEASE_PLEASE_NOTES });
    const plan = handoffPlan();
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    expect(server.releasesFor('v1.2.3').map((r) => [r.id, r.draft])).toEqual([[draft.id, false]]);
  });
});

describe('a tag without a release (a bot, or changesets without create-github-releases)', () => {
  test('the release is made on the existing tag, which stays on its commit', async () => {
    const tagged = server.tags.get('v1.2.3')!;
    // The run's commit may be a later one (another push landed): the tag decides what is released.
    const later = server.commit('docs: typo');
    const plan = handoffPlan('', later);
    const outcome = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    expect(outcome.detail).toMatch(/^created release v1\.2\.3 \(latest\)/);
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
    expect(server.tags.get('v1.2.3')).toBe(tagged);
  });
});

describe('files built in other jobs (python.dist)', () => {
  test('wheels without an sdist (a matrix with no sdist job) are attached with SHA256SUMS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-wheelhouse-release-'));
    mkdirSync(join(dir, 'wheelhouse'));
    for (const platform of ['manylinux_2_17_x86_64.manylinux2014_x86_64', 'macosx_11_0_arm64']) {
      writeFileSync(join(dir, 'wheelhouse', `crawlkit-1.2.3-cp312-cp312-${platform}.whl`), `wheel for ${platform}`);
    }
    const plan = handoffPlan('python:\n  dist: wheelhouse\n');
    await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx);
    expect(server.releasesFor('v1.2.3')[0]!.assets.map((a) => a.name).sort()).toEqual([
      'SHA256SUMS',
      'crawlkit-1.2.3-cp312-cp312-macosx_11_0_arm64.whl',
      'crawlkit-1.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    ]);
  });
});
