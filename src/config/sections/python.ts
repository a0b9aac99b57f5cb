import { z } from 'zod/mini';
import { described } from '../describe.js';
import { passedEnvName } from './pass-env.js';

const argv = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const url = () => z.string().check(z.url());

export const pythonSection = described(
  z.strictObject({
    enabled: described(
      z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
      'Build and publish the Python package. `auto`: when pyproject.toml, setup.cfg or setup.py is present.',
    ),
    'build-command': described(
      z._default(argv, ['python', '-m', 'build']),
      'Builds the sdist and wheels, as argv (no shell), run in the project directory. Its files must land in `out-dir`.',
    ),
    'build-env': described(
      z._default(z.array(passedEnvName), []),
      "Variables of the step's environment the build command gets besides its allow-list (PATH, HOME, PIP_*, SETUPTOOLS_SCM_*, …; see docs/security.md). Set them in the step's `env:`.",
    ),
    dist: described(
      z.optional(z.string().check(z.minLength(1))),
      'Directory (relative to the project) of distributions built in other jobs, e.g. a cibuildwheel matrix downloaded with actions/download-artifact: they are uploaded as they are and nothing is built (`build-command` is not run). Each file must carry this project and the tag’s version in its own metadata.',
    ),
    'out-dir': described(z._default(z.string().check(z.minLength(1)), 'dist'), 'Directory (relative to the project) the build command writes its files to.'),
    'repository-url': described(z.optional(url()), 'Upload endpoint (legacy upload API) of a release. Default: https://upload.pypi.org/legacy/.'),
    'rehearsal-repository-url': described(z._default(url(), 'https://test.pypi.org/legacy/'), 'Upload endpoint of a rehearsal tag (`test-v1.2.3`).'),
    'index-url': described(
      z.optional(url()),
      'Base of the index the upload endpoint belongs to (its JSON API and trusted-publishing endpoints). Default: pypi.org for upload.pypi.org, test.pypi.org for test.pypi.org, otherwise the upload endpoint’s origin.',
    ),
  }),
  'Python packages: build with the configured command, upload to PyPI.',
);
