import { z } from 'zod';

/** Placeholders a body template may use; anything else in `{{…}}` is a config error. */
export const BODY_PLACEHOLDERS = ['version', 'tag', 'previous-tag', 'repository', 'install', 'changelog', 'compare-url'] as const;
export type BodyPlaceholder = (typeof BODY_PLACEHOLDERS)[number];
export const PLACEHOLDER_PATTERN = /\{\{\s*([a-z-]+)\s*\}\}/g;

export const DEFAULT_BODY_TEMPLATE = '{{install}}\n\n{{changelog}}\n';

const bodyTemplate = z
  .string()
  .superRefine((text, ctx) => {
    for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
      if (!(BODY_PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${match[1]}}}; expected one of ${BODY_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  });

const workflowFile = z
  .string()
  .regex(/^[A-Za-z0-9._-]+\.ya?ml$/, 'a workflow file name in .github/workflows, e.g. docker-release.yml');

export const githubReleaseSection = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Create or update the GitHub release for the tag.'),
    draft: z.boolean().default(false).describe('Leave the release as a draft for a person to publish.'),
    'body-template': bodyTemplate
      .default(DEFAULT_BODY_TEMPLATE)
      .describe(
        'The release body. Placeholders: `{{install}}` (install lines for each target published), `{{changelog}}` (changes since the previous release), `{{version}}`, `{{tag}}`, `{{previous-tag}}`, `{{repository}}`, `{{compare-url}}`.',
      ),
    changelog: z
      .enum(['auto', 'conventional', 'github'])
      .default('auto')
      .describe(
        'How the changelog is written. `conventional`: commits since the previous release grouped by type; `github`: GitHub\'s generated notes; `auto`: conventional when at least half of the commits are, otherwise GitHub\'s.',
      ),
    assets: z
      .union([z.literal('auto'), z.array(z.string().min(1))])
      .default('auto')
      .describe('Files to attach (globs, relative to the project). `auto`: the Python dist files when the Python package is published, otherwise none. Each glob must match a file.'),
    checksums: z.boolean().default(true).describe('Attach a `SHA256SUMS` file listing the assets.'),
    'docker-workflow': workflowFile
      .optional()
      .describe(
        'Workflow file that runs the Docker stage, started with `workflow_dispatch` (inputs `version`, `stages: docker`) after the release when this run does not build the images itself. Needs `actions: write`. See docs/docker-chain.md.',
      ),
  })
  .describe('The GitHub release for the tag.');
