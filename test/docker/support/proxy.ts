import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request: forward it, answer with a status, or cut the connection. */
export type Fault = { status: number; retryAfter?: string } | 'reset' | undefined;

export interface SeenRequest {
  method: string;
  path: string;
  /** What the proxy did: `forwarded`, `reset` or the status it answered with. */
  outcome: string;
}

/**
 * An HTTP proxy in front of a registry on 127.0.0.1 that can fail chosen requests (`fault` decides,
 * per request) and records every request, so tests see what was retried and what reached the registry.
 */
export async function startProxy(upstream: string, fault: (req: IncomingMessage, seen: readonly SeenRequest[]) => Fault = () => undefined) {
  const seen: SeenRequest[] = [];
  const [upstreamHost, upstreamPort] = upstream.split(':');
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const decision = fault(req, seen);
    const entry = { method: req.method!, path: req.url!, outcome: 'forwarded' };
    seen.push(entry);
    if (decision === 'reset') {
      entry.outcome = 'reset';
      return void req.socket.destroy();
    }
    if (decision) {
      entry.outcome = String(decision.status);
      res.writeHead(decision.status, decision.retryAfter ? { 'retry-after': decision.retryAfter } : {});
      return void res.end('{"errors":[{"code":"UNAVAILABLE","message":"injected by the test proxy"}]}');
    }
    const forward = request({ host: upstreamHost, port: Number(upstreamPort), method: req.method, path: req.url, headers: req.headers }, (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode!, upstreamRes.headers);
      upstreamRes.pipe(res);
    });
    forward.on('error', () => req.socket.destroy());
    forward.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
