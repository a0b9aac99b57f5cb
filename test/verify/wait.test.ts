import { afterEach, describe, expect, it } from 'vitest';
import { httpProbe } from '../../src/verify/http-probe.js';
import { waitFor, type ProbeResult } from '../../src/verify/wait.js';
import { startServer, type LocalServer } from './support/http-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A /health endpoint whose answers follow `status(n)` for the n-th request. */
async function healthServer(status: (n: number) => number) {
  let n = 0;
  server = await startServer((req, res) => {
    res.statusCode = req.url === '/health' ? status(n++) : 404;
    res.end();
  });
  return `${server.url}/health`;
}

const fast = { intervalMs: 20, successes: 3 };

describe('waiting for health over HTTP', () => {
  it('waits through a start-up that answers 503 first, then reports ready', async () => {
    const url = await healthServer((n) => (n < 5 ? 503 : 200));
    const result = await waitFor(httpProbe(url), { ...fast, timeoutMs: 5_000 });
    expect(result.outcome).toBe('ready');
    expect(result.attempts).toBe(8); // 5 × 503, then 3 × 200 in a row
    expect(result.detail).toBe(`GET ${url} → HTTP 200`);
  });

  it('times out on a server that never becomes healthy, with the last answer', async () => {
    const url = await healthServer(() => 500);
    const result = await waitFor(httpProbe(url), { ...fast, timeoutMs: 300 });
    expect(result.outcome).toBe('timeout');
    expect(result.readyCount).toBe(0);
    expect(result.detail).toBe(`GET ${url} → HTTP 500`);
  });

  it('does not take a flapping server for healthy, and says it flaps', async () => {
    const url = await healthServer((n) => (n % 2 ? 500 : 200));
    const result = await waitFor(httpProbe(url), { ...fast, timeoutMs: 400 });
    expect(result.outcome).toBe('timeout');
    expect(result.readyCount).toBeGreaterThan(1);
    expect(result.detail).toMatch(/never 3 in a row: flapping/);
  });

  it('keeps waiting while nothing listens yet, and reports the connection error', async () => {
    const url = await healthServer(() => 200);
    await server!.close();
    server = undefined;
    const result = await waitFor(httpProbe(url), { ...fast, timeoutMs: 200 });
    expect(result.outcome).toBe('timeout');
    expect(result.detail).toBe(`GET ${url} → ECONNREFUSED`);
  });

  it('gives up at once on a failed probe and reports changes only', async () => {
    const answers: ProbeResult[] = [
      { state: 'waiting', detail: 'starting' },
      { state: 'waiting', detail: 'starting' },
      { state: 'failed', detail: 'container exited with code 1' },
    ];
    const seen: string[] = [];
    let i = 0;
    const result = await waitFor(async () => answers[i++]!, { intervalMs: 1, timeoutMs: 10_000, onChange: (r) => seen.push(r.detail) });
    expect(result).toMatchObject({ outcome: 'failed', detail: 'container exited with code 1', attempts: 3 });
    expect(seen).toEqual(['starting', 'container exited with code 1']);
  });
});
