import { UserError } from '../errors.js';
import type { PlanContext } from '../plan/context.js';
import { dockerRepositories, imageTagsFor, platformSlug } from '../plan/steps/docker.js';
import { runnerFor } from './runners.js';
import type { PlannedStage, PlannedStep } from '../plan/types.js';

/**
 * Which part of the Docker stage this invocation runs (the `docker-job` input). A distributed release
 * calls the same action with the same plan several times: `plan` (prints the matrix, runs nothing),
 * `build` on each platform's runner, then `merge`. `all` runs everything the plan has.
 */
export type DockerJob = { job: 'all' } | { job: 'plan' } | { job: 'build'; platform: string } | { job: 'merge' };
export const DOCKER_JOBS = ['all', 'plan', 'build', 'merge'] as const;

/** One matrix entry of a distributed build: `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
export interface MatrixEntry {
  platform: string;
  /** `runs-on` of the build job. */
  runner: string;
  /** The runner's CPU is not `platform`'s: the build job sets up QEMU first (docker/setup-qemu-action). */
  qemu: boolean;
  /** `linux-arm64`: artifact and digest file names. */
  slug: string;
}

/** What `tagship plan --json` and the summary show of the Docker stage. */
export interface DockerSummary {
  images: { name: string; tags: string[] }[];
  platforms: string[];
  mode: 'distributed' | 'single';
  backend: 'buildx' | 'buildah';
  job: DockerJob['job'];
  /** Distributed mode: the build jobs (the `matrix` output). */
  matrix: { include: MatrixEntry[] };
  /** Distributed mode: one line per platform saying which runner builds it and why. */
  runners: string[];
}

export function dockerSummary(ctx: PlanContext, job: DockerJob): DockerSummary | undefined {
  const repositories = dockerRepositories(ctx);
  if (!repositories.length) return undefined;
  const docker = ctx.config.docker;
  const tags = imageTagsFor(ctx);
  const choices = docker.mode === 'distributed' ? docker.platforms.map((platform) => ({ platform, ...runnerFor(docker.runners, platform, ctx.facts.visibility) })) : [];
  const include = choices.map(({ platform, runner, qemu }) => ({ platform, runner, slug: platformSlug(platform), qemu }));
  return {
    images: repositories.map((name) => ({ name, tags: tags.map((tag) => `${name}:${tag}`) })),
    platforms: docker.platforms,
    mode: docker.mode,
    backend: docker.backend,
    job: job.job,
    matrix: { include },
    runners: choices.map((choice) => choice.why),
  };
}

/**
 * Narrows the planned stages to what this `docker-job` runs. The steps are planned in full first, so
 * every job of a distributed run sees the same tags, digests paths and argv; this only picks.
 * `plan` runs nothing. `build` runs one platform's build and nothing of the other stages (a matrix job
 * must not publish packages once per platform). `merge` runs the merge, reading the digests the build
 * jobs wrote, and the other stages as the trigger and `stages` input say.
 */
export function narrowToDockerJob(stages: PlannedStage[], job: DockerJob, ctx: PlanContext): PlannedStage[] {
  if (job.job === 'all') return stages;
  const docker = ctx.config.docker;
  const hasImages = stages.some((stage) => stage.name === 'docker' && stage.steps.length);
  if (hasImages && job.job !== 'plan' && docker.mode !== 'distributed') {
    throw new UserError(`Input 'docker-job: ${job.job}' is for docker.mode: distributed, but the config says single: use docker-job: all (the default), or set docker.mode: distributed.`);
  }
  const skip = (stage: PlannedStage, why: string): PlannedStage => ({ name: stage.name, steps: [], skipped: why });
  switch (job.job) {
    case 'plan':
      return stages.map((stage) => skip(stage, 'docker-job: plan runs nothing (it outputs the build matrix)'));
    case 'build':
      if (hasImages && !docker.platforms.includes(job.platform)) {
        throw new UserError(`Input 'docker-platform' is ${job.platform}, which docker.platforms does not list (${docker.platforms.join(', ')}): pass one of those (the matrix's platform).`);
      }
      return stages.map((stage) => {
        if (stage.name !== 'docker') return skip(stage, `docker-job: build runs only the ${job.platform} image build`);
        const steps = stage.steps.filter((step) => step.kind === 'docker-build' && step.platforms.includes(job.platform));
        return steps.length ? { name: stage.name, steps } : skip(stage, stage.skipped ?? `nothing to build for ${job.platform}`);
      });
    case 'merge':
      return stages.map((stage) => {
        if (stage.name !== 'docker') return stage;
        const steps = stage.steps.flatMap((step): PlannedStep[] => {
          // The scan reads the same digests as the merge, so it runs in the merge job, before any tag;
          // the attestations sign the index the merge just wrote.
          if (step.kind === 'docker-attest') return [step];
          if (step.kind !== 'docker-merge' && step.kind !== 'docker-scan') return [];
          if (!ctx.digestsDir) throw new UserError("Input 'docker-job: merge' needs 'docker-digests-dir': the directory the build jobs' digest artifacts were downloaded into.");
          return [{ ...step, digests: { from: 'directory' as const, path: ctx.digestsDir } }];
        });
        return steps.length ? { name: stage.name, steps } : skip(stage, stage.skipped ?? 'nothing to merge');
      });
  }
}
