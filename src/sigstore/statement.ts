/**
 * In-toto statements tagship signs, and the SLSA build-provenance predicate GitHub's own
 * `actions/attest-build-provenance` writes (so `gh attestation verify` and the SLSA tooling read ours
 * the same way). Pure: planners may import this module.
 */
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const PYPI_PUBLISH_V1 = 'https://docs.pypi.org/attestations/publish/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** The build type of GitHub Actions workflows (slsa-framework/github-actions-buildtypes workflow/v1). */
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

export interface Subject {
  name: string;
  /** `{ sha256: <hex> }` */
  digest: Record<string, string>;
}

export interface InTotoStatement {
  _type: typeof IN_TOTO_STATEMENT_V1;
  subject: Subject[];
  predicateType: string;
  predicate: unknown;
}

export function inTotoStatement(subject: Subject[], predicateType: string, predicate: unknown): InTotoStatement {
  return { _type: IN_TOTO_STATEMENT_V1, subject, predicateType, predicate };
}

/** Who ran the build: the claims GitHub's ID token carries, or the same values from the runner's environment. */
export interface RunIdentity {
  /** `https://github.com` */
  serverUrl: string;
  /** `owner/repo` */
  repository: string;
  /** `refs/tags/v1.2.3` */
  ref: string;
  /** The commit built. */
  sha: string;
  /** `owner/repo/.github/workflows/release.yml@refs/tags/v1.2.3`: the workflow the run started. */
  workflowRef: string;
  /** The same for the workflow that runs the job (a called reusable workflow): the builder. */
  jobWorkflowRef: string;
  runId: string;
  runAttempt: string;
  eventName: string;
  repositoryId: string;
  repositoryOwnerId: string;
  /** `github-hosted` or `self-hosted` */
  runnerEnvironment: string;
}

/** The ID-token claims that override what the environment says (the token is what Fulcio certifies). */
export interface RunClaims {
  repository?: string;
  ref?: string;
  sha?: string;
  workflow_ref?: string;
  job_workflow_ref?: string;
  run_id?: string;
  run_attempt?: string;
  event_name?: string;
  repository_id?: string;
  repository_owner_id?: string;
  runner_environment?: string;
}

/**
 * This run's identity from the runner's environment. The environment does not name the workflow that
 * runs the job when it is a called reusable workflow (`job_workflow_ref`): pass the decoded claims of
 * the ID token used to sign, whose values win, to name the builder exactly as the certificate does.
 */
export function runIdentity(env: NodeJS.ProcessEnv, claims: RunClaims = {}): RunIdentity {
  const workflowRef = claims.workflow_ref ?? env.GITHUB_WORKFLOW_REF ?? '';
  return {
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    repository: claims.repository ?? env.GITHUB_REPOSITORY ?? '',
    ref: claims.ref ?? env.GITHUB_REF ?? '',
    sha: claims.sha ?? env.GITHUB_SHA ?? '',
    workflowRef,
    jobWorkflowRef: claims.job_workflow_ref ?? workflowRef,
    runId: claims.run_id ?? env.GITHUB_RUN_ID ?? '',
    runAttempt: claims.run_attempt ?? env.GITHUB_RUN_ATTEMPT ?? '1',
    eventName: claims.event_name ?? env.GITHUB_EVENT_NAME ?? '',
    repositoryId: claims.repository_id ?? env.GITHUB_REPOSITORY_ID ?? '',
    repositoryOwnerId: claims.repository_owner_id ?? env.GITHUB_REPOSITORY_OWNER_ID ?? '',
    runnerEnvironment: claims.runner_environment ?? env.RUNNER_ENVIRONMENT ?? '',
  };
}

/**
 * The SLSA v1 provenance predicate for a GitHub Actions build, field for field what
 * `@actions/attest` `buildSLSAProvenancePredicate` returns as `params`.
 */
export function slsaProvenancePredicate(run: RunIdentity): unknown {
  // owner/repo/.github/workflows/main.yml@refs/… → .github/workflows/main.yml
  const [workflowPath] = run.workflowRef.replace(`${run.repository}/`, '').split('@');
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: run.ref, repository: `${run.serverUrl}/${run.repository}`, path: workflowPath },
      },
      internalParameters: {
        github: {
          event_name: run.eventName,
          repository_id: run.repositoryId,
          repository_owner_id: run.repositoryOwnerId,
          runner_environment: run.runnerEnvironment,
        },
      },
      resolvedDependencies: [{ uri: `git+${run.serverUrl}/${run.repository}@${run.ref}`, digest: { gitCommit: run.sha } }],
    },
    runDetails: {
      builder: { id: `${run.serverUrl}/${run.jobWorkflowRef}` },
      metadata: { invocationId: `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}/attempts/${run.runAttempt}` },
    },
  };
}
