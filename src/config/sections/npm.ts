import { z } from 'zod';

export const NPMJS_REGISTRY = 'https://registry.npmjs.org/';

export const npmSection = z
  .strictObject({
    enabled: z
      .union([z.boolean(), z.literal('auto')])
      .default('auto')
      .describe('Publish npm packages. `auto`: when package.json names a package that is not private.'),
    registry: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'an http(s):// URL')
      .default(NPMJS_REGISTRY)
      .describe('Registry to publish to. A package whose `publishConfig.registry` names another one is refused rather than sent elsewhere.'),
    provenance: z
      .union([z.boolean(), z.literal('auto')])
      .default('auto')
      .describe(
        'Publish with a signed provenance statement (`npm publish --provenance`). `auto`: when the job may request an OIDC token (`permissions: id-token: write`), the registry is registry.npmjs.org and the package is public.',
      ),
    access: z
      .enum(['auto', 'public', 'restricted'])
      .default('auto')
      .describe('`npm publish --access`. `auto`: `public` for scoped packages (npm would make a new one restricted), the registry default otherwise.'),
  })
  .describe('npm packages: `npm publish` for the package or each workspace package, authenticated by the `npm-token` input or by npm trusted publishing (OIDC).');
