import { z } from 'zod';

const seconds = (fallback: number, what: string) => z.number().int().positive().default(fallback).describe(what);
const argv = z.array(z.string().min(1)).min(1);

export const verifySection = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Smoke-test what this run published. A failed check fails the run; nothing is unpublished.'),
    timeout: seconds(300, 'Seconds to wait for a published version to show up in its index (CDNs and mirrors lag behind uploads).'),
    python: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Install the published version into a fresh virtual environment and check it.'),
        'index-url': z
          .string()
          .url()
          .optional()
          .describe('Simple index to install from. Default: https://pypi.org/simple/ (https://test.pypi.org/simple/ for a rehearsal).'),
        'extra-index-url': z.string().url().optional().describe('A second index for dependencies (a rehearsal defaults to https://pypi.org/simple/).'),
        import: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a dotted Python module name')
          .optional()
          .describe('Module to import and whose `__version__` must equal the released version. Default: the project name with `-` as `_`.'),
        command: argv
          .optional()
          .describe('Check to run instead, as argv, inside the virtual environment (its bin/ first on PATH, TAGSHIP_VERSION set).'),
        python: z.string().min(1).default('python3').describe('Interpreter that creates the virtual environment.'),
      })
      .prefault({}),
    npm: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Check the published version carries the expected dist-tag.'),
        registry: z.string().url().optional().describe('Registry to read the packument from and install from. Default: `npm.registry`.'),
        command: argv
          .optional()
          .describe('After the dist-tag check, install the version into a temporary directory and run this argv there (node_modules/.bin on PATH).'),
      })
      .prefault({}),
    images: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Read every published tag from its registry: one index listing every platform.'),
        platforms: z
          .array(z.string().regex(/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/, 'os/arch or os/arch/variant'))
          .min(1)
          .default(['linux/amd64', 'linux/arm64'])
          .describe('Platforms each index must list.'),
      })
      .prefault({}),
    container: z
      .strictObject({
        enabled: z
          .union([z.boolean(), z.literal('auto')])
          .default('auto')
          .describe('Run the image and wait until healthy. `auto`: when the runner has a Docker daemon; skipped otherwise.'),
        port: z.number().int().min(1).max(65535).optional().describe('Container port to publish on 127.0.0.1 and probe with `path`. Without it, the image HEALTHCHECK decides.'),
        path: z.string().startsWith('/').default('/health').describe('Path probed on `port`; healthy once it answers 2xx several times in a row.'),
        timeout: seconds(120, 'Seconds to wait for the container to become healthy.'),
        env: z.record(z.string(), z.string()).default({}).describe('Environment variables for the container.'),
        platforms: z
          .array(z.string().min(1))
          .optional()
          .describe('Platforms to run. Default: the Docker daemon’s own platform, when the images list it.'),
      })
      .prefault({}),
  })
  .describe('Smoke tests after publishing: install from PyPI, npm dist-tags, image indexes, container health.');
