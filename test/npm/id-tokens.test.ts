import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintNpmIdTokens } from '../../src/npm/id-tokens.js';
import type { NpmPublishStep } from '../../src/plan/steps/npm.js';
import { startServer, type LocalServer } from '../verify/support/http-server.js';

const step: NpmPublishStep = { kind: 'npm-publish', id: 'npm-publish:pkg', target: 'pkg@1.0.0', package: 'pkg', version: '1.0.0', dir: '.', distTag: 'latest', registry: 'https://registry.npmjs.org/', provenance: 'auto' };

/** The runner's ID-token endpoint: a token per audience, for the right request token only. */
let runner: LocalServer;
const asked: string[] = [];
beforeAll(async () => {
  runner = await startServer((req, res) => {
    const audience = new URL(req.url!, 'http://x').searchParams.get('audience')!;
    asked.push(audience);
    const ok = req.headers.authorization === 'Bearer request-token';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { value: `id-token-for-${audience}` } : { message: 'bad token' }));
  });
});
afterAll(() => runner.close());

describe('ID tokens tagship mints for npm publish', () => {
  const env = () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: `${runner.url}/idtoken?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' });

  it('trusted publishing with provenance: one token per audience, and the request URL without its token', async () => {
    asked.length = 0;
    const minted = await mintNpmIdTokens(step, env(), { exchange: true, provenance: true });
    expect(asked).toEqual(['npm:registry.npmjs.org', 'sigstore']);
    expect(minted).toEqual({
      secretEnv: { NPM_ID_TOKEN: 'id-token-for-npm:registry.npmjs.org', SIGSTORE_ID_TOKEN: 'id-token-for-sigstore' },
      set: { ACTIONS_ID_TOKEN_REQUEST_URL: env().ACTIONS_ID_TOKEN_REQUEST_URL },
    });
  });

  it('a token publish with provenance asks for the sigstore token only', async () => {
    asked.length = 0;
    const minted = await mintNpmIdTokens(step, env(), { exchange: false, provenance: true });
    expect(asked).toEqual(['sigstore']);
    expect(Object.keys(minted.secretEnv)).toEqual(['SIGSTORE_ID_TOKEN']);
  });

  it('a refused request is a user error naming the permission, and nothing is published', async () => {
    await expect(mintNpmIdTokens(step, { ...env(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' }, { exchange: true, provenance: false })).rejects.toThrow(
      'The runner refused an OIDC ID token for npm:registry.npmjs.org (HTTP 401): give the job `permissions: id-token: write`, or pass the npm-token input and set npm.provenance to false. pkg@1.0.0 was not published.',
    );
  });
});
