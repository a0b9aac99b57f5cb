import { join } from 'node:path/posix';
import type { BuildSpec } from '../../docker/backend.js';
import { BACKENDS } from '../../docker/backends.js';
import { canonicalImageName, registryHost } from '../../docker/image-name.js';
import { ociMetadata } from '../../docker/metadata.js';
import { runnerFor } from '../../docker/runners.js';
import { plannedTags, type PlannedTag } from '../../docker/tags.js';
import { plannedAttestation, type PlannedAttestation } from '../../sigstore/instance.js';
import { isoFromEpoch } from '../../source-date.js';
import type { PlanContext } from '../context.js';

/**
 * The Docker stage's steps. Contract between the planner (tags, build argv) and the executors
 * (`docker-build` runs the argv; `docker-merge` assembles the index and writes the tags over the
 * registry HTTP API).
 */

/** One repository and the tags it gets, in write order: the version tag first, then the aliases. */
export interface PlannedImage {
  /** `registry/namespace/name`, lower-case (`docker.io/acme/app`, `ghcr.io/acme/app`). */
  repository: string;
  tags: string[];
}

/** Builds one platform (distributed mode) or all of them (single mode) and pushes by digest. */
export interface DockerBuildStep {
  kind: 'docker-build';
  /** `docker-build:linux/amd64` in distributed mode, `docker-build` in single mode. */
  id: string;
  target: string;
  backend: 'buildx' | 'buildah';
  platforms: string[];
  /** Repositories the build pushes to, by digest (no tags: the merge writes them). */
  repositories: string[];
  /** The exact argv of the build; `argv[0]` is `docker` or `buildah`. Secrets are referenced (`--secret id=…,env=…`), never inlined. */
  argv: string[];
  /** Every command the step runs, in order (`commands[0]` is `argv`). buildah needs several: build, save, copy per repository. */
  commands: string[][];
  /** File buildx writes the pushed digest to (`--metadata-file`). */
  metadataFile?: string;
  /** File the pushed digest is read from after the commands ran (the metadata file for buildx). */
  digestFile: string;
  /** Registry hosts to log in to before building (`--password-stdin`). */
  logins: string[];
  /** Environment variables the build secrets are read from (they must be set on the step). */
  secretEnv: string[];
  /** Distributed mode: also write the digest to `<digestsDir>/<os-arch>` for the merge job. */
  digestsDir?: string;
}

/** Where the merge finds the per-platform digests. */
export type DigestSource =
  /** Outcomes (`produced.digest`) of this run's `docker-build` steps. */
  | { from: 'outcomes' }
  /** Files written by the build jobs of a distributed run (one per platform), downloaded into `path`. */
  | { from: 'directory'; path: string };

/** Assembles the multi-arch index (when platforms were built apart) and writes every tag, version first. */
export interface DockerMergeStep {
  kind: 'docker-merge';
  id: string;
  target: string;
  images: PlannedImage[];
  platforms: string[];
  digests: DigestSource;
  /** OCI annotations on the index (`org.opencontainers.image.version`, …). */
  annotations: Record<string, string>;
  /** The tags naming this release alone (`1.2.3`): once written, moved to other images only by a docker-rebuild. */
  versionTags: string[];
  /** A `docker-rebuild` run: version tags found at another digest are moved, and the move reported. */
  replaceVersionTags: boolean;
  /** The tag that rebuilds this release (`docker-rebuild-v1.2.3`), named when a move is refused. */
  rebuildTag: string;
}

export type ScanSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * Scans each platform image by digest with Trivy or Grype, after the builds pushed and before the
 * merge writes any tag. Whether a scanner is installed is a fact of the runner, found when the step runs.
 */
export interface DockerScanStep {
  kind: 'docker-scan';
  id: 'docker-scan';
  target: string;
  /** The repository the images are read from (the builds pushed the same digests to every repository). */
  repository: string;
  platforms: string[];
  digests: DigestSource;
  /** `auto`: skipped, with the reason, when no scanner is on PATH; `true`: a missing scanner fails the run. */
  required: boolean;
  scanner: 'auto' | 'trivy' | 'grype';
  /** Lowest severity that fails the release; `none` only reports. */
  failOn: ScanSeverity | 'none';
  /** Directory the SARIF reports go to, relative to the working directory. */
  sarifDir: string;
  /**
   * The version tag (`1.2.3`) when it may not move (not a docker-rebuild): found already holding these
   * builds, the release is out and a re-run does not scan again (nor fail on CVEs published since).
   */
  releasedTag?: string;
}

/**
 * Signs the merged index of each repository (what users pull) and attaches SLSA provenance for it,
 * both keyless through Sigstore, as OCI referrers (cosign's new bundle format): after the merge, with
 * the digests it produced. Backend-independent: buildx's own provenance and SBOM stay inside the index.
 */
export interface DockerAttestStep {
  kind: 'docker-attest';
  id: 'docker-attest';
  target: string;
  repositories: string[];
  /** The Sigstore instance, and `required` (`attestations.enabled: true`): preflight checks the job can sign. */
  attestation: PlannedAttestation;
}

export type DockerStep = DockerBuildStep | DockerScanStep | DockerMergeStep | DockerAttestStep;

/** Native runners for distributed builds; `docker.runners` adds to and overrides these. */
/** `linux/arm64/v8` → `linux-arm64-v8`: digest file names, matrix slugs, cache scopes. */
export const platformSlug = (platform: string) => platform.replace(/\//g, '-');

/** The images this run publishes, with their tags (every repository gets the same tags). */
export function plannedImages(steps: readonly DockerStep[]): PlannedImage[] {
  return steps.flatMap((step) => (step.kind === 'docker-merge' ? step.images : []));
}

/** The canonical repositories of `docker.images` (`acme/app` → `docker.io/acme/app`). */
export function dockerRepositories(ctx: PlanContext): string[] {
  return [...new Set(ctx.config.docker.images.map(canonicalImageName))];
}

/** The tags every image of this release gets, version first (see src/docker/tags.ts). */
export function imageTagsFor(ctx: PlanContext): string[] {
  return tagsWithLines(ctx).map((planned) => planned.tag);
}

function tagsWithLines(ctx: PlanContext): PlannedTag[] {
  return plannedTags({
    templates: ctx.config.docker.tags,
    version: ctx.version,
    tag: ctx.tag,
    commit: ctx.facts.commit,
    knownVersions: ctx.facts.knownVersions,
    rehearsal: ctx.rehearsal,
    majorZero: ctx.config.docker['major-zero'],
  });
}

const fold = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

export function planDockerSteps(ctx: PlanContext): DockerStep[] {
  const repositories = dockerRepositories(ctx);
  if (!repositories.length) return [];
  const docker = ctx.config.docker;
  const planned = tagsWithLines(ctx);
  const tags = planned.map((p) => p.tag);
  const versionTags = planned.filter((p) => p.line === 'version').map((p) => p.tag);
  const images = repositories.map((repository) => ({ repository, tags }));
  const epoch = ctx.facts.sourceDateEpoch;
  const metadata = ociMetadata({
    title: docker.title ?? ctx.facts.project.python?.name ?? ctx.facts.project.npm.find((p) => p.dir === '.')?.name ?? repositories[0]!.split('/').pop(),
    // From the project's files: folded to one line (a label cannot hold a line break).
    description: docker.description ?? fold(ctx.facts.project.metadata?.description),
    licenses: docker.licenses ?? fold(ctx.facts.project.metadata?.license),
    source: ctx.facts.repository ? `${ctx.facts.serverUrl ?? 'https://github.com'}/${ctx.facts.repository}` : undefined,
    revision: ctx.facts.commit,
    version: versionTags[0] ?? ctx.version.semver ?? ctx.version.normalized,
    // The commit's time, not the clock: the same commit gives the same labels, images and index,
    // so a re-run finds its tags in place. Unknown (no git, no SOURCE_DATE_EPOCH): left out.
    created: epoch !== undefined ? isoFromEpoch(epoch) : undefined,
  });
  const distributed = docker.mode === 'distributed';
  const groups = distributed ? docker.platforms.map((p) => [p]) : [docker.platforms];
  const logins = [...new Set(repositories.map(registryHost))];
  const workDir = ctx.workDir ?? '/tmp/tagship';
  const runId = ctx.createdAt ? String(Date.parse(ctx.createdAt)) : 'build';
  const imageSlug = repositories[0]!.split('/').slice(1).join('-').replace(/[^a-z0-9-]/g, '-');

  const builds = groups.map((platforms): DockerBuildStep => {
    if (distributed) runnerFor(docker.runners, platforms[0]!, ctx.facts.visibility);
    const slug = platforms.map(platformSlug).join('_');
    const spec: BuildSpec = {
      platforms,
      repositories,
      file: docker.file ?? join(docker.context, 'Dockerfile'),
      context: docker.context,
      pull: docker.pull,
      buildArgs: docker['build-args'],
      secrets: docker.secrets,
      labels: { ...docker.labels, ...metadata },
      annotations: metadata,
      indexAnnotations: !distributed,
      provenance: docker.provenance,
      sbom: docker.sbom,
      cacheScope: docker.cache === 'gha' ? `${imageSlug}-${slug}` : undefined,
      workDir,
      name: `${slug}-${runId}`,
      ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
    };
    const built = BACKENDS[docker.backend].commands(spec);
    return {
      kind: 'docker-build',
      id: distributed ? `docker-build:${platforms[0]}` : 'docker-build',
      target: `${platforms.join(',')} → ${repositories.join(', ')}`,
      backend: docker.backend,
      platforms,
      repositories,
      argv: built.commands[0]!,
      commands: built.commands,
      ...(built.metadataFile ? { metadataFile: built.metadataFile } : {}),
      digestFile: built.digestFile,
      logins,
      secretEnv: docker.secrets.map((s) => s.env),
      ...(distributed && ctx.digestsDir ? { digestsDir: ctx.digestsDir } : {}),
    };
  });

  const scan = docker.scan;
  const scanSteps: DockerScanStep[] =
    scan.enabled === false
      ? []
      : [
          {
            kind: 'docker-scan',
            id: 'docker-scan',
            target: `${repositories[0]}@<digest> (${docker.platforms.join(', ')}), fail on ${scan['fail-on']}`,
            repository: repositories[0]!,
            platforms: docker.platforms,
            digests: { from: 'outcomes' },
            required: scan.enabled === true,
            scanner: scan.scanner,
            failOn: scan['fail-on'],
            sarifDir: scan.sarif,
            ...(ctx.rebuild !== true && versionTags[0] ? { releasedTag: versionTags[0] } : {}),
          },
        ];

  const attestation = plannedAttestation(ctx.config, ctx.facts, 'images');
  const attestSteps: DockerAttestStep[] = attestation
    ? [
        {
          kind: 'docker-attest',
          id: 'docker-attest',
          target: `${repositories.map((repository) => `${repository}@<index digest>`).join(' ')}: signature + SLSA provenance (Sigstore: ${attestation.instance.name})`,
          repositories,
          attestation,
        },
      ]
    : [];

  return [
    ...builds,
    ...scanSteps,
    {
      kind: 'docker-merge',
      id: 'docker-merge',
      target: images.map((i) => `${i.repository}:${i.tags.join(',')}`).join(' '),
      images,
      platforms: docker.platforms,
      digests: { from: 'outcomes' },
      annotations: metadata,
      versionTags,
      replaceVersionTags: ctx.rebuild === true,
      rebuildTag: `${ctx.config['rebuild-prefix']}${ctx.tag}`,
    },
    ...attestSteps,
  ];
}
