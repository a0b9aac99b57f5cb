import { attachedBundles, describePredicate, digestMap, IMAGE_PREDICATE_TYPES } from '../docker/image-signatures.js';
import { UserError } from '../errors.js';
import type { ExecutionContext } from '../execute/types.js';
import type { OciClient } from '../oci/client.js';
import { referrersTag } from '../oci/referrers.js';
import type { SigstoreInstance } from '../sigstore/instance.js';
import { rekorEntryUrl, type AttestationRecord } from '../sigstore/record.js';
import { expectedSigner, loadTrustedRoot, verifyBundle } from '../sigstore/verify.js';
import type { PublishedImage } from './images.js';

export interface ImageAttestationCheck {
  records: AttestationRecord[];
  detail: string;
}

/**
 * Finds each published index's signature and SLSA provenance the way `cosign verify` does (referrers
 * API, else the referrers tag) and verifies every bundle from the outside: certificate chain and
 * transparency-log entry (or timestamp) against the instance's trusted root, issuer, this repository
 * and ref, the predicate type, and the index digest as the statement's subject.
 *
 * Nothing attached at all, with `attestations.enabled: auto` and no signing in this run (the job could
 * not get an OIDC token, and docker-attest said so): reported, not failed. Anything else missing or
 * not verifying fails the step with one line per image.
 */
export async function checkImageAttestations(
  client: OciClient,
  published: readonly PublishedImage[],
  options: { instance: SigstoreInstance; required: boolean },
  ctx: Pick<ExecutionContext, 'cwd' | 'env' | 'outcomes'>,
): Promise<ImageAttestationCheck> {
  const attest = ctx.outcomes.get('docker-attest');
  const signedHere = ((attest?.produced?.attestations as unknown[] | undefined) ?? []).length > 0;
  const expected = options.required || signedHere;
  const signer = expectedSigner(ctx.env);
  let trustedRoot: unknown;
  const records: AttestationRecord[] = [];
  const problems: string[] = [];
  const unsigned: string[] = [];
  for (const image of published) {
    const { via, bundles, unreadable } = await attachedBundles(client, image.repository, image.digest);
    const where = via === 'api' ? 'the referrers API' : `the referrers tag ${referrersTag(image.digest)}`;
    problems.push(...unreadable);
    if (!bundles.length && !expected) {
      unsigned.push(`${image.repository}@${image.digest}`);
      continue;
    }
    for (const predicateType of IMAGE_PREDICATE_TYPES) {
      const candidates = bundles.filter((b) => b.predicateType === predicateType);
      const what = `${describePredicate(predicateType)} of ${image.repository}@${image.digest}`;
      if (!candidates.length) {
        problems.push(`no ${what} in ${where}`);
        continue;
      }
      trustedRoot ??= await loadTrustedRoot(options.instance, ctx.cwd, ctx.env);
      const failures: string[] = [];
      let verified: AttestationRecord | undefined;
      for (const candidate of candidates) {
        try {
          const result = await verifyBundle(candidate.bundle, { signer, predicateType, subjects: [{ digest: digestMap(image.digest) }], instance: options.instance.name }, trustedRoot);
          const url = rekorEntryUrl(options.instance, result.logIndex);
          verified = { subject: `${image.repository}@${image.digest}`, digest: image.digest, predicateType, store: 'registry', ...(result.logIndex ? { logIndex: result.logIndex } : {}), ...(url ? { url } : {}) };
          break;
        } catch (error) {
          failures.push(`${candidate.referrer.slice(0, 19)}…: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (verified) records.push(verified);
      else problems.push(`the ${what} does not verify (${failures.join('; ')})`);
    }
  }
  if (problems.length) {
    throw new UserError(
      `Image attestations missing or not verified: ${problems.join('; ')}. Re-run the docker stage's merge job: docker-attest attaches what is missing; bundles signed by another repository or ref do not count.`,
    );
  }
  const detail = [
    records.length ? `verified ${records.length} attestation${records.length === 1 ? '' : 's'} (signature + SLSA provenance) as signed by ${signer.sourceRepository}${signer.sourceRef ? ` at ${signer.sourceRef}` : ''}` : '',
    unsigned.length ? `not signed: ${unsigned.join(', ')} (attestations.enabled: auto, and this run did not sign)` : '',
  ];
  return { records, detail: detail.filter(Boolean).join('; ') };
}
