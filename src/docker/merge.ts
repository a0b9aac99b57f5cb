import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import type { DockerMergeStep, PlannedImage } from '../plan/steps/docker.js';
import { OciClient, type Bytes, type Descriptor, type StoredManifest } from '../oci/client.js';
import { registryLogins } from '../oci/credentials.js';
import { copyManifest } from '../oci/copy.js';
import { buildIndex, isAttestation } from '../oci/image-index.js';
import { isIndexType, OCI_INDEX } from '../oci/media-types.js';
import { parseImageName } from '../oci/names.js';
import { normalizePlatform, platformName, type Platform } from '../oci/platforms.js';
import { imageLink } from './image-links.js';
import { collectDigests, type BuiltDigest } from './platform-digests.js';

/** What every tag of every repository should point at: the assembled index (or single mode's own index). */
export interface MergeTarget {
  digest: string;
  mediaType: string;
  bytes: Bytes;
  platforms: string[];
}

export interface RepositoryResult {
  repository: string;
  digest: string;
  written: string[];
  unchanged: string[];
  /** Builds copied in because the repository lacked them (from another planned repository). */
  copied: string[];
  /** Version tags a docker-rebuild moved here, and the digest each pointed at before. */
  moved: { tag: string; from: string }[];
}

export interface MergeRequest {
  images: readonly PlannedImage[];
  platforms: readonly string[];
  annotations: Readonly<Record<string, string>>;
  builds: readonly BuiltDigest[];
  /** Tags naming this release alone (`1.2.3`): found at another digest, they stop the merge unless `replaceVersionTags`. */
  versionTags: readonly string[];
  /** A docker-rebuild: move version tags to the new index (each move is logged and reported). */
  replaceVersionTags?: boolean;
  /** What to push to replace a version (`docker-rebuild-v1.2.3`), named when a move is refused. */
  rebuildTag?: string;
  /** One line per tag written or found in place. */
  log?: (line: string) => void;
}

/** A repository whose tag writes stopped part-way: what is in place and what is not. */
class RepositoryFailure extends Error {
  constructor(
    readonly repository: string,
    readonly written: string[],
    readonly notWritten: string[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Assembles the multi-platform index from the per-platform builds and points every planned tag of
 * every repository at it. Repositories are done in parallel; within one, tags are written in plan
 * order (version first) and the first failure stops that repository, so no alias is ever ahead of
 * its version tag. Tags already pointing at the index are left alone, so a re-run is a no-op. A version
 * tag found at other images stops the merge before anything is written, unless it is a docker-rebuild.
 */
export async function mergeImages(client: OciClient, request: MergeRequest): Promise<RepositoryResult[]> {
  const log = request.log ?? (() => undefined);
  const repositories = request.images.map((image) => image.repository);
  // One round of reads, all at once: which builds each repository has, where its tags point now. The
  // first repository's builds are read whole (a GET costs what a HEAD does), for the index.
  const fetched = new Map<string, StoredManifest>();
  const state = await Promise.all(
    request.images.map(async (image, r) => {
      const [has, tags] = await Promise.all([
        Promise.all(
          request.builds.map(async (build) => {
            if (r > 0) return Boolean(await client.headManifest(image.repository, build.digest, 'push'));
            const manifest = await client.getManifest(image.repository, build.digest, 'push');
            if (manifest) fetched.set(build.digest, manifest);
            return Boolean(manifest);
          }),
        ),
        Promise.all(image.tags.map((tag) => client.headManifest(image.repository, tag, 'push'))),
      ]);
      return { has, tags: tags.map((head) => head?.digest) };
    }),
  );
  const holders = request.builds.map((build, b) => {
    const found = repositories.filter((_, r) => state[r]!.has[b]);
    if (!found.length) {
      throw new UserError(
        `The ${build.platforms.join(', ')} build (${build.digest}) is in none of ${repositories.join(', ')}. Did its docker-build job succeed and push by digest to these repositories?`,
      );
    }
    return found;
  });
  const built = await assemble(client, request, holders.map((found) => found[0]!), fetched);
  const targets = await keepEquivalentIndexes(client, request, state, built);
  const moves = versionTagMoves(request, state, targets);

  const settled = await Promise.allSettled(
    request.images.map(async (image, r) => {
      const target = targets[r]!;
      if (target !== built) log(`= ${image.repository}:${image.tags.find((tag) => request.versionTags.includes(tag))} already points at ${target.digest}, which holds the same images (only attestations differ): kept`);
      const copied: string[] = [];
      for (const [b, build] of request.builds.entries()) {
        if (state[r]!.has[b]) continue;
        const host = parseImageName(image.repository).host;
        const from = holders[b]!.find((repo) => parseImageName(repo).host === host) ?? holders[b]![0]!;
        await copyManifest(client, from, image.repository, build.digest);
        copied.push(build.platforms.join(', '));
        log(`copied the ${build.platforms.join(', ')} build from ${from} to ${image.repository}`);
      }
      const written: string[] = [];
      const unchanged: string[] = [];
      const moved = moves.filter((move) => move.repository === image.repository).map(({ tag, from }) => ({ tag, from }));
      for (const [t, tag] of image.tags.entries()) {
        if (state[r]!.tags[t] === target.digest) {
          unchanged.push(tag);
          log(`= ${image.repository}:${tag} already points at ${target.digest}`);
          continue;
        }
        try {
          await client.putManifest(image.repository, tag, target.bytes, target.mediaType);
        } catch (error) {
          throw new RepositoryFailure(image.repository, written, image.tags.slice(t), error);
        }
        written.push(tag);
        const from = moved.find((move) => move.tag === tag)?.from;
        log(from ? `↻ ${image.repository}:${tag} moved from ${from} to ${target.digest} (docker-rebuild)` : `✓ ${image.repository}:${tag} → ${target.digest}`);
      }
      return { repository: image.repository, digest: target.digest, written, unchanged, copied, moved };
    }),
  );
  const failures = settled.flatMap((s, r) => (s.status === 'rejected' ? [describeRepositoryFailure(request.images[r]!, s.reason)] : []));
  if (failures.length) {
    const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [`${s.value.repository} (all tags)`] : []));
    throw new UserError(`${failures.join(' ')}${done.length ? ` Finished: ${done.join(', ')}.` : ''} Re-running resumes: tags already pointing at ${built.digest} are skipped.`, undefined, {
      cause: settled.find((s) => s.status === 'rejected')?.reason,
    });
  }
  return settled.map((s) => (s as PromiseFulfilledResult<RepositoryResult>).value);
}

interface RepositoryState {
  /** Where each planned tag points now (undefined: not there). */
  tags: (string | undefined)[];
}

/**
 * The index each repository's tags should point at: this run's, unless a version tag already points at
 * an index holding the very same images for the same platforms. Then only the attestations differ, and
 * they always do when images are built again: BuildKit's provenance records the build invocation (its
 * maintainers: there is no reproducible provenance). That published index is kept, tags and signatures
 * stay where they are, and a re-run of every job resumes like a re-run of the merge.
 */
async function keepEquivalentIndexes(client: OciClient, request: MergeRequest, state: readonly RepositoryState[], built: MergeTarget): Promise<MergeTarget[]> {
  const versionTags = new Set(request.versionTags);
  const images = imageFingerprint(parseIndexEntries(built.bytes));
  return Promise.all(
    request.images.map(async (image, r) => {
      const published = image.tags.map((tag, t) => (versionTags.has(tag) ? state[r]!.tags[t] : undefined)).find((digest) => digest !== undefined && digest !== built.digest);
      if (!published || !images) return built;
      const found = await client.getManifest(image.repository, published, 'push');
      if (!found?.json.manifests || imageFingerprint(found.json.manifests) !== images) return built;
      return { digest: found.digest, mediaType: found.mediaType || OCI_INDEX, bytes: found.bytes, platforms: listedPlatforms(found.json.manifests) };
    }),
  );
}

function parseIndexEntries(bytes: Bytes): Descriptor[] {
  return (JSON.parse(new TextDecoder().decode(bytes)) as { manifests?: Descriptor[] }).manifests ?? [];
}

/** The images an index lists (attestations left out), as one comparable string; undefined for none. */
function imageFingerprint(entries: readonly Descriptor[]): string | undefined {
  const list = entries.filter((entry) => !isAttestation(entry)).map((entry) => `${normalizePlatform(platformName(entry.platform) ?? 'unknown')}@${entry.digest}`);
  return list.length ? list.sort().join(' ') : undefined;
}

interface VersionTagMove {
  repository: string;
  tag: string;
  from: string;
}

/**
 * Version tags that point at another index than this run's. A version tag names one set of images for
 * good: signatures, attestations and deploys pinned to its first digest rely on it. So only a
 * docker-rebuild moves one; any other run stops here, before it writes anything in any repository.
 * Aliases are not checked: the planner already moves them only forwards.
 */
function versionTagMoves(request: MergeRequest, state: readonly RepositoryState[], targets: readonly MergeTarget[]): VersionTagMove[] {
  const versionTags = new Set(request.versionTags);
  const moves = request.images.flatMap((image, r) =>
    image.tags.flatMap((tag, t) => {
      const from = state[r]!.tags[t];
      return versionTags.has(tag) && from !== undefined && from !== targets[r]!.digest ? [{ repository: image.repository, tag, from }] : [];
    }),
  );
  if (moves.length && !request.replaceVersionTags) {
    const published = moves.map((move) => `${move.repository}:${move.tag} at ${move.from}`).join(', ');
    const digest = targets[request.images.findIndex((image) => image.repository === moves[0]!.repository)]!.digest;
    throw new UserError(
      `This version is already published: ${published}, and this run's images are ${digest}. Only a docker-rebuild moves a version tag: push ${request.rebuildTag ?? 'the docker-rebuild tag of this release'} to replace it. Nothing was written.`,
    );
  }
  return moves;
}

function describeRepositoryFailure(image: PlannedImage, reason: unknown): string {
  if (reason instanceof RepositoryFailure) {
    return `${reason.message} Written in ${image.repository}: ${reason.written.join(', ') || 'nothing'}; not written: ${reason.notWritten.join(', ')}.`;
  }
  return `${reason instanceof Error ? reason.message : String(reason)} Nothing was written in ${image.repository}.`;
}

/**
 * Reads each build once (from a repository that has it) and makes the index: image manifests get
 * their platform from their config; per-platform indexes (buildx with attestations) are flattened,
 * keeping attestation manifests next to their images, as `docker buildx imagetools create` does.
 * A single build that is already a complete index is used as it is (single mode: nothing to assemble).
 */
async function assemble(client: OciClient, request: MergeRequest, sources: readonly string[], fetched: ReadonlyMap<string, StoredManifest>): Promise<MergeTarget> {
  // Builds are read in parallel; their entries keep the planned order.
  const read = await Promise.all(
    request.builds.map(async (build, b) => {
      const manifest = fetched.get(build.digest) ?? (await client.getManifest(sources[b]!, build.digest));
      if (!manifest) throw new UserError(`${sources[b]}@${build.digest} disappeared while the merge read it: re-run the docker stage.`);
      if (isIndexType(manifest.mediaType) || manifest.json.manifests) return { manifest, entries: manifest.json.manifests ?? [] };
      const configDigest = manifest.json.config?.digest;
      const config = configDigest ? (JSON.parse(new TextDecoder().decode(await client.getBlob(sources[b]!, configDigest))) as Partial<Platform>) : {};
      const platform: Platform = { os: config.os ?? 'unknown', architecture: config.architecture ?? 'unknown', ...(config.variant ? { variant: config.variant } : {}) };
      return { manifest, entries: [{ mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform }] };
    }),
  );
  const only = read.length === 1 ? read[0]! : undefined;
  if (only && (isIndexType(only.manifest.mediaType) || only.manifest.json.manifests)) {
    const { manifest } = only;
    const target = { digest: manifest.digest, mediaType: manifest.mediaType || OCI_INDEX, bytes: manifest.bytes, platforms: listedPlatforms(only.entries) };
    checkPlatforms(target.platforms, request.platforms);
    return target;
  }
  const index = buildIndex(
    read.flatMap((r) => r.entries),
    request.annotations,
  );
  checkPlatforms(index.platforms, request.platforms);
  return { digest: index.digest, mediaType: OCI_INDEX, bytes: index.bytes, platforms: index.platforms };
}

function listedPlatforms(entries: readonly Descriptor[]): string[] {
  return entries.filter((entry) => !isAttestation(entry)).map((entry) => platformName(entry.platform) ?? 'unknown');
}

function checkPlatforms(listed: readonly string[], planned: readonly string[]): void {
  const have = listed.map(normalizePlatform);
  const want = planned.map(normalizePlatform);
  const sorted = (list: string[]) => [...list].sort().join(', ');
  if (sorted(have) !== sorted([...new Set(want)])) {
    throw new UserError(`The builds hold ${have.join(', ') || 'no platform'} but the plan is ${want.join(', ')}: check docker.platforms and that each build job built its own platform, then re-run the docker stage.`);
  }
}

/** The `docker-merge` step: builds → one index per repository, every tag written version-first. */
export async function executeDockerMerge(step: DockerMergeStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const builds = collectDigests(step.digests, step.platforms, ctx);
  const client = new OciClient({
    credentials: registryLogins(ctx.secrets, ctx.env),
    signal: ctx.signal,
    onRetry: (notice) => ctx.runner.info(`  retrying ${notice.url} in ${notice.delayMs} ms (${notice.reason}, attempt ${notice.attempt})`),
  });
  const results = await mergeImages(client, {
    images: step.images,
    platforms: step.platforms,
    annotations: step.annotations,
    builds,
    versionTags: step.versionTags,
    replaceVersionTags: step.replaceVersionTags,
    rebuildTag: step.rebuildTag,
    log: (line) => ctx.runner.info(`  ${line}`),
  });
  const changed = results.some((r) => r.written.length || r.copied.length);
  const detail = results
    .map((r) => {
      const parts = [
        r.written.length ? `wrote ${r.written.join(', ')}` : '',
        ...r.moved.map((move) => `moved ${move.tag} from ${move.from} to ${r.digest}`),
        r.unchanged.length ? `already in place ${r.unchanged.join(', ')}` : '',
      ];
      return `${r.repository}@${r.digest}: ${parts.filter(Boolean).join('; ')}`;
    })
    .join('; ');
  const platforms = step.platforms.map(normalizePlatform);
  return {
    id: step.id,
    status: changed ? 'done' : 'unchanged',
    detail,
    links: results.flatMap((r) => imageLink(r.repository, ctx.plan.repository) ?? []),
    produced: {
      digests: Object.fromEntries(results.map((r) => [r.repository, r.digest])),
      images: results.map((r) => ({ repository: r.repository, tags: step.images.find((i) => i.repository === r.repository)!.tags, digest: r.digest, platforms })),
    },
  };
}
