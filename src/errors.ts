/**
 * The error taxonomy. A `UserError` is something the user can fix (bad tag, version mismatch, bad
 * config, missing token): it is reported as one actionable line, no stack. Anything else is a bug
 * and is reported with its cause chain.
 */
export interface SourceLocation {
  file: string;
  line?: number;
}

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly location?: SourceLocation,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failure of the command line itself (unknown flag, missing value): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The cause chain as text, for debug logs of unexpected errors. */
export function describeCauses(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    if (current instanceof Error) {
      lines.push(depth === 0 ? (current.stack ?? String(current)) : `caused by: ${current.stack ?? current}`);
      current = current.cause;
    } else {
      lines.push(depth === 0 ? String(current) : `caused by: ${String(current)}`);
      current = undefined;
    }
  }
  return lines.join('\n');
}
