import { z } from 'zod/mini';
import { imageNameProblem } from '../../docker/image-name.js';
import { TEMPLATE_PLACEHOLDERS } from '../../docker/tags.js';
import { described } from '../describe.js';

const platform = z.string().check(z.regex(/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?$/, 'os/arch or os/arch/variant (e.g. linux/arm64)'));
const envName = z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'));

const imageName = z.string().check(
  z.superRefine((name, ctx) => {
    const problem = imageNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: `image ${JSON.stringify(name)}: ${problem}` });
  }),
);

const tagTemplate = z.string().check(
  z.minLength(1),
  z.superRefine((template, ctx) => {
    for (const [, name] of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name!)) {
        ctx.addIssue({ code: 'custom', message: `tag template ${JSON.stringify(template)} uses {{${name}}}; the placeholders are ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  }),
);

const oneLine = z.string().check(z.regex(/^[^\r\n]*$/, 'one line (no newlines)'));

export const dockerSection = described(
  z.strictObject({
    images: described(
      z._default(z.array(imageName), []),
      'Image names to publish, e.g. `docker.io/acme/app`, `ghcr.io/acme/app` (lower-cased; `acme/app` means Docker Hub). Empty: no Docker stage.',
    ),
    tags: described(
      z._default(z.array(tagTemplate).check(z.minLength(1)), ['{{version}}', '{{major}}.{{minor}}', '{{major}}', 'latest']),
      'Tag templates, with `{{version}}`, `{{major}}`, `{{minor}}`, `{{patch}}`, `{{sha}}` (7-character commit), `{{raw}}` (the tag as pushed) and literal text. A template without `{{version}}`, `{{raw}}` or `{{sha}}` is an alias: it moves only to the highest stable release of its line, never to a prerelease or a rehearsal. The others are version tags: once written, only a docker-rebuild moves them to other images. A prerelease with no version template is tagged `{{version}}`; a plan that gives no tag at all is an error.',
    ),
    'major-zero': described(
      z._default(z.boolean(), false),
      'Give 0.x releases the `{{major}}` alias (`0`). Off by default: 0.x minors are not compatible with each other.',
    ),
    platforms: described(z._default(z.array(platform).check(z.minLength(1)), ['linux/amd64', 'linux/arm64']), 'Platforms every image is built for.'),
    mode: described(
      z._default(z.enum(['distributed', 'single']), 'distributed'),
      '`distributed`: one job per platform on a native runner (`docker-job` input: plan, build, merge). `single`: one job builds every platform (QEMU for foreign ones).',
    ),
    runners: described(
      z._default(z.record(platform, z.string().check(z.minLength(1))), {}),
      'Runner label per platform for distributed builds (the `matrix` output). Defaults: linux/amd64 → ubuntu-24.04; linux/arm64 → ubuntu-24.04-arm in a public repository, ubuntu-24.04 under QEMU in a private or internal one (GitHub offers its arm64 runners to public repositories only). A GitHub-hosted label of another CPU than the platform\'s builds under QEMU; any other label is taken as native.',
    ),
    backend: described(
      z._default(z.enum(['buildx', 'buildah']), 'buildx'),
      'Builder: `docker buildx build`, or `buildah build` (no daemon; no gha cache or attestations).',
    ),
    context: described(z._default(z.string().check(z.minLength(1)), '.'), 'Build context, relative to the working directory.'),
    file: described(z.optional(z.string().check(z.minLength(1))), 'Dockerfile. Default: `Dockerfile` in the context.'),
    pull: described(z._default(z.boolean(), true), 'Pull newer base images before building (`--pull`).'),
    'build-args': described(
      z._default(z.record(envName, oneLine), {}),
      'Build arguments (`--build-arg K=V`). Not for secrets: build args end up in the image history.',
    ),
    secrets: described(
      z._default(z.array(z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" or "-"')), env: envName })), []),
      'Build secrets from the step environment: `{id, env}` becomes `--secret id=<id>,env=<ENV>` (`RUN --mount=type=secret,id=<id>`). Set ENV in the step\'s `env:`.',
    ),
    provenance: described(
      z._default(z.union([z.literal(false), z.enum(['min', 'max'])]), 'max'),
      'Provenance attestation (`--provenance mode=max`), or false for none. buildx only.',
    ),
    sbom: described(z._default(z.boolean(), true), 'SBOM attestation (`--sbom true`). buildx only.'),
    cache: described(
      z._default(z.enum(['gha', 'none']), 'gha'),
      'Layer cache: `gha` (GitHub Actions cache, one scope per image and platform) or `none`. buildx only.',
    ),
    scan: z.prefault(
      z.strictObject({
        enabled: described(
          z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
          'Scan each platform image, by digest, for known vulnerabilities after it is pushed and before the merge writes any tag. `auto`: when Trivy or Grype is on the runner\'s PATH, skipped otherwise; `true`: a missing scanner fails the run.',
        ),
        scanner: described(z._default(z.enum(['auto', 'trivy', 'grype']), 'auto'), 'Which scanner runs. `auto`: `trivy` if it is on PATH, else `grype`.'),
        'fail-on': described(
          z._default(z.enum(['critical', 'high', 'medium', 'low', 'none']), 'critical'),
          'Lowest severity that fails the release before any tag moves; `none` reports findings without failing.',
        ),
        sarif: described(
          z._default(z.string().check(z.minLength(1)), 'tagship-scan'),
          'Directory the SARIF reports are written to (one file per platform), relative to the working directory unless absolute: give it to `github/codeql-action/upload-sarif` as `sarif_file`.',
        ),
      }),
      {},
    ),
    labels: described(z._default(z.record(z.string().check(z.minLength(1)), oneLine), {}), 'Extra image labels. tagship sets the `org.opencontainers.image.*` ones.'),
    title: described(z.optional(oneLine), '`org.opencontainers.image.title`. Default: the Python or npm package name, else the image name.'),
    description: described(z.optional(oneLine), '`org.opencontainers.image.description`.'),
    licenses: described(z.optional(oneLine), '`org.opencontainers.image.licenses` (an SPDX expression, e.g. `Apache-2.0`).'),
  }),
  'Container images: multi-arch build and the semver tag fan-out.',
);

export type DockerConfig = z.output<typeof dockerSection>;
