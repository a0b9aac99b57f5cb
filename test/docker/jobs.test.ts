import { describe, expect, it } from 'vitest';
import { parseInputs, type InputName } from '../../src/inputs.js';
import { planOutputs } from '../../src/outputs.js';
import { builds, dockerPlan, dockerSteps, merge } from './support.js';

const ids = (plan: ReturnType<typeof dockerPlan>) => plan.stages.map((s) => `${s.name}: ${s.steps.map((step) => step.id).join(', ') || `skipped (${s.skipped})`}`);
const inputs = (values: Partial<Record<InputName, string>>) => parseInputs((name) => values[name] ?? '');

describe('docker-job: which part of a distributed run this step runs', () => {
  it('all (the default) runs every build and the merge, reading digests from this run', () => {
    const plan = dockerPlan();
    expect(dockerSteps(plan).map((s) => s.id)).toEqual(['docker-build:linux/amd64', 'docker-build:linux/arm64', 'docker-scan', 'docker-merge', 'docker-attest']);
    expect(merge(plan)!.digests).toEqual({ from: 'outcomes' });
  });

  it('plan runs nothing and outputs the matrix', () => {
    const plan = dockerPlan({ job: { job: 'plan' } });
    expect(plan.stages.every((s) => s.steps.length === 0)).toBe(true);
    expect(ids(plan)[1]).toBe('docker: skipped (docker-job: plan runs nothing (it outputs the build matrix))');
    const outputs = planOutputs(plan);
    expect(JSON.parse(outputs.matrix!)).toEqual({
      include: [
        { platform: 'linux/amd64', runner: 'ubuntu-24.04', slug: 'linux-amd64', qemu: false },
        { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', slug: 'linux-arm64', qemu: false },
      ],
    });
    expect(outputs.stages).toBe('');
  });

  it('the matrix follows docker.runners and is empty in single mode or without images', () => {
    const custom = dockerPlan({ config: 'docker:\n  images: [ghcr.io/a/b]\n  platforms: [linux/arm64]\n  runners: { linux/arm64: arm-large }\n' });
    expect(JSON.parse(planOutputs(custom).matrix!)).toEqual({ include: [{ platform: 'linux/arm64', runner: 'arm-large', slug: 'linux-arm64', qemu: false }] });
    expect(planOutputs(dockerPlan({ config: 'docker:\n  images: [ghcr.io/a/b]\n  mode: single\n' })).matrix).toBe('{"include":[]}');
    expect(planOutputs(dockerPlan({ config: '{}' })).matrix).toBe('{"include":[]}');
  });

  it('build runs only its platform, and nothing of the other stages', () => {
    const plan = dockerPlan({ job: { job: 'build', platform: 'linux/arm64' } });
    expect(ids(plan)).toEqual([
      'release: skipped (docker-job: build runs only the linux/arm64 image build)',
      'docker: docker-build:linux/arm64',
      'verify: skipped (docker-job: build runs only the linux/arm64 image build)',
      'deploy: skipped (docker-job: build runs only the linux/arm64 image build)',
    ]);
    // The same step as in the full plan: every job of the run agrees on argv and files.
    expect(builds(plan)[0]).toEqual(builds(dockerPlan())[1]);
    expect(builds(plan)[0]!.digestsDir).toBe('/runner/temp/tagship-digests');
  });

  it('merge runs the merge from the downloaded digests, then the later stages', () => {
    const plan = dockerPlan({ job: { job: 'merge' }, digestsDir: '/runner/temp/digests' });
    expect(ids(plan).slice(1, 3)).toEqual(['docker: docker-scan, docker-merge, docker-attest', 'verify: verify-python:crawl-kit, verify-assets, verify-images, verify-container']);
    expect(merge(plan)!.digests).toEqual({ from: 'directory', path: '/runner/temp/digests' });
    expect(plan.docker).toMatchObject({ job: 'merge', mode: 'distributed' });
  });

  it('refuses a platform the plan does not build, and build or merge in single mode', () => {
    expect(() => dockerPlan({ job: { job: 'build', platform: 'linux/s390x' } })).toThrow(
      "Input 'docker-platform' is linux/s390x, which docker.platforms does not list (linux/amd64, linux/arm64): pass one of those (the matrix's platform).",
    );
    expect(() => dockerPlan({ job: { job: 'merge' }, config: 'docker:\n  images: [ghcr.io/a/b]\n  mode: single\n' })).toThrow(/docker-job: merge' is for docker.mode: distributed/);
  });

  it('a trigger without a Docker stage has nothing to build: the jobs run nothing and do not fail', () => {
    const plan = dockerPlan({ kind: 'rehearsal', tag: 'v1.3.0rc1', job: { job: 'build', platform: 'linux/s390x' } });
    expect(plan.stages.every((s) => s.steps.length === 0)).toBe(true);
    expect(planOutputs(plan).matrix).toBe('{"include":[]}');
  });
});

describe('docker-job inputs', () => {
  it('parses the job and platform', () => {
    expect(inputs({}).dockerJob).toEqual({ job: 'all' });
    expect(inputs({ 'docker-job': 'build', 'docker-platform': 'linux/arm/v7' }).dockerJob).toEqual({ job: 'build', platform: 'linux/arm/v7' });
    expect(inputs({ 'docker-job': 'merge', 'docker-digests-dir': '/tmp/d' })).toMatchObject({ dockerJob: { job: 'merge' }, dockerDigestsDir: '/tmp/d' });
  });

  it.each([
    [{ 'docker-job': 'deploy' }, `Input 'docker-job' must be one of all, plan, build, merge, got "deploy".`],
    [{ 'docker-job': 'build' }, "Input 'docker-job: build' needs 'docker-platform' (e.g. linux/arm64): pass ${{ matrix.platform }} from the plan job's matrix."],
    [{ 'docker-job': 'build', 'docker-platform': 'arm64' }, `Input 'docker-platform' must be os/arch or os/arch/variant (e.g. linux/arm64), got "arm64".`],
    [{ 'docker-job': 'merge', 'docker-platform': 'linux/arm64' }, "Input 'docker-platform' is only for docker-job: build, but docker-job is merge: drop it, or set docker-job: build."],
  ] as const)('%j is refused', (values, message) => {
    expect(() => inputs(values)).toThrow(message);
  });
});
