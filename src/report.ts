import { describeCauses, isUserError, UsageError } from './errors.js';
import type { Runner } from './runtime/action-io.js';

/**
 * The one top-level handler. A user's mistake is one actionable line (an annotation on the file and
 * line when known); anything else is a bug, reported with its cause chain in the debug log.
 * Returns the exit code.
 */
export function reportFailure(error: unknown, runner: Runner): number {
  if (isUserError(error)) {
    runner.error(error.message, error.location ? { file: error.location.file, line: error.location.line } : undefined);
    return 1;
  }
  if (error instanceof UsageError) {
    runner.error(error.message);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  runner.error(`tagship failed unexpectedly: ${message}. This is a bug; please report it with the debug log (re-run with debug logging).`);
  runner.debug(describeCauses(error));
  return 1;
}
