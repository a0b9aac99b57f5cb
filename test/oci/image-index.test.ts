import { describe, expect, it } from 'vitest';
import type { Descriptor } from '../../src/oci/client.js';
import { buildIndex } from '../../src/oci/image-index.js';

const d = (n: string) => `sha256:${n.repeat(64)}`;
const amd64: Descriptor = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: d('a'), size: 500, platform: { os: 'linux', architecture: 'amd64' } };
const arm64: Descriptor = { size: 501, platform: { variant: 'v8', architecture: 'arm64', os: 'linux' }, digest: d('b'), mediaType: 'application/vnd.oci.image.manifest.v1+json' };
const attestation: Descriptor = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: d('c'),
  size: 800,
  platform: { os: 'unknown', architecture: 'unknown' },
  annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': d('a') },
};

describe('the assembled index', () => {
  it('is the same bytes for the same builds and annotations, whatever order their keys came in', () => {
    const first = buildIndex([amd64, attestation, arm64], { 'org.opencontainers.image.version': '1.2.3', 'org.opencontainers.image.revision': 'abc' });
    const reordered = buildIndex([{ ...amd64 }, { ...attestation, annotations: { ...attestation.annotations } }, { ...arm64 }], {
      'org.opencontainers.image.revision': 'abc',
      'org.opencontainers.image.version': '1.2.3',
    });
    expect(Buffer.from(reordered.bytes).toString()).toBe(Buffer.from(first.bytes).toString());
    expect(reordered.digest).toBe(first.digest);
    expect(first.platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('is an OCI index listing every entry, attestations included, with the annotations', () => {
    const index = JSON.parse(Buffer.from(buildIndex([amd64, attestation], { a: '1' }).bytes).toString());
    expect(index).toEqual({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [amd64, attestation], annotations: { a: '1' } });
    expect(JSON.parse(Buffer.from(buildIndex([amd64]).bytes).toString())).not.toHaveProperty('annotations');
  });

  it('changes digest when an annotation or a build changes', () => {
    const base = buildIndex([amd64, arm64], { v: '1' }).digest;
    expect(buildIndex([amd64, arm64], { v: '2' }).digest).not.toBe(base);
    expect(buildIndex([amd64, { ...arm64, digest: d('e') }], { v: '1' }).digest).not.toBe(base);
  });
});
