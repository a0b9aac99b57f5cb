import { z } from 'zod';

export const dockerSection = z
  .strictObject({
    images: z
      .array(z.string().min(1))
      .default([])
      .describe('Image names to publish, e.g. `docker.io/acme/app`, `ghcr.io/acme/app`. Empty: no Docker stage.'),
  })
  .describe('Container images: multi-arch build and the semver tag fan-out.');
