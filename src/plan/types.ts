import type { DockerSummary } from '../docker/jobs.js';
import type { TriggerKind } from '../trigger.js';
import type { ResolvedVersion, VersionCheck } from '../version/guard.js';
import type { StageName } from './stages.js';
import type { DeployStep } from './steps/deploy.js';
import type { DockerStep } from './steps/docker.js';
import type { GithubAttestStep } from './steps/github-attest.js';
import type { GithubReleaseStep, WorkflowDispatchStep } from './steps/github-release.js';
import type { NpmPublishStep } from './steps/npm.js';
import type { PypiUploadStep, PythonBuildStep } from './steps/python.js';
import type { VerifyStep } from './steps/verify.js';

/** Bumped when the plan's JSON shape changes incompatibly; jobs that pass plans along check it. */
export const PLAN_SCHEMA_VERSION = 1;

export type PlannedStep =
  | PythonBuildStep
  | PypiUploadStep
  | NpmPublishStep
  | GithubReleaseStep
  | GithubAttestStep
  | WorkflowDispatchStep
  | DockerStep
  | VerifyStep
  | DeployStep;

export interface PlannedStage {
  name: StageName;
  steps: PlannedStep[];
  /** Why a stage the trigger asked for has nothing to do. */
  skipped?: string;
}

export interface PlanTrigger {
  kind: TriggerKind;
  event: string;
  ref?: string;
  tag?: string;
  reason?: string;
}

/** The release plan: plain data, serialisable, the one thing executors act on. */
export interface ReleasePlan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  createdAt: string;
  dryRun: boolean;
  trigger: PlanTrigger;
  /** Absent when the trigger is ignored. */
  version?: ResolvedVersion;
  rehearsal: boolean;
  /** This version is the highest stable one released, so it may take `latest` everywhere. */
  latest: boolean;
  checks: VersionCheck[];
  stages: PlannedStage[];
  commit?: string;
  repository?: string;
  /** The images, tags, platforms and build matrix of the Docker stage, when it runs. */
  docker?: DockerSummary;
}
