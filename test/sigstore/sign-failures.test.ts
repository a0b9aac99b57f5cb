import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { canMintIdToken, idTokenFor, sigstoreIdToken } from '../../src/sigstore/id-token.js';
import type { SigstoreInstance } from '../../src/sigstore/instance.js';
import { signStatement, type SignOptions } from '../../src/sigstore/sign.js';
import { inTotoStatement, PYPI_PUBLISH_V1 } from '../../src/sigstore/statement.js';
import { expectedSigner, verifyBundle } from '../../src/sigstore/verify.js';
import { startLocalSigstore, startRunnerOidc, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';

const statement = inTotoStatement([{ name: 'proj-1.2.3.tar.gz', digest: { sha256: 'ab'.repeat(32) } }], PYPI_PUBLISH_V1, {});

let oidc: RunnerOidc;
let sigstore: LocalSigstore;
let instance: SigstoreInstance;

beforeAll(async () => {
  oidc = await startRunnerOidc();
  sigstore = await startLocalSigstore(oidc);
  instance = { name: 'custom', fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl, tsaUrl: sigstore.tsaUrl };
});
afterAll(async () => {
  await sigstore?.close();
  await oidc?.close();
});
beforeEach(() => {
  oidc.refuse = false;
  for (const queue of Object.values(sigstore.faults)) queue.length = 0;
});

/** Short timeouts and retries: the failures here are meant to happen. */
async function sign(idToken?: string, options: Partial<SignOptions> = {}) {
  return signStatement(statement, { instance, idToken: idToken ?? (await sigstoreIdToken(oidc.env)), retries: 1, retryDelayMs: 10, timeoutMs: 2000, ...options });
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).not.toContain('\n');
  return error as UserError;
}

describe('the ID token', () => {
  it('a job without `id-token: write` gets one line saying to grant it', async () => {
    expect(canMintIdToken({})).toBe(false);
    const error = await failure(sigstoreIdToken({ GITHUB_ACTIONS: 'true' }));
    expect(error.message).toMatch(/permissions: id-token: write/);
  });

  it('a runner refusing the token is named, with the permission to grant', async () => {
    oidc.refuse = true;
    const error = await failure(sigstoreIdToken(oidc.env));
    expect(error.message).toMatch(/refused an OIDC ID token for sigstore \(HTTP 403\).*id-token: write/);
  });

  it('at run time, `auto` skips signing quietly without a token; `true` fails with the line', async () => {
    await expect(idTokenFor({ required: false }, {})).resolves.toBeUndefined();
    await expect(idTokenFor({ required: true }, {})).rejects.toThrow(/permissions: id-token: write/);
    oidc.refuse = true;
    await expect(idTokenFor({ required: false }, oidc.env)).resolves.toBeUndefined();
    await expect(idTokenFor({ required: true }, oidc.env)).rejects.toThrow(/refused an OIDC ID token for sigstore/);
    oidc.refuse = false;
    expect(await idTokenFor({ required: false }, oidc.env)).toMatch(/^ey/);
  });

  it('a token that is not a JWT is refused without being quoted', async () => {
    const error = await failure(sign('not-a-jwt-secret'));
    expect(error.message).toBe('The OIDC ID token for signing is not a JWT naming a subject: nothing was signed.');
  });

  it('Fulcio refuses a token for another audience, and an expired one; nothing is signed', async () => {
    const before = sigstore.counts.certificates;
    const wrongAudience = await failure(sign(oidc.token('pypi')));
    expect(wrongAudience.message).toMatch(/^Fulcio \(http:\/\/127\.0\.0\.1:\d+\) refused a signing certificate .*HTTP 400: There was an error processing the identity token.*audience `sigstore`/);
    const expired = await failure(sign(oidc.token('sigstore', { exp: Math.floor(Date.now() / 1000) - 60 })));
    expect(expired.message).toMatch(/refused a signing certificate/);
    expect(sigstore.counts.certificates).toBe(before);
  });

  it('the local Fulcio checks the proof of possession and the claims Fulcio requires', async () => {
    const { generateKeyPairSync, sign: cryptoSign } = await import('node:crypto');
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const request = (token: string, signed: string) =>
      fetch(`${sigstore.fulcioUrl}/api/v2/signingCert`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          credentials: { oidcIdentityToken: token },
          publicKeyRequest: { publicKey: { algorithm: 'ECDSA', content: publicKey.export({ type: 'spki', format: 'pem' }) }, proofOfPossession: cryptoSign('sha256', Buffer.from(signed), privateKey).toString('base64') },
        }),
      });
    const token = oidc.token('sigstore');
    const wrongProof = await request(token, 'someone else');
    expect(wrongProof.status).toBe(400);
    expect(((await wrongProof.json()) as { message: string }).message).toBe('The signature supplied in the request could not be verified');
    const noJobWorkflow = await request(oidc.token('sigstore', { job_workflow_ref: undefined }), oidc.claims.sub!);
    expect(noJobWorkflow.status).toBe(400);
    const good = await request(token, oidc.claims.sub!);
    expect(good.status).toBe(201);
  });
});

describe('service failures', () => {
  it('a Fulcio 503 is retried, then the signature is made', async () => {
    sigstore.faults.fulcio.push(503);
    const signed = await sign();
    expect(signed.logIndex).toMatch(/^\d+$/);
    expect(sigstore.faults.fulcio).toEqual([]);
  });

  it('a Rekor answer lost after the entry was logged: the retry finds the entry (409) and reads it back; one entry', async () => {
    sigstore.faults.rekor.push('lost');
    const entries = sigstore.counts.entries;
    const signed = await sign();
    expect(sigstore.counts.entries).toBe(entries + 1);
    expect(signed.logIndex).toMatch(/^\d+$/);
    await expect(verifyBundle(signed.bundle, { signer: expectedSigner(oidc.githubEnv), predicateType: PYPI_PUBLISH_V1, subjects: statement.subject }, sigstore.trustedRoot)).resolves.toBeDefined();
  });

  it('Fulcio down for good: one line naming Fulcio and saying to re-run', async () => {
    sigstore.faults.fulcio.push(503, 503, 503);
    const error = await failure(sign());
    expect(error.message).toMatch(/^Fulcio \(http:\/\/127\.0\.0\.1:\d+\) did not answer \(HTTP 503: .*\), also after retrying; nothing was signed: re-run the job/);
  });

  it('Rekor dropping every connection: one line naming Rekor and saying to re-run', async () => {
    sigstore.faults.rekor.push('reset', 'reset', 'reset');
    const entries = sigstore.counts.entries;
    const error = await failure(sign());
    expect(error.message).toMatch(/^Rekor \(http:\/\/127\.0\.0\.1:\d+\) did not answer .*re-run the job/);
    expect(sigstore.counts.entries).toBe(entries);
  });

  it('a stalled timestamp authority times out: one line naming it', async () => {
    sigstore.faults.tsa.push('stall', 'stall');
    const error = await failure(sign(undefined, { timeoutMs: 300 }));
    expect(error.message).toMatch(/^the timestamp authority \(http:\/\/127\.0\.0\.1:\d+\) did not answer .*re-run the job/);
  });
});
