/**
 * Each example's workflow (the file a user copies), given the real webhook payload of each trigger:
 * does it start, which jobs of the reusable workflows run, and what the built action plans in each.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (CI uses it to replay triggers), no types.
import { triggerEvent } from '../scripts/ci-event.mjs';
import { repoRoot } from './support/action-run.js';
import { playedCommit, playWorkflow, playWorkflowJobs, type Event, type TagshipStepRun } from './support/workflow-run.js';

type Trigger = 'tag' | 'rehearsal' | 'docker-rebuild' | 'dispatch' | 'release' | 'branch' | 'tag-deleted';

interface Case {
  example: string;
  trigger: Trigger;
  version: string;
  /** Versions already released (a real run reads them from the tags). */
  known: string;
  /** Job → the steps the action runs there; `undefined` when the workflow does not start at all. */
  expected: Record<string, string[]> | undefined;
}

// The smoke tests run in a job of their own, without the publishing job's secrets and permissions.
const PYTHON_RELEASE = { release: ['python-build', 'pypi-upload', 'github-release', 'github-attest'], verify: ['verify-python:crawlkit', 'verify-assets'] };
// Builds push by digest right after the plan; the tags, smoke tests and rollout come after the release job.
const IMAGE_BUILDS = { 'images/build[linux/amd64]': ['docker-build:linux/amd64'], 'images/build[linux/arm64]': ['docker-build:linux/arm64'] };
const IMAGE_PUBLISH = { 'images-publish/merge': ['docker-scan', 'docker-merge', 'docker-attest'], 'images-publish/verify': ['verify-images', 'verify-container'], 'images-publish/deploy': [] };

const cases: Case[] = [
  {
    example: 'python-app',
    trigger: 'tag',
    version: '1.2.3',
    known: '1.0.0,1.2.2',
    expected: { plan: [], ...PYTHON_RELEASE, ...IMAGE_BUILDS, ...IMAGE_PUBLISH },
  },
  { example: 'python-app', trigger: 'rehearsal', version: '1.2.3', known: '1.2.2', expected: { plan: [], ...PYTHON_RELEASE } },
  { example: 'python-app', trigger: 'docker-rebuild', version: '1.2.3', known: '1.2.3', expected: { plan: [], ...IMAGE_BUILDS, ...IMAGE_PUBLISH } },
  // The dispatch asks for `stages: docker` only: images, without their smoke tests.
  {
    example: 'python-app',
    trigger: 'dispatch',
    version: '1.2.3',
    known: '1.2.3',
    expected: { plan: [], ...IMAGE_BUILDS, ...IMAGE_PUBLISH, 'images-publish/verify': [] },
  },
  // Callers listen to tag pushes: the release tagship itself made starts nothing (docs/docker-chain.md).
  { example: 'python-app', trigger: 'release', version: '1.2.3', known: '1.2.3', expected: undefined },
  { example: 'python-app', trigger: 'branch', version: '1.2.3', known: '', expected: undefined },
  { example: 'python-app', trigger: 'tag-deleted', version: '1.2.3', known: '1.2.3', expected: { plan: [] } },
  {
    example: 'npm-package',
    trigger: 'tag',
    version: '1.4.0',
    known: '1.3.0',
    expected: { 'release/plan': [], 'release/release': ['npm-publish:@acme/greet', 'github-release'], 'release/verify': ['verify-npm:@acme/greet'] },
  },
  { example: 'npm-package', trigger: 'docker-rebuild', version: '1.4.0', known: '1.4.0', expected: undefined },
  {
    example: 'npm-workspace',
    trigger: 'tag',
    version: '2.0.0',
    known: '1.9.0',
    expected: {
      'release/plan': [],
      'release/release': ['npm-publish:@acme/core', 'npm-publish:@acme/cli', 'github-release'],
      'release/verify': ['verify-npm:@acme/core', 'verify-npm:@acme/cli'],
    },
  },
  {
    example: 'python-scm',
    trigger: 'tag',
    version: '0.3.0',
    known: '0.2.0',
    expected: { release: ['python-build', 'pypi-upload', 'github-release', 'github-attest'], verify: ['verify-python:scmdemo', 'verify-assets'] },
  },
];

function play(c: Case): TagshipStepRun[] | undefined {
  const event = triggerEvent(c.trigger, c.version) as Event;
  const workspace = join(repoRoot, 'examples', c.example);
  return playWorkflow(join(workspace, '.github/workflows/release.yml'), { workspace, event, knownVersions: c.known });
}

describe('example workflows, played for each trigger through the built action', () => {
  it.each(cases.map((c) => [`${c.example}: ${c.trigger} ${c.version}`, c] as const))('%s', (_name, c) => {
    const runs = play(c);
    if (!c.expected) return expect(runs).toBeUndefined();
    for (const run of runs!) expect(run.run.status, `${run.job}: ${run.run.stdout}${run.run.stderr}`).toBe(0);
    expect(Object.fromEntries(runs!.map((run) => [run.job, run.steps]))).toEqual(c.expected);
  });

  it('the docker plan job hands the build jobs one native runner per platform', () => {
    const runs = play(cases[0]!)!;
    const plan = runs.find((run) => run.job === 'plan')!;
    expect(JSON.parse(plan.run.outputs.matrix!)).toEqual({
      include: [
        { platform: 'linux/amd64', runner: 'ubuntu-24.04', slug: 'linux-amd64', qemu: false },
        { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', slug: 'linux-arm64', qemu: false },
      ],
    });
    const build = runs.find((run) => run.job === 'images/build[linux/arm64]')!;
    expect(build.inputs).toMatchObject({ 'docker-job': 'build', 'docker-platform': 'linux/arm64', stages: 'docker' });
  });

  it('a rehearsal uploads to TestPyPI and a backport never takes latest', () => {
    const rehearsal = play(cases[1]!)!.find((run) => run.job === 'release')!;
    const upload = (JSON.parse(rehearsal.run.outputs.plan!) as { stages: Array<{ steps: Array<Record<string, unknown>> }> }).stages
      .flatMap((s) => s.steps)
      .find((s) => s.kind === 'pypi-upload')!;
    expect(upload.repositoryUrl).toBe('https://test.pypi.org/legacy/');
    expect(rehearsal.run.outputs.latest).toBe('false');

    const backport = play({ ...cases[0]!, version: '1.1.5', known: '1.1.4,1.2.0' });
    // The example's __version__ says 1.2.3: the guard stops the plan job, and nothing runs after it.
    const plan = backport!.find((run) => run.job === 'plan')!;
    expect(plan.run.status).toBe(1);
    expect(plan.run.stdout).toMatch(/1\.2\.3/);
    expect(backport!.map((run) => run.job)).toEqual(['plan']);
  });
});

describe('what the example workflows run where (GitHub and PyPI rules)', () => {
  it('the PyPI upload runs in the caller\'s own job, with id-token and the environment its trusted publisher names', () => {
    // PyPI matches the OIDC token's job_workflow_ref, which names a called workflow's file, and refuses
    // reusable workflows as trusted publishers (PyPI trusted publishers, troubleshooting; pypi/warehouse#11096).
    for (const c of [cases[0]!, cases[10]!]) {
      const uploads = play(c)!.filter((run) => run.steps.includes('pypi-upload'));
      expect(uploads.map((run) => [run.job, run.reusable]), c.example).toEqual([['release', false]]);
      expect(uploads[0]!.permissions['id-token']).toBe('write');
      expect(uploads[0]!.environment).toBe('pypi');
    }
  });

  it.each([
    ['tag', '1.2.3', '1.0.0,1.2.2'],
    ['docker-rebuild', '1.2.3', '1.2.3'],
    ['dispatch', '1.2.3', '1.2.3'],
  ] as const)('%s: every image job builds and labels the commit of refs/tags/v1.2.3', (trigger, version, known) => {
    const runs = play({ example: 'python-app', trigger, version, known, expected: {} })!;
    const imageJobs = runs.filter((run) => run.job.startsWith('images'));
    expect(imageJobs.length).toBeGreaterThan(0);
    for (const run of imageJobs) {
      expect(run.checkout, run.job).toBe('refs/tags/v1.2.3');
      if (run.inputs['source-commit'] === undefined) continue; // verify and deploy label nothing
      expect(run.inputs['source-commit'], run.job).toBe(playedCommit('refs/tags/v1.2.3'));
      // The commit the plan labels the images with (org.opencontainers.image.revision, {{sha}}).
      expect(JSON.parse(run.run.outputs.plan!).commit, run.job).toBe(playedCommit('refs/tags/v1.2.3'));
    }
  });

  it('the rebuild tag is not what gets built: the plan hands the release tag to the image jobs', () => {
    const plan = play(cases[2]!)!.find((run) => run.job === 'plan')!;
    expect(plan.run.outputs['source-ref']).toBe('refs/tags/v1.2.3');
    expect(String(triggerEvent('docker-rebuild', '1.2.3').payload.ref)).toBe('refs/tags/docker-rebuild-v1.2.3');
  });

  it('a rehearsal builds the rehearsal tag itself', () => {
    const plan = play(cases[1]!)!.find((run) => run.job === 'plan')!;
    expect(plan.run.outputs['source-ref']).toMatch(/^refs\/tags\/test-v1\.2\.3/);
  });

  it('inside the reusable workflows tagship runs from its own checkout, never from a moving tag', () => {
    const runs = play(cases[0]!)!;
    expect(runs.filter((run) => run.reusable).length).toBeGreaterThan(0);
    // The played runs of reusable jobs went through `./.tagship` (checked out at job.workflow_sha);
    // the static check of the files is in workflows.test.ts.
    for (const run of runs.filter((r) => r.reusable)) expect(run.inputs['working-directory'], run.job).toMatch(/^project\//);
  });
});

describe("tagship's own release", () => {
  const selfRelease = (version: string, known: string) =>
    playWorkflowJobs(join(repoRoot, '.github/workflows/self-release.yml'), { workspace: repoRoot, event: triggerEvent('tag', version) as Event, knownVersions: known, ownAction: true });

  it('the first release runs the tagged commit (uses: ./) and creates v0, the tag users pin until 1.0.0', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    // Nothing released before but 0.0.0 (given, so the test reads no remote tags).
    const played = selfRelease(version, '0.0.0')!;
    const release = played.runs.find((run) => run.job === 'release')!;
    expect(release.run.status, release.run.stdout).toBe(0);
    expect(release.steps).toContain('github-release');
    expect(played.jobs.release!.outputs).toMatchObject({ trigger: 'tag', latest: 'true', major: version.split('.')[0] });
    // The major-tag job runs, and pushes `v<major>`: v0 for a 0.x release.
    expect(played.jobs['major-tag']!.result).toBe('success');
  });

  it('a backport does not move the major tag', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const [major, minor] = version.split('.').map(Number);
    const played = selfRelease(version, `${major}.${minor! + 1}.0`)!;
    expect(played.jobs.release!.outputs.latest).toBe('false');
    expect(played.jobs['major-tag']!.result).toBe('skipped');
  });
});

describe('docker.mode: single through the same caller workflow', () => {
  it('the build part has nothing to do, and the publish part builds every platform in one job after the release', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'tagship-single-'));
    cpSync(join(repoRoot, 'examples/python-app'), workspace, { recursive: true });
    writeFileSync(join(workspace, '.github/tagship.yml'), 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  mode: single\n');
    const runs = playWorkflow(join(workspace, '.github/workflows/release.yml'), { workspace, event: triggerEvent('tag', '1.2.3') as Event, knownVersions: '1.2.2' })!;
    for (const run of runs) expect(run.run.status, `${run.job}: ${run.run.stdout}`).toBe(0);
    const jobs = Object.fromEntries(runs.map((run) => [run.job, run.steps]));
    expect(Object.keys(jobs).filter((job) => job.startsWith('images/'))).toEqual([]);
    expect(jobs['images-publish/single']).toEqual(expect.arrayContaining(['docker-build', 'docker-merge']));
    expect(jobs.release).toContain('pypi-upload');
  });
});
