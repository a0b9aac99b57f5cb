import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { described } from './describe.js';
import { attestationsSection } from './sections/attestations.js';
import { deploySection } from './sections/deploy.js';
import { dockerSection } from './sections/docker.js';
import { githubReleaseSection } from './sections/github-release.js';
import { notifySection } from './sections/notify.js';
import { npmSection } from './sections/npm.js';
import { packagesSection } from './sections/packages.js';
import { pythonSection } from './sections/python.js';
import { verifySection } from './sections/verify.js';

// zod/mini ships no messages (every issue would read "Invalid input"); the error lines users see quote
// zod's English ones ("Too small: expected string to have >=1 characters"), as the classic API did.
z.config(en());

const prefix = z.string().check(z.regex(/^[A-Za-z0-9._-]*$/, 'only letters, digits, ".", "_" and "-"'));

/**
 * The one definition of tagship's configuration (`.github/tagship.yml`, overridable by action inputs).
 * Keys are written as users write them (kebab-case); docs/configuration.md is generated from this.
 * Built with zod/mini (functional API): cheaper to build at import and to parse than classic zod, which
 * every workflow run pays at start-up.
 */
export const configSchema = described(
  z.strictObject({
    'tag-prefix': described(z._default(prefix, 'v'), 'Prefix of release tags: `v` matches `v1.2.3`; `""` matches bare `1.2.3`.'),
    'rehearsal-prefix': described(
      z._default(prefix.check(z.minLength(1)), 'test-'),
      'Put in front of a release tag to rehearse it against test registries (`test-v1.2.3rc1`).',
    ),
    'rebuild-prefix': described(
      z._default(prefix.check(z.minLength(1)), 'docker-rebuild-'),
      'Put in front of a release tag to rebuild its images (`docker-rebuild-v1.2.3`).',
    ),
    'version-scheme': described(
      z._default(z.enum(['auto', 'semver', 'pep440']), 'auto'),
      'How tags are read. `auto`: semver when npm or Cargo sources exist or no Python source does, otherwise PEP 440.',
    ),
    'version-sources': described(
      z._default(z.union([z.literal('auto'), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]), 'auto'),
      'Files that state the version. `auto` finds package.json (and workspaces), pyproject.toml, setup.cfg, `__version__` modules, Cargo.toml and VERSION.',
    ),
    python: z.prefault(pythonSection, {}),
    npm: z.prefault(npmSection, {}),
    'github-release': z.prefault(githubReleaseSection, {}),
    docker: z.prefault(dockerSection, {}),
    verify: z.prefault(verifySection, {}),
    attestations: z.prefault(attestationsSection, {}),
    deploy: z.prefault(deploySection, {}),
    notify: z.prefault(notifySection, {}),
    packages: packagesSection,
  }),
  'tagship configuration',
);

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
