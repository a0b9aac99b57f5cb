import { plannedAttestation, type PlannedAttestation } from '../../sigstore/instance.js';
import { SLSA_PROVENANCE_V1 } from '../../sigstore/statement.js';
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
