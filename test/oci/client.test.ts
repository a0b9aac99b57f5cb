import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeImages } from '../../src/docker/merge.js';
import { describeProgress } from '../../src/net/http.js';
import { OciClient } from '../../src/oci/client.js';
import { OCI_INDEX } from '../../src/oci/media-types.js';
import { pushIndex, startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { startTokenServer } from '../verify/support/token-server.js';

const BOTH = ['linux/amd64', 'linux/arm64'];
const TAGS = ['1.2.3', '1.2', '1', 'latest'];

let registry: LocalRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => registry?.stop());

describe('tag lists', () => {
  it('follows the Link header across pages', async () => {
    const tags = ['1.0.0', '1.1.0', '2.0.0', 'latest', 'edge'];
    await pushIndex(registry.host, 'acme/paged', tags, ['linux/amd64']);
    const client = new OciClient();
    expect((await client.listTags(`${registry.host}/acme/paged`, 2)).sort()).toEqual([...tags].sort());
    expect(await client.listTags(`${registry.host}/acme/never-pushed`)).toEqual([]);
  });
});

describe('manifests keep their exact bytes', () => {
  it('reads back what was written, byte for byte, with the digest of those bytes', async () => {
    const index = await pushIndex(registry.host, 'acme/bytes', ['built'], BOTH);
    const client = new OciClient();
    const stored = await client.getManifest(`${registry.host}/acme/bytes`, index);
    const spaced = new TextEncoder().encode(`${JSON.stringify(stored!.json, null, 3)}\n`) as Uint8Array<ArrayBuffer>;
    const digest = await client.putManifest(`${registry.host}/acme/bytes`, 'spaced', spaced, OCI_INDEX);
    const again = await client.getManifest(`${registry.host}/acme/bytes`, 'spaced');
    expect(Buffer.from(again!.bytes).equals(Buffer.from(spaced))).toBe(true);
    expect(again!.digest).toBe(digest);
    expect(await client.headManifest(`${registry.host}/acme/bytes`, 'spaced')).toEqual({ digest, mediaType: OCI_INDEX });
  });
});

describe('single mode and buildx-style per-platform indexes', () => {
  it('tags a build that is already a multi-platform index as it is', async () => {
    const index = await pushIndex(registry.host, 'acme/single', ['built'], BOTH);
    const repository = `${registry.host}/acme/single`;
    const [result] = await mergeImages(new OciClient(), { images: [{ repository, tags: TAGS }], platforms: BOTH, annotations: { ignored: 'yes' }, builds: [{ digest: index, platforms: BOTH }], versionTags: ['1.2.3'] });
    expect(result).toMatchObject({ digest: index, written: TAGS });
  });

  it('flattens per-platform indexes, keeping each image’s attestation manifest', async () => {
    const repository = `${registry.host}/acme/attested`;
    const client = new OciClient();
    const builds = [];
    for (const platform of BOTH) {
      // A per-platform index like buildx pushes with provenance: the image and an attestation entry.
      const digest = await pushIndex(registry.host, 'acme/attested', [`built-${platform.split('/')[1]}`], [platform], `seed ${platform}`);
      builds.push({ digest, platforms: [platform] });
    }
    const [result] = await mergeImages(client, { images: [{ repository, tags: ['1.2.3'] }], platforms: BOTH, annotations: {}, builds, versionTags: ['1.2.3'] });
    const merged = await client.getManifest(repository, '1.2.3');
    expect(merged!.digest).toBe(result!.digest);
    const children = await Promise.all(builds.map(async (b) => (await client.getManifest(repository, b.digest))!.json.manifests!));
    expect(merged!.json.manifests!.map((m) => m.digest)).toEqual(children.flat().map((m) => m.digest));
    expect(merged!.json.manifests!.map((m) => m.annotations?.['vnd.docker.reference.type'] ?? m.platform!.architecture)).toEqual(['amd64', 'attestation-manifest', 'arm64', 'attestation-manifest']);
  });
});

describe('token auth for pushes (the ghcr.io / Docker Hub flow)', () => {
  const basic = `Basic ${Buffer.from('ci:ghp_push').toString('base64')}`;
  let tokens: Awaited<ReturnType<typeof startTokenServer>>;
  let tokenRegistry: LocalRegistry;
  beforeAll(async () => {
    tokens = await startTokenServer((req) => req.authorization === basic);
    tokenRegistry = await startRegistry(tokens.auth);
  });
  afterAll(async () => {
    await tokenRegistry?.stop();
    await tokens?.server.close();
  });

  it('asks the realm for pull,push with the credentials, once per repository, then mounts with pull on the source', async () => {
    const push = { authorization: `Bearer ${tokens.sign('repository:acme/app:pull,push')}` };
    const builds = [];
    for (const platform of BOTH) builds.push({ digest: await pushIndex(tokenRegistry.host, 'acme/app', [`built-${platform.split('/')[1]}`], [platform], platform, push), platforms: [platform] });
    tokens.requests.length = 0;
    const client = new OciClient({ credentials: (host) => (host === tokenRegistry.host ? { username: 'ci', password: 'ghp_push' } : undefined) });
    const images = ['acme/app', 'acme/mirror'].map((name) => ({ repository: `${tokenRegistry.host}/${name}`, tags: TAGS }));
    await mergeImages(client, { images, platforms: BOTH, annotations: {}, builds, versionTags: ['1.2.3'] });
    const scopes = tokens.requests.map((r) => r.scope).sort();
    // One token per repository and access; the copy reads its source with pull only.
    expect(scopes).toEqual(['repository:acme/app:pull', 'repository:acme/app:pull,push', 'repository:acme/mirror:pull,push', 'repository:acme/mirror:pull,push repository:acme/app:pull']);
    expect(tokens.requests.every((r) => r.authorization === basic && r.service === 'tagship-test-registry')).toBe(true);
    expect((await client.headManifest(`${tokenRegistry.host}/acme/mirror`, 'latest'))?.mediaType).toBe(OCI_INDEX);
  });

  it('says what to give it when the realm refuses a push token', async () => {
    const client = new OciClient();
    await expect(client.putManifest(`${tokenRegistry.host}/acme/app`, 'nope', new TextEncoder().encode('{}') as Uint8Array<ArrayBuffer>, OCI_INDEX)).rejects.toThrow(
      `Registry ${tokenRegistry.host} refused a push token for acme/app (HTTP 401). Give tagship credentials for ${tokenRegistry.host} in the registry-credentials input.`,
    );
  });

  it('fetches a new token when the registry stops accepting the cached one', async () => {
    const client = new OciClient({ credentials: () => ({ username: 'ci', password: 'ghp_push' }) });
    const repository = `${tokenRegistry.host}/acme/app`;
    await expect(client.headManifest(repository, 'latest', 'push')).resolves.toMatchObject({ mediaType: OCI_INDEX });
    const before = tokens.requests.length;
    // As if it expired: the cached token no longer grants this repository, so the registry answers 401.
    const auth = (client as unknown as { auth: { cache: Map<string, string> } }).auth;
    for (const key of auth.cache.keys()) auth.cache.set(key, `Bearer ${tokens.sign('repository:other/repo:pull')}`);
    await expect(client.headManifest(repository, 'latest', 'push')).resolves.toMatchObject({ mediaType: OCI_INDEX });
    expect(tokens.requests.length).toBe(before + 1);
  });
});


describe('blob uploads', () => {
  it('report progress at every tenth of a large blob, and the registry holds every byte', async () => {
    const bytes = new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 251) as Uint8Array<ArrayBuffer>;
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const progress: string[] = [];
    const client = new OciClient({ onProgress: (p) => progress.push(describeProgress(p)) });
    const repository = `${registry.host}/acme/blobs`;
    await client.uploadBlob(repository, digest, await client.startUpload(repository, digest), bytes);
    expect(progress).toHaveLength(10);
    expect(progress.at(-1)).toBe('100% (2.0 MiB of 2.0 MiB) sent');
    expect(Buffer.from(await client.getBlob(repository, digest)).equals(Buffer.from(bytes))).toBe(true);
  });
});
