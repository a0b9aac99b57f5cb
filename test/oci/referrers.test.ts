import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeps, type HttpDeps } from '../../src/net/http.js';
import { OciClient, type Bytes, type Descriptor } from '../../src/oci/client.js';
import { OCI_INDEX, OCI_MANIFEST, sha256Digest } from '../../src/oci/media-types.js';
import { attachArtifact, EMPTY_CONFIG_TYPE, listReferrers, referrersTag, type Artifact } from '../../src/oci/referrers.js';
import { pushIndex, putManifest, startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { startReferrersRegistry, type ReferrersRegistry } from './support/referrers-registry.js';

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const encode = (text: string) => new TextEncoder().encode(text) as Bytes;

function artifact(text: string, predicateType: string): Artifact {
  return { artifactType: BUNDLE, layerMediaType: BUNDLE, layer: encode(text), annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': predicateType } };
}

async function subjectOf(client: OciClient, repository: string, digest: string): Promise<Descriptor> {
  const stored = await client.getManifest(repository, digest);
  return { mediaType: stored!.mediaType, digest, size: stored!.bytes.length };
}

/** A manifest the repository has (an image of the index): what distribution 2.8 lets an index list. */
async function someManifest(client: OciClient, repository: string, index: string): Promise<Descriptor> {
  const { mediaType, digest, size } = (await client.getManifest(repository, index))!.json.manifests![0]!;
  return { mediaType, digest, size };
}

/** Reads over the distribution API with plain fetch, as any other client would. */
async function get(host: string, path: string, accept = `${OCI_INDEX}, ${OCI_MANIFEST}`): Promise<Response> {
  return fetch(`http://${host}/v2/${path}`, { headers: { accept } });
}

let registry: LocalRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => registry?.stop());

describe('a registry without the referrers API (Debian docker-registry 2.8)', () => {
  it('stores the artifact manifest with subject, artifactType and empty config, and lists it under the referrers tag', async () => {
    const index = await pushIndex(registry.host, 'acme/signed', ['1.0.0'], ['linux/amd64', 'linux/arm64']);
    const repository = `${registry.host}/acme/signed`;
    const client = new OciClient();
    const subject = await subjectOf(client, repository, index);
    const signature = await attachArtifact(client, repository, subject, artifact('{"signature":1}', 'https://sigstore.dev/cosign/sign/v1'));
    const provenance = await attachArtifact(client, repository, subject, artifact('{"provenance":1}', 'https://slsa.dev/provenance/v1'));
    expect(signature.via).toBe('tag');
    expect(provenance.via).toBe('tag');

    // The registry has no referrers API: the spec's fallback is what any reader finds.
    expect((await get(registry.host, `acme/signed/referrers/${index}`)).status).toBe(404);
    const tag = await get(registry.host, `acme/signed/manifests/${referrersTag(index)}`);
    expect(tag.headers.get('content-type')).toBe(OCI_INDEX);
    const list = (await tag.json()) as { mediaType: string; manifests: Descriptor[] };
    expect(list.mediaType).toBe(OCI_INDEX);
    expect(list.manifests.map((m) => [m.digest, m.artifactType, m.annotations?.['dev.sigstore.bundle.predicateType']])).toEqual([
      [signature.digest, BUNDLE, 'https://sigstore.dev/cosign/sign/v1'],
      [provenance.digest, BUNDLE, 'https://slsa.dev/provenance/v1'],
    ]);

    const manifest = await get(registry.host, `acme/signed/manifests/${provenance.digest}`, OCI_MANIFEST);
    const bytes = Buffer.from(await manifest.arrayBuffer());
    expect(sha256Digest(bytes)).toBe(provenance.digest);
    const json = JSON.parse(bytes.toString());
    expect(json).toMatchObject({ mediaType: OCI_MANIFEST, artifactType: BUNDLE, config: { mediaType: EMPTY_CONFIG_TYPE, size: 2 }, subject, layers: [{ mediaType: BUNDLE }] });
    expect(await (await fetch(`http://${registry.host}/v2/acme/signed/blobs/${json.config.digest}`)).text()).toBe('{}');
    expect(await (await fetch(`http://${registry.host}/v2/acme/signed/blobs/${json.layers[0].digest}`)).text()).toBe('{"provenance":1}');

    await expect(listReferrers(client, repository, index)).resolves.toEqual({ via: 'tag', manifests: list.manifests });
    // The image's own tag is untouched.
    expect((await client.headManifest(repository, '1.0.0'))?.digest).toBe(index);
  });

  it('adds nothing twice and keeps what others listed', async () => {
    const index = await pushIndex(registry.host, 'acme/twice', ['1.0.0'], ['linux/amd64']);
    const repository = `${registry.host}/acme/twice`;
    const client = new OciClient();
    const subject = await subjectOf(client, repository, index);
    // distribution 2.8 accepts an index only when the manifests it lists are in the repository.
    const other = { ...(await someManifest(client, repository, index)), artifactType: 'application/spdx+json' };
    await putManifest(registry.host, 'acme/twice', referrersTag(index), OCI_INDEX, JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [other] }));
    const first = await attachArtifact(client, repository, subject, artifact('same', 'https://slsa.dev/provenance/v1'));
    const again = await attachArtifact(client, repository, subject, artifact('same', 'https://slsa.dev/provenance/v1'));
    expect(again.digest).toBe(first.digest);
    const { manifests } = await listReferrers(client, repository, index);
    expect(manifests.map((m) => m.digest)).toEqual([other.digest, first.digest]);
  });

  it('merges again when another pusher replaced the list right after its write (the registry ignores If-Match)', async () => {
    const index = await pushIndex(registry.host, 'acme/raced', ['1.0.0'], ['linux/amd64']);
    const repository = `${registry.host}/acme/raced`;
    const intruder = { ...(await someManifest(new OciClient(), repository, index)), artifactType: 'application/vnd.example' };
    let raced = false;
    const deps: HttpDeps = {
      ...defaultDeps,
      fetch: async (url, init) => {
        const response = await defaultDeps.fetch(url, init);
        if (!raced && init?.method === 'PUT' && String(url).endsWith(`/manifests/${referrersTag(index)}`)) {
          raced = true;
          // Another pusher read the list before our write and writes its own over it.
          await putManifest(registry.host, 'acme/raced', referrersTag(index), OCI_INDEX, JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [intruder] }));
        }
        return response;
      },
    };
    const client = new OciClient({ deps });
    const attached = await attachArtifact(client, repository, await subjectOf(client, repository, index), artifact('raced', 'https://slsa.dev/provenance/v1'));
    expect(raced).toBe(true);
    const { manifests } = await listReferrers(new OciClient(), repository, index);
    expect(manifests.map((m) => m.digest)).toEqual([intruder.digest, attached.digest]);
  });

  it('refuses to overwrite a referrers tag that holds something else, in one line', async () => {
    const index = await pushIndex(registry.host, 'acme/squatted', ['1.0.0'], ['linux/amd64']);
    const repository = `${registry.host}/acme/squatted`;
    const client = new OciClient();
    const image = (await client.getManifest(repository, index))!.json.manifests![0]!;
    const child = await (await get(registry.host, `acme/squatted/manifests/${image.digest}`, OCI_MANIFEST)).text();
    await putManifest(registry.host, 'acme/squatted', referrersTag(index), OCI_MANIFEST, child);
    await expect(attachArtifact(client, repository, await subjectOf(client, repository, index), artifact('x', 'https://slsa.dev/provenance/v1'))).rejects.toThrow(
      `${repository}:${referrersTag(index)} should hold the OCI index of what refers to ${index}, but holds ${OCI_MANIFEST}: remove that tag (or move what is there) and re-run.`,
    );
  });
});

describe('a registry with the referrers API', () => {
  let oci: ReferrersRegistry;
  beforeAll(async () => {
    oci = await startReferrersRegistry();
  });
  afterAll(async () => oci?.close());

  it('leaves the list to the registry: no referrers tag is written, and the API lists both', async () => {
    const repository = `${oci.host}/acme/api`;
    const client = new OciClient();
    const subjectBytes = encode(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }));
    const index = await client.putManifest(repository, '1.0.0', subjectBytes, OCI_INDEX);
    const subject = { mediaType: OCI_INDEX, digest: index, size: subjectBytes.length };
    const signature = await attachArtifact(client, repository, subject, artifact('sig', 'https://sigstore.dev/cosign/sign/v1'));
    const provenance = await attachArtifact(client, repository, subject, artifact('prov', 'https://slsa.dev/provenance/v1'));
    expect([signature.via, provenance.via]).toEqual(['api', 'api']);
    expect(oci.requests.filter((r) => r.includes(referrersTag(index)))).toEqual([]);

    const answer = await get(oci.host, `acme/api/referrers/${index}`);
    expect(answer.status).toBe(200);
    const listed = (await answer.json()) as { manifests: Descriptor[] };
    expect(listed.manifests.map((m) => m.digest).sort()).toEqual([signature.digest, provenance.digest].sort());
    const found = await listReferrers(client, repository, index);
    expect(found.via).toBe('api');
    expect(found.manifests.map((m) => m.annotations?.['dev.sigstore.bundle.predicateType']).sort()).toEqual(['https://sigstore.dev/cosign/sign/v1', 'https://slsa.dev/provenance/v1']);
  });
});

describe('a registry without the API that honours If-Match', () => {
  let strict: ReferrersRegistry;
  beforeAll(async () => {
    strict = await startReferrersRegistry({ referrersApi: false });
  });
  afterAll(async () => strict?.close());

  it('writes the tag conditionally and, answered 412, reads and merges again', async () => {
    const repository = `${strict.host}/acme/strict`;
    const setup = new OciClient();
    const subjectBytes = encode(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [], annotations: { n: 'strict' } }));
    const index = await setup.putManifest(repository, '1.0.0', subjectBytes, OCI_INDEX);
    const subject = { mediaType: OCI_INDEX, digest: index, size: subjectBytes.length };
    await attachArtifact(setup, repository, subject, artifact('first', 'https://sigstore.dev/cosign/sign/v1'));
    const intruder = { mediaType: OCI_MANIFEST, digest: `sha256:${'c'.repeat(64)}`, size: 10, artifactType: 'application/vnd.example' };
    let raced = false;
    const deps: HttpDeps = {
      ...defaultDeps,
      fetch: async (url, init) => {
        if (!raced && init?.method === 'PUT' && String(url).endsWith(`/manifests/${referrersTag(index)}`)) {
          raced = true;
          // Between our read and our write, another pusher extends the list.
          const current = (await (await get(strict.host, `acme/strict/manifests/${referrersTag(index)}`)).json()) as { manifests: Descriptor[] };
          await setup.putManifest(repository, referrersTag(index), encode(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...current.manifests, intruder] })), OCI_INDEX);
        }
        return defaultDeps.fetch(url, init);
      },
    };
    const second = await attachArtifact(new OciClient({ deps }), repository, subject, artifact('second', 'https://slsa.dev/provenance/v1'));
    expect(raced).toBe(true);
    const tagWrites = strict.requests.filter((r) => r.startsWith('PUT') && r.endsWith(referrersTag(index)));
    expect(tagWrites.length).toBe(4); // first attach, the intruder, our refused write, our retry
    const { via, manifests } = await listReferrers(setup, repository, index);
    expect(via).toBe('tag');
    expect(manifests.map((m) => m.digest)).toContain(intruder.digest);
    expect(manifests.map((m) => m.digest)).toContain(second.digest);
    expect(manifests).toHaveLength(3);
  });
});
