import { z } from 'zod/mini';
import { described } from '../describe.js';
import { passedEnvName } from './pass-env.js';

export const NPMJS_REGISTRY = 'https://registry.npmjs.org/';

export const npmSection = described(
  z.strictObject({
    enabled: described(
      z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
      'Publish npm packages. `auto`: when package.json names a package that is not private.',
    ),
    registry: described(
      z._default(z.string().check(z.url(), z.regex(/^https?:\/\//, 'an http(s):// URL')), NPMJS_REGISTRY),
      'Registry to publish to. A package whose `publishConfig.registry` names another one is refused rather than sent elsewhere.',
    ),
    provenance: described(
      z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
      'Publish with a signed provenance statement (`npm publish --provenance`). `auto`: when the job may request an OIDC token (`permissions: id-token: write`), the registry is registry.npmjs.org and the package is public.',
    ),
    'script-env': described(
      z._default(z.array(passedEnvName), []),
      "Variables of the step's environment the package's lifecycle scripts (prepublishOnly, prepack, prepare, postpack) get besides npm's allow-list (PATH, HOME, npm_config_* without credentials, …; see docs/security.md). Set them in the step's `env:`.",
    ),
    access: described(
      z._default(z.enum(['auto', 'public', 'restricted']), 'auto'),
      '`npm publish --access`. `auto`: `public` for scoped packages (npm would make a new one restricted), the registry default otherwise.',
    ),
  }),
  'npm packages: `npm publish` for the package or each workspace package, authenticated by the `npm-token` input or by npm trusted publishing (OIDC).',
);
