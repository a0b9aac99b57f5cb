/**
 * The runner's OIDC token service (what ACTIONS_ID_TOKEN_REQUEST_URL points at): ES256-signed ID tokens
 * with GitHub's claim set for the audience asked, its signing keys at a JWKS URL as an OIDC issuer serves them.
 */
import { createHash, generateKeyPairSync, randomBytes, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { json, listen } from './http.js';

/** GitHub Actions' token issuer: what the certificates name, as on a real runner. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface RunnerOidc {
  /** What `permissions: id-token: write` puts in a job's environment. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The GITHUB_* variables a runner sets, consistent with the claims (for runIdentity / expectedSigner). */
  githubEnv: Record<string, string>;
  /** Claims of every token minted (besides aud, iat, nbf, exp, jti); change them between requests. */
  claims: Record<string, string>;
  /** Every token request, in order. */
  issued: Array<{ audience: string }>;
  /** Answer token requests with 403, as a runner does for a job without `id-token: write`. */
  refuse: boolean;
  /** `https://token.actions.githubusercontent.com`, or the `iss` claims override. */
  issuer: string;
  /** Where the issuer's signing keys are (the local Fulcio reads them). */
  jwksUrl: string;
  /** A token signed by this issuer, as the runner would mint it; `overrides` replace any claim (`exp`, `aud`…). */
  token(audience: string, overrides?: Record<string, unknown>): string;
  close(): Promise<void>;
}

/** The claims GitHub puts in a job's ID token (docs: "Understanding the OIDC token"), for a tag push. */
export function githubClaims(overrides: Record<string, string> = {}): Record<string, string> {
  const repository = overrides.repository ?? 'octo-org/octo-proj';
  const owner = repository.split('/')[0]!;
  const ref = overrides.ref ?? 'refs/tags/v1.2.3';
  const sha = overrides.sha ?? 'a'.repeat(40);
  const workflowRef = overrides.workflow_ref ?? `${repository}/.github/workflows/release.yml@${ref}`;
  return {
    sub: `repo:${repository}:ref:${ref}`,
    ref,
    ref_type: 'tag',
    sha,
    repository,
    repository_owner: owner,
    repository_owner_id: '1001',
    repository_id: '2002',
    repository_visibility: 'public',
    actor: 'octocat',
    actor_id: '3003',
    workflow: 'release',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    event_name: 'push',
    run_id: '4004',
    run_number: '7',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    ...overrides,
  };
}

export async function startRunnerOidc(claims?: Record<string, string>): Promise<RunnerOidc> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  const requestToken = randomBytes(16).toString('hex');
  const state = { claims: githubClaims(claims), issued: [] as Array<{ audience: string }>, refuse: false };
  const mint = (audience: string, overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: GITHUB_ACTIONS_ISSUER, ...state.claims, aud: audience, jti: randomBytes(8).toString('hex'), iat: now, nbf: now - 5, exp: now + 300, ...overrides };
    return signJwt({ alg: 'ES256', typ: 'JWT', kid }, payload, privateKey);
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/.well-known/jwks') {
      return json(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] });
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, { issuer: GITHUB_ACTIONS_ISSUER, jwks_uri: `${base}/.well-known/jwks`, id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    }
    if (url.pathname === '/_apis/idtoken') {
      if (req.headers.authorization !== `Bearer ${requestToken}`) return json(res, 401, { message: 'bad request token' });
      const audience = url.searchParams.get('audience') ?? '';
      state.issued.push({ audience });
      if (state.refuse) return json(res, 403, { message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable' });
      return json(res, 200, { value: mint(audience) });
    }
    json(res, 404, { message: 'not found' });
  });
  const base = server.url;
  const repository = state.claims.repository!;
  return {
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/_apis/idtoken?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    githubEnv: {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_ID: state.claims.repository_id!,
      GITHUB_REPOSITORY_OWNER: state.claims.repository_owner!,
      GITHUB_REPOSITORY_OWNER_ID: state.claims.repository_owner_id!,
      GITHUB_REF: state.claims.ref!,
      GITHUB_SHA: state.claims.sha!,
      GITHUB_WORKFLOW_REF: state.claims.workflow_ref!,
      GITHUB_RUN_ID: state.claims.run_id!,
      GITHUB_RUN_ATTEMPT: state.claims.run_attempt!,
      GITHUB_EVENT_NAME: state.claims.event_name!,
      RUNNER_ENVIRONMENT: state.claims.runner_environment!,
    },
    get claims() {
      return state.claims;
    },
    set claims(value) {
      state.claims = value;
    },
    issued: state.issued,
    get refuse() {
      return state.refuse;
    },
    set refuse(value) {
      state.refuse = value;
    },
    get issuer() {
      return state.claims.iss ?? GITHUB_ACTIONS_ISSUER;
    },
    jwksUrl: `${base}/.well-known/jwks`,
    token: mint,
    close: server.close,
  };
}

function signJwt(header: object, payload: object, key: KeyObject): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = cryptoSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
