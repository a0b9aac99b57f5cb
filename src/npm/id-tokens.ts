import { UserError } from '../errors.js';
import { request } from '../net/http.js';
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

async function requestIdToken(env: NodeJS.ProcessEnv, audience: string, step: NpmPublishStep, signal?: AbortSignal): Promise<string> {
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL!;
  const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
  const response = await request(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' }, signal, retry: { retries: 3 } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(
      `The runner refused an OIDC ID token for ${audience} (HTTP ${response.status}): give the job \`permissions: id-token: write\`, or pass the npm-token input and set npm.provenance to false. ${step.target} was not published.`,
    );
  }
  const { value } = (await response.json()) as { value?: string };
  if (!value) throw new Error(`the runner answered the OIDC token request for ${audience} without a value`);
  return value;
}
