import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { lookUpAttestation, type AttestationLookup } from '../github/attestation-lookup.js';
import { connectGithub, type ClientTuning } from '../github/connect.js';
import { readPublishedRelease, type PublishedAsset } from '../github/published-assets.js';
import type { VerifyAssetsStep } from '../plan/steps/verify.js';
import type { AttestationRecord } from '../sigstore/record.js';

/**
 * The verify-assets check, from the outside as a user runs `gh attestation verify <file> --repo
 * owner/name`: list the release's assets (GitHub's own digest of each stored file), fetch the
 * repository's attestations by each digest, and verify each bundle: the Sigstore chain and log entry
 * (or timestamp), this repository and ref as the signer's source, the asset's digest as a subject.
 * Every asset must pass; the first that does not fails the run with what to do.
 */
export function createVerifyAssetsExecutor(tuning: ClientTuning = {}) {
  return async (step: VerifyAssetsStep, ctx: ExecutionContext): Promise<StepOutcome> => {
    const skipped = ctx.outcomes.get('github-attest')?.produced?.skipped;
    if (!step.required && typeof skipped === 'string') {
      return { id: step.id, status: 'skipped', detail: `not checked: the assets of ${step.tag} were ${skipped}` };
    }
    const github = connectGithub(ctx, `Verifying the attestations of release ${step.tag}`, tuning);
    const repository = { owner: github.owner, repo: github.repo };
    const release = await readPublishedRelease(github, step.tag);
    if (!release) throw new UserError(`Release ${step.tag} does not exist in ${github.owner}/${github.repo}, so its assets cannot be verified: run the release stage first.`);
    if (release.incomplete.length) {
      throw new UserError(`Release ${step.tag} has half-uploaded assets (${release.incomplete.join(', ')}), which cannot be verified: re-run the release stage to upload them again.`);
    }

    const { expectedSigner, loadTrustedRoot } = await import('../sigstore/verify.js');
    let root: Promise<unknown> | undefined;
    const options = {
      signer: expectedSigner(ctx.env),
      predicateType: step.predicateType,
      trustedRoot: () => (root ??= loadTrustedRoot(step.instance, ctx.cwd, ctx.env)),
      instance: step.instance.name,
    };
    const results: Array<{ asset: PublishedAsset; found: AttestationLookup }> = [];
    for (const asset of release.assets) results.push({ asset, found: await lookUpAttestation(github.client, repository, asset, options) });

    // With `enabled: auto` a release that no job could sign is reported, not failed; a partly attested one fails.
    if (!step.required && results.length && results.every((r) => r.found.listed === 0)) {
      ctx.runner.warning(`No asset of release ${step.tag} has a build-provenance attestation in ${github.owner}/${github.repo}: the release job could not sign (it needs \`permissions: id-token: write\` and \`attestations: write\`).`);
      return { id: step.id, status: 'skipped', detail: `not checked: no asset of ${step.tag} is attested` };
    }
    const missing = results.filter((r) => r.found.listed === 0).map((r) => r.asset);
    if (missing.length) {
      const which = missing.length === 1 ? `asset ${describe(missing[0]!)} has` : `${missing.length} assets have`;
      const names = missing.length === 1 ? '' : ` (${missing.map(describe).join(', ')})`;
      throw new UserError(`Release ${step.tag}: ${which} no build-provenance attestation in ${github.owner}/${github.repo}${names}: re-run the release stage; its github-attest step attests what is missing.`);
    }
    const rejected = results.filter((r) => !r.found.verified);
    if (rejected.length) {
      const { asset, found } = rejected[0]!;
      const more = rejected.length > 1 ? ` (${rejected.length - 1} more asset${rejected.length > 2 ? 's' : ''} too)` : '';
      throw new UserError(`Release ${step.tag}: asset ${describe(asset)}${more} has ${found.listed} attestation${found.listed === 1 ? '' : 's'} and none verifies: ${found.rejected[0] ?? 'no bundle'}`);
    }
    const attestations: AttestationRecord[] = results.map(({ asset, found }) => ({
      subject: asset.name,
      digest: asset.digest,
      predicateType: step.predicateType,
      store: 'github',
      ...(found.verified!.logIndex !== undefined ? { logIndex: found.verified!.logIndex } : {}),
    }));
    const identity = results[0]?.found.verified?.certificateIdentity;
    return {
      id: step.id,
      status: 'done',
      detail: `${results.length} asset${results.length === 1 ? '' : 's'} of ${step.tag} verified against their attestations${identity ? ` (signed by ${identity})` : ''}`,
      links: [{ label: `release ${step.tag}`, url: release.htmlUrl }],
      produced: { attestations },
    };
  };
}

export const executeVerifyAssets = createVerifyAssetsExecutor();

/** `"name" (sha256:…)`: the name quoted, since asset names come from files. */
function describe(asset: PublishedAsset): string {
  return `${JSON.stringify(asset.name)} (${asset.digest})`;
}
