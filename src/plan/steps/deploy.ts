import { UserError } from '../../errors.js';
import type { PlanContext } from '../context.js';
import { canonicalImageName, imageNameProblem } from '../../docker/image-name.js';
import { dockerRepositories, imageTagsFor } from './docker.js';

/** `docker service update --image repo@digest` for one Swarm service, then wait for convergence. */
export interface DeploySwarmStep {
  kind: 'deploy-swarm';
  id: string;
  target: string;
  dockerHost?: string;
  service: string;
  repository: string;
  /** The released tag whose digest is rolled out. */
  tag: string;
  timeoutMs: number;
}

/** Pins Compose services to `repo@digest` with an override file, then `pull` and `up -d`. */
export interface DeployComposeStep {
  kind: 'deploy-compose';
  id: string;
  target: string;
  dockerHost?: string;
  file: string;
  project?: string;
  services: Array<{ name: string; repository: string }>;
  tag: string;
  timeoutMs: number;
}

export type DeployStep = DeploySwarmStep | DeployComposeStep;

/** Why this version does not roll out, or undefined when it does. */
export function rolloutBlocked(ctx: PlanContext): string | undefined {
  const { versions } = ctx.config.deploy;
  if (ctx.rehearsal) return 'a rehearsal never rolls out';
  if (versions !== 'all' && ctx.version.prerelease) return `${ctx.version.normalized} is a prerelease (deploy.versions: ${versions})`;
  if (versions === 'latest' && !ctx.latest) return `${ctx.version.normalized} is not the highest stable release (deploy.versions: latest)`;
  return undefined;
}

export function planDeploySteps(ctx: PlanContext): DeployStep[] {
  const { deploy } = ctx.config;
  const images = dockerRepositories(ctx);
  if ((!deploy.swarm.length && !deploy.compose.length) || !images.length || rolloutBlocked(ctx)) return [];
  const tag = imageTagsFor(ctx)[0]!;
  const timeoutMs = deploy.timeout * 1000;
  const pick = (image: string | undefined) => {
    const chosen = image === undefined ? images[0]! : imageNameProblem(image) ? image.toLowerCase() : canonicalImageName(image);
    if (!images.includes(chosen)) throw new UserError(`deploy: image ${JSON.stringify(image)} is not one of docker.images (${images.join(', ')}): name one of those.`);
    return chosen;
  };
  const host = (dockerHost: string | undefined) => (dockerHost ? { dockerHost } : {});
  return [
    ...deploy.swarm.map((entry): DeploySwarmStep => ({
      kind: 'deploy-swarm',
      id: `deploy-swarm:${entry.service}`,
      target: `${entry.service}${entry['docker-host'] ? ` on ${entry['docker-host']}` : ''}`,
      ...host(entry['docker-host']),
      service: entry.service,
      repository: pick(entry.image),
      tag,
      timeoutMs,
    })),
    ...deploy.compose.map((entry): DeployComposeStep => ({
      kind: 'deploy-compose',
      id: `deploy-compose:${entry.project ?? entry.file}`,
      target: `${entry.services.map((s) => s.name).join(', ')} (${entry.file})${entry['docker-host'] ? ` on ${entry['docker-host']}` : ''}`,
      ...host(entry['docker-host']),
      file: entry.file,
      ...(entry.project ? { project: entry.project } : {}),
      services: entry.services.map((service) => ({ name: service.name, repository: pick(service.image) })),
      tag,
      timeoutMs,
    })),
  ];
}
