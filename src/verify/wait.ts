/**
 * Waiting for something outside to become ready (a container's health, a version showing up in an
 * index, a service converging), as one loop over a probe. The clock and sleep are arguments, so the
 * loop is the same in tests against real servers and in production.
 */
export type ProbeResult =
  /** Ready now; the loop still wants `successes` of these in a row. */
  | { state: 'ready'; detail: string }
  /** Not yet; keep asking until the deadline. */
  | { state: 'waiting'; detail: string }
  /** It will not get better (the container exited, the service rolled back): stop now. */
  | { state: 'failed'; detail: string };

export type Probe = () => Promise<ProbeResult>;

export interface Clock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const realClock: Clock = {
  now: Date.now,
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
};

export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Consecutive `ready` answers needed: more than one rides out a service that flaps. */
  successes?: number;
  clock?: Clock;
  signal?: AbortSignal;
  /** Called when the probe's answer changes, for progress lines in the log. */
  onChange?: (result: ProbeResult) => void;
}

export interface WaitResult {
  outcome: 'ready' | 'failed' | 'timeout';
  /** The last probe's detail, or why the wait ended. */
  detail: string;
  attempts: number;
  /** `ready` answers seen in all, not only in a row: a timeout with some is a flapping service. */
  readyCount: number;
  elapsedMs: number;
}

export async function waitFor(probe: Probe, options: WaitOptions): Promise<WaitResult> {
  const clock = options.clock ?? realClock;
  const needed = Math.max(1, options.successes ?? 1);
  const start = clock.now();
  let attempts = 0;
  let streak = 0;
  let readyCount = 0;
  let last: ProbeResult | undefined;
  for (;;) {
    attempts++;
    const result = await probe();
    if (!last || last.state !== result.state || last.detail !== result.detail) options.onChange?.(result);
    last = result;
    const elapsedMs = clock.now() - start;
    if (result.state === 'failed') return { outcome: 'failed', detail: result.detail, attempts, readyCount, elapsedMs };
    if (result.state === 'ready') {
      readyCount++;
      if (++streak >= needed) return { outcome: 'ready', detail: result.detail, attempts, readyCount, elapsedMs };
    } else {
      streak = 0;
    }
    if (elapsedMs + options.intervalMs > options.timeoutMs) {
      const flapping = readyCount > 0 ? ` (ready ${readyCount} of ${attempts} times but never ${needed} in a row: flapping)` : '';
      return { outcome: 'timeout', detail: `${result.detail}${flapping}`, attempts, readyCount, elapsedMs };
    }
    await clock.sleep(options.intervalMs, options.signal);
  }
}

/** "12.3 s" */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
