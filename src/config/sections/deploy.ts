import { z } from 'zod';

const dockerHost = z
  .string()
  .regex(/^(ssh|tcp|unix):\/\/\S+$/, 'ssh://user@host, tcp://host:2376 (with TLS) or unix:///path')
  .optional()
  .describe('Daemon to talk to (DOCKER_HOST). tcp:// needs TLS: DOCKER_CERT_PATH in the step environment. Default: the runner’s DOCKER_HOST.');

const serviceName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a Docker service name');
const image = z.string().min(1).optional().describe('Which of docker.images the service runs. Default: the first one.');

export const deploySection = z
  .strictObject({
    versions: z
      .enum(['latest', 'stable', 'all'])
      .default('latest')
      .describe('Which versions roll out: `latest` only the highest stable version, `stable` any non-prerelease, `all` prereleases too. A rehearsal never does.'),
    timeout: z.number().int().positive().default(600).describe('Seconds to wait for a service to converge (or roll back).'),
    swarm: z
      .array(
        z.strictObject({
          'docker-host': dockerHost,
          service: serviceName.describe('The Swarm service to update (`docker service ls`).'),
          image,
        }),
      )
      .default([])
      .describe('Swarm services updated to the released image by digest, with automatic rollback on failure.'),
    compose: z
      .array(
        z.strictObject({
          'docker-host': dockerHost,
          file: z.string().min(1).describe('Compose file in the repository, e.g. `deploy/docker-compose.yml`.'),
          project: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a Compose project name').optional().describe('Compose project name (`-p`).'),
          services: z
            .array(z.strictObject({ name: serviceName.describe('Service in the Compose file.'), image }))
            .min(1)
            .describe('Services pinned to the released image by digest, then pulled and recreated.'),
        }),
      )
      .default([])
      .describe('Compose hosts: pull and `up -d` the pinned digest for the listed services.'),
  })
  .describe('Rollout after release: Docker Swarm services and Compose hosts, pinned by digest.');
