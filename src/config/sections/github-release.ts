import { z } from 'zod/mini';
import { described } from '../describe.js';

/** Placeholders a body template may use; anything else in `{{…}}` is a config error. */
export const BODY_PLACEHOLDERS = ['version', 'tag', 'previous-tag', 'repository', 'install', 'verify', 'changelog', 'compare-url'] as const;
export type BodyPlaceholder = (typeof BODY_PLACEHOLDERS)[number];
export const PLACEHOLDER_PATTERN = /\{\{\s*([a-z-]+)\s*\}\}/g;

export const DEFAULT_BODY_TEMPLATE = '{{install}}\n\n{{verify}}\n\n{{changelog}}\n';

const bodyTemplate = z.string().check(
  z.superRefine((text, ctx) => {
    for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
      if (!(BODY_PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${match[1]}}}; expected one of ${BODY_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  }),
);

const workflowFile = z.string().check(z.regex(/^[A-Za-z0-9._-]+\.ya?ml$/, 'a workflow file name in .github/workflows, e.g. docker-release.yml'));

export const githubReleaseSection = described(
  z.strictObject({
    enabled: described(z._default(z.boolean(), true), 'Create or update the GitHub release for the tag.'),
    draft: described(z._default(z.boolean(), false), 'Leave the release as a draft for a person to publish.'),
    'body-template': described(
      z._default(bodyTemplate, DEFAULT_BODY_TEMPLATE),
      'The release body. Placeholders: `{{install}}` (install lines for each target published), `{{verify}}` (how to check a downloaded asset with `gh attestation verify`, when the assets are attested), `{{changelog}}` (changes since the previous release), `{{version}}`, `{{tag}}`, `{{previous-tag}}`, `{{repository}}`, `{{compare-url}}`.',
    ),
    changelog: described(
      z._default(z.enum(['auto', 'conventional', 'github']), 'auto'),
      'How the changelog is written. `conventional`: commits since the previous release grouped by type; `github`: GitHub\'s generated notes; `auto`: conventional when at least half of the commits are, otherwise GitHub\'s.',
    ),
    assets: described(
      z._default(z.union([z.literal('auto'), z.array(z.string().check(z.minLength(1)))]), 'auto'),
      'Files to attach (globs, relative to the project). `auto`: the Python dist files when the Python package is published, otherwise none. Each glob must match a file.',
    ),
    checksums: described(z._default(z.boolean(), true), 'Attach a `SHA256SUMS` file listing the assets.'),
    'docker-workflow': described(
      z.optional(workflowFile),
      'Workflow file that runs the Docker stage, started with `workflow_dispatch` (inputs `version`, `stages: docker`) after the release when this run does not build the images itself. Needs `actions: write`. See docs/docker-chain.md.',
    ),
  }),
  'The GitHub release for the tag.',
);
