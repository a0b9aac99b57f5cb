import type { Runner } from '../../../src/runtime/action-io.js';

/** A runner that keeps every line it is given, as the runner would print it. */
export function recordingRunner() {
  const lines: string[] = [];
  const warnings: string[] = [];
  const masked: string[] = [];
  const outputs: Record<string, string> = {};
  const runner: Runner = {
    info: (m) => lines.push(m),
    debug: (m) => lines.push(`::debug::${m}`),
    warning: (m) => (warnings.push(m), lines.push(`::warning::${m}`)),
    error: (m) => lines.push(`::error::${m}`),
    mask: (s) => masked.push(s),
    setOutput: (n, v) => (outputs[n] = v),
    appendSummary: (m) => lines.push(m),
    group: async (title, body) => {
      lines.push(`::group::${title}`);
      try {
        return await body();
      } finally {
        lines.push('::endgroup::');
      }
    },
  };
  return { runner, lines, warnings, masked, outputs };
}
