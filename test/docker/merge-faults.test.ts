import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeImages } from '../../src/docker/merge.js';
import { OciClient } from '../../src/oci/client.js';
import { startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { buildImages, inspectRaw, type BuiltImages } from './support/buildah.js';
import { PLATFORMS, TAGS } from './support/context.js';
import { startProxy, type Fault } from './support/proxy.js';

let registry: LocalRegistry;
let images: BuiltImages;
beforeAll(async () => {
  registry = await startRegistry();
  images = buildImages(PLATFORMS, 'fault injection');
}, 120_000);
afterAll(async () => {
  images?.remove();
  await registry?.stop();
});

const builds = () => PLATFORMS.map((platform) => ({ digest: images.digests[platform]!, platforms: [platform] }));
/** Fast retries: the policy's shape, with delays a test can wait for. */
const client = () => new OciClient({ retry: { minDelayMs: 5, maxDelayMs: 20 } });
const isTagPut = (method: string, path: string, tag: string) => method === 'PUT' && path.endsWith(`/manifests/${tag}`);

describe('docker-merge through a registry that fails some requests', () => {
  it('retries 500, 503, 429 with Retry-After and connection resets, and completes', async () => {
    images.pushByDigest(registry.host, 'acme/flaky');
    const injected: Fault[] = [{ status: 503 }, 'reset', { status: 500 }, { status: 429, retryAfter: '1' }, 'reset', { status: 500 }];
    const proxy = await startProxy(registry.host, (req, seen) => (seen.length % 3 === 1 && injected.length ? injected.shift() : undefined));
    try {
      const repository = `${proxy.host}/acme/flaky`;
      const started = Date.now();
      const [result] = await mergeImages(client(), { images: [{ repository, tags: TAGS }], platforms: PLATFORMS, annotations: {}, builds: builds(), versionTags: ['1.2.3'] });
      expect(injected).toEqual([]);
      expect(proxy.seen.map((r) => r.outcome).filter((o) => o !== 'forwarded')).toEqual(['503', 'reset', '500', '429', 'reset', '500']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After was honoured
      expect(result!.written).toEqual(TAGS);
      for (const tag of TAGS) expect(JSON.parse(inspectRaw(`${registry.host}/acme/flaky:${tag}`)).manifests).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('never leaves an alias ahead of its version tag, and a re-run writes only what is missing', async () => {
    images.pushByDigest(registry.host, 'acme/stuck');
    let failing = true;
    const proxy = await startProxy(registry.host, (req) => (failing && isTagPut(req.method!, req.url!, '1.2') ? { status: 500 } : undefined));
    try {
      const repository = `${proxy.host}/acme/stuck`;
      const request = { images: [{ repository, tags: TAGS }], platforms: PLATFORMS, annotations: {}, builds: builds(), versionTags: ['1.2.3'] };
      await expect(mergeImages(client(), request)).rejects.toThrow(
        new RegExp(`HTTP 500 for writing tag ${repository}:1\\.2: UNAVAILABLE: injected by the test proxy\\. It kept failing after retries.* Written in ${repository}: 1\\.2\\.3; not written: 1\\.2, 1, latest\\. Re-running resumes`),
      );
      expect(proxy.seen.filter((r) => r.method === 'PUT').map((r) => r.path.split('/').at(-1))).toEqual(['1.2.3', ...Array(6).fill('1.2')]);
      expect(JSON.parse(inspectRaw(`${registry.host}/acme/stuck:1.2.3`)).manifests).toHaveLength(2);
      for (const alias of ['1.2', '1', 'latest']) expect(() => inspectRaw(`${registry.host}/acme/stuck:${alias}`)).toThrow(/manifest unknown/);

      failing = false;
      proxy.seen.length = 0;
      const [result] = await mergeImages(client(), request);
      expect(result).toMatchObject({ written: ['1.2', '1', 'latest'], unchanged: ['1.2.3'] });
      expect(proxy.seen.filter((r) => r.method === 'PUT').map((r) => r.path.split('/').at(-1))).toEqual(['1.2', '1', 'latest']);
      expect(new Set(TAGS.map((tag) => inspectRaw(`${registry.host}/acme/stuck:${tag}`))).size).toBe(1);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('finishes the other repositories when one of them keeps failing, and says which', async () => {
    images.pushByDigest(registry.host, 'acme/good');
    images.pushByDigest(registry.host, 'acme/bad');
    const proxy = await startProxy(registry.host, (req) => (req.url!.includes('/acme/bad/manifests/') && req.method === 'PUT' ? { status: 503 } : undefined));
    try {
      const request = { images: ['good', 'bad'].map((name) => ({ repository: `${proxy.host}/acme/${name}`, tags: TAGS })), platforms: PLATFORMS, annotations: {}, builds: builds(), versionTags: ['1.2.3'] };
      await expect(mergeImages(client(), request)).rejects.toThrow(`Written in ${proxy.host}/acme/bad: nothing; not written: 1.2.3, 1.2, 1, latest. Finished: ${proxy.host}/acme/good (all tags).`);
      expect(new Set(TAGS.map((tag) => inspectRaw(`${registry.host}/acme/good:${tag}`))).size).toBe(1);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
