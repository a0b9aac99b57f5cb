import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import type { DeployComposeStep } from '../plan/steps/deploy.js';
import { resolveDigest } from '../verify/digests.js';
import { rolloutCompose } from './compose.js';
import { createDockerCli, dockerTarget } from './docker-cli.js';

export async function executeDeployCompose(step: DeployComposeStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const services = [];
  for (const service of step.services) services.push({ name: service.name, imageRef: `${service.repository}@${await resolveDigest(ctx, service.repository, step.tag)}` });
  const cli = createDockerCli(dockerTarget(ctx.env, step.dockerHost), 'docker', ctx.signal);
  const rollout = await rolloutCompose(cli, { cwd: ctx.cwd, file: step.file, project: step.project, services, timeoutMs: step.timeoutMs });
  const pinned = services.map((s) => `${s.name} → ${s.imageRef}`).join(', ');
  return rollout.result === 'unchanged'
    ? { id: step.id, status: 'unchanged', detail: `already running ${pinned}` }
    : { id: step.id, status: 'done', detail: `up and healthy: ${pinned}`, produced: { services } };
}
