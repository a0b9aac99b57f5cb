/**
 * The hand-off examples (docs/handoffs.md), played the way GitHub runs them through the built action:
 * release-please and changesets make the tag and the GitHub release with GITHUB_TOKEN, which starts no
 * workflow, so tagship runs in a later job of the same run, given the version their step outputs; a
 * cibuildwheel matrix hands its wheels over as artifacts. The other actions' outputs have the shapes
 * those actions write (ported from their source, quoted at each builder).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (CI uses it to replay triggers), no types.
import { triggerEvent } from '../scripts/ci-event.mjs';
import { repoRoot } from './support/action-run.js';
import { realPayload } from './support/payloads.js';
import { snippetsOf } from './support/workflow-snippets.js';
import { playWorkflow, playWorkflowJobs, type Event, type PlayOptions } from './support/workflow-run.js';

/** @actions/core's toCommandValue: strings as they are, anything else JSON (true → "true", 1 → "1"). */
const commandValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A release as release-please's Manifest.createReleases returns it (the fields its action's tests use). */
interface CreatedRelease {
  id: number;
  name: string;
  tagName: string;
  sha: string;
  notes: string;
  url: string;
  draft: boolean;
  uploadUrl: string;
  path: string;
  version: string;
  major: number;
  minor: number;
  patch: number;
  prNumber: number;
}

/**
 * googleapis/release-please-action v4 src/index.ts, `outputReleases` and `setPathOutput`, as written:
 * `releases_created`; per release, `release_created` and every field (tagName → tag_name, uploadUrl →
 * upload_url, notes → body, url → html_url), bare for the path `.` and `<path>--<key>` for any other
 * path (manifest mode); then `paths_released` as JSON. `outputPRs` adds `prs_created`.
 */
function releasePleaseOutputs(releases: CreatedRelease[], prsCreated = false): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: string, value: unknown) => (out[key] = commandValue(value));
  const setPath = (path: string, key: string, value: unknown) => set(path === '.' ? key : `${path}--${key}`, value);
  const renamed: Record<string, string> = { tagName: 'tag_name', uploadUrl: 'upload_url', notes: 'body', url: 'html_url' };
  set('releases_created', releases.length > 0);
  const paths: string[] = [];
  for (const release of releases) {
    const path = release.path || '.';
    paths.push(path);
    setPath(path, 'release_created', true);
    for (const [key, value] of Object.entries(release)) setPath(path, renamed[key] ?? key, value);
  }
  set('paths_released', JSON.stringify(paths));
  set('prs_created', prsCreated);
  return out;
}

/** A release of one manifest package, with the tag release-please makes when the component is in the tag. */
function created(path: string, component: string, version: string, id: number): CreatedRelease {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const tag = `${component}-v${version}`;
  return {
    id,
    name: `${component}: v${version}`,
    tagName: tag,
    sha: '4f2a9c1d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49',
    notes: `## [${version}](https://github.com/acme/crawlkit/compare/${component}-v0.0.0...${tag}) (2025-06-01)\n\n\n### Features\n\n* crawl faster`,
    url: `https://github.com/acme/crawlkit/releases/tag/${tag}`,
    draft: false,
    uploadUrl: `https://uploads.github.com/repos/acme/crawlkit/releases/${id}/assets{?name,label}`,
    path,
    version,
    major,
    minor,
    patch,
    prNumber: 41,
  };
}

/**
 * changesets/action v1.9.0 src/index.ts and src/run.ts: `published` "false", `publishedPackages` "[]" and
 * `hasChangesets` first; after a publish command whose output says "New tag:", `published` "true" and
 * `publishedPackages` JSON.stringify([{ name, version }]) from the package.json.
 */
function changesetsOutputs(published: Array<{ name: string; version: string }>, hasChangesets = false): Record<string, string> {
  return {
    published: String(published.length > 0),
    publishedPackages: JSON.stringify(published),
    hasChangesets: String(hasChangesets),
  };
}

/** The push to main that merged the release PR (a real push payload). */
function mainPush(): Event {
  const payload = realPayload('push', (p) => String(p.ref).startsWith('refs/heads/') && p.deleted === false);
  payload.ref = 'refs/heads/main';
  return { name: 'push', payload };
}

const example = (name: string) => ({ file: join(repoRoot, 'examples', name, '.github/workflows/release.yml'), workspace: join(repoRoot, 'examples', name) });

function play(name: string, options: Omit<PlayOptions, 'workspace'>) {
  const { file, workspace } = example(name);
  return playWorkflowJobs(file, { workspace, ...options });
}

describe('release-please, manifest mode with two packages', () => {
  const both = releasePleaseOutputs([created('python', 'crawlkit', '1.2.3', 101), created('js', 'crawlkit-js', '0.4.0', 102)]);

  it('the outputs have the manifest shape: each key under its path, paths_released as JSON', () => {
    expect(both).toMatchObject({
      releases_created: 'true',
      'python--release_created': 'true',
      'python--version': '1.2.3',
      'python--tag_name': 'crawlkit-v1.2.3',
      'python--major': '1',
      'js--release_created': 'true',
      'js--version': '0.4.0',
      'js--tag_name': 'crawlkit-js-v0.4.0',
      paths_released: '["python","js"]',
    });
    expect(both.version).toBeUndefined(); // no bare keys outside the root path
  });

  it('the merge of the release PR releases each package in a matrix job of its own, given the tag release-please made', () => {
    const played = play('release-please', { event: mainPush(), knownVersions: '1.2.2,0.3.0', actionOutputs: { 'googleapis/release-please-action': both } })!;
    for (const run of played.runs) expect(run.run.status, `${run.job}: ${run.run.stdout}${run.run.stderr}`).toBe(0);
    expect(Object.fromEntries(played.runs.map((run) => [run.job, [run.inputs.version, run.steps]]))).toEqual({
      'release[python]': ['crawlkit-v1.2.3', ['python-build', 'pypi-upload', 'github-release', 'github-attest', 'verify-python:crawlkit', 'verify-assets']],
      'release[js]': ['crawlkit-js-v0.4.0', ['npm-publish:@acme/crawlkit-js', 'github-release', 'verify-npm:@acme/crawlkit-js']],
    });
    const outputs = Object.fromEntries(played.runs.map((run) => [run.job, run.run.outputs]));
    // The tag selected the package (.github/tagship.yml `packages:`): its directory, its prefix.
    expect(outputs['release[python]']).toMatchObject({ trigger: 'handoff', version: '1.2.3', 'source-ref': 'refs/tags/crawlkit-v1.2.3', latest: 'true' });
    expect(outputs['release[js]']).toMatchObject({ trigger: 'handoff', version: '0.4.0', 'source-ref': 'refs/tags/crawlkit-js-v0.4.0' });
    // The GitHub release tagship completes is the one release-please made for that tag.
    const releaseOf = (job: string) => (JSON.parse(outputs[job]!.plan!) as { stages: Array<{ steps: Array<Record<string, unknown>> }> }).stages.flatMap((s) => s.steps).find((s) => s.kind === 'github-release');
    expect(releaseOf('release[python]')).toMatchObject({ tag: 'crawlkit-v1.2.3' });
    expect(releaseOf('release[js]')).toMatchObject({ tag: 'crawlkit-js-v0.4.0' });
    // PyPI matches the workflow file and environment of the job that uploads: this file's own job.
    const upload = played.runs.find((run) => run.steps.includes('pypi-upload'))!;
    expect([upload.reusable, upload.environment, upload.permissions['id-token']]).toEqual([false, 'pypi', 'write']);
  });

  it('a release of one package runs only its matrix entry', () => {
    // The release PR set js/package.json to the version it releases: 0.4.0 after 0.3.0.
    const one = releasePleaseOutputs([created('js', 'crawlkit-js', '0.4.0', 103)]);
    expect(one.paths_released).toBe('["js"]');
    const played = play('release-please', { event: mainPush(), knownVersions: '0.3.0', actionOutputs: { 'googleapis/release-please-action': one } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.run.outputs.version, run.steps[0]])).toEqual([['release[js]', 0, '0.4.0', 'npm-publish:@acme/crawlkit-js']]);
  });

  it('an ordinary push to main (the release PR only updated) runs no tagship job: the matrix job is skipped, never empty', () => {
    const none = releasePleaseOutputs([], true);
    expect(none).toEqual({ releases_created: 'false', paths_released: '[]', prs_created: 'true' });
    const played = play('release-please', { event: mainPush(), knownVersions: '1.2.3', actionOutputs: { 'googleapis/release-please-action': none } })!;
    expect(played.runs).toEqual([]);
    expect(played.jobs.release!.result).toBe('skipped');
  });

  it('the tags and releases release-please made with GITHUB_TOKEN start no workflow, so a tag-push workflow would never run', () => {
    const tagPush = triggerEvent('tag', '1.2.3') as Event;
    const release = triggerEvent('release', '1.2.3') as Event;
    for (const workflow of ['release-please', 'python-app', 'cibuildwheel']) {
      const { file, workspace } = example(workflow);
      for (const event of [tagPush, release]) expect(playWorkflow(file, { workspace, event, knownVersions: '1.2.2', causedBy: 'GITHUB_TOKEN' }), workflow).toBeUndefined();
    }
    // The same tag pushed by a person does start the tag-push workflows.
    expect(playWorkflow(example('cibuildwheel').file, { workspace: example('cibuildwheel').workspace, event: tagPush, knownVersions: '1.2.2', causedBy: 'person' })).toBeDefined();
  });
});

describe('changesets, a single scoped package', () => {
  it('after "Version Packages" merged: `changeset tag` tagged v1.4.0, and tagship publishes @acme/greet 1.4.0', () => {
    const outputs = changesetsOutputs([{ name: '@acme/greet', version: '1.4.0' }]);
    expect(outputs.publishedPackages).toBe('[{"name":"@acme/greet","version":"1.4.0"}]');
    const played = play('changesets', { event: mainPush(), knownVersions: '1.3.0,1.4.0', actionOutputs: { 'changesets/action': outputs } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.steps])).toEqual([['release', 0, ['npm-publish:@acme/greet', 'github-release', 'verify-npm:@acme/greet']]]);
    expect(played.runs[0]!.inputs.version).toBe('1.4.0');
    expect(played.runs[0]!.run.outputs).toMatchObject({ trigger: 'handoff', version: '1.4.0', latest: 'true', 'source-ref': 'refs/tags/v1.4.0' });
  });

  it('a push that only updated the version PR publishes nothing and runs no tagship job', () => {
    const played = play('changesets', { event: mainPush(), knownVersions: '1.3.0', actionOutputs: { 'changesets/action': changesetsOutputs([], true) } })!;
    expect(played.jobs.release!.result).toBe('skipped');
    expect(played.runs).toEqual([]);
  });
});

describe('changesets in a pnpm monorepo: packages versioned independently', () => {
  // `changeset tag` in a monorepo prints "New tag: @acme/core@2.1.0"; the action reads those lines.
  const two = changesetsOutputs([
    { name: '@acme/core', version: '2.1.0' },
    { name: '@acme/cli', version: '1.3.0' },
  ]);

  it('one matrix job per published package, each given the tag changesets made, each releasing only its package', () => {
    expect(two.publishedPackages).toBe('[{"name":"@acme/core","version":"2.1.0"},{"name":"@acme/cli","version":"1.3.0"}]');
    const played = play('changesets-monorepo', { event: mainPush(), knownVersions: '1.0.0', actionOutputs: { 'changesets/action': two } })!;
    for (const run of played.runs) expect(run.run.status, `${run.job}: ${run.run.stdout}${run.run.stderr}`).toBe(0);
    expect(played.runs.map((run) => [run.job, run.inputs.version, run.steps])).toEqual([
      ['release[@acme/core]', '@acme/core@2.1.0', ['npm-publish:@acme/core', 'github-release', 'verify-npm:@acme/core']],
      ['release[@acme/cli]', '@acme/cli@1.3.0', ['npm-publish:@acme/cli', 'github-release', 'verify-npm:@acme/cli']],
    ]);
    expect(played.runs.map((run) => [run.run.outputs.trigger, run.run.outputs.version, run.run.outputs['source-ref']])).toEqual([
      ['handoff', '2.1.0', 'refs/tags/@acme/core@2.1.0'],
      ['handoff', '1.3.0', 'refs/tags/@acme/cli@1.3.0'],
    ]);
    // @acme/cli's `workspace:^` on @acme/core is published as a real range, planned before anything runs.
    const cli = (JSON.parse(played.runs[1]!.run.outputs.plan!) as { stages: Array<{ steps: Array<Record<string, unknown>> }> }).stages.flatMap((s) => s.steps).find((s) => s.kind === 'npm-publish');
    expect(cli).toMatchObject({ package: '@acme/cli', dir: '.', workspaceRanges: [{ field: 'dependencies', name: '@acme/core', from: 'workspace:^', to: '^2.1.0' }] });
    expect(played.runs[1]!.run.stdout).toContain('@acme/core workspace:^ → ^2.1.0');
  });

  it('a merge that published one package runs one job', () => {
    const played = play('changesets-monorepo', { event: mainPush(), knownVersions: '2.0.0', actionOutputs: { 'changesets/action': changesetsOutputs([{ name: '@acme/core', version: '2.1.0' }]) } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.run.outputs.version])).toEqual([['release[@acme/core]', 0, '2.1.0']]);
  });

  it('a push that only updated the version PR runs no tagship job', () => {
    const played = play('changesets-monorepo', { event: mainPush(), knownVersions: '2.0.0', actionOutputs: { 'changesets/action': changesetsOutputs([], true) } })!;
    expect(played.jobs.release!.result).toBe('skipped');
    expect(played.runs).toEqual([]);
  });
});

describe("a hand-off through tagship's reusable release workflow (npm may publish from one)", () => {
  it('the changesets example with its release job calling release.yml: every job of it plans the handed-over version', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'tagship-handoff-reusable-'));
    cpSync(example('changesets').workspace, workspace, { recursive: true });
    const file = join(workspace, '.github/workflows/release.yml');
    const workflow = parse(readFileSync(file, 'utf8')) as { jobs: Record<string, unknown> };
    workflow.jobs.release = {
      needs: 'changesets',
      if: "needs.changesets.outputs.published == 'true'",
      uses: 'tagship/tagship/.github/workflows/release.yml@v0',
      permissions: { contents: 'write', 'id-token': 'write' },
      with: { version: '${{ fromJSON(needs.changesets.outputs.packages)[0].version }}' },
    };
    writeFileSync(file, stringify(workflow));
    const outputs = changesetsOutputs([{ name: '@acme/greet', version: '1.4.0' }]);
    const played = playWorkflowJobs(file, { workspace, event: mainPush(), knownVersions: '1.3.0,1.4.0', actionOutputs: { 'changesets/action': outputs } })!;
    for (const run of played.runs) expect(run.run.status, `${run.job}: ${run.run.stdout}`).toBe(0);
    expect(Object.fromEntries(played.runs.map((run) => [run.job, [run.inputs.version, run.steps]]))).toEqual({
      'release/plan': ['1.4.0', []],
      'release/release': ['1.4.0', ['npm-publish:@acme/greet', 'github-release']],
      'release/verify': ['1.4.0', ['verify-npm:@acme/greet']],
    });
    expect(played.jobs.release!.outputs).toMatchObject({ trigger: 'handoff', version: '1.4.0' });
  });
});

describe('cibuildwheel: wheels built in a matrix, published without building', () => {
  it('a release tag: the release job uploads the downloaded files and builds nothing', () => {
    const { file, workspace } = example('cibuildwheel');
    const runs = playWorkflow(file, { workspace, event: triggerEvent('tag', '2.1.0') as Event, knownVersions: '2.0.0' })!;
    expect(runs.map((run) => [run.job, run.run.status, run.steps])).toEqual([['release', 0, ['pypi-upload', 'github-release', 'github-attest', 'verify-python:speedups', 'verify-assets']]]);
    // Played without the artifacts: the dry run says where the files will come from.
    expect(runs[0]!.run.stdout).toContain('pypi-upload  https://upload.pypi.org/legacy/  (upload the prebuilt files in wheelhouse/ (none there yet); with PEP 740 attestations (public-good Sigstore, with trusted publishing))');
  });

  it('a rehearsal tag uploads them to TestPyPI', () => {
    const { file, workspace } = example('cibuildwheel');
    const runs = playWorkflow(file, { workspace, event: triggerEvent('rehearsal', '2.1.0rc1') as Event, knownVersions: '2.0.0' })!;
    expect(runs[0]!.run.stdout).toContain('pypi-upload  https://test.pypi.org/legacy/');
  });
});

describe('the workflows of docs/handoffs.md, played through the built action', () => {
  const snippets = snippetsOf('docs/handoffs.md', readFileSync(join(repoRoot, 'docs/handoffs.md'), 'utf8'), new Set()).filter((s) => s.kind === 'workflow');
  /** A snippet as the user's workflow file, in a copy of an example project. */
  const asWorkflow = (marker: string, project: string) => {
    const snippet = snippets.find((s) => s.text.includes(marker));
    if (!snippet) throw new Error(`no workflow in docs/handoffs.md uses ${marker}`);
    const workspace = mkdtempSync(join(tmpdir(), 'tagship-handoff-doc-'));
    cpSync(join(repoRoot, 'examples', project), workspace, { recursive: true });
    writeFileSync(join(workspace, '.github/workflows/release.yml'), snippet.text);
    return { file: join(workspace, '.github/workflows/release.yml'), workspace };
  };

  it('release-please, one package at the root: its bare outputs reach tagship', () => {
    const { file, workspace } = asWorkflow('googleapis/release-please-action', 'python-scm');
    const outputs = releasePleaseOutputs([{ ...created('.', 'scmdemo', '0.3.0', 7), tagName: 'v0.3.0' }]);
    expect(outputs).toMatchObject({ release_created: 'true', version: '0.3.0', tag_name: 'v0.3.0', paths_released: '["."]' });
    const played = playWorkflowJobs(file, { workspace, event: mainPush(), knownVersions: '0.2.0', actionOutputs: { 'googleapis/release-please-action': outputs } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.run.outputs.trigger, run.run.outputs.version, run.steps])).toEqual([
      ['release', 0, 'handoff', '0.3.0', ['python-build', 'pypi-upload', 'github-release', 'github-attest', 'verify-python:scmdemo', 'verify-assets']],
    ]);
    expect(played.runs[0]!.environment).toBe('pypi');
  });

  it('release-please, manifest mode: one matrix job per path in paths_released, given its <path>--tag_name', () => {
    const { file, workspace } = asWorkflow('paths_released', 'release-please');
    const outputs = releasePleaseOutputs([created('python', 'crawlkit', '1.2.3', 8), created('js', 'crawlkit-js', '0.4.0', 9)]);
    const played = playWorkflowJobs(file, { workspace, event: mainPush(), knownVersions: '1.2.2', actionOutputs: { 'googleapis/release-please-action': outputs } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.inputs.version, run.run.outputs.version, run.steps[0]])).toEqual([
      ['release[python]', 0, 'crawlkit-v1.2.3', '1.2.3', 'python-build'],
      ['release[js]', 0, 'crawlkit-js-v0.4.0', '0.4.0', 'npm-publish:@acme/crawlkit-js'],
    ]);
  });

  it('changesets in a monorepo: one matrix job per entry of publishedPackages, given name@version', () => {
    const { file, workspace } = asWorkflow('matrix.name', 'changesets-monorepo');
    const outputs = changesetsOutputs([{ name: '@acme/core', version: '2.1.0' }, { name: '@acme/cli', version: '1.3.0' }]);
    const played = playWorkflowJobs(file, { workspace, event: mainPush(), knownVersions: '1.0.0', actionOutputs: { 'changesets/action': outputs } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.inputs.version, run.run.outputs.version, run.steps[0]])).toEqual([
      ['release[@acme/core]', 0, '@acme/core@2.1.0', '2.1.0', 'npm-publish:@acme/core'],
      ['release[@acme/cli]', 0, '@acme/cli@1.3.0', '1.3.0', 'npm-publish:@acme/cli'],
    ]);
  });

  it('changesets: the version from publishedPackages reaches tagship', () => {
    const { file, workspace } = asWorkflow('changesets/action', 'npm-package');
    const played = playWorkflowJobs(file, { workspace, event: mainPush(), knownVersions: '1.3.0', actionOutputs: { 'changesets/action': changesetsOutputs([{ name: '@acme/greet', version: '1.4.0' }]) } })!;
    expect(played.runs.map((run) => [run.job, run.run.status, run.run.outputs.version, run.steps])).toEqual([
      ['release', 0, '1.4.0', ['npm-publish:@acme/greet', 'github-release', 'verify-npm:@acme/greet']],
    ]);
  });
});
