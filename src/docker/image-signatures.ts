import type { Bytes, OciClient } from '../oci/client.js';
import { listReferrers, type Artifact } from '../oci/referrers.js';
import { inTotoStatement, SLSA_PROVENANCE_V1, type InTotoStatement, type RunIdentity } from '../sigstore/statement.js';
import { slsaProvenancePredicate } from '../sigstore/statement.js';

/**
 * Signatures and provenance on an image index, stored the way cosign 3 stores them (its "new bundle
 * format": `cosign attest` since v2.5, `cosign sign` since v2.6, the default since v3), so `cosign
 * verify` and `cosign verify-attestation` find and accept them. Read in sigstore/cosign:
 * - doc/cosign_bundle.md ("Cosign Bundle Specification"): the layout below, and retrieval through the
 *   referrers API with the referrers tag as the fallback on a 404.
 * - cmd/cosign/cli/sign/sign.go `signDigestBundle`: `cosign sign` signs an in-toto v1 statement whose
 *   subject is the image digest, predicate type `https://sigstore.dev/cosign/sign/v1`, predicate `{}`,
 *   as a DSSE envelope in a Sigstore bundle v0.3; `cosign attest` the same with the user's predicate.
 * - pkg/oci/remote/write.go `WriteAttestationNewBundleFormat` / `WriteReferrer`: each bundle is one layer
 *   of media type `application/vnd.dev.sigstore.bundle.v0.3+json` in an OCI image manifest with the
 *   empty config, `artifactType` = that media type, `subject` = the image, and the annotations
 *   `dev.sigstore.bundle.content: dsse-envelope`, `dev.sigstore.bundle.predicateType: <type>` and
 *   `org.opencontainers.image.created`. Pushed with go-containerregistry, which keeps the referrers tag
 *   on registries without the referrers API (see src/oci/referrers.ts).
 * - pkg/cosign/verify.go `GetBundles`: verify lists the referrers of the digest (API or tag), reads every
 *   manifest with exactly one layer whose media type starts with `application/vnd.dev.sigstore.bundle`,
 *   and verifies each bundle against the digest (`WithArtifactDigest`): the statement's subject DIGEST
 *   is what binds it to the image, its name is informational. verify-attestation then filters on
 *   `--type` (the predicate type).
 */

export const COSIGN_SIGN_V1 = 'https://sigstore.dev/cosign/sign/v1';
export const SIGSTORE_BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
export const BUNDLE_PREDICATE_TYPE_ANNOTATION = 'dev.sigstore.bundle.predicateType';

/** What each pushed index gets: cosign's signature statement, then SLSA build provenance. */
export const IMAGE_PREDICATE_TYPES = [COSIGN_SIGN_V1, SLSA_PROVENANCE_V1] as const;

export const describePredicate = (predicateType: string) => (predicateType === COSIGN_SIGN_V1 ? 'signature' : predicateType === SLSA_PROVENANCE_V1 ? 'SLSA provenance' : predicateType);

/** `sha256:<hex>` → `{ sha256: <hex> }` */
export function digestMap(digest: string): Record<string, string> {
  const [algorithm, hex] = digest.split(':');
  return { [algorithm!]: hex! };
}

/**
 * The statement for `repository@digest`: subject named by the image (as actions/attest-build-provenance
 * names pushed images: registry/name, no tag) with the index digest.
 */
export function imageStatement(repository: string, digest: string, predicateType: string, run: RunIdentity): InTotoStatement {
  const predicate = predicateType === SLSA_PROVENANCE_V1 ? slsaProvenancePredicate(run) : {};
  return inTotoStatement([{ name: repository, digest: digestMap(digest) }], predicateType, predicate);
}

/** A signed bundle as the referrer artifact cosign pushes. */
export function bundleArtifact(bundle: unknown, predicateType: string, created: Date): Artifact {
  return {
    artifactType: SIGSTORE_BUNDLE_V03,
    layerMediaType: SIGSTORE_BUNDLE_V03,
    layer: new TextEncoder().encode(JSON.stringify(bundle)) as Bytes,
    annotations: {
      [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
      [BUNDLE_PREDICATE_TYPE_ANNOTATION]: predicateType,
      // Seconds, as cosign writes it (RFC 3339, UTC).
      'org.opencontainers.image.created': created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  };
}

/** A Sigstore bundle found attached to an image. */
export interface AttachedBundle {
  /** The referrer manifest's digest. */
  referrer: string;
  /** From the signed statement (the annotation is not signed); undefined when the envelope is unreadable. */
  predicateType?: string;
  /** Subject digests of the signed statement. */
  subjectDigests: string[];
  bundle: unknown;
}

export interface AttachedBundles {
  via: 'api' | 'tag';
  bundles: AttachedBundle[];
  /** Referrers that claim to be bundles but could not be read (one line each). */
  unreadable: string[];
}

/**
 * Every Sigstore bundle attached to `repository@digest`, found as cosign finds them: the referrers
 * (API, else tag), each manifest with one bundle layer. Other referrers (SBOMs, old-style signatures)
 * are not bundles and are passed over.
 */
export async function attachedBundles(client: OciClient, repository: string, digest: string, access: 'pull' | 'push' = 'pull'): Promise<AttachedBundles> {
  const { via, manifests } = await listReferrers(client, repository, digest, access);
  const bundles: AttachedBundle[] = [];
  const unreadable: string[] = [];
  for (const entry of manifests) {
    if (typeof entry.artifactType !== 'string' || !entry.artifactType.startsWith('application/vnd.dev.sigstore.bundle')) continue;
    const manifest = await client.getManifest(repository, entry.digest, access);
    const layers = manifest?.json.layers ?? [];
    if (!manifest || manifest.json.subject?.digest !== digest || layers.length !== 1 || !layers[0]!.mediaType.startsWith('application/vnd.dev.sigstore.bundle')) {
      unreadable.push(`${repository}@${entry.digest} is listed as a Sigstore bundle for ${digest} but is not one (missing, another subject, or not one bundle layer)`);
      continue;
    }
    try {
      const bundle = JSON.parse(new TextDecoder().decode(await client.getBlob(repository, layers[0]!.digest))) as unknown;
      bundles.push({ referrer: entry.digest, ...readStatement(bundle), bundle });
    } catch (error) {
      unreadable.push(`${repository}@${entry.digest}: its bundle is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { via, bundles, unreadable };
}

/** The predicate type and subject digests of a bundle's DSSE statement, without verifying anything. */
function readStatement(bundle: unknown): { predicateType?: string; subjectDigests: string[] } {
  try {
    const payload = (bundle as { dsseEnvelope?: { payload?: string } }).dsseEnvelope?.payload;
    const statement = JSON.parse(Buffer.from(payload ?? '', 'base64').toString('utf8')) as Partial<InTotoStatement>;
    const subjectDigests = (statement.subject ?? []).flatMap((s) => Object.entries(s.digest ?? {}).map(([algorithm, hex]) => `${algorithm}:${hex}`));
    return { ...(typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType } : {}), subjectDigests };
  } catch {
    return { subjectDigests: [] };
  }
}
