import type { Config } from '../config/schema.js';
import type { Trigger } from '../trigger.js';
import { checkSources, projectSchemes, resolveVersion } from '../version/guard.js';
import { isHighestInLine } from '../version/released.js';
import type { PlanContext } from './context.js';
import type { Facts } from './facts.js';
import type { StageName } from './stages.js';
import { dockerSummary, narrowToDockerJob, type DockerJob } from '../docker/jobs.js';
import { planDeploySteps, rolloutBlocked } from './steps/deploy.js';
import { planDockerSteps } from './steps/docker.js';
import { planGithubRelease } from './steps/github-release.js';
import { planNpmSteps } from './steps/npm.js';
import { planPythonSteps } from './steps/python.js';
import { planVerifySteps } from './steps/verify.js';
import { PLAN_SCHEMA_VERSION, type PlannedStage, type PlannedStep, type ReleasePlan } from './types.js';

export interface PlanRequest {
  trigger: Trigger;
  config: Config;
  facts: Facts;
  now: Date;
  dryRun: boolean;
  /** Stages this invocation may run (the `stages` input); all when absent. */
  only?: readonly StageName[];
  /** The publishing stage a verify-only invocation checks (the `verify-of` input); everything the trigger publishes when absent. */
  verifyOf?: 'release' | 'docker';
  /** The part of the Docker stage this invocation runs (the `docker-job` input); `all` when absent. */
  dockerJob?: DockerJob;
  /** Directory for build files (the runner's temp dir). */
  workDir?: string;
  /** `docker-digests-dir`: where distributed builds write, and the merge reads, per-platform digests. */
  digestsDir?: string;
}

const STAGE_PLANNERS: Record<StageName, (ctx: PlanContext) => PlannedStep[]> = {
  release: (ctx) => [...planPythonSteps(ctx), ...planNpmSteps(ctx), ...planGithubRelease(ctx)],
  docker: (ctx) => planDockerSteps(ctx),
  verify: (ctx) => planVerifySteps(ctx),
  deploy: (ctx) => planDeploySteps(ctx),
};

const NOTHING_TO_DO: Record<StageName, string | ((ctx: PlanContext) => string)> = {
  release: 'no Python or npm package found and the GitHub release is disabled',
  docker: 'no docker.images configured',
  verify: (ctx) => (ctx.config.verify.enabled ? 'nothing this trigger publishes has a smoke test' : 'verify.enabled is false'),
  deploy: (ctx) =>
    !ctx.config.deploy.swarm.length && !ctx.config.deploy.compose.length
      ? 'no deploy.swarm or deploy.compose targets configured'
      : !ctx.config.docker.images.length
        ? 'no docker.images configured'
        : rolloutBlocked(ctx)!,
};

/**
 * Turns a resolved trigger and a snapshot of facts into the release plan. Pure: it reads only its
 * arguments (the clock is one), so the same inputs always give the same plan. Throws a `UserError`
 * when the tag is not a version under the project's rules.
 */
export function buildPlan(request: PlanRequest): ReleasePlan {
  const { trigger, config, facts, now, dryRun } = request;
  const base = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    createdAt: now.toISOString(),
    dryRun,
    commit: facts.commit,
    repository: facts.repository,
  } as const;
  if (trigger.kind === 'ignored') {
    return { ...base, trigger: { kind: 'ignored', event: trigger.event, reason: trigger.reason }, rehearsal: false, latest: false, checks: [], stages: [] };
  }

  const schemes = projectSchemes(facts.project.readings, facts.project.python !== undefined, config['version-scheme']);
  const version = resolveVersion(trigger.versionText, trigger.ref, schemes);
  const checks = checkSources(version, facts.project.readings, facts.project.python?.dynamic);
  const known = facts.knownVersions.filter((v) => v !== version.text);
  const latest = !trigger.rehearsal && isHighestInLine(version.normalized, known, version.scheme, 'all');
  const runStages = trigger.stages.filter((name) => !request.only || request.only.includes(name));
  const ctx: PlanContext = {
    config,
    facts: { ...facts, knownVersions: known },
    version,
    tag: trigger.tag,
    rehearsal: trigger.rehearsal,
    latest,
    stages: trigger.stages,
    runStages,
    rebuild: trigger.kind === 'docker-rebuild',
    verifyOf: request.verifyOf,
    createdAt: base.createdAt,
    workDir: request.workDir,
    digestsDir: request.digestsDir,
  };
  const dockerJob = request.dockerJob ?? { job: 'all' };

  const planned: PlannedStage[] = runStages.map((name) => {
    const steps = STAGE_PLANNERS[name](ctx);
    const why = NOTHING_TO_DO[name];
    return steps.length ? { name, steps } : { name, steps, skipped: typeof why === 'function' ? why(ctx) : why };
  });
  const stages = narrowToDockerJob(planned, dockerJob, ctx);
  const docker = runStages.includes('docker') ? dockerSummary(ctx, dockerJob) : undefined;

  return {
    ...base,
    trigger: { kind: trigger.kind, event: trigger.event, ref: trigger.ref, tag: trigger.tag },
    version,
    rehearsal: trigger.rehearsal,
    latest,
    checks,
    stages,
    ...(docker ? { docker } : {}),
  };
}

/** Checks that failed: the run must stop before anything else happens. */
export function failedChecks(plan: ReleasePlan) {
  return plan.checks.filter((check) => !check.ok);
}
