import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDockerMerge } from '../../src/docker/merge.js';
import { OciClient, type Bytes } from '../../src/oci/client.js';
import { OCI_INDEX, OCI_MANIFEST, sha256Digest } from '../../src/oci/media-types.js';
import { startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { buildImages, inspectRaw, type BuiltImages } from './support/buildah.js';
import { mergeContext, PLATFORMS, TAGS } from './support/context.js';
import { startProxy } from './support/proxy.js';
import { dockerPlan, merge, type DockerPlanOptions } from './support.js';

/**
 * The merge as a re-run meets it: each run plans again (at its own time) and merges through a proxy
 * that counts what reaches Debian's docker-registry. Only requests that change the registry count.
 */
let registry: LocalRegistry;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let first: BuiltImages;
let rebuilt: BuiltImages;
beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startProxy(registry.host);
  first = buildImages(PLATFORMS, 'first build');
  rebuilt = buildImages(PLATFORMS, 'a different build of the same version');
}, 180_000);
afterAll(async () => {
  first?.remove();
  rebuilt?.remove();
  await proxy?.close();
  await registry?.stop();
});

const writes = () => proxy.seen.filter((r) => ['PUT', 'POST', 'PATCH', 'DELETE'].includes(r.method));
const manifestPuts = () => writes().filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'));
/** The digest a tag points at, from the bytes the registry serves for it. */
const digestOf = (ref: string) => `sha256:${createHash('sha256').update(inspectRaw(ref)).digest('hex')}`;

/**
 * What a buildx build with provenance pushes: a one-platform index of the image and an attestation
 * manifest. BuildKit's provenance records each build invocation, so `invocation` differs per build
 * while the image stays the same.
 */
async function pushAttestedBuild(repository: string, image: string, platform: string, invocation: string): Promise<string> {
  const client = new OciClient();
  const text = (value: string) => new TextEncoder().encode(value) as Bytes;
  const blob = async (bytes: Bytes) => {
    const digest = sha256Digest(bytes);
    await client.uploadBlob(repository, digest, await client.startUpload(repository, digest), bytes);
    return { digest, size: bytes.length };
  };
  const provenance = await blob(text(JSON.stringify({ predicateType: 'https://slsa.dev/provenance/v0.2', predicate: { metadata: { buildInvocationID: invocation } } })));
  const attestation = text(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...(await blob(text('{}'))) }, layers: [{ mediaType: 'application/vnd.in-toto+json', ...provenance }] }),
  );
  const attestationDigest = await client.putManifest(repository, sha256Digest(attestation), attestation, OCI_MANIFEST);
  const manifest = (await client.getManifest(repository, image))!;
  const [os, architecture] = platform.split('/');
  const index = text(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { mediaType: manifest.mediaType, digest: image, size: manifest.bytes.length, platform: { os, architecture } },
        { mediaType: OCI_MANIFEST, digest: attestationDigest, size: attestation.length, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.digest': image, 'vnd.docker.reference.type': 'attestation-manifest' } },
      ],
    }),
  );
  return client.putManifest(repository, sha256Digest(index), index, OCI_INDEX);
}

/** The docker-merge step a run of `options` plans at `now`, for `repository` (behind the proxy). */
function plannedMerge(repository: string, now: string, options: DockerPlanOptions = {}) {
  return merge(dockerPlan({ ...options, now: new Date(now), config: `docker:\n  images: [${proxy.host}/${repository}]\n` }))!;
}

describe('re-running the merge against a real registry', () => {
  it('the same builds merged by a later run write nothing: every tag, 1.2.3 included, stays at its first digest', async () => {
    first.pushByDigest(registry.host, 'acme/rerun');
    const repository = `${proxy.host}/acme/rerun`;
    proxy.seen.length = 0;
    const run1 = await executeDockerMerge(plannedMerge('acme/rerun', '2026-11-23T08:00:00Z'), mergeContext(first.digests).ctx);
    expect(run1.status).toBe('done');
    expect(manifestPuts().map((r) => r.path.split('/').at(-1))).toEqual(TAGS);
    const digest = (run1.produced!.digests as Record<string, string>)[repository]!;

    proxy.seen.length = 0;
    const later = mergeContext(first.digests);
    const run2 = await executeDockerMerge(plannedMerge('acme/rerun', '2026-11-24T17:45:00Z'), later.ctx);
    expect(run2.status).toBe('unchanged');
    expect(manifestPuts()).toEqual([]);
    expect(writes()).toEqual([]);
    expect(run2.detail).toBe(`${repository}@${digest}: already in place 1.2.3, 1.2, 1, latest`);
    const index = JSON.parse(inspectRaw(`${registry.host}/acme/rerun:1.2.3`)) as { annotations: Record<string, string> };
    expect(index.annotations['org.opencontainers.image.created']).toBe('2026-11-20T09:30:00Z');
  }, 60_000);

  it('a tag push whose build differs from the published 1.2.3 is refused before anything is written', async () => {
    first.pushByDigest(registry.host, 'acme/immutable');
    const repository = `${proxy.host}/acme/immutable`;
    const published = await executeDockerMerge(plannedMerge('acme/immutable', '2026-11-23T08:00:00Z'), mergeContext(first.digests).ctx);
    const before = (published.produced!.digests as Record<string, string>)[repository]!;
    rebuilt.pushByDigest(registry.host, 'acme/immutable');

    proxy.seen.length = 0;
    const retry = plannedMerge('acme/immutable', '2026-11-24T17:45:00Z');
    await expect(executeDockerMerge(retry, mergeContext(rebuilt.digests).ctx)).rejects.toThrow(
      new RegExp(
        `^This version is already published: ${repository.replace(/\./g, '\\.')}:1\\.2\\.3 at ${before}, and this run's images are sha256:[0-9a-f]{64}\\. Only a docker-rebuild moves a version tag: push docker-rebuild-v1\\.2\\.3 to replace it\\. Nothing was written\\.$`,
      ),
    );
    expect(writes()).toEqual([]);
    for (const tag of TAGS) expect(digestOf(`${registry.host}/acme/immutable:${tag}`)).toBe(before);
  }, 60_000);

  it('a docker-rebuild moves 1.2.3 to the new build and says from which digest to which', async () => {
    first.pushByDigest(registry.host, 'acme/rebuilt');
    const repository = `${proxy.host}/acme/rebuilt`;
    const published = await executeDockerMerge(plannedMerge('acme/rebuilt', '2026-11-23T08:00:00Z'), mergeContext(first.digests).ctx);
    const before = (published.produced!.digests as Record<string, string>)[repository]!;
    rebuilt.pushByDigest(registry.host, 'acme/rebuilt');

    proxy.seen.length = 0;
    const { ctx, lines } = mergeContext(rebuilt.digests);
    const outcome = await executeDockerMerge(plannedMerge('acme/rebuilt', '2026-11-24T17:45:00Z', { kind: 'docker-rebuild' }), ctx);
    const after = (outcome.produced!.digests as Record<string, string>)[repository]!;
    expect(after).not.toBe(before);
    expect(outcome.status).toBe('done');
    expect(outcome.detail).toBe(`${repository}@${after}: wrote 1.2.3, 1.2, 1, latest; moved 1.2.3 from ${before} to ${after}`);
    expect(lines).toContain(`  ↻ ${repository}:1.2.3 moved from ${before} to ${after} (docker-rebuild)`);
    expect(manifestPuts().map((r) => r.path.split('/').at(-1))).toEqual(TAGS);
    for (const tag of TAGS) expect(digestOf(`${registry.host}/acme/rebuilt:${tag}`)).toBe(after);
  }, 60_000);

  it('the same images rebuilt with new provenance: the published index is kept and nothing is written', async () => {
    first.pushByDigest(registry.host, 'acme/attested');
    // One platform after the other: both push the same empty config blob, and two concurrent uploads of
    // one blob can race in the registry's filesystem storage (DIGEST_INVALID under load).
    const attested = async (invocation: string) => {
      const digests: Record<string, string> = {};
      for (const p of PLATFORMS) digests[p] = await pushAttestedBuild(`${registry.host}/acme/attested`, first.digests[p]!, p, invocation);
      return digests;
    };
    const repository = `${proxy.host}/acme/attested`;
    const published = await executeDockerMerge(plannedMerge('acme/attested', '2026-11-23T08:00:00Z'), mergeContext(await attested('run 1')).ctx);
    const before = (published.produced!.digests as Record<string, string>)[repository]!;

    const again = await attested('run 2, every job re-run');
    proxy.seen.length = 0;
    const { ctx, lines } = mergeContext(again);
    const outcome = await executeDockerMerge(plannedMerge('acme/attested', '2026-11-24T17:45:00Z'), ctx);
    expect(outcome.status).toBe('unchanged');
    expect(writes()).toEqual([]);
    expect(outcome.detail).toBe(`${repository}@${before}: already in place 1.2.3, 1.2, 1, latest`);
    expect(lines).toContain(`  = ${repository}:1.2.3 already points at ${before}, which holds the same images (only attestations differ): kept`);
    for (const tag of TAGS) expect(digestOf(`${registry.host}/acme/attested:${tag}`)).toBe(before);
  }, 60_000);
});
