import { z } from 'zod';
import { imageNameProblem } from '../../docker/image-name.js';
import { TEMPLATE_PLACEHOLDERS } from '../../docker/tags.js';

const platform = z.string().regex(/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/, 'os/arch or os/arch/variant (e.g. linux/arm64)');
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

const imageName = z.string().superRefine((name, ctx) => {
  const problem = imageNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: `image ${JSON.stringify(name)}: ${problem}` });
});

const tagTemplate = z
  .string()
  .min(1)
  .superRefine((template, ctx) => {
    for (const [, name] of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name!)) {
        ctx.addIssue({ code: 'custom', message: `tag template ${JSON.stringify(template)} uses {{${name}}}; the placeholders are ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  });

const oneLine = z.string().regex(/^[^\r\n]*$/, 'one line (no newlines)');

export const dockerSection = z
  .strictObject({
    images: z
      .array(imageName)
      .default([])
      .describe('Image names to publish, e.g. `docker.io/acme/app`, `ghcr.io/acme/app` (lower-cased; `acme/app` means Docker Hub). Empty: no Docker stage.'),
    tags: z
      .array(tagTemplate)
      .min(1)
      .default(['{{version}}', '{{major}}.{{minor}}', '{{major}}', 'latest'])
      .describe(
        'Tag templates, with `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}`, `{{sha}}` (7-character commit), `{{raw}}` (the tag as pushed) and literal text. A template without `{{version}}`, `{{raw}}` or `{{sha}}` is an alias: it moves only to the highest stable release of its line, never to a prerelease or a rehearsal.',
      ),
    'major-zero': z.boolean().default(false).describe('Give 0.x releases the `{{major}}` alias (`0`). Off by default: 0.x minors are not compatible with each other.'),
    platforms: z.array(platform).min(1).default(['linux/amd64', 'linux/arm64']).describe('Platforms every image is built for.'),
    mode: z
      .enum(['distributed', 'single'])
      .default('distributed')
      .describe('`distributed`: one job per platform on a native runner (`docker-job` input: plan, build, merge). `single`: one job builds every platform (QEMU for foreign ones).'),
    runners: z
      .record(platform, z.string().min(1))
      .default({})
      .describe('Runner label per platform for distributed builds (the `matrix` output). Defaults: linux/amd64 → ubuntu-24.04, linux/arm64 → ubuntu-24.04-arm.'),
    backend: z.enum(['buildx', 'buildah']).default('buildx').describe('Builder: `docker buildx build`, or `buildah build` (no daemon; no gha cache or attestations).'),
    context: z.string().min(1).default('.').describe('Build context, relative to the working directory.'),
    file: z.string().min(1).optional().describe('Dockerfile. Default: `Dockerfile` in the context.'),
    pull: z.boolean().default(true).describe('Pull newer base images before building (`--pull`).'),
    'build-args': z.record(envName, oneLine).default({}).describe('Build arguments (`--build-arg K=V`). Not for secrets: build args end up in the image history.'),
    secrets: z
      .array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"'), env: envName }))
      .default([])
      .describe('Build secrets from the step environment: `{id, env}` becomes `--secret id=<id>,env=<ENV>` (`RUN --mount=type=secret,id=<id>`). Set ENV in the step\'s `env:`.'),
    provenance: z
      .union([z.literal(false), z.enum(['min', 'max'])])
      .default('max')
      .describe('Provenance attestation (`--provenance mode=max`), or false for none. buildx only.'),
    sbom: z.boolean().default(true).describe('SBOM attestation (`--sbom true`). buildx only.'),
    cache: z.enum(['gha', 'none']).default('gha').describe('Layer cache: `gha` (GitHub Actions cache, one scope per image and platform) or `none`. buildx only.'),
    labels: z.record(z.string().min(1), oneLine).default({}).describe('Extra image labels. tagship sets the `org.opencontainers.image.*` ones.'),
    title: oneLine.optional().describe('`org.opencontainers.image.title`. Default: the Python or npm package name, else the image name.'),
    description: oneLine.optional().describe('`org.opencontainers.image.description`.'),
    licenses: oneLine.optional().describe('`org.opencontainers.image.licenses` (an SPDX expression, e.g. `Apache-2.0`).'),
  })
  .describe('Container images: multi-arch build and the semver tag fan-out.');

export type DockerConfig = z.output<typeof dockerSection>;
