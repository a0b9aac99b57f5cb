import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDockerMerge } from '../../src/docker/merge.js';
import { runOutputs } from '../../src/execute/outputs.js';
import { startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { buildImages, inspectRaw, pullAll, type BuiltImages } from './support/buildah.js';
import { mergeContext, mergeStep, PLATFORMS, TAGS } from './support/context.js';

let registry: LocalRegistry;
let other: LocalRegistry;
let images: BuiltImages;
beforeAll(async () => {
  [registry, other] = await Promise.all([startRegistry(), startRegistry()]);
  images = buildImages(PLATFORMS);
}, 120_000);
afterAll(async () => {
  images?.remove();
  await Promise.all([registry?.stop(), other?.stop()]);
});

interface Index {
  mediaType: string;
  manifests: Array<{ digest: string; platform: { os: string; architecture: string } }>;
  annotations?: Record<string, string>;
}

/** Every tag of `repository`, read back with skopeo: the raw index of each, which must be the same bytes. */
function readBack(repository: string): Index {
  const raws = TAGS.map((tag) => inspectRaw(`${repository}:${tag}`));
  expect(new Set(raws).size).toBe(1);
  return JSON.parse(raws[0]!) as Index;
}

describe('docker-merge over buildah-built images in a real registry', () => {
  it('assembles one index of both platforms and points 1.2.3, 1.2, 1 and latest of both repositories at it', async () => {
    for (const repo of ['acme/app', 'acme/app-mirror']) images.pushByDigest(registry.host, repo);
    const repositories = [`${registry.host}/acme/app`, `${registry.host}/acme/app-mirror`];
    const { ctx, lines } = mergeContext(images.digests);
    const outcome = await executeDockerMerge(mergeStep(repositories), ctx);

    expect(outcome.status).toBe('done');
    const digests = outcome.produced!.digests as Record<string, string>;
    for (const repository of repositories) {
      const index = readBack(repository);
      expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
      expect(index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`)).toEqual(PLATFORMS);
      expect(index.manifests.map((m) => m.digest)).toEqual(PLATFORMS.map((p) => images.digests[p]));
      expect(index.annotations).toEqual({ 'org.opencontainers.image.version': '1.2.3' });
      expect(digests[repository]).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(lines).toContain(`  ✓ ${repository}:1.2.3 → ${digests[repository]}`);
    }
    // The same builds give the same index in both repositories.
    expect(new Set(Object.values(digests)).size).toBe(1);
    expect(outcome.produced!.images).toEqual(repositories.map((repository) => ({ repository, tags: TAGS, digest: digests[repository], platforms: PLATFORMS })));
    expect(outcome.detail).toBe(repositories.map((r) => `${r}@${digests[r]}: wrote 1.2.3, 1.2, 1, latest`).join('; '));

    // A re-run finds every tag in place and writes nothing.
    const again = mergeContext(images.digests);
    const rerun = await executeDockerMerge(mergeStep(repositories), again.ctx);
    expect(rerun.status).toBe('unchanged');
    expect(rerun.detail).toBe(repositories.map((r) => `${r}@${digests[r]}: already in place 1.2.3, 1.2, 1, latest`).join('; '));

    // The action's outputs after the run: the index's digest and each repository pinned by it.
    const plan = { ...ctx.plan, stages: [{ name: 'docker' as const, steps: [...ctx.plan.stages[0]!.steps, mergeStep(repositories)] }] };
    const outputs = (merged: typeof outcome) => runOutputs(plan, { outcomes: [...ctx.outcomes.values(), merged], notRun: [] });
    const digest = digests[repositories[0]!]!;
    expect(outputs(outcome)).toMatchObject({ digest, 'image-refs': JSON.stringify(repositories.map((r) => `${r}@${digest}`)) });
    expect(JSON.parse(outputs(outcome).published!)).toEqual([{ step: 'docker-merge', kind: 'docker-merge', target: repositories.join(' '), state: 'published' }]);
    expect(JSON.parse(outputs(rerun).published!)).toEqual([{ step: 'docker-merge', kind: 'docker-merge', target: repositories.join(' '), state: 'already-there' }]);
  }, 60_000);

  it('copies the builds into a repository that lacks them: mounted on the same registry, uploaded across registries', async () => {
    images.pushByDigest(registry.host, 'acme/source');
    const repositories = [`${registry.host}/acme/source`, `${registry.host}/acme/mounted`, `${other.host}/acme/copied`];
    const { ctx, lines } = mergeContext(images.digests);
    const outcome = await executeDockerMerge(mergeStep(repositories), ctx);
    expect(outcome.status).toBe('done');
    expect(lines).toContain(`  copied the linux/arm64 build from ${registry.host}/acme/source to ${other.host}/acme/copied`);
    for (const repository of repositories) {
      expect(readBack(repository).manifests).toHaveLength(2);
      pullAll(`${repository}:1.2.3`); // every manifest and layer is really there
    }
  }, 60_000);

  it('reads the digests from the files distributed build jobs leave, and names a platform whose file is missing', async () => {
    images.pushByDigest(registry.host, 'acme/files');
    const dir = mkdtempSync(join(tmpdir(), 'tagship-digests-'));
    try {
      writeFileSync(join(dir, 'linux-amd64'), `${images.digests['linux/amd64']}\n`);
      const step = mergeStep([`${registry.host}/acme/files`], { digests: { from: 'directory', path: dir } });
      await expect(executeDockerMerge(step, mergeContext({}).ctx)).rejects.toThrow(`No digest for linux/arm64: ${join(dir, 'linux-arm64')} is missing. Did its docker-build job succeed`);
      writeFileSync(join(dir, 'linux-arm64'), images.digests['linux/arm64']!);
      const outcome = await executeDockerMerge(step, mergeContext({}).ctx);
      expect(readBack(`${registry.host}/acme/files`).manifests.map((m) => m.digest)).toEqual(PLATFORMS.map((p) => images.digests[p]));
      expect(outcome.status).toBe('done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses builds that do not hold the planned platforms, and builds that were never pushed', async () => {
    images.pushByDigest(registry.host, 'acme/wrong');
    const repository = `${registry.host}/acme/wrong`;
    const swapped = { 'linux/amd64': images.digests['linux/amd64']!, 'linux/arm64': images.digests['linux/amd64']! };
    await expect(executeDockerMerge(mergeStep([repository]), mergeContext(swapped).ctx)).rejects.toThrow('The builds hold linux/amd64 but the plan is linux/amd64, linux/arm64');
    const missing = { ...images.digests, 'linux/arm64': `sha256:${'0'.repeat(64)}` };
    await expect(executeDockerMerge(mergeStep([repository]), mergeContext(missing).ctx)).rejects.toThrow(
      `The linux/arm64 build (sha256:${'0'.repeat(64)}) is in none of ${repository}. Did its docker-build job succeed and push by digest`,
    );
    expect(() => inspectRaw(`${repository}:1.2.3`)).toThrow();
  }, 60_000);
});

describe('docker-merge against a registry with htpasswd logins', () => {
  const login = { username: 'ci', password: 'merge-test-password' };
  let locked: LocalRegistry;
  beforeAll(async () => {
    locked = await startRegistry(login);
  });
  afterAll(async () => locked?.stop());

  it('logs in with the registry-credentials line for its host', async () => {
    images.pushByDigest(locked.host, 'acme/private', login);
    const repository = `${locked.host}/acme/private`;
    const secrets = { 'registry-credentials': `${locked.host} ${login.username} ${login.password}` };
    const outcome = await executeDockerMerge(mergeStep([repository]), mergeContext(images.digests, secrets).ctx);
    expect(outcome.status).toBe('done');
    const index = JSON.parse(inspectRaw(`${repository}:latest`, login)) as Index;
    expect(index.manifests.map((m) => m.platform.architecture)).toEqual(['amd64', 'arm64']);
    expect(JSON.stringify(outcome)).not.toContain(login.password);
  }, 60_000);

  it('says which credentials to check when it has none', async () => {
    await expect(executeDockerMerge(mergeStep([`${locked.host}/acme/private`]), mergeContext(images.digests).ctx)).rejects.toThrow(
      new RegExp(`^Registry ${locked.host} answered HTTP 401 for reading ${locked.host}/acme/private[:@]\\S+: .*Check the registry-credentials line for ${locked.host} and that its token may push\\.$`),
    );
  });
});
