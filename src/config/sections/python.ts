import { z } from 'zod';

const argv = z.array(z.string().min(1)).min(1);

export const pythonSection = z
  .strictObject({
    enabled: z
      .union([z.boolean(), z.literal('auto')])
      .default('auto')
      .describe('Build and publish the Python package. `auto`: when pyproject.toml, setup.cfg or setup.py is present.'),
    'build-command': argv
      .default(['python', '-m', 'build'])
      .describe('Builds the sdist and wheels, as argv (no shell), run in the project directory. Its files must land in `out-dir`.'),
    'out-dir': z.string().min(1).default('dist').describe('Directory (relative to the project) the build command writes its files to.'),
    'repository-url': z
      .string()
      .url()
      .optional()
      .describe('Upload endpoint (legacy upload API) of a release. Default: https://upload.pypi.org/legacy/.'),
    'rehearsal-repository-url': z
      .string()
      .url()
      .default('https://test.pypi.org/legacy/')
      .describe('Upload endpoint of a rehearsal tag (`test-v1.2.3`).'),
    'index-url': z
      .string()
      .url()
      .optional()
      .describe(
        'Base of the index the upload endpoint belongs to (its JSON API and trusted-publishing endpoints). Default: pypi.org for upload.pypi.org, test.pypi.org for test.pypi.org, otherwise the upload endpoint’s origin.',
      ),
  })
  .describe('Python packages: build with the configured command, upload to PyPI.');
