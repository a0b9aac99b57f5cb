import { UserError } from '../errors.js';

/** The parts of Octokit's `RequestError` we read; duck-typed so this module loads nothing. */
export interface ApiError {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/** A 422 whose errors say a resource with that key exists already (`already_exists`). */
export function isAlreadyExists(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 422) return false;
  const errors = (error.response?.data as { errors?: Array<{ code?: string }> } | undefined)?.errors ?? [];
  return errors.some((e) => e?.code === 'already_exists');
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/**
 * Translates the API's refusals that a user can fix into one actionable line. `doing` says what
 * tagship was doing ("creating the release v1.2.3"); `permission` names the token permission it needs.
 */
export function translateApiError(error: unknown, doing: string, permission = 'contents: write'): unknown {
  if (!isApiError(error)) return error;
  const detail = apiMessage(error);
  switch (error.status) {
    case 401:
      return new UserError(
        `GitHub rejected the token while ${doing} (401 ${detail}): pass a valid token in the github-token input (the default is \${{ github.token }}).`,
        undefined,
        { cause: error },
      );
    case 403:
      if (/rate limit/i.test(detail)) {
        return new UserError(`GitHub's rate limit stopped tagship while ${doing} (403 ${detail}): re-run the workflow later.`, undefined, { cause: error });
      }
      return new UserError(
        `The token may not do this: ${doing} was refused (403 ${detail}). Give the job \`permissions: ${permission}\`, or pass a token that has it in github-token.`,
        undefined,
        { cause: error },
      );
    case 404:
      return new UserError(
        `GitHub answered 404 while ${doing}: the repository does not exist or the token cannot see it (it needs \`${permission}\`).`,
        undefined,
        { cause: error },
      );
    default:
      return new UserError(`GitHub answered ${error.status} while ${doing}: ${detail}.`, undefined, { cause: error });
  }
}

function apiMessage(error: ApiError): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  const text = typeof data?.message === 'string' ? data.message : error.message;
  return text.replace(/\s+/g, ' ').slice(0, 200);
}
