/**
 * Fulcio's CreateSigningCertificate (POST /api/v2/signingCert) for GitHub Actions tokens, with the checks
 * sigstore/fulcio makes before issuing (see ../sigstore.ts); the certificate itself from @sigstore/mock's CA.
 */
import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { initializeCA } from '@sigstore/mock';
import { json, listen, readBody, withFaults, type Fault } from './http.js';
import { GITHUB_ACTIONS_ISSUER, type RunnerOidc } from './runner-oidc.js';

type CA = Awaited<ReturnType<typeof initializeCA>>;

export async function startFulcio(ca: CA, oidc: RunnerOidc, faults: Fault[], counts: { certificates: number }) {
  return listen(
    withFaults(faults, async (req, res) => {
      if (req.method !== 'POST' || req.url !== '/api/v2/signingCert') return json(res, 404, { code: 5, message: 'Not Found' });
      const answer = await issueCertificate(await readBody(req));
      if (answer.status === 201) counts.certificates++;
      json(res, answer.status, answer.body);
    }),
  );

  /** Fulcio's CreateSigningCertificate for a GitHub Actions token, with its checks. */
  async function issueCertificate(body: string): Promise<{ status: number; body: unknown }> {
    const invalid = (message: string) => ({ status: 400, body: { code: 3, message, details: [] } });
    let request: { credentials?: { oidcIdentityToken?: string }; publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string } };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return invalid('invalid request body');
    }
    const claims = await authenticate(request.credentials?.oidcIdentityToken ?? '').catch(() => undefined);
    if (!claims) return invalid('There was an error processing the identity token');
    const missing = REQUIRED_GITHUB_CLAIMS.find((claim) => typeof claims[claim] !== 'string' || claims[claim] === '');
    if (missing) return invalid('There was an error processing the identity token');
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(request.publicKeyRequest?.publicKey?.content ?? '');
    } catch {
      return invalid('The public key supplied in the request could not be parsed');
    }
    const proof = Buffer.from(request.publicKeyRequest?.proofOfPossession ?? '', 'base64');
    if (!cryptoVerify('sha256', Buffer.from(String(claims.sub)), publicKey, proof)) return invalid('The signature supplied in the request could not be verified');
    const c = claims as Record<string, string>;
    const github = 'https://github.com';
    const signer = `${github}/${c.job_workflow_ref}`;
    const extensions = [
      { oid: '1.3.6.1.4.1.57264.1.1', value: c.iss!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.2', value: c.event_name!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.3', value: c.sha!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.4', value: c.workflow!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.5', value: c.repository!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.6', value: c.ref!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.8', value: c.iss! },
      { oid: '1.3.6.1.4.1.57264.1.9', value: signer },
      { oid: '1.3.6.1.4.1.57264.1.10', value: c.job_workflow_sha! },
      { oid: '1.3.6.1.4.1.57264.1.11', value: c.runner_environment! },
      { oid: '1.3.6.1.4.1.57264.1.12', value: `${github}/${c.repository}` },
      { oid: '1.3.6.1.4.1.57264.1.13', value: c.sha! },
      { oid: '1.3.6.1.4.1.57264.1.14', value: c.ref! },
      { oid: '1.3.6.1.4.1.57264.1.15', value: c.repository_id! },
      { oid: '1.3.6.1.4.1.57264.1.16', value: `${github}/${c.repository_owner}` },
      { oid: '1.3.6.1.4.1.57264.1.17', value: c.repository_owner_id! },
      { oid: '1.3.6.1.4.1.57264.1.18', value: `${github}/${c.workflow_ref}` },
      { oid: '1.3.6.1.4.1.57264.1.19', value: c.workflow_sha! },
      { oid: '1.3.6.1.4.1.57264.1.20', value: c.event_name! },
      { oid: '1.3.6.1.4.1.57264.1.21', value: `${github}/${c.repository}/actions/runs/${c.run_id}/attempts/${c.run_attempt}` },
      { oid: '1.3.6.1.4.1.57264.1.22', value: c.repository_visibility! },
    ];
    const leaf = await ca.issueCertificate({ publicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })), subjectAltName: signer, extensions });
    return { status: 201, body: { signedCertificateEmbeddedSct: { chain: { certificates: [toPem(leaf), toPem(ca.rootCertificate)] } } } };
  }

  /** go-oidc's IDTokenVerifier for the GitHub issuer: signature by a JWKS key, issuer, audience (ClientID `sigstore`), expiry. */
  async function authenticate(token: string): Promise<Record<string, unknown>> {
    const [head, payload, signature] = token.split('.');
    if (!head || !payload || !signature) throw new Error('malformed jwt');
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== GITHUB_ACTIONS_ISSUER || header.alg !== 'ES256') throw new Error('unknown issuer');
    const jwks = (await (await fetch(oidc.jwksUrl)).json()) as { keys: Array<{ kid?: string } & Record<string, unknown>> };
    const jwk = jwks.keys.find((key) => key.kid === header.kid);
    if (!jwk) throw new Error('no such key');
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    if (!cryptoVerify('sha256', Buffer.from(`${head}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) throw new Error('bad signature');
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes('sigstore')) throw new Error('wrong audience');
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp < now) throw new Error('expired');
    return claims;
  }
}

/** The claims sigstore/fulcio's GitHub workflow principal refuses to certify without. */
const REQUIRED_GITHUB_CLAIMS = [
  'job_workflow_ref', 'sha', 'event_name', 'repository', 'workflow', 'ref', 'job_workflow_sha', 'runner_environment', 'repository_id',
  'repository_owner', 'repository_owner_id', 'repository_visibility', 'workflow_ref', 'workflow_sha', 'run_id', 'run_attempt',
] as const;

function toPem(der: ArrayBufferView): string {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}
