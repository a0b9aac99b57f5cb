import { UserError } from '../errors.js';
import { ManifestChangedError, type Bytes, type Descriptor, type ManifestJson, type OciClient } from './client.js';
import { OCI_INDEX, OCI_MANIFEST, sha256Digest } from './media-types.js';

/**
 * Artifacts attached to an image (signatures, attestations) the OCI 1.1 way: an image manifest whose
 * `subject` is the image, found again through the registry's referrers API or, on a registry without
 * one, through the index its pushers keep under the referrers tag `sha256-<hex>`.
 *
 * Taken from (read at the source, not guessed):
 * - OCI distribution-spec 1.1 (opencontainers/distribution-spec spec.md): "Pushing Manifests with
 *   Subject" — a registry with the referrers API answers the push with `OCI-Subject`; without it the
 *   client pulls the referrers tag (404: start with an empty index; anything but an OCI index: report a
 *   failure), adds no duplicate, appends a descriptor carrying the manifest's `artifactType` (else the
 *   config's media type) and ALL its annotations, and pushes the tag back, MAY be conditional (If-Match).
 *   "Listing Referrers": 200 with an OCI index; a registry with the API never answers 404; a 404 sends
 *   the client to the referrers tag. "Referrers Tag Schema": `<alg>-<hex>`.
 * - go-containerregistry pkg/v1/remote (what cosign pushes and reads with): `fetchReferrers` treats 404,
 *   400, 406 or a 200 that is not an OCI index as "no API" and reads the tag; `commitSubjectReferrers`
 *   checks the API after the push even when the header came back.
 * - sigstore-js packages/oci image.ts (`addArtifact`): the empty `{}` config as
 *   `application/vnd.oci.empty.v1+json`, one layer, `artifactType` = the layer's media type, and a
 *   ping of the referrers API because some registries (ECR) send `OCI-Subject` without having it.
 *
 * Debian's docker-registry (distribution 2.8.2), measured: it stores such a manifest byte for byte
 * (subject, artifactType, empty config), sends no `OCI-Subject`, answers the referrers path with a
 * plain-text 404, ignores If-Match (hence the read-back after each write of the tag), and refuses an
 * index listing a manifest the repository lacks (MANIFEST_BLOB_UNKNOWN): the artifact goes first.
 */

export const EMPTY_CONFIG_TYPE = 'application/vnd.oci.empty.v1+json';
/** The empty config: `{}` (OCI image-spec "Guidance for an Empty Descriptor"). */
export const EMPTY_CONFIG = new TextEncoder().encode('{}') as Bytes;

/** The referrers tag of a digest: `sha256:abc…` → `sha256-abc…`. */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-');
}

/** What an attached artifact is: one layer of `layerMediaType`, described by `artifactType` and annotations. */
export interface Artifact {
  artifactType: string;
  layerMediaType: string;
  layer: Bytes;
  annotations: Record<string, string>;
}

export interface Referrers {
  /** `api`: the registry's referrers API answered; `tag`: read from the referrers tag (none there: empty). */
  via: 'api' | 'tag';
  manifests: Descriptor[];
}

/** Everything attached to `digest` in `repository`, whichever way the registry keeps the list. */
export async function listReferrers(client: OciClient, repository: string, digest: string, access: 'pull' | 'push' = 'pull'): Promise<Referrers> {
  const listed = await client.listReferrers(repository, digest, access);
  if (listed) return { via: 'api', manifests: listed };
  const index = await readTagIndex(client, repository, digest, access);
  return { via: 'tag', manifests: index?.json.manifests ?? [] };
}

/** The referrer manifest for `artifact` on `subject`, serialised once: its bytes name it. */
export function referrerManifest(subject: Descriptor, artifact: Artifact, layerDigest: string): ManifestJson {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: artifact.artifactType,
    config: { mediaType: EMPTY_CONFIG_TYPE, digest: sha256Digest(EMPTY_CONFIG), size: EMPTY_CONFIG.length },
    layers: [{ mediaType: artifact.layerMediaType, digest: layerDigest, size: artifact.layer.length }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: artifact.annotations,
  };
}

export interface Attached {
  /** The referrer manifest's digest. */
  digest: string;
  via: 'api' | 'tag';
}

/**
 * Pushes `artifact` as a referrer of `subject`: the config and layer blobs, then the manifest by digest,
 * then — when the registry did not index it — the referrers tag, read, extended and written back. The
 * artifact exists before any list names it, so a reader never follows an entry to nothing.
 */
export async function attachArtifact(client: OciClient, repository: string, subject: Descriptor, artifact: Artifact): Promise<Attached> {
  await client.pushBlob(repository, EMPTY_CONFIG);
  const layerDigest = await client.pushBlob(repository, artifact.layer);
  const manifest = referrerManifest(subject, artifact, layerDigest);
  const bytes = new TextEncoder().encode(JSON.stringify(manifest)) as Bytes;
  const digest = sha256Digest(bytes);
  await client.writeManifest(repository, digest, bytes, OCI_MANIFEST);
  // `OCI-Subject` alone is not proof (sigstore-js: ECR sends it without having the API), and its
  // absence is not either (go-containerregistry asks the API regardless): the API decides.
  if (await client.listReferrers(repository, subject.digest, 'push')) return { digest, via: 'api' };
  const entry: Descriptor = { mediaType: OCI_MANIFEST, digest, size: bytes.length, artifactType: artifact.artifactType, annotations: artifact.annotations };
  await addToTagIndex(client, repository, subject.digest, entry);
  return { digest, via: 'tag' };
}

/** Attempts at the read-modify-write of the referrers tag before giving up on concurrent writers. */
const TAG_ATTEMPTS = 5;

/**
 * Adds `entry` to the referrers tag of `subject`: read (404: empty), leave alone when listed, append,
 * write with If-Match on what was read, then read back. A registry enforcing If-Match answers 412 to a
 * lost race; one ignoring it (distribution 2.8) may let a concurrent pusher's list replace ours, which
 * the read-back sees: then the list is merged again. Entries of others are never dropped by us.
 */
export async function addToTagIndex(client: OciClient, repository: string, subject: string, entry: Descriptor): Promise<void> {
  const tag = referrersTag(subject);
  for (let attempt = 1; attempt <= TAG_ATTEMPTS; attempt++) {
    const current = await readTagIndex(client, repository, subject, 'push');
    const manifests = current?.json.manifests ?? [];
    if (manifests.some((m) => m.digest === entry.digest)) return;
    const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...manifests, entry] };
    const bytes = new TextEncoder().encode(JSON.stringify(index)) as Bytes;
    try {
      await client.writeManifest(repository, tag, bytes, OCI_INDEX, current?.etag ? { ifMatch: current.etag } : {});
    } catch (error) {
      if (error instanceof ManifestChangedError) continue;
      throw error;
    }
    const after = await readTagIndex(client, repository, subject, 'push');
    if (after?.json.manifests?.some((m) => m.digest === entry.digest)) return;
  }
  throw new UserError(`${repository}: the referrers tag ${tag} kept changing under concurrent pushes (${TAG_ATTEMPTS} attempts): re-run; what is attached is kept.`);
}

async function readTagIndex(client: OciClient, repository: string, subject: string, access: 'pull' | 'push') {
  const tag = referrersTag(subject);
  const found = await client.getManifest(repository, tag, access);
  if (!found) return undefined;
  if (found.mediaType !== OCI_INDEX || !Array.isArray(found.json.manifests)) {
    throw new UserError(`${repository}:${tag} should hold the OCI index of what refers to ${subject}, but holds ${found.mediaType || 'something else'}: remove that tag (or move what is there) and re-run.`);
  }
  return found;
}
