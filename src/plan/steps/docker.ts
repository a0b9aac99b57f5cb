import { isHighestInLine } from '../../version/released.js';
import type { PlanContext } from '../context.js';

/**
 * The Docker stage's steps. Contract between the planner (tags, build argv) and the executors
 * (`docker-build` runs the argv; `docker-merge` assembles the index and writes the tags over the
 * registry HTTP API). Issue 5 fills in the planner; the shapes below are what both sides rely on.
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
  /** The exact argv; `argv[0]` is `docker` or `buildah`. Secrets are referenced (`--secret id=…,env=…`), never inlined. */
  argv: string[];
  /** File buildx writes the pushed digest to (`--metadata-file`). */
  metadataFile?: string;
  /** Registry hosts to log in to before building (`--password-stdin`). */
  logins: string[];
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
}

export type DockerStep = DockerBuildStep | DockerMergeStep;

/** The images this run publishes, with their tags (every repository gets the same tags). */
export function plannedImages(steps: readonly DockerStep[]): PlannedImage[] {
  return steps.flatMap((step) => (step.kind === 'docker-merge' ? step.images : []));
}

export function planDockerSteps(ctx: PlanContext): DockerStep[] {
  const repositories = ctx.config.docker.images.map((name) => name.toLowerCase());
  if (!repositories.length) return [];
  // Placeholder until issue 5's planner lands: the fan-out below, no build steps yet.
  const tags = imageTagsFor(ctx);
  const images = repositories.map((repository) => ({ repository, tags }));
  return [
    {
      kind: 'docker-merge',
      id: 'docker-merge',
      target: images.map((i) => `${i.repository}:${i.tags.join(',')}`).join(' '),
      images,
      platforms: ['linux/amd64', 'linux/arm64'],
      digests: { from: 'outcomes' },
      annotations: {},
    },
  ];
}

/**
 * The image tags a release publishes: the version, and `major.minor`, `major` and `latest` for a
 * stable version that is the highest of its line. (Interim: issue 5 replaces it with the templated fan-out.)
 */
export function imageTagsFor(ctx: PlanContext): string[] {
  const { version } = ctx;
  const tags = [version.semver ?? version.normalized];
  if (version.prerelease || ctx.rehearsal) return tags;
  const known = ctx.facts.knownVersions;
  const scheme = version.scheme;
  if (isHighestInLine(version.normalized, known, scheme, 'minor')) tags.push(`${version.major}.${version.minor}`);
  if (isHighestInLine(version.normalized, known, scheme, 'major')) tags.push(`${version.major}`);
  if (ctx.latest) tags.push('latest');
  return tags;
}
