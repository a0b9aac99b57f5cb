import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, startServer } from '../../verify/support/http-server.js';

/** What the next matching request gets instead of the registry's answer. */
/** `pass` answers normally: it lets a fault sequence start later. */
export type Fault = 500 | 503 | 429 | 404 | 'reset' | 'lose-answer' | 'pass';

export interface Forwarded {
  method: string;
  path: string;
  status: number;
}

export interface FaultyRegistry {
  /** `http://127.0.0.1:PORT/`, to use as the npm registry. */
  url: string;
  /**
   * The next `faults.length` requests with this method (and a path containing `path`) fail, in order.
   * 404 plays a registry whose document lags behind a publish.
   */
  inject(method: string, faults: Fault[], path?: string): void;
  /** Requests the registry behind answered. */
  forwarded: Forwarded[];
  /** Faults served so far. */
  served: Array<{ method: string; path: string; fault: Fault }>;
  /** npm trusted publishing: the runner's id-token URL and the registry's token exchange. */
  oidc: { requestUrl: string; requestToken: string; exchanges: string[]; audiences: string[] };
  close(): Promise<void>;
}

/**
 * A proxy in front of Verdaccio that fails chosen requests the way registries do (500, 503, 429 with
 * Retry-After, connection resets, and an answer lost after the registry acted), and stands in for
 * the two OIDC endpoints npm's trusted publishing talks to: GitHub's id-token URL and the registry's
 * token exchange, which here trades a valid id token for the Verdaccio publish token.
 */
export async function startFaultyRegistry(upstream: string, publishToken: string): Promise<FaultyRegistry> {
  const queue: Array<{ method: string; path: string; faults: Fault[] }> = [];
  const forwarded: Forwarded[] = [];
  const served: FaultyRegistry['served'] = [];
  const requestToken = 'runner-request-token';
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  // GitHub's claims for a job of the reusable `npm.yml` that `release.yml` of the same repository calls.
  const idToken = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    aud: 'npm:127.0.0.1',
    repository: 'acme/app',
    workflow_ref: 'acme/app/.github/workflows/release.yml@refs/tags/v1.0.0',
    job_workflow_ref: 'acme/app/.github/workflows/npm.yml@refs/tags/v1.0.0',
    environment: 'npm',
  })}.c2ln`;
  const exchanges: string[] = [];
  const audiences: string[] = [];

  const forward = async (req: IncomingMessage, body: Buffer) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length', 'accept-encoding'].includes(name))) as Record<string, string>;
    const response = await fetch(new URL(req.url!, upstream), { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined });
    const payload = Buffer.from(await response.arrayBuffer());
    forwarded.push({ method: req.method!, path: req.url!, status: response.status });
    return { status: response.status, type: response.headers.get('content-type') ?? 'application/json', payload };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    if (path.startsWith('/_id-token')) {
      const ok = req.headers.authorization === `Bearer ${requestToken}`;
      audiences.push(new URL(path, 'http://x').searchParams.get('audience') ?? '');
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { value: idToken } : { message: 'bad request token' }));
      return;
    }
    if (req.method === 'POST' && path.startsWith('/-/npm/v1/oidc/token/exchange/package/')) {
      const ok = req.headers.authorization === `Bearer ${idToken}`;
      exchanges.push(decodeURIComponent(path.split('/').pop()!));
      res.writeHead(ok ? 201 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { token: publishToken } : { message: 'no trusted publisher' }));
      return;
    }
    const fault = queue.find((entry) => entry.method === req.method && path.includes(entry.path) && entry.faults.length)?.faults.shift();
    if (fault !== undefined) served.push({ method: req.method!, path, fault });
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 500 || fault === 503 || fault === 429 || fault === 404) {
      res.writeHead(fault, { 'content-type': 'application/json', ...(fault === 429 ? { 'retry-after': '1' } : {}) }).end(JSON.stringify({ error: `injected ${fault}` }));
      return;
    }
    const answer = await forward(req, body);
    if (fault === 'lose-answer') return void req.socket.destroy();
    res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.payload);
  };

  const server = await startServer(handle);
  return {
    url: `${server.url}/`,
    inject: (method, faults, path = '') => void queue.push({ method, path, faults: [...faults] }),
    forwarded,
    served,
    oidc: { requestUrl: `${server.url}/_id-token?api-version=2.0`, requestToken, exchanges, audiences },
    close: () => server.close(),
  };
}
