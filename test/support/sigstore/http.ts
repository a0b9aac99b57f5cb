/** HTTP for the local Sigstore services: a loopback server per service, and the faults a test queues. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * 500 / 503: answered with that status; `reset`: the connection dropped before the request is handled;
 * `stall`: never answered; `lost`: handled (a Rekor entry is logged) but the answer never arrives.
 */
export type Fault = 500 | 503 | 'reset' | 'stall' | 'lost';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Applies the next queued fault, if any, before the real handler. */
export function withFaults(queue: Fault[], handler: Handler): Handler {
  return async (req, res) => {
    const fault = queue.shift();
    if (fault === undefined) return handler(req, res);
    if (fault === 'lost') {
      // Handled in full; the connection drops where the answer would start.
      res.writeHead = (() => res) as unknown as typeof res.writeHead;
      res.setHeader = (() => res) as unknown as typeof res.setHeader;
      res.end = (() => (req.socket.destroy(), res)) as unknown as typeof res.end;
      return handler(req, res);
    }
    await readBody(req);
    if (fault === 'stall') return; // never answers; close() drops the connection
    if (fault === 'reset') return void req.socket.destroy();
    json(res, fault, { code: 14, message: fault === 503 ? 'service unavailable' : 'internal error' });
  };
}

export async function listen(handler: Handler): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json');
}

export function send(res: ServerResponse, status: number, body: string | ArrayBufferView, contentType = 'application/json'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
  res.end(bytes);
}
