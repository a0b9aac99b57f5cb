import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import type { PlannedImage, VerifyImagesStep } from '../plan/steps/verify.js';
import { OciClient } from '../oci/client.js';
import { registryLogins } from '../oci/credentials.js';
import { isIndexType } from '../oci/media-types.js';
import { normalizePlatform, platformName } from '../oci/platforms.js';

/**
 * An image as published: what notifications link to and what rollouts pin. Other steps may put the
 * same shape under `produced.images` (the Docker stage does, after issue 5) and it is read from there.
 */
export interface PublishedImage {
  repository: string;
  tags: string[];
  /** The index's digest, `sha256:…`. */
  digest: string;
  platforms: string[];
}

export interface ImageCheck {
  published: PublishedImage[];
  /** One line per problem, naming the repository and tag. */
  problems: string[];
}

/** Reads every planned tag back: one index per repository, the same for every tag, listing every platform. */
export async function checkImages(client: OciClient, images: readonly PlannedImage[], platforms: readonly string[]): Promise<ImageCheck> {
  const published: PublishedImage[] = [];
  const problems: string[] = [];
  const wanted = platforms.map(normalizePlatform);
  for (const image of images) {
    const digests = new Map<string, string[]>();
    let listed: string[] = [];
    for (const tag of image.tags) {
      const found = await client.getManifest(image.repository, tag);
      if (!found) {
        problems.push(`${image.repository}:${tag} does not exist`);
        continue;
      }
      if (!isIndexType(found.mediaType)) {
        problems.push(`${image.repository}:${tag} is a single-platform manifest (${found.mediaType || 'no media type'}), not an index of ${wanted.join(', ')}`);
        continue;
      }
      digests.set(found.digest, [...(digests.get(found.digest) ?? []), tag]);
      listed = (found.json.manifests ?? []).map((entry) => platformName(entry.platform)).filter((p): p is string => p !== undefined);
      const missing = wanted.filter((p) => !listed.includes(p));
      if (missing.length) problems.push(`${image.repository}:${tag} lacks ${missing.join(', ')} (has ${listed.join(', ') || 'none'})`);
    }
    if (digests.size > 1) {
      const spread = [...digests].map(([digest, tags]) => `${tags.join(', ')} → ${digest.slice(0, 19)}…`).join('; ');
      problems.push(`${image.repository}: tags point at different indexes (${spread})`);
    } else if (digests.size === 1) {
      const [digest] = digests.keys();
      published.push({ repository: image.repository, tags: image.tags, digest: digest!, platforms: listed });
    }
  }
  return { published, problems };
}

/** The `verify-images` step: every planned tag read back; digests go to later steps and notifications. */
export async function executeVerifyImages(step: VerifyImagesStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const client = new OciClient({ credentials: registryLogins(ctx.secrets, ctx.env), signal: ctx.signal });
  const { published, problems } = await checkImages(client, step.images, step.platforms);
  if (problems.length) {
    throw new UserError(`Published images do not match the plan: ${problems.join('; ')}. Nothing was unpublished; re-run the docker stage to push them again.`);
  }
  const detail = published.map((image) => `${image.repository}@${image.digest} (${image.tags.join(', ')}; ${image.platforms.join(', ')})`).join('; ');
  if (!step.attestations) return { id: step.id, status: 'done', detail, produced: { images: published } };
  // Loaded only when there is something signed to check: planning and unsigned runs never load Sigstore.
  const { checkImageAttestations } = await import('./image-attestations.js');
  const checked = await checkImageAttestations(client, published, step.attestations, ctx);
  return { id: step.id, status: 'done', detail: `${detail}; ${checked.detail}`, produced: { images: published, attestations: checked.records } };
}
