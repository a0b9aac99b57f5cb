import { UserError } from '../errors.js';
import { requestRunnerIdToken } from '../runtime/oidc-claims.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';

/**
 * ID tokens tagship asks the runner for on npm's behalf, so that `npm publish` never holds the
 * runner's OIDC request credentials (with them, a process can mint ID tokens for any audience: PyPI,
 * cloud roles, …). npm takes a ready token from NPM_ID_TOKEN for its trusted-publishing exchange
 * (audience `npm:<registry host>`, npm ≥ 11.5.1) and sigstore one from SIGSTORE_ID_TOKEN (audience
 * `sigstore`) to sign provenance. Each is good for that one audience only, and minted right before
 * the publish that uses it.
 */
export async function mintNpmIdTokens(
  step: NpmPublishStep,
  env: NodeJS.ProcessEnv,
  wants: { exchange: boolean; provenance: boolean },
  signal?: AbortSignal,
): Promise<{ secretEnv: Record<string, string>; set: Record<string, string> }> {
  const secretEnv: Record<string, string> = {};
  const set: Record<string, string> = {};
  if (wants.exchange) secretEnv.NPM_ID_TOKEN = await requestIdToken(env, `npm:${new URL(step.registry).hostname}`, step, signal);
  if (wants.provenance) {
    secretEnv.SIGSTORE_ID_TOKEN = await requestIdToken(env, 'sigstore', step, signal);
    // npm refuses provenance in GitHub Actions unless this is set; without its request token it mints nothing.
    set.ACTIONS_ID_TOKEN_REQUEST_URL = env.ACTIONS_ID_TOKEN_REQUEST_URL!;
  }
  return { secretEnv, set };
}

/** The shared runner request, its refusal told with npm's other way out and what was left unpublished. */
async function requestIdToken(env: NodeJS.ProcessEnv, audience: string, step: NpmPublishStep, signal?: AbortSignal): Promise<string> {
  try {
    return await requestRunnerIdToken(env, audience, signal);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`${error.message.replace(/\.$/, '')}, or pass the npm-token input and set npm.provenance to false. ${step.target} was not published.`, undefined, { cause: error });
  }
}
