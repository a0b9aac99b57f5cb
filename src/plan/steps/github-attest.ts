import { plannedAttestation, type PlannedAttestation } from '../../sigstore/instance.js';
import { SLSA_PROVENANCE_V1 } from '../../sigstore/statement.js';
import { UserError } from '../../errors.js';
import type { PlanContext } from '../context.js';
import type { GithubReleaseStep } from './github-release.js';

/**
 * Build provenance for the release's assets (`SHA256SUMS` included): one SLSA provenance statement
 * whose subjects are every asset, as `actions/attest-build-provenance` writes for a `subject-path`
 * glob, signed keylessly through Sigstore and stored with GitHub's attestations API, where
 * `gh attestation verify <file> --repo owner/name` finds it by the file's sha256.
 */
export interface GithubAttestStep {
  kind: 'github-attest';
  id: string;
  target: string;
  tag: string;
  /** The step whose outcome lists the assets it published (name and digest). */
  releaseStep: string;
  /**
   * The Sigstore instance, and whether signing is required (`attestations.enabled: true`: preflight stops
   * a job that cannot sign) or best effort (`auto`: preflight says once what is not signed, the step skips).
   */
  attestation: PlannedAttestation;
  predicateType: typeof SLSA_PROVENANCE_V1;
}

/** Planned right after the release when attestations cover assets and the release attaches any. */
export function planGithubAttest(ctx: PlanContext, release: GithubReleaseStep): GithubAttestStep | undefined {
  if (!release.assets.globs.length) return undefined;
  const attestation = plannedAttestation(ctx.config, ctx.facts, 'assets');
  if (!attestation) return undefined;
  if (!hasAttestationsApi(ctx.facts.serverUrl)) {
    // GitHub Enterprise Server has no attestations API (its REST description lists none).
    if (!attestation.required) return undefined;
    throw new UserError(
      `attestations.enabled is true, but ${ctx.facts.serverUrl} is GitHub Enterprise Server, which has no artifact attestations API to store the release assets' provenance in: set attestations.assets to false.`,
    );
  }
  return {
    kind: 'github-attest',
    id: 'github-attest',
    target: `${release.target} assets${release.assets.checksums ? ' + SHA256SUMS' : ''}`,
    tag: release.tag,
    releaseStep: release.id,
    attestation,
    predicateType: SLSA_PROVENANCE_V1,
  };
}

/** github.com and GHE.com tenants store artifact attestations; GitHub Enterprise Server does not. */
function hasAttestationsApi(serverUrl: string | undefined): boolean {
  if (!serverUrl) return true;
  const host = URL.canParse(serverUrl) ? new URL(serverUrl).hostname : '';
  return host === 'github.com' || host.endsWith('.ghe.com');
}
