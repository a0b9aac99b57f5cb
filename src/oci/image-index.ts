import type { Bytes, Descriptor } from './client.js';
import { OCI_INDEX, sha256Digest } from './media-types.js';
import { platformName } from './platforms.js';

/** buildx marks provenance/SBOM manifests this way; they ride along with the image they describe. */
export const ATTESTATION_ANNOTATION = 'vnd.docker.reference.type';

export function isAttestation(entry: Descriptor): boolean {
  return entry.annotations?.[ATTESTATION_ANNOTATION] === 'attestation-manifest' || (entry.platform?.os === 'unknown' && entry.platform?.architecture === 'unknown');
}

export interface BuiltIndex {
  bytes: Bytes;
  digest: string;
  /** The platforms the index lists (attestations left out), in order. */
  platforms: string[];
}

/**
 * The multi-platform OCI index over `entries`, serialised canonically (keys sorted, no whitespace) so
 * the same builds and annotations always give the same bytes, hence the same digest: a re-run finds
 * every tag already pointing at it and writes nothing.
 */
export function buildIndex(entries: readonly Descriptor[], annotations: Readonly<Record<string, string>> = {}): BuiltIndex {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: entries.map((entry) => sortKeys(entry)),
    ...(Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
  };
  const bytes = new TextEncoder().encode(JSON.stringify(index)) as Bytes;
  const platforms = entries.filter((e) => !isAttestation(e)).map((e) => platformName(e.platform) ?? 'unknown');
  return { bytes, digest: sha256Digest(bytes), platforms };
}

function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    ) as T;
  }
  return value;
}
