import { UserError } from '../errors.js';
import { requestRunnerIdToken } from '../runtime/oidc-claims.js';

/**
 * The runner's OIDC ID token for Sigstore (audience `sigstore`, what Fulcio requires). Minted right
 * before each signing, held by tagship only: no child process sees the runner's request credentials.
 */
export const SIGSTORE_AUDIENCE = 'sigstore';

/** Whether the job may ask the runner for ID tokens (`permissions: id-token: write` sets both variables). */
export function canMintIdToken(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

export async function sigstoreIdToken(env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  if (!canMintIdToken(env)) {
    throw new UserError(
      'Signing needs an OIDC ID token, and this job cannot get one: give the job `permissions: id-token: write` (or set attestations.enabled to false).',
    );
  }
  return requestRunnerIdToken(env, SIGSTORE_AUDIENCE, signal);
}

/**
 * The token to sign a planned attestation with, or undefined when it is not to be made this run:
 * `attestations.enabled: auto` and the job cannot get one (preflight has said so once already). With
 * `enabled: true` a missing or refused token is the one-line error.
 */
export async function idTokenFor(attestation: { required: boolean }, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string | undefined> {
  if (!attestation.required && !canMintIdToken(env)) return undefined;
  try {
    return await sigstoreIdToken(env, signal);
  } catch (error) {
    if (attestation.required || !(error instanceof UserError)) throw error;
    return undefined;
  }
}
