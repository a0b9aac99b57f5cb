import { request } from '../net/http.js';
import type { Probe } from './wait.js';

/**
 * Ready when the URL answers 2xx. One attempt per probe (the wait loop does the retrying), with a short
 * timeout so a hung server costs one interval, not the whole wait.
 */
export function httpProbe(url: string, timeoutMs = 5_000): Probe {
  return async () => {
    try {
      const response = await request(url, { retry: { retries: 0, timeoutMs } });
      await response.body?.cancel().catch(() => undefined);
      const detail = `GET ${url} → HTTP ${response.status}`;
      return response.ok ? { state: 'ready', detail } : { state: 'waiting', detail };
    } catch (error) {
      const cause = (error as { cause?: { cause?: { code?: string }; code?: string } }).cause;
      const code = cause?.cause?.code ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
      return { state: 'waiting', detail: `GET ${url} → ${code}` };
    }
  };
}
