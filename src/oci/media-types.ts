import { createHash } from 'node:crypto';

/** Manifest media types: multi-platform indexes and single-platform image manifests, OCI and Docker. */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

export const INDEX_TYPES = [OCI_INDEX, DOCKER_MANIFEST_LIST];
export const MANIFEST_TYPES = [OCI_MANIFEST, DOCKER_MANIFEST];
/** What manifest requests accept: every kind, so the registry never converts (the digest is of the bytes). */
export const MANIFEST_ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');

export function isIndexType(mediaType: string): boolean {
  return INDEX_TYPES.includes(mediaType);
}

/** The content digest registries use: `sha256:` and the hex of the exact bytes. */
export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
