import { z } from 'zod/mini';
import { described } from '../describe.js';

const seconds = (fallback: number, what: string) => described(z._default(z.number().check(z.int(), z.positive()), fallback), what);
const argv = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const url = () => z.string().check(z.url());

export const verifySection = described(
  z.strictObject({
    enabled: described(z._default(z.boolean(), true), 'Smoke-test what this run published. A failed check fails the run; nothing is unpublished.'),
    timeout: seconds(300, 'Seconds to wait for a published version to show up in its index (CDNs and mirrors lag behind uploads).'),
    python: z.prefault(
      z.strictObject({
        enabled: described(z._default(z.boolean(), true), 'Install the published version into a fresh virtual environment and check it.'),
        'index-url': described(
          z.optional(url()),
          'Simple index to install from. Default: https://pypi.org/simple/ (https://test.pypi.org/simple/ for a rehearsal).',
        ),
        'extra-index-url': described(z.optional(url()), 'A second index for dependencies (a rehearsal defaults to https://pypi.org/simple/).'),
        import: described(
          z.optional(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a dotted Python module name'))),
          'Module to import and whose `__version__` must equal the released version. Default: the project name with `-` as `_`.',
        ),
        command: described(
          z.optional(argv),
          'Check to run instead, as argv, inside the virtual environment (its bin/ first on PATH, TAGSHIP_VERSION set).',
        ),
        python: described(z._default(z.string().check(z.minLength(1)), 'python3'), 'Interpreter that creates the virtual environment.'),
      }),
      {},
    ),
    npm: z.prefault(
      z.strictObject({
        enabled: described(z._default(z.boolean(), true), 'Check the published version carries the expected dist-tag.'),
        registry: described(z.optional(url()), 'Registry to read the packument from and install from. Default: `npm.registry`.'),
        command: described(
          z.optional(argv),
          'After the dist-tag check, install the version into a temporary directory and run this argv there (node_modules/.bin on PATH).',
        ),
      }),
      {},
    ),
    images: z.prefault(
      z.strictObject({
        enabled: described(z._default(z.boolean(), true), 'Read every published tag from its registry: one index listing every platform.'),
        platforms: described(
          z._default(
            z.array(z.string().check(z.regex(/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/, 'os/arch or os/arch/variant'))).check(z.minLength(1)),
            ['linux/amd64', 'linux/arm64'],
          ),
          'Platforms each index must list.',
        ),
      }),
      {},
    ),
    container: z.prefault(
      z.strictObject({
        enabled: described(
          z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
          'Run the image and wait until healthy. `auto`: when the runner has a Docker daemon; skipped otherwise.',
        ),
        port: described(
          z.optional(z.number().check(z.int(), z.gte(1), z.lte(65535))),
          'Container port to publish on 127.0.0.1 and probe with `path` (on a Docker daemon without its default bridge network, the container shares the runner’s network instead and this port must be free). Without it, the image HEALTHCHECK decides.',
        ),
        path: described(z._default(z.string().check(z.startsWith('/')), '/health'), 'Path probed on `port`; healthy once it answers 2xx several times in a row.'),
        'health-cmd': described(
          z.optional(z.string().check(z.minLength(1))),
          'A health check for images that carry none, run inside the container by `/bin/sh -c` (as `docker run --health-cmd`), every 2 s until it passes. OCI images (buildah, `docker.backend: buildah`) have no HEALTHCHECK field, so a Dockerfile HEALTHCHECK is lost there.',
        ),
        timeout: seconds(120, 'Seconds to wait for the container to become healthy.'),
        env: described(z._default(z.record(z.string(), z.string()), {}), 'Environment variables for the container.'),
        platforms: described(
          z.optional(z.array(z.string().check(z.minLength(1)))),
          'Platforms to run. Default: the Docker daemon’s own platform, when the images list it.',
        ),
      }),
      {},
    ),
  }),
  'Smoke tests after publishing: install from PyPI, npm dist-tags, image indexes, container health.',
);
