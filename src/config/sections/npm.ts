import { z } from 'zod';

export const npmSection = z
  .strictObject({
    enabled: z
      .union([z.boolean(), z.literal('auto')])
      .default('auto')
      .describe('Publish npm packages. `auto`: when package.json names a package that is not private.'),
  })
  .describe('npm packages: `npm publish` for the package or each workspace package.');
