import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImages } from '../../src/verify/images.js';
import { OciClient } from '../../src/oci/client.js';
import { parseImageName } from '../../src/oci/names.js';
import { pushIndex, putManifest, startRegistry, type LocalRegistry } from './support/registry.js';
import { startTokenServer } from './support/token-server.js';

let registry: LocalRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => registry?.stop());

const BOTH = ['linux/amd64', 'linux/arm64'];

describe('image indexes read back from a real registry', () => {
  it('passes when every tag resolves to one index with every platform, and reports its digest', async () => {
    const repo = `${registry.host}/acme/crawlkit`;
    const digest = await pushIndex(registry.host, 'acme/crawlkit', ['1.2.3', '1.2', '1', 'latest'], ['linux/amd64', 'linux/arm64/v8']);
    const result = await checkImages(new OciClient(), [{ repository: repo, tags: ['1.2.3', '1.2', '1', 'latest'] }], BOTH);
    expect(result.problems).toEqual([]);
    expect(result.published).toEqual([{ repository: repo, tags: ['1.2.3', '1.2', '1', 'latest'], digest, platforms: ['linux/amd64', 'linux/arm64'] }]);
  });

  it('names a missing tag, a missing platform and tags that point at different indexes', async () => {
    const repo = `${registry.host}/acme/worker`;
    const first = await pushIndex(registry.host, 'acme/worker', ['2.0.0', 'latest'], ['linux/amd64']);
    const second = await pushIndex(registry.host, 'acme/worker', ['2.0'], ['linux/amd64', 'linux/arm64'], 'other build');
    const result = await checkImages(new OciClient(), [{ repository: repo, tags: ['2.0.0', '2.0', '2', 'latest'] }], BOTH);
    expect(result.published).toEqual([]);
    expect(result.problems).toEqual([
      `${repo}:2.0.0 lacks linux/arm64 (has linux/amd64)`,
      `${repo}:2 does not exist`,
      `${repo}:latest lacks linux/arm64 (has linux/amd64)`,
      `${repo}: tags point at different indexes (2.0.0, latest → ${first.slice(0, 19)}…; 2.0 → ${second.slice(0, 19)}…)`,
    ]);
  });

  it('rejects a single-platform manifest where an index was planned', async () => {
    const repo = `${registry.host}/acme/single`;
    const index = await pushIndex(registry.host, 'acme/single', ['tmp'], ['linux/amd64']);
    const manifest = await fetch(`http://${registry.host}/v2/acme/single/manifests/${index}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } }).then((r) => r.json());
    const child = await fetch(`http://${registry.host}/v2/acme/single/manifests/${manifest.manifests[0].digest}`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } }).then((r) => r.text());
    await putManifest(registry.host, 'acme/single', '3.0.0', 'application/vnd.oci.image.manifest.v1+json', child);
    const result = await checkImages(new OciClient(), [{ repository: repo, tags: ['3.0.0'] }], BOTH);
    expect(result.problems).toEqual([`${repo}:3.0.0 is a single-platform manifest (application/vnd.oci.image.manifest.v1+json), not an index of linux/amd64, linux/arm64`]);
  });
});

describe('image names', () => {
  it.each([
    ['docker.io/acme/app', 'registry-1.docker.io', 'acme/app'],
    ['nginx', 'registry-1.docker.io', 'library/nginx'],
    ['ghcr.io/acme/app', 'ghcr.io', 'acme/app'],
    ['127.0.0.1:5000/app', '127.0.0.1:5000', 'app'],
  ])('%s → %s / %s', (name, host, path) => {
    expect(parseImageName(name)).toEqual({ host, path });
  });
});

describe('a registry that asks for credentials', () => {
  const auth = { username: 'ci', password: 'registry-test-password' };
  let locked: LocalRegistry;
  beforeAll(async () => {
    locked = await startRegistry(auth);
  });
  afterAll(async () => locked?.stop());

  it('answers the challenge with the credentials it is given', async () => {
    const digest = await pushIndex(locked.host, 'acme/private', ['1.0.0'], BOTH, 'private', auth);
    const reader = new OciClient({ credentials: (host) => (host === locked.host ? auth : undefined) });
    await expect(reader.getManifest(`${locked.host}/acme/private`, '1.0.0')).resolves.toMatchObject({ digest });
  });

  it('says what to do without them', async () => {
    await expect(new OciClient().getManifest(`${locked.host}/acme/private`, '1.0.0')).rejects.toThrow(
      new RegExp(`^Registry ${locked.host} answered HTTP 401 for ${locked.host}/acme/private:1\\.0\\.0: .*Check the image name and registry credentials\\.$`),
    );
  });
});

describe('a registry with token auth (the ghcr.io / Docker Hub flow)', () => {
  const basic = `Basic ${Buffer.from('ci:ghp_token').toString('base64')}`;
  let tokens: Awaited<ReturnType<typeof startTokenServer>>;
  let tokenRegistry: LocalRegistry;
  beforeAll(async () => {
    // Pulls of acme/public are anonymous; anything else needs credentials, as for a private package.
    tokens = await startTokenServer((req) => req.scope === 'repository:acme/public:pull' || req.authorization === basic);
    tokenRegistry = await startRegistry(tokens.auth);
  });
  afterAll(async () => {
    await tokenRegistry?.stop();
    await tokens?.server.close();
  });

  it('fetches an anonymous pull token from the realm for a public image', async () => {
    const push = { authorization: `Bearer ${tokens.sign('repository:acme/public:pull,push')}` };
    const digest = await pushIndex(tokenRegistry.host, 'acme/public', ['1.0.0'], BOTH, 'public', push);
    tokens.requests.length = 0;
    const reader = new OciClient();
    await expect(reader.getManifest(`${tokenRegistry.host}/acme/public`, '1.0.0')).resolves.toMatchObject({ digest });
    await expect(reader.getManifest(`${tokenRegistry.host}/acme/public`, 'latest')).resolves.toBeUndefined();
    // One token for both reads: it is kept per repository.
    expect(tokens.requests).toEqual([{ scope: 'repository:acme/public:pull', service: 'tagship-test-registry' }]);
  });

  it('sends credentials to the realm for a private image, and says so when it has none', async () => {
    const push = { authorization: `Bearer ${tokens.sign('repository:acme/private:pull,push')}` };
    const digest = await pushIndex(tokenRegistry.host, 'acme/private', ['1.0.0'], BOTH, 'private', push);
    const withCredentials = new OciClient({ credentials: () => ({ username: 'ci', password: 'ghp_token' }) });
    await expect(withCredentials.getManifest(`${tokenRegistry.host}/acme/private`, '1.0.0')).resolves.toMatchObject({ digest });
    expect(tokens.requests.at(-1)).toEqual({ scope: 'repository:acme/private:pull', service: 'tagship-test-registry', authorization: basic });
    await expect(new OciClient().getManifest(`${tokenRegistry.host}/acme/private`, '1.0.0')).rejects.toThrow(
      `Registry ${tokenRegistry.host} refused a pull token for acme/private (HTTP 401). For a private image, give tagship the registry credentials.`,
    );
  });
});
