import { UserError } from '../errors.js';
import type { ExpectedSigner, VerifiedAttestation } from '../sigstore/verify.js';
import { listAttestations, type RepositoryRef } from './attestations.js';
import type { GithubClient } from './client.js';
import type { PublishedAsset } from './published-assets.js';

export interface AttestationLookup {
  /** An attestation for the asset that verifies, when there is one. */
  verified?: VerifiedAttestation;
  /** How many the API listed for the asset's digest and predicate type. */
  listed: number;
  /** Why each listed one did not verify (one line each). */
  rejected: string[];
}

export interface LookupOptions {
  signer: ExpectedSigner;
  predicateType: string;
  /** Loaded on first need: a digest with no attestation costs no trusted-root fetch. */
  trustedRoot: () => Promise<unknown>;
  /** The instance's verification policy, as `gh attestation verify` applies it. */
  instance?: 'public-good' | 'github' | 'custom';
  /** The token permission a refused lookup names (default `attestations: read`). */
  permission?: string;
}

/**
 * What `gh attestation verify <file> --repo owner/name` does for one file: list the repository's
 * attestations for the file's sha256, and accept one whose bundle verifies against the instance's
 * trusted root, names this repository (and ref) as its source, and lists the digest as a subject.
 */
export async function lookUpAttestation(client: GithubClient, repository: RepositoryRef, asset: PublishedAsset, options: LookupOptions): Promise<AttestationLookup> {
  const listed = await listAttestations(client, repository, asset.digest, options.predicateType, options.permission);
  const rejected: string[] = [];
  if (!listed.length) return { listed: 0, rejected };
  const { verifyBundle } = await import('../sigstore/verify.js');
  const root = await options.trustedRoot();
  const [algorithm, hex] = asset.digest.split(':') as [string, string];
  for (const item of listed) {
    if (!item.bundle) {
      rejected.push('the API answered no bundle');
      continue;
    }
    try {
      const verified = await verifyBundle(item.bundle, { signer: options.signer, predicateType: options.predicateType, subjects: [{ digest: { [algorithm]: hex } }], ...(options.instance ? { instance: options.instance } : {}) }, root);
      return { verified, listed: listed.length, rejected };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      rejected.push(error.message);
    }
  }
  return { listed: listed.length, rejected };
}
