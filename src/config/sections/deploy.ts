import { z } from 'zod/mini';
import { described } from '../describe.js';

const dockerHost = described(
  z.optional(z.string().check(z.regex(/^(ssh|tcp|unix):\/\/\S+$/, 'ssh://user@host, tcp://host:2376 (with TLS) or unix:///path'))),
  'Daemon to talk to (DOCKER_HOST). tcp:// needs TLS: DOCKER_CERT_PATH in the step environment. Default: the runner’s DOCKER_HOST.',
);

// A function, not a shared schema: each use carries its own description.
const serviceName = (description: string) => described(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a Docker service name')), description);
const image = described(z.optional(z.string().check(z.minLength(1))), 'Which of docker.images the service runs. Default: the first one.');

export const deploySection = described(
  z.strictObject({
    versions: described(
      z._default(z.enum(['latest', 'stable', 'all']), 'latest'),
      'Which versions roll out: `latest` only the highest stable version, `stable` any non-prerelease, `all` prereleases too. A rehearsal never does.',
    ),
    timeout: described(z._default(z.number().check(z.int(), z.positive()), 600), 'Seconds to wait for a service to converge (or roll back).'),
    swarm: described(
      z._default(
        z.array(
          z.strictObject({
            'docker-host': dockerHost,
            service: serviceName('The Swarm service to update (`docker service ls`).'),
            image,
          }),
        ),
        [],
      ),
      'Swarm services updated to the released image by digest, with automatic rollback on failure.',
    ),
    compose: described(
      z._default(
        z.array(
          z.strictObject({
            'docker-host': dockerHost,
            file: described(z.string().check(z.minLength(1)), 'Compose file in the repository, e.g. `deploy/docker-compose.yml`.'),
            project: described(z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'a Compose project name'))), 'Compose project name (`-p`).'),
            services: described(
              z.array(z.strictObject({ name: serviceName('Service in the Compose file.'), image })).check(z.minLength(1)),
              'Services pinned to the released image by digest, then pulled and recreated.',
            ),
          }),
        ),
        [],
      ),
      'Compose hosts: pull and `up -d` the pinned digest for the listed services.',
    ),
  }),
  'Rollout after release: Docker Swarm services and Compose hosts, pinned by digest.',
);
