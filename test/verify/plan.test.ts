import { describe, expect, it } from 'vitest';
import type { StageName } from '../../src/plan/stages.js';
import { PUBLIC_GOOD } from '../../src/sigstore/instance.js';
import { CONFIG, facts, plan, stage } from './support/plans.js';

describe('verify stage', () => {
  it('checks PyPI, npm, every image tag and container health for a stable release', () => {
    const steps = stage(plan('v1.2.3'), 'verify').steps;
    expect(steps.map((s) => s.id)).toEqual(['verify-python:crawl-kit', 'verify-npm:@acme/crawl-client', 'verify-assets', 'verify-images', 'verify-container']);
    expect(steps[0]).toMatchObject({ project: 'crawl-kit', version: '1.2.3', indexUrl: 'https://pypi.org/simple/', importName: 'crawl_kit' });
    expect(steps[0]).not.toHaveProperty('extraIndexUrl');
    // The upload attests its files (PEP 740): the check reads their provenance from PyPI's Integrity API.
    expect(steps[0]).toMatchObject({ attestations: { indexUrl: 'https://pypi.org', instance: { name: 'public-good' }, required: false, uploadStep: 'pypi-upload' } });
    expect(steps[1]).toMatchObject({ package: '@acme/crawl-client', version: '1.2.3', distTag: 'latest', registry: 'https://registry.npmjs.org/' });
    // The GitHub instance: the facts do not say the repository is public.
    expect(steps[2]).toMatchObject({ kind: 'verify-assets', tag: 'v1.2.3', predicateType: 'https://slsa.dev/provenance/v1', required: false, instance: { name: 'github' } });
    expect(steps[3]).toMatchObject({
      images: [
        { repository: 'ghcr.io/acme/crawlkit', tags: ['1.2.3', '1.2', '1', 'latest'] },
        { repository: 'docker.io/acme/crawlkit', tags: ['1.2.3', '1.2', '1', 'latest'] },
      ],
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    expect(steps[4]).toMatchObject({ repository: 'ghcr.io/acme/crawlkit', tag: '1.2.3', probe: { port: 11235, path: '/health' }, required: false, timeoutMs: 120_000 });
  });

  it('split across jobs, each job checks what it published, and a verify-only job checks everything', () => {
    const ids = (only: StageName[]) => stage(plan('v1.2.3', 'tag', ['1.2.2'], CONFIG, only), 'verify').steps.map((s) => s.id);
    expect(ids(['release', 'verify'])).toEqual(['verify-python:crawl-kit', 'verify-npm:@acme/crawl-client', 'verify-assets']);
    expect(ids(['docker', 'verify', 'deploy'])).toEqual(['verify-images', 'verify-container']);
    expect(ids(['verify'])).toEqual(['verify-python:crawl-kit', 'verify-npm:@acme/crawl-client', 'verify-assets', 'verify-images', 'verify-container']);
  });

  it('a verify job of its own (verify-of) checks the one publishing stage it follows', () => {
    const ids = (verifyOf: 'release' | 'docker', kind: 'tag' | 'rehearsal' = 'tag') => stage(plan('v1.2.3', kind, ['1.2.2'], CONFIG, ['verify'], verifyOf), 'verify').steps.map((s) => s.id);
    expect(ids('release')).toEqual(['verify-python:crawl-kit', 'verify-npm:@acme/crawl-client', 'verify-assets']);
    expect(ids('docker')).toEqual(['verify-images', 'verify-container']);
    // A rehearsal builds no images: nothing for the docker workflow's verify job to check.
    expect(ids('docker', 'rehearsal')).toEqual([]);
  });

  it('checks an older line only under its own tags, never latest', () => {
    const images = stage(plan('v1.1.5', 'tag', ['1.1.4', '1.2.2']), 'verify').steps.find((s) => s.kind === 'verify-images')!;
    expect(images).toMatchObject({ images: [{ tags: ['1.1.5', '1.1'] }, { tags: ['1.1.5', '1.1'] }] });
  });

  it('installs a rehearsal from TestPyPI (dependencies from PyPI) and skips images it did not build', () => {
    const p = plan('v1.3.0rc1', 'rehearsal');
    const steps = stage(p, 'verify').steps;
    expect(steps.map((s) => s.kind)).toEqual(['verify-python', 'verify-npm', 'verify-assets']);
    expect(steps[0]).toMatchObject({ indexUrl: 'https://test.pypi.org/simple/', extraIndexUrl: 'https://pypi.org/simple/' });
    // The dist-tag checked is the one the publish step uses.
    const publish = stage(p, 'release').steps.find((s) => s.kind === 'npm-publish')!;
    expect(steps[1]).toMatchObject({ distTag: publish.kind === 'npm-publish' ? publish.distTag : 'missing', version: publish.kind === 'npm-publish' ? publish.version : 'missing' });
  });

  it('checks only the images when the trigger only builds images', () => {
    expect(stage(plan('v1.2.3', 'release'), 'verify').steps.map((s) => s.kind)).toEqual(['verify-images', 'verify-container']);
  });

  it('can be turned off, and says so', () => {
    expect(stage(plan('v1.2.3', 'tag', ['1.2.2'], `${CONFIG}\n`.replace('verify:\n', 'verify:\n  enabled: false\n')), 'verify')).toEqual({ name: 'verify', steps: [], skipped: 'verify.enabled is false' });
  });

  it('checks npm provenance as published: whether it was asked for, where the registry keeps it, whose trust root', () => {
    const verifyNpm = (yaml: string) => stage(plan('v1.2.3', 'tag', ['1.2.2'], yaml), 'verify').steps.find((s) => s.kind === 'verify-npm')!;
    const publish = stage(plan('v1.2.3'), 'release').steps.find((s) => s.kind === 'npm-publish')!;
    expect(verifyNpm(CONFIG)).toMatchObject({ provenance: { requested: 'auto', stored: true, publishStep: publish.id, sigstore: PUBLIC_GOOD } });
    expect(verifyNpm(`${CONFIG}npm:\n  provenance: true\n`)).toMatchObject({ provenance: { requested: true } });
    // Read from a mirror: it keeps no provenance, so none is expected there.
    expect(verifyNpm(CONFIG.replace('verify:\n', 'verify:\n  npm: { registry: "https://npm.mirror.example/" }\n'))).toMatchObject({ registry: 'https://npm.mirror.example/', provenance: { stored: false } });
    const custom = `${CONFIG}attestations:\n  sigstore: { fulcio-url: "https://fulcio.example", rekor-url: "https://rekor.example", trusted-root: .github/sigstore/trusted_root.json }\n`;
    expect(verifyNpm(custom)).toMatchObject({ provenance: { sigstore: { name: 'custom', fulcioUrl: 'https://fulcio.example', rekorUrl: 'https://rekor.example', trustedRoot: '.github/sigstore/trusted_root.json' } } });
  });
});
