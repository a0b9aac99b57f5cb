import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { OciClient } from '../oci/client.js';
import { registryLogins } from '../oci/credentials.js';
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

/** The digest `repository:tag` was published with: from this run's outcomes, else read from the registry. */
export async function resolveDigest(ctx: ExecutionContext, repository: string, tag: string): Promise<string> {
  const known = publishedImages(ctx.outcomes.values()).find((image) => image.repository === repository && image.tags.includes(tag));
  if (known) return known.digest;
  const lookup = await new OciClient({ credentials: registryLogins(ctx.secrets, ctx.env), signal: ctx.signal }).headManifest(repository, tag);
  if (!lookup) throw new UserError(`${repository}:${tag} does not exist in its registry: publish the images first (the docker stage), then re-run.`);
  return lookup.digest;
}
