import type { Config } from '../config/schema.js';
import type { Facts } from '../plan/facts.js';

/**
 * Which Sigstore instance signs what. Pure (planners import it): no Sigstore library here.
 *
 * The choice follows GitHub's own tooling (`@actions/attest` endpoints.ts, `gh attestation`): a public
 * repository signs with the public-good instance (fulcio/rekor.sigstore.dev, every signature in the
 * public log); a private or internal one with GitHub's instance (fulcio/timestamp.githubapp.com), whose
 * signatures are timestamped instead of logged, so a private repository's names never reach a public
 * log. PyPI accepts only public-good attestations (it checks their Rekor entries), whatever the
 * repository. `attestations.sigstore` replaces both with a private instance.
 */
export interface SigstoreInstance {
  name: 'public-good' | 'github' | 'custom';
  fulcioUrl: string;
  /** Absent: no transparency log (GitHub's instance timestamps instead). */
  rekorUrl?: string;
  tsaUrl?: string;
  /** Project-relative path of a trusted_root.json; absent: fetched through TUF. */
  trustedRoot?: string;
}

export type AttestationUse = 'pypi' | 'assets' | 'images';

export const PUBLIC_GOOD: SigstoreInstance = {
  name: 'public-good',
  fulcioUrl: 'https://fulcio.sigstore.dev',
  rekorUrl: 'https://rekor.sigstore.dev',
};

/** GitHub's instance for a GitHub server: `githubapp.com` for github.com, the server's own host for GHE.com. */
export function githubInstance(serverUrl = 'https://github.com'): SigstoreInstance {
  let host = new URL(serverUrl).hostname;
  if (host === 'github.com') host = 'githubapp.com';
  return { name: 'github', fulcioUrl: `https://fulcio.${host}`, tsaUrl: `https://timestamp.${host}` };
}

/** The private Sigstore instance `attestations.sigstore` names, when it names one: it serves every signer. */
export function configuredInstance(config: Config): SigstoreInstance | undefined {
  const custom = config.attestations.sigstore;
  if (!custom) return undefined;
  return {
    name: 'custom',
    fulcioUrl: custom['fulcio-url'],
    ...(custom['rekor-url'] ? { rekorUrl: custom['rekor-url'] } : {}),
    ...(custom['tsa-url'] ? { tsaUrl: custom['tsa-url'] } : {}),
    trustedRoot: custom['trusted-root'],
  };
}

/**
 * The instance that signs `use`, or undefined when attestations are off for it. Whether the job can
 * actually sign (an OIDC token) is a runtime question: see `canMintIdToken` and the preflight.
 */
export function sigstoreInstanceFor(config: Config, facts: Facts, use: AttestationUse): SigstoreInstance | undefined {
  const attestations = config.attestations;
  if (attestations.enabled === false || !attestations[use]) return undefined;
  const custom = configuredInstance(config);
  if (custom) return custom;
  if (use === 'pypi') return PUBLIC_GOOD;
  // As @actions/attest: only a repository known to be public goes to the public log.
  return facts.visibility === 'public' ? PUBLIC_GOOD : githubInstance(facts.serverUrl);
}

/**
 * What a planned step that signs carries (as `step.attestation`), so that preflight can tell before
 * anything is built whether the job can sign: `required` when `attestations.enabled` is `true`.
 */
export interface PlannedAttestation {
  use: AttestationUse;
  required: boolean;
  instance: SigstoreInstance;
}

/** The attestation a planner puts on its step, or undefined when attestations are off for `use`. */
export function plannedAttestation(config: Config, facts: Facts, use: AttestationUse): PlannedAttestation | undefined {
  const instance = sigstoreInstanceFor(config, facts, use);
  return instance && { use, required: config.attestations.enabled === true, instance };
}

/** What users read for each use, in notices and errors. */
export const ATTESTATION_DESCRIPTIONS: Record<AttestationUse, string> = {
  pypi: 'PEP 740 attestations of the PyPI uploads',
  assets: 'build provenance of the release assets',
  images: 'signatures and provenance of the images',
};

/** The attestations planned in these steps (structurally: any step may carry one). */
export function plannedAttestations(steps: readonly object[]): Array<{ stepId: string; attestation: PlannedAttestation }> {
  const found: Array<{ stepId: string; attestation: PlannedAttestation }> = [];
  for (const step of steps as ReadonlyArray<{ id?: string; attestation?: PlannedAttestation }>) {
    if (step.attestation) found.push({ stepId: step.id ?? '', attestation: step.attestation });
  }
  return found;
}
