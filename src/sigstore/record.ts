import type { SigstoreInstance } from './instance.js';

/**
 * What a signing or verifying step reports in `produced.attestations`, and the summary lists under
 * "Attested". Pure: planners and the summary import it.
 */
export interface AttestationRecord {
  /** File name, `pkg@1.2.3`, or `registry/repo@sha256:…` */
  subject: string;
  /** `sha256:<hex>` (npm: `sha512:<hex>`) */
  digest: string;
  predicateType: string;
  store: 'pypi' | 'github' | 'registry' | 'npm';
  /** Rekor log index, when the instance has a public log (see {@link rekorEntryUrl}). */
  logIndex?: string;
  /** GitHub attestation id. */
  attestationId?: string;
  /** Where a user sees it. */
  url?: string;
}

/**
 * The public page of a Rekor entry. Only the public-good log has one (search.sigstore.dev); GitHub's
 * instance has no log and a custom one no known viewer.
 */
export function rekorEntryUrl(instance: SigstoreInstance, logIndex: string | undefined): string | undefined {
  if (instance.name !== 'public-good' || logIndex === undefined || !/^\d+$/.test(logIndex)) return undefined;
  return `https://search.sigstore.dev/?logIndex=${logIndex}`;
}
