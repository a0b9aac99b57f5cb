import { describe, expect, it } from 'vitest';
import type { DockerAttestStep } from '../../src/plan/steps/docker.js';
import type { VerifyImagesStep } from '../../src/plan/steps/verify.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import { dockerPlan, dockerSteps } from './support.js';

const attest = (plan: ReleasePlan) => dockerSteps(plan).find((s): s is DockerAttestStep => s.kind === 'docker-attest');
const verifyImages = (plan: ReleasePlan) => plan.stages.flatMap((s) => s.steps).find((s): s is VerifyImagesStep => s.kind === 'verify-images');
const config = (extra: string) => `docker:\n  images: [ghcr.io/acme/crawlkit, docker.io/acme/crawlkit]\n${extra}`;

describe('docker-attest in the plan', () => {
  it('comes right after the merge, for every repository, with the instance the repository’s visibility picks', () => {
    const plan = dockerPlan({ config: config(''), visibility: 'public' });
    expect(dockerSteps(plan).map((s) => s.id).slice(-2)).toEqual(['docker-merge', 'docker-attest']);
    expect(attest(plan)).toEqual({
      kind: 'docker-attest',
      id: 'docker-attest',
      target: 'ghcr.io/acme/crawlkit@<index digest> docker.io/acme/crawlkit@<index digest>: signature + SLSA provenance (Sigstore: public-good)',
      repositories: ['ghcr.io/acme/crawlkit', 'docker.io/acme/crawlkit'],
      attestation: { use: 'images', instance: { name: 'public-good', fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev' }, required: false },
    });
    expect(verifyImages(plan)!.attestations).toEqual({ instance: attest(plan)!.attestation.instance, required: false });
  });

  it('a private repository signs with GitHub’s instance (no public log); a configured instance wins; enabled: true makes it required', () => {
    expect(attest(dockerPlan({ config: config(''), visibility: 'private' }))!.attestation.instance).toEqual({ name: 'github', fulcioUrl: 'https://fulcio.githubapp.com', tsaUrl: 'https://timestamp.githubapp.com' });
    const custom = dockerPlan({
      config: config('attestations:\n  enabled: true\n  sigstore:\n    fulcio-url: https://fulcio.example.com\n    rekor-url: https://rekor.example.com\n    trusted-root: .github/sigstore/trusted_root.json\n'),
    });
    expect(attest(custom)!.attestation).toMatchObject({ required: true, instance: { name: 'custom', fulcioUrl: 'https://fulcio.example.com', trustedRoot: '.github/sigstore/trusted_root.json' } });
    expect(verifyImages(custom)!.attestations!.required).toBe(true);
  });

  it('is not planned, and verify-images checks no signatures, with attestations.images or attestations.enabled off', () => {
    for (const off of ['attestations:\n  images: false\n', 'attestations:\n  enabled: false\n']) {
      const plan = dockerPlan({ config: config(off) });
      expect(attest(plan)).toBeUndefined();
      expect(verifyImages(plan)!.attestations).toBeUndefined();
    }
  });

  it('runs in the merge job of a distributed build, never in a build job', () => {
    const text = `docker:\n  images: [ghcr.io/acme/crawlkit]\n  mode: distributed\n`;
    const mergeJob = dockerPlan({ config: text, job: { job: 'merge' }, digestsDir: '/runner/temp/digests' });
    expect(dockerSteps(mergeJob).map((s) => s.id)).toEqual(['docker-scan', 'docker-merge', 'docker-attest']);
    const buildJob = dockerPlan({ config: text, job: { job: 'build', platform: 'linux/amd64' } });
    expect(dockerSteps(buildJob).map((s) => s.id)).toEqual(['docker-build:linux/amd64']);
  });
});
