import { z } from 'zod';
import { deploySection } from './sections/deploy.js';
import { dockerSection } from './sections/docker.js';
import { githubReleaseSection } from './sections/github-release.js';
import { notifySection } from './sections/notify.js';
import { npmSection } from './sections/npm.js';
import { pythonSection } from './sections/python.js';
import { verifySection } from './sections/verify.js';

const prefix = z.string().regex(/^[A-Za-z0-9._-]*$/, 'only letters, digits, ".", "_" and "-"');

/**
 * The one definition of tagship's configuration (`.github/tagship.yml`, overridable by action inputs).
 * Keys are written as users write them (kebab-case); docs/configuration.md is generated from this.
 */
export const configSchema = z
  .strictObject({
    'tag-prefix': prefix.default('v').describe('Prefix of release tags: `v` matches `v1.2.3`; `""` matches bare `1.2.3`.'),
    'rehearsal-prefix': prefix.min(1).default('test-').describe('Put in front of a release tag to rehearse it against test registries (`test-v1.2.3rc1`).'),
    'rebuild-prefix': prefix.min(1).default('docker-rebuild-').describe('Put in front of a release tag to rebuild its images (`docker-rebuild-v1.2.3`).'),
    'version-scheme': z
      .enum(['auto', 'semver', 'pep440'])
      .default('auto')
      .describe('How tags are read. `auto`: semver when npm or Cargo sources exist or no Python source does, otherwise PEP 440.'),
    'version-sources': z
      .union([z.literal('auto'), z.array(z.string().min(1)).min(1)])
      .default('auto')
      .describe('Files that state the version. `auto` finds package.json (and workspaces), pyproject.toml, setup.cfg, `__version__` modules, Cargo.toml and VERSION.'),
    python: pythonSection.prefault({}),
    npm: npmSection.prefault({}),
    'github-release': githubReleaseSection.prefault({}),
    docker: dockerSection.prefault({}),
    verify: verifySection.prefault({}),
    deploy: deploySection.prefault({}),
    notify: notifySection.prefault({}),
  })
  .describe('tagship configuration');

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
