import type { ExecutionContext, StepOutcome } from '../../../src/execute/types.js';
import type { DockerBuildStep, DockerMergeStep } from '../../../src/plan/steps/docker.js';
import { plan as releasePlan } from '../../verify/support/plans.js';
import { recordingRunner } from '../../verify/support/runner.js';

export const TAGS = ['1.2.3', '1.2', '1', 'latest'];
export const PLATFORMS = ['linux/amd64', 'linux/arm64'];

export function mergeStep(repositories: string[], overrides: Partial<DockerMergeStep> = {}): DockerMergeStep {
  return {
    kind: 'docker-merge',
    id: 'docker-merge',
    target: repositories.join(' '),
    images: repositories.map((repository) => ({ repository, tags: TAGS })),
    platforms: PLATFORMS,
    digests: { from: 'outcomes' },
    annotations: { 'org.opencontainers.image.version': '1.2.3' },
    versionTags: ['1.2.3'],
    replaceVersionTags: false,
    rebuildTag: 'docker-rebuild-v1.2.3',
    ...overrides,
  };
}

/** A run in which one docker-build step per platform pushed `digests` (distributed builds in one job). */
export function mergeContext(digests: Record<string, string>, secrets: Record<string, string> = {}) {
  const builds: DockerBuildStep[] = Object.keys(digests).map((platform) => ({
    kind: 'docker-build',
    id: `docker-build:${platform}`,
    target: platform,
    backend: 'buildah',
    platforms: [platform],
    repositories: [],
    argv: ['buildah', 'build'],
    commands: [['buildah', 'build']],
    digestFile: 'digest',
    secretEnv: [],
    logins: [],
  }));
  const outcomes = new Map<string, StepOutcome>(builds.map((b) => [b.id, { id: b.id, status: 'done', detail: '', produced: { digest: digests[b.platforms[0]!], platforms: b.platforms } }]));
  const plan = { ...releasePlan('v1.2.3'), dryRun: false };
  plan.stages = [{ name: 'docker', steps: builds }];
  const recorded = recordingRunner();
  const ctx: ExecutionContext = { plan, cwd: '/', runner: recorded.runner, env: {}, secrets, outcomes };
  return { ctx, lines: recorded.lines };
}
