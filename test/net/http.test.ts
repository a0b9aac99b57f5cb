import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, defaultDeps, describeProgress, HttpError, parseRetryAfter, request, type RetryNotice } from '../../src/net/http.js';

type Script = (req: IncomingMessage, res: ServerResponse, n: number) => void;
const servers: Array<{ close: () => void }> = [];

async function serve(script: Script): Promise<{ url: string; hits: () => number }> {
  let n = 0;
  const server = createServer((req, res) => script(req, res, n++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, hits: () => n };
}
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const sleeps: number[] = [];
const fastDeps = { ...defaultDeps, sleep: async (ms: number) => void sleeps.push(ms) };

describe('request with retries (real loopback server)', () => {
  it('retries 500, 503, 429 with Retry-After and a connection reset, then succeeds', async () => {
    sleeps.length = 0;
    const server = await serve((req, res, n) => {
      if (n === 0) return void res.writeHead(500).end('boom');
      if (n === 1) return void res.writeHead(503).end();
      if (n === 2) return void res.writeHead(429, { 'Retry-After': '7' }).end();
      if (n === 3) return void req.socket.destroy();
      res.writeHead(200).end('ok');
    });
    const notices: RetryNotice[] = [];
    const response = await request(server.url, { onRetry: (n) => notices.push(n) }, fastDeps);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expect(server.hits()).toBe(5);
    expect(notices.map((n) => n.reason)).toEqual(['HTTP 500', 'HTTP 503', 'HTTP 429', expect.any(String)]);
    expect(sleeps[2]).toBe(7000);
  });

  it('never retries other 4xx: the response is returned for its error details', async () => {
    const server = await serve((_req, res) => void res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"bad token"}'));
    const response = await request(server.url, {}, fastDeps);
    expect(response.status).toBe(403);
    expect(server.hits()).toBe(1);
  });

  it('gives up after the configured retries with a clear error', async () => {
    const server = await serve((req) => void req.socket.destroy());
    await expect(request(server.url, { retry: { retries: 2 } }, fastDeps)).rejects.toThrow(HttpError);
    expect(server.hits()).toBe(3);
  });

  it('times out an attempt that never answers, and retries it', async () => {
    const server = await serve((_req, res, n) => (n === 0 ? undefined : void res.writeHead(200).end('late ok')));
    const response = await request(server.url, { retry: { timeoutMs: 200 } }, fastDeps);
    expect(await response.text()).toBe('late ok');
  });

  it('computes delays: Retry-After seconds or date, and jittered backoff within bounds', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    for (const r of [0, 0.5, 0.999]) {
      const delay = backoffDelay(3, DEFAULT_RETRY, () => r);
      expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY.minDelayMs / 2);
      expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY.minDelayMs * 8);
    }
  });
});

describe('uploads: an idle timeout and progress by bytes (real loopback server)', () => {
  const body = new Uint8Array(16 * 1024 * 1024).fill(7);

  it('a peer that stops reading mid-body fails the attempt with how far it got, not after the per-attempt timeout', async () => {
    // Takes the headers, then never reads: the socket buffers fill and the body stops moving.
    const server = await serve((req) => void req.pause());
    const error = await request(server.url, { method: 'PUT', body, retry: { retries: 1, idleTimeoutMs: 300, timeoutMs: 600_000 } }, fastDeps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as Error).message).toMatch(new RegExp(`^PUT ${server.url} failed after 2 attempts: upload stalled: no progress for 0\\.3 s after [0-9.]+ (MiB|KiB) of 16\\.0 MiB$`));
    expect(server.hits()).toBe(2);
  });

  it('a peer that reads everything and never answers is named as such', async () => {
    const server = await serve((req) => void req.resume());
    const error = await request(server.url, { method: 'POST', body, retry: { retries: 0, idleTimeoutMs: 300, timeoutMs: 600_000 } }, fastDeps).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`POST ${server.url} failed after 1 attempts: the whole body (16.0 MiB) was sent, then no answer for 0.3 s`);
  });

  it('reports progress at every tenth of the body, sends its length, and the server gets every byte', async () => {
    const received: Array<{ bytes: number; length?: string; type?: string }> = [];
    const server = await serve((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => (received.push({ bytes, length: req.headers['content-length'], type: req.headers['content-type'] }), res.writeHead(200).end('ok')));
    });
    const progress: string[] = [];
    const form = new FormData();
    form.append('content', new Blob([body]), 'big.whl');
    const response = await request(server.url, { method: 'POST', body: form, onProgress: (p) => progress.push(describeProgress(p)) }, fastDeps);
    expect(response.status).toBe(200);
    const size = received[0]!.bytes;
    expect(received[0]).toEqual({ bytes: size, length: String(size), type: expect.stringMatching(/^multipart\/form-data; boundary=/) });
    expect(size).toBeGreaterThan(body.length);
    expect(progress).toHaveLength(10);
    expect(progress[0]).toMatch(/^10% \(1\.6 MiB of 16\.0 MiB\) sent$/);
    expect(progress.at(-1)).toBe('100% (16.0 MiB of 16.0 MiB) sent');
  });
});
