import { UserError } from '../errors.js';
import { HttpError, isRetryableStatus } from '../net/http.js';
import type { Runner } from '../runtime/action-io.js';
import { decodeClaims, describePublisherClaims, pypiUnmatchable, type GithubOidcClaims } from '../runtime/oidc-claims.js';
import { refusalReason, send, type PypiHttp } from './http.js';

/** The upload's credentials: HTTP basic `__token__:<token>`, the token minted again before it expires. */
export interface PypiCredentials {
  method: 'trusted-publishing' | 'token';
  /** For error messages: which credentials were used and what to check about them. */
  describe: string;
  /** The `Authorization` header for the next request. */
  authorization(): Promise<string>;
}

export interface CredentialOptions {
  indexUrl: string;
  env: NodeJS.ProcessEnv;
  token?: string;
  runner: Pick<Runner, 'mask' | 'warning' | 'info'>;
  http: PypiHttp;
  now?: () => number;
}

/** A minted token lives 15 minutes; a new one is minted when less than this is left. */
const REMINT_MARGIN_MS = 5 * 60_000;
const MINTED_LIFETIME_MS = 15 * 60_000;

const basic = (token: string) => `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}`;

/**
 * Trusted publishing first (the runner's OIDC token exchanged for a short-lived upload token), then
 * the `pypi-token` input. Neither → one error naming both ways.
 */
export async function pypiCredentials(options: CredentialOptions): Promise<PypiCredentials> {
  const { env, token, runner } = options;
  const oidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ? { url: env.ACTIONS_ID_TOKEN_REQUEST_URL, token: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } : undefined;
  const tokenCredentials: PypiCredentials | undefined = token
    ? { method: 'token', describe: "the API token from the 'pypi-token' input (check it is a current token scoped to this project on this index)", authorization: async () => basic(token) }
    : undefined;
  if (!oidc) {
    if (tokenCredentials) return tokenCredentials;
    throw new UserError(
      `No credentials for ${options.indexUrl}: give the job \`permissions: id-token: write\` and configure this repository as a trusted publisher of the project on the index, or pass an API token in the 'pypi-token' input.`,
    );
  }
  const now = options.now ?? Date.now;
  const mint = () => mintToken(options.indexUrl, oidc, options.http, now, (secret) => runner.mask(secret));
  let current: Minted;
  try {
    current = await mint();
  } catch (error) {
    if (!(error instanceof UserError) || !tokenCredentials) throw error;
    runner.warning(`${error.message} Using the 'pypi-token' input instead.`);
    return tokenCredentials;
  }
  runner.mask(current.token);
  runner.info(`Trusted publishing: minted an upload token for ${options.indexUrl}.`);
  return {
    method: 'trusted-publishing',
    describe: `a token minted by trusted publishing (check the project's trusted publisher on ${options.indexUrl} names this repository, workflow file and environment)`,
    authorization: async () => {
      if (current.expiresAt - now() < REMINT_MARGIN_MS) {
        current = await mint();
        runner.mask(current.token);
        runner.info('Trusted publishing: minted a fresh upload token (the previous one was about to expire).');
      }
      return basic(current.token);
    },
  };
}

interface Minted {
  token: string;
  expiresAt: number;
}

/**
 * audience → the runner's ID token for it → the index's upload token. An ID token can be exchanged
 * once, so a failed exchange that is worth retrying starts again with a fresh ID token.
 */
async function mintToken(indexUrl: string, oidc: { url: string; token: string }, http: PypiHttp, now: () => number, mask: (secret: string) => void): Promise<Minted> {
  const audienceResponse = await send(http, `${indexUrl}/_/oidc/audience`, { headers: { accept: 'application/json' } });
  if (!audienceResponse.ok) {
    throw new UserError(`${indexUrl} does not offer trusted publishing (GET /_/oidc/audience: HTTP ${audienceResponse.status} ${await refusalReason(audienceResponse)}); pass an API token in the 'pypi-token' input.`);
  }
  const { audience } = (await audienceResponse.json()) as { audience?: string };
  if (!audience) throw new UserError(`${indexUrl}/_/oidc/audience did not name an audience; pass an API token in the 'pypi-token' input.`);
  const attempts = 1 + (http.retry?.retries ?? 3);
  for (let attempt = 1; ; attempt++) {
    const idToken = await requestIdToken(oidc, audience, http);
    mask(idToken);
    // An exchange PyPI must refuse is not attempted: the reason is known from the claims alone.
    const claims = decodeClaims(idToken);
    const unmatchable = claims && pypiUnmatchable(claims, indexUrl);
    if (unmatchable) throw new UserError(unmatchable);
    let reason: string;
    try {
      const response = await send(http, `${indexUrl}/_/oidc/mint-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token: idToken }),
        // Never re-send a used ID token: the loop here retries with a fresh one.
        retry: { retries: 0 },
      });
      if (response.ok) {
        const body = (await response.json()) as { token?: string; expires?: number };
        if (!body.token) throw new Error(`${indexUrl}/_/oidc/mint-token answered without a token`);
        const expires = typeof body.expires === 'number' ? (body.expires > 1e12 ? body.expires : body.expires * 1000) : now() + MINTED_LIFETIME_MS;
        return { token: body.token, expiresAt: expires };
      }
      reason = `HTTP ${response.status}: ${await refusalReason(response)}`;
      if (!isRetryableStatus(response.status)) throw new UserError(describeRefusal(indexUrl, reason, claims));
    } catch (error) {
      // A connection failure is retried (with a fresh ID token); anything else is final.
      if (!(error instanceof HttpError)) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
    if (attempt >= attempts) throw new UserError(`Trusted publishing: ${indexUrl} did not mint a token after ${attempts} attempts (${reason}). Re-run the job; nothing was uploaded.`);
    await http.deps.sleep(Math.min(8000, 500 * 2 ** attempt));
  }
}

/**
 * A refused exchange. With the token's claims at hand the message names what was sent, so the user
 * compares it with the publisher they registered instead of being told to register one again.
 */
function describeRefusal(indexUrl: string, reason: string, claims: GithubOidcClaims | undefined): string {
  if (!claims?.repository) {
    return `Trusted publishing was refused by ${indexUrl} (${reason}). Configure this repository and workflow as a trusted publisher of the project on the index, or pass an API token in the 'pypi-token' input.`;
  }
  return (
    `Trusted publishing was refused by ${indexUrl} (${reason}). The token sent ${describePublisherClaims(claims, 'pypi')}:` +
    ` the project's trusted publisher on the index must name exactly these (owner and repository, workflow file, environment), or pass an API token in the 'pypi-token' input.`
  );
}

/** The runner's OIDC ID token for `audience` (needs `permissions: id-token: write`). */
async function requestIdToken(oidc: { url: string; token: string }, audience: string, http: PypiHttp): Promise<string> {
  const url = `${oidc.url}${oidc.url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
  const response = await send(http, url, { headers: { authorization: `Bearer ${oidc.token}`, accept: 'application/json' } });
  if (!response.ok) {
    throw new UserError(`The runner refused an OIDC ID token (HTTP ${response.status}: ${await refusalReason(response)}): give the job \`permissions: id-token: write\`, or pass an API token in the 'pypi-token' input.`);
  }
  const { value } = (await response.json()) as { value?: string };
  if (!value) throw new Error('the runner answered the OIDC token request without a value');
  return value;
}
