import { UserError } from '../errors.js';
import { HttpError, isRetryableStatus } from '../net/http.js';
import { describeReference } from './names.js';

/** What a request was doing, for the error line: `reading`, `writing tag`, `mounting a layer into`, … */
export interface RegistryOperation {
  host: string;
  repository: string;
  reference: string;
  /** `read`s get "check the name and credentials"; `write`s get "check that the token may push". */
  access: 'pull' | 'push';
  what: string;
}

/** A registry's answer that retries will not fix, as one line saying what failed and what to do. */
export async function registryFailure(op: RegistryOperation, response: Response): Promise<UserError> {
  const text = (await response.text().catch(() => '')).trim();
  return new UserError(`${describeFailure(op, response.status, summarizeBody(text))} ${advice(op, response.status)}`);
}

/** Connection errors that outlasted the retries, and anything else thrown on the way. */
export function registryUnreachable(op: RegistryOperation, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const reason = error instanceof HttpError ? error.message : error instanceof Error ? error.message : String(error);
  return new UserError(`Registry ${op.host} could not be reached for ${op.what} ${describeReference(op.repository, op.reference)}: ${reason}. Check the registry's status and re-run: what is done is skipped.`, undefined, { cause: error });
}

function describeFailure(op: RegistryOperation, status: number, body: string): string {
  return `Registry ${op.host} answered HTTP ${status} for ${op.access === 'pull' && op.what === 'reading' ? '' : `${op.what} `}${describeReference(op.repository, op.reference)}: ${body || 'no details'}.`;
}

function advice(op: RegistryOperation, status: number): string {
  if (status === 401 || status === 403) {
    if (op.access === 'pull') return 'Check the image name and registry credentials.';
    return `Check the registry-credentials line for ${op.host} and that its token may push${op.host === 'ghcr.io' ? ' (GHCR needs `permissions: packages: write` in the job)' : ''}.`;
  }
  if (isRetryableStatus(status)) return 'It kept failing after retries: re-run later; tags already written are skipped.';
  if (status === 404) return 'Check the image name (registry/namespace/name) and that the repository exists.';
  return 'Check the image name and the registry’s requirements.';
}

/** Registry errors are JSON (`{"errors":[{"code","message"}]}`); keep them short and single-line. */
function summarizeBody(text: string): string {
  try {
    const parsed = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> };
    if (parsed.errors?.length) return parsed.errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ').slice(0, 300);
  } catch {
    // not JSON: fall through
  }
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
