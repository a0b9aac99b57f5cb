import { UserError } from '../errors.js';
import type { ExecutionContext, StepExecutor, StepOutcome } from '../execute/types.js';
import type { GithubAttestStep } from '../plan/steps/github-attest.js';
import { decodeClaims } from '../runtime/oidc-claims.js';
import { canMintIdToken, idTokenFor } from '../sigstore/id-token.js';
import { rekorEntryUrl, type AttestationRecord } from '../sigstore/record.js';
import { inTotoStatement, runIdentity, slsaProvenancePredicate, type RunClaims } from '../sigstore/statement.js';
import { lookUpAttestation } from './attestation-lookup.js';
import { storeAttestation } from './attestations.js';
import { connectGithub, type ClientTuning, type GithubTarget } from './connect.js';
import { readPublishedRelease, type PublishedAsset } from './published-assets.js';

/** Test knobs for Fulcio/Rekor/TSA requests; production passes none (30 s per request, 3 retries from 1 s). */
export interface SignTuning {
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
}

/**
 * The github-attest step: one SLSA build-provenance statement whose subjects are the release's assets
 * (`SHA256SUMS` included), signed keylessly through Sigstore with the job's identity and stored with
 * GitHub's attestations API. GitHub keeps every attestation it is sent, so the step first asks the API
 * for each asset's digest: an asset that already has a verifying attestation from this repository and
 * ref is not attested again, and a re-run with nothing missing stores nothing.
 *
 * It runs after the release is published: a failure leaves the release as it is, unattested, and says
 * so; a re-run attests what is missing.
 */
export function createGithubAttestExecutor(tuning: ClientTuning = {}, signTuning: SignTuning = {}): StepExecutor<'github-attest'> {
  return async (step, ctx) => {
    // With `auto` and no OIDC token preflight has said, once, what is not signed: skip quietly.
    if (!step.attestation.required && !canMintIdToken(ctx.env)) {
      return { id: step.id, status: 'skipped', detail: `${SKIPPED} (no id-token: write)`, produced: { attestations: [], skipped: SKIPPED } };
    }
    const github = connectGithub(ctx, `Attesting the assets of release ${step.tag}`, tuning);
    const repository = { owner: github.owner, repo: github.repo };
    const assets = releasedAssets(ctx, step) ?? (await assetsFromApi(github, step.tag));
    if (!assets.length) return { id: step.id, status: 'unchanged', detail: `release ${step.tag} has no assets to attest`, produced: { attestations: [] } };

    const { expectedSigner, loadTrustedRoot } = await import('../sigstore/verify.js');
    let root: Promise<unknown> | undefined;
    const options = {
      signer: expectedSigner(ctx.env),
      predicateType: step.predicateType,
      trustedRoot: () => (root ??= loadTrustedRoot(step.attestation.instance, ctx.cwd, ctx.env)),
      instance: step.attestation.instance.name,
      // Asked before signing: a token that may not read attestations may not store them either, and
      // failing here spends no certificate and writes no log entry.
      permission: 'attestations: write',
    };
    const records: AttestationRecord[] = [];
    const missing: PublishedAsset[] = [];
    for (const asset of assets) {
      const found = await lookUpAttestation(github.client, repository, asset, options).catch((error: unknown) => Promise.reject(notAttested(step, error)));
      if (found.verified) records.push(record(step, asset, { logIndex: found.verified.logIndex }));
      else missing.push(asset);
    }
    if (!missing.length) {
      return { id: step.id, status: 'unchanged', detail: `all ${assets.length} assets of ${step.tag} already attested`, produced: { attestations: records } };
    }

    let stored: { id: number; logIndex?: string };
    try {
      // `auto` and a runner that refuses the token: skip as above; `required`: the one-line error.
      const idToken = await idTokenFor(step.attestation, ctx.env, ctx.signal);
      if (!idToken) return { id: step.id, status: 'skipped', detail: SKIPPED, produced: { attestations: records, skipped: SKIPPED } };
      ctx.runner.mask(idToken);
      const subjects = missing.map((asset) => ({ name: asset.name, digest: { sha256: asset.digest.slice('sha256:'.length) } }));
      // The token's claims name the builder exactly as the certificate will (a called workflow included).
      const predicate = slsaProvenancePredicate(runIdentity(ctx.env, (decodeClaims(idToken) ?? {}) as RunClaims));
      const { signStatement } = await import('../sigstore/sign.js');
      const signed = await signStatement(inTotoStatement(subjects, step.predicateType, predicate), { ...signTuning, instance: step.attestation.instance, idToken, ...(ctx.signal ? { signal: ctx.signal } : {}) });
      const id = await storeAttestation(github.client, repository, signed.bundle, `the assets of release ${step.tag}`);
      stored = { id, ...(signed.logIndex !== undefined ? { logIndex: signed.logIndex } : {}) };
    } catch (error) {
      throw notAttested(step, error);
    }
    const url = `${github.serverUrl}/${github.owner}/${github.repo}/attestations/${stored.id}`;
    for (const asset of missing) records.push(record(step, asset, { ...stored, url }));
    ctx.runner.info(`Attested ${missing.map((a) => a.name).join(', ')} (attestation ${stored.id}${stored.logIndex !== undefined ? `, log index ${stored.logIndex}` : ''}).`);
    const rekor = rekorEntryUrl(step.attestation.instance, stored.logIndex);
    const kept = assets.length - missing.length;
    const outcome: StepOutcome = {
      id: step.id,
      status: 'done',
      detail: `attested ${missing.length} asset${missing.length === 1 ? '' : 's'} of ${step.tag} (SLSA provenance, attestation ${stored.id})${kept ? `; ${kept} already attested` : ''}`,
      links: [{ label: `attestation ${stored.id}`, url }, ...(rekor ? [{ label: `Rekor entry ${stored.logIndex}`, url: rekor }] : [])],
      produced: { attestations: records },
    };
    return outcome;
  };
}

export const executeGithubAttest = createGithubAttestExecutor();

const SKIPPED = 'not attested: the job cannot get an OIDC token';

/** The assets the release step of this run published, with the digests it computed. */
function releasedAssets(ctx: ExecutionContext, step: GithubAttestStep): PublishedAsset[] | undefined {
  const produced = ctx.outcomes.get(step.releaseStep)?.produced;
  const assets = produced?.assets;
  if (!Array.isArray(assets)) return undefined;
  return assets.filter((a): a is PublishedAsset => typeof a?.name === 'string' && typeof a?.digest === 'string' && a.digest.startsWith('sha256:'));
}

async function assetsFromApi(github: GithubTarget, tag: string): Promise<PublishedAsset[]> {
  const release = await readPublishedRelease(github, tag);
  if (!release) throw new UserError(`Release ${tag} does not exist, so its assets cannot be attested: run the release stage first.`);
  return release.assets;
}

function record(step: GithubAttestStep, asset: PublishedAsset, found: { id?: number; logIndex?: string | undefined; url?: string }): AttestationRecord {
  return {
    subject: asset.name,
    digest: asset.digest,
    predicateType: step.predicateType,
    store: 'github',
    ...(found.logIndex !== undefined ? { logIndex: found.logIndex } : {}),
    ...(found.id !== undefined ? { attestationId: String(found.id) } : {}),
    ...(found.url ? { url: found.url } : {}),
  };
}

/** One line: the release is out, its assets are not attested, and why (the cause already says what to do). */
function notAttested(step: GithubAttestStep, error: unknown): unknown {
  if (!(error instanceof UserError)) return error;
  return new UserError(`Release ${step.tag} and its assets are in place, but the assets are not attested: ${error.message}`, undefined, { cause: error });
}
