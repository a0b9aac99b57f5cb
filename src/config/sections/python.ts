import { z } from 'zod';

export const pythonSection = z
  .strictObject({
    enabled: z
      .union([z.boolean(), z.literal('auto')])
      .default('auto')
      .describe('Build and publish the Python package. `auto`: when pyproject.toml, setup.cfg or setup.py is present.'),
  })
  .describe('Python packages: build with the configured command, upload to PyPI.');
