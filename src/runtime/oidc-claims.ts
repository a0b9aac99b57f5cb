/**
 * The claims of the runner's OIDC ID token, read (not verified: the index verifies them) so that
 * tagship can say which trusted publisher an index will look for, before anything is built.
 *
 * What the indexes match (their documented rules):
 * - PyPI (warehouse `oidc/models/github.py`): `repository`, `repository_owner_id`, the workflow file
 *   taken from `job_workflow_ref` (the workflow that runs the job: for a reusable workflow, the
 *   CALLED file), and `environment` when the publisher names one. `job_workflow_ref` must start with
 *   `<repository>/.github/workflows/<file>@`, so a reusable workflow from another repository never matches.
 * - npm (docs, trusted publishers, "workflow_call"): the workflow file of `workflow_ref`, i.e. the
 *   CALLING workflow, and the environment when the publisher names one.
 */
import { request } from '../net/http.js';
import { UserError } from '../errors.js';

export interface GithubOidcClaims {
  repository?: string;
  repository_owner_id?: string;
  /** `owner/repo/.github/workflows/<file>@<ref>` of the workflow the run started (the caller). */
  workflow_ref?: string;
  /** The same for the workflow that runs this job (a called reusable workflow, or the caller itself). */
  job_workflow_ref?: string;
  environment?: string;
  ref?: string;
}

/** The payload of a JWT, or undefined when the text is not one. */
export function decodeClaims(jwt: string): GithubOidcClaims | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as GithubOidcClaims) : undefined;
  } catch {
    return undefined;
  }
}

export interface WorkflowRef {
  /** `owner/repo` */
  repository: string;
  /** `.github/workflows/release.yml` */
  path: string;
  /** `release.yml`: what a trusted publisher names. */
  file: string;
}

/** `owner/repo/.github/workflows/release.yml@refs/tags/v1` → its parts. */
export function parseWorkflowRef(ref: string | undefined): WorkflowRef | undefined {
  const match = ref?.match(/^([^/]+\/[^/]+)\/(\.github\/workflows\/([^@]+))@/);
  if (!match) return undefined;
  return { repository: match[1]!, path: match[2]!, file: match[3]! };
}

/** "repository octo/proj, workflow file release.yml, environment pypi" — the claims an index matches. */
export function describePublisherClaims(claims: GithubOidcClaims, index: 'pypi' | 'npm'): string {
  const workflow = parseWorkflowRef(index === 'pypi' ? claims.job_workflow_ref : claims.workflow_ref);
  return [
    `repository \`${claims.repository ?? '(none)'}\``,
    `workflow file \`${workflow?.file ?? '(none)'}\``,
    claims.environment ? `environment \`${claims.environment}\`` : 'no environment (a publisher that names one needs `environment:` on this job)',
  ].join(', ');
}

/**
 * Why PyPI can never match these claims, whatever publisher is registered, or undefined. The one
 * such case: the upload runs in a reusable workflow of another repository (PyPI takes the workflow
 * file from `job_workflow_ref` and requires it to live in `repository`).
 */
export function pypiUnmatchable(claims: GithubOidcClaims, indexUrl: string): string | undefined {
  const job = parseWorkflowRef(claims.job_workflow_ref);
  const caller = parseWorkflowRef(claims.workflow_ref);
  if (!job || !claims.repository || job.repository.toLowerCase() === claims.repository.toLowerCase()) return undefined;
  return (
    `Trusted publishing to ${indexUrl} cannot work from this job: PyPI matches the called workflow \`${job.repository}/${job.path}\`` +
    `${caller ? ` (called from \`${caller.file}\`)` : ''} and refuses reusable workflows from another repository than \`${claims.repository}\`.` +
    ` Run the upload in a job of your own workflow (see docs/getting-started.md), or pass an API token in the 'pypi-token' input.`
  );
}

/** A note when PyPI will look for a different workflow file than the one the run started from. */
export function pypiCalledWorkflowNote(claims: GithubOidcClaims): string | undefined {
  const job = parseWorkflowRef(claims.job_workflow_ref);
  const caller = parseWorkflowRef(claims.workflow_ref);
  if (!job || !caller || job.path === caller.path) return undefined;
  return `PyPI matches the called workflow file \`${job.file}\`, not \`${caller.file}\` that called it: the trusted publisher must name \`${job.file}\`.`;
}

/** The runner's OIDC ID token for `audience` (needs `permissions: id-token: write`). */
export async function requestRunnerIdToken(env: NodeJS.ProcessEnv, audience: string, signal?: AbortSignal): Promise<string> {
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL!;
  const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
  const response = await request(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' }, signal, retry: { retries: 2 } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`The runner refused an OIDC ID token for ${audience} (HTTP ${response.status}): give the job \`permissions: id-token: write\`.`);
  }
  const { value } = (await response.json()) as { value?: string };
  if (!value) throw new Error(`the runner answered the OIDC token request for ${audience} without a value`);
  return value;
}
