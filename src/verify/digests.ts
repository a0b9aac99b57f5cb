import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { OciReader, type RegistryCredentials } from './oci.js';
import type { PublishedImage } from './images.js';
import { UserError } from '../errors.js';

/** `produced.images` of earlier steps (verify-images, the Docker stage), when they carry digests. */
export function publishedImages(outcomes: Iterable<StepOutcome>): PublishedImage[] {
  const found: PublishedImage[] = [];
  for (const outcome of outcomes) {
    const images = outcome.produced?.images;
    if (!Array.isArray(images)) continue;
    for (const image of images as Array<Partial<PublishedImage>>) {
      if (typeof image?.repository === 'string' && typeof image.digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(image.digest)) {
        found.push({ repository: image.repository, tags: Array.isArray(image.tags) ? image.tags : [], digest: image.digest, platforms: image.platforms ?? [] });
      }
    }
  }
  return found;
}

/**
 * Registry credentials from the run's secrets: GHCR takes the GitHub token; Docker Hub the
 * `docker-username`/`docker-password` pair when given. Anonymous otherwise (public images).
 */
export function registryCredentials(secrets: ExecutionContext['secrets']): (host: string) => RegistryCredentials | undefined {
  return (host) => {
    if (host === 'ghcr.io' && secrets['github-token']) return { username: 'tagship', password: secrets['github-token'] };
    if (host === 'registry-1.docker.io' && secrets['docker-username'] && secrets['docker-password']) {
      return { username: secrets['docker-username'], password: secrets['docker-password'] };
    }
    return undefined;
  };
}

/** The digest `repository:tag` was published with: from this run's outcomes, else read from the registry. */
export async function resolveDigest(ctx: ExecutionContext, repository: string, tag: string): Promise<string> {
  const known = publishedImages(ctx.outcomes.values()).find((image) => image.repository === repository && image.tags.includes(tag));
  if (known) return known.digest;
  const lookup = await new OciReader({ credentials: registryCredentials(ctx.secrets), signal: ctx.signal }).manifest(repository, tag);
  if (!lookup.found) throw new UserError(`${repository}:${tag} does not exist in its registry: publish the images first (the docker stage), then re-run.`);
  return lookup.digest;
}
