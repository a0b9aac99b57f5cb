import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import type { DeploySwarmStep } from '../plan/steps/deploy.js';
import { resolveDigest } from '../verify/digests.js';
import { seconds } from '../verify/wait.js';
import { createDockerCli, dockerTarget } from './docker-cli.js';
import { rolloutSwarmService } from './swarm.js';

export async function executeDeploySwarm(step: DeploySwarmStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const digest = await resolveDigest(ctx, step.repository, step.tag);
  const cli = createDockerCli(dockerTarget(ctx.env, step.dockerHost), 'docker', ctx.signal);
  const rollout = await rolloutSwarmService(cli, step.service, step.repository, digest, {
    timeoutMs: step.timeoutMs,
    signal: ctx.signal,
    log: (line) => ctx.runner.info(line),
  });
  return rollout.result === 'unchanged'
    ? { id: step.id, status: 'unchanged', detail: `${step.service} already runs ${rollout.imageRef}` }
    : { id: step.id, status: 'done', detail: `${step.service} converged on ${rollout.imageRef} in ${seconds(rollout.elapsedMs)}`, produced: { service: step.service, imageRef: rollout.imageRef } };
}
