import { execFileSync } from 'node:child_process';
import { createSign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type LocalServer } from './http-server.js';
import { usesTools } from '../../support/system-tools.js';

usesTools('openssl');

export interface TokenRequest {
  scope: string | null;
  service: string | null;
  authorization?: string;
}

/**
 * A registry token service (the `realm` of a Bearer challenge) that signs real JWTs with a throwaway key
 * and certificate made by openssl, which the registry is configured to trust. `grant` decides per
 * request whether a token is issued (e.g. only with credentials).
 */
export async function startTokenServer(grant: (req: TokenRequest) => boolean = () => true) {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-token-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=tagship-test-token'], {
    stdio: 'ignore',
  });
  const key = readFileSync(join(dir, 'key.pem'), 'utf8');
  const certificate = readFileSync(join(dir, 'cert.pem'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const der = new X509Certificate(certificate).raw.toString('base64');
  const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const requests: TokenRequest[] = [];
  const service = 'tagship-test-registry';
  const issuer = 'tagship-test-issuer';

  const sign = (scope: string | null) => {
    const now = Math.floor(Date.now() / 1000);
    const access = (scope ?? '')
      .split(' ')
      .filter(Boolean)
      .map((s) => {
        const [type, name, actions] = s.split(':');
        return { type, name, actions: actions!.split(',') };
      });
    const unsigned = `${b64url({ alg: 'RS256', typ: 'JWT', x5c: [der] })}.${b64url({ iss: issuer, sub: 'tagship', aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: String(Math.random()), access })}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
  };

  const server: LocalServer = await startServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    // Clients ask for several scopes with repeated `scope` parameters (a mount needs two repositories).
    const request = { scope: url.searchParams.getAll('scope').join(' ') || null, service: url.searchParams.get('service'), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    requests.push(request);
    if (!grant(request)) {
      res.statusCode = 401;
      return void res.end('{"details":"incorrect username or password"}');
    }
    const token = sign(request.scope);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
  });
  return { server, requests, sign, auth: { realm: `${server.url}/token`, service, issuer, certificate } };
}
