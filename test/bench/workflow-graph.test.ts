// The pure half of `npm run bench workflow` on synthetic graphs: the critical path, reusable workflows
// flattened the way GitHub runs them, and job kinds read from steps (never from job names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { criticalPath, flattenJobs, jobWork, timeJobs, type Costs, type RunFacts } from '../../bench/workflow-graph.mjs';
import { repoRoot } from '../support/action-run.js';

const job = (id: string, minutes: number, needs: string[] = [], kind = 'work') => ({ id, needs, minutes, kind });

describe('criticalPath', () => {
  it('takes the longest chain through a diamond, with each job starting when its last need finished', () => {
    const result = criticalPath([job('plan', 1), job('release', 2, ['plan']), job('build', 5, ['plan']), job('merge', 1, ['release', 'build'])]);
    expect(result.minutes).toBe(7);
    expect(result.path.map((s) => [s.id, s.start])).toEqual([
      ['plan', 0],
      ['build', 1],
      ['merge', 6],
    ]);
  });

  it('ends at the latest job the end test accepts, not at a longer job after it', () => {
    const jobs = [job('build', 5), job('merge', 1, ['build'], 'merge'), job('verify', 9, ['merge'])];
    expect(criticalPath(jobs, (j) => j.kind === 'merge').minutes).toBe(6);
    expect(criticalPath(jobs).minutes).toBe(15);
  });

  it('runs independent jobs side by side', () => {
    expect(criticalPath([job('a', 3), job('b', 4), job('c', 2)]).minutes).toBe(4);
  });

  it('refuses a cycle and a need that is not a job', () => {
    expect(() => criticalPath([job('a', 1, ['b']), job('b', 1, ['a'])])).toThrow('form a cycle');
    expect(() => criticalPath([job('a', 1, ['ghost'])])).toThrow('a job needs ghost, which does not exist');
  });
});

describe('flattenJobs', () => {
  const called = {
    on: { workflow_call: { inputs: { stages: { type: 'string', default: 'release' } } } },
    jobs: { first: { steps: [] }, second: { needs: 'first', steps: [] } },
  };
  const load = (path: string) => {
    expect(path).toBe('.github/workflows/inner.yml');
    return called;
  };

  it('puts the called jobs after what the caller needs, and its dependents after every called job', () => {
    const doc = {
      jobs: {
        setup: { steps: [] },
        call: { needs: 'setup', uses: 'tagship/tagship/.github/workflows/inner.yml@v1' },
        after: { needs: ['call'], steps: [] },
      },
    };
    const flat = flattenJobs(doc, load).map(({ id, needs }) => [id, needs]);
    expect(flat).toEqual([
      ['setup', []],
      ['call/first', ['setup']],
      ['call/second', ['call/first']],
      ['call', ['call/first', 'call/second']],
      ['after', ['call']],
    ]);
  });

  it('reads a local ./.github/workflows call and hands the caller\'s inputs over, defaults otherwise', () => {
    const passed = flattenJobs({ jobs: { c: { uses: './.github/workflows/inner.yml', with: { stages: 'docker' } } } }, load);
    expect(passed[0]!.inputs).toEqual({ stages: 'docker' });
    const defaulted = flattenJobs({ jobs: { c: { uses: './.github/workflows/inner.yml' } } }, load);
    expect(defaulted[0]!.inputs).toEqual({ stages: 'release' });
  });

  it('refuses a workflow of another repository, which it cannot read', () => {
    expect(() => flattenJobs({ jobs: { c: { uses: 'octo/other/.github/workflows/x.yml@v1' } } }, load)).toThrow('only tagship');
  });
});

describe('jobWork', () => {
  const tagship = (inputs: Record<string, unknown>) => ({ uses: 'tagship/tagship@v1', with: inputs });

  it('reads the kind from the tagship step, whatever the job is called', () => {
    expect(jobWork({ steps: [tagship({ 'dry-run': true, stages: 'docker' })] }).map((i) => i.work)).toEqual(['plan']);
    expect(jobWork({ steps: [tagship({ stages: 'docker', 'docker-job': 'build' })] }).map((i) => i.work)).toEqual(['build-matrix']);
    expect(jobWork({ steps: [{ uses: './' , with: { stages: 'docker', 'docker-job': 'merge' } }] }).map((i) => i.work)).toEqual(['merge']);
    expect(jobWork({ steps: [tagship({ stages: 'release' })] }).map((i) => i.work)).toEqual(['release']);
    expect(jobWork({ steps: [tagship({ stages: 'verify', 'verify-of': 'docker' })] }).map((i) => i.work)).toEqual(['verify-docker']);
    // No stages input: every stage, in the plan's order, images built in this one job.
    expect(jobWork({ steps: [tagship({})] }).map((i) => i.work)).toEqual(['release', 'single', 'verify', 'deploy']);
  });

  it('resolves ${{ inputs.x }} from the called workflow\'s inputs', () => {
    expect(jobWork({ steps: [tagship({ stages: '${{ inputs.stages }}' })] }, { stages: 'release' }).map((i) => i.work)).toEqual(['release']);
    expect(jobWork({ steps: [tagship({ 'dry-run': '${{ inputs.dry-run }}', stages: 'release' })] }, { 'dry-run': true }).map((i) => i.work)).toEqual(['plan']);
  });

  it('reads other tools\' steps: release work once a job, one build per build-push step, imagetools as the tags', () => {
    const steps = [
      { run: 'python -m build' },
      { run: 'twine upload dist/*' },
      { uses: 'docker/build-push-action@v5', with: { platforms: 'linux/amd64,linux/arm64' } },
      { run: 'docker buildx imagetools create -t x:1 x@sha256:1' },
    ];
    expect(jobWork({ steps })).toEqual([{ work: 'release' }, { work: 'build', platforms: ['linux/amd64', 'linux/arm64'] }, { work: 'merge' }]);
  });
});

describe('timeJobs', () => {
  const costs: Costs = { runnerStart: 1, plan: 0, release: 2, verify: 0.5, merge: 0.1, nativeBuild: 5, qemuFactor: 10 };
  const tagship = (inputs: Record<string, unknown>) => ({ uses: 'tagship/tagship@v1', with: inputs });
  const build = { id: 'b', needs: [], inputs: {}, job: { 'runs-on': '${{ matrix.runner }}', steps: [tagship({ stages: 'docker', 'docker-job': 'build' })] } };
  const single = { id: 's', needs: [], inputs: {}, job: { 'runs-on': 'ubuntu-24.04', steps: [tagship({ stages: 'docker' })] } };

  it('a matrix build job lasts as long as its slowest platform, native or under QEMU', () => {
    const native: RunFacts = { matrix: [{ platform: 'linux/amd64', runner: 'ubuntu-24.04' }, { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm' }], stages: new Set(['docker']), singleBuilds: [] };
    expect(timeJobs([build], costs, native)[0]!.minutes).toBe(1 + 5);
    const emulated: RunFacts = { ...native, matrix: [{ platform: 'linux/amd64', runner: 'ubuntu-24.04' }, { platform: 'linux/arm64', runner: 'ubuntu-24.04' }] };
    expect(timeJobs([build], costs, emulated)[0]!.minutes).toBe(1 + 50);
  });

  it('a job skips only when the plan leaves out all its work', () => {
    const both = { id: 'rv', needs: [], inputs: {}, job: { steps: [tagship({ stages: 'release,verify' })] } };
    const noVerify: RunFacts = { matrix: [], stages: new Set(['release']), singleBuilds: [] };
    expect(timeJobs([both], costs, noVerify)[0]).toMatchObject({ kind: 'release', minutes: 1 + 2 });
    const nothing: RunFacts = { matrix: [], stages: new Set(['docker']), singleBuilds: [] };
    expect(timeJobs([both], costs, nothing)[0]).toMatchObject({ kind: 'skipped', minutes: 0 });
  });

  it('refuses a job whose stages it cannot read rather than pricing it as an empty runner', () => {
    const dynamic = { id: 'j', needs: [], inputs: {}, job: { steps: [tagship({ stages: '${{ github.event.inputs.stages }}' })] } };
    const facts: RunFacts = { matrix: [], stages: new Set(['release']), singleBuilds: [] };
    expect(() => timeJobs([dynamic], costs, facts)).toThrow('j: cannot tell what a tagship step does from stages: ${{ github.event.inputs.stages }}');
  });

  it('skips the build path the plan does not take, and a one-job build pays for each build step on its own runner', () => {
    const oneJob: RunFacts = { matrix: [], stages: new Set(['docker']), singleBuilds: [['linux/amd64'], ['linux/arm64']] };
    const [b, s] = timeJobs([build, single], costs, oneJob);
    expect([b!.kind, b!.minutes]).toEqual(['skipped', 0]);
    expect(s!.minutes).toBeCloseTo(1 + 5 + 50 + 0.1);
  });
});

describe('the example workflow, as the bench reads it', () => {
  const load = (path: string) => parse(readFileSync(join(repoRoot, path), 'utf8'));
  const jobs = flattenJobs(load('examples/python-app/.github/workflows/release.yml'), load);

  it('knows what every job does from its steps, so no job is priced as an empty runner by mistake', () => {
    const unread = jobs.filter((j) => !j.call).filter((j) => jobWork(j.job, j.inputs).filter((i) => i.work !== 'unknown').length === 0);
    expect(unread.map((j) => j.id)).toEqual([]);
  });

  it('has a job that writes the image tags, where the bench\'s path ends', () => {
    const kinds = jobs.flatMap((j) => jobWork(j.job, j.inputs).map((i) => i.work));
    expect(kinds).toContain('merge');
  });
});
