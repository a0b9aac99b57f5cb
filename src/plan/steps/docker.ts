import type { PlanContext } from '../context.js';

export interface DockerImagesStep {
  kind: 'docker-images';
  id: string;
  target: string;
  images: string[];
}

export function planDockerSteps(ctx: PlanContext): DockerImagesStep[] {
  const images = ctx.config.docker.images.map((name) => name.toLowerCase());
  if (!images.length) return [];
  return [{ kind: 'docker-images', id: 'docker-images', target: images.join(', '), images }];
}
