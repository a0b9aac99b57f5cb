import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { readNamedFile } from '../project/files.js';
import type { ExecutionContext } from '../execute/types.js';
import type { DigestSource } from '../plan/steps/docker.js';
import { DIGEST_PATTERN } from '../oci/media-types.js';
import { normalizePlatform } from '../oci/platforms.js';

/** One pushed build: its digest (an image manifest, or an index in single mode) and the platforms it holds. */
export interface BuiltDigest {
  digest: string;
  platforms: string[];
}

/** The file a distributed build job leaves for the merge: the platform with `/` → `-` (`linux-amd64`). */
export function digestFileName(platform: string): string {
  return platform.replaceAll('/', '-');
}

/**
 * The digests the merge assembles, one entry per distinct digest, in planned-platform order. Every
 * planned platform must be covered; a gap names the platform and its build.
 */
export function collectDigests(source: DigestSource, platforms: readonly string[], ctx: Pick<ExecutionContext, 'plan' | 'outcomes'>): BuiltDigest[] {
  const byPlatform = new Map<string, string>();
  if (source.from === 'directory') {
    for (const platform of platforms) {
      const file = join(source.path, digestFileName(platform));
      if (!lstatSync(file, { throwIfNoEntry: false })) {
        throw new UserError(`No digest for ${platform}: ${file} is missing. Did its docker-build job succeed and upload its digest file?`);
      }
      // A downloaded artifact: a regular file of a few bytes, never a FIFO or a device (src/project/files.ts).
      const text = readNamedFile(file, file, { maxBytes: 4096 }).toString('utf8').trim();
      if (!DIGEST_PATTERN.test(text)) throw new UserError(`${file} should hold the pushed digest of ${platform} (sha256:<64 hex>), not ${JSON.stringify(text.slice(0, 80))}.`);
      byPlatform.set(normalizePlatform(platform), text);
    }
  } else {
    const builds = ctx.plan.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'docker-build');
    for (const build of builds) {
      const produced = ctx.outcomes.get(build.id)?.produced;
      const digest = produced?.digest;
      if (typeof digest !== 'string' || !DIGEST_PATTERN.test(digest)) continue;
      const built = Array.isArray(produced?.platforms) ? (produced.platforms as string[]) : build.platforms;
      for (const platform of built) byPlatform.set(normalizePlatform(platform), digest);
    }
  }
  const collected: BuiltDigest[] = [];
  for (const platform of platforms) {
    const digest = byPlatform.get(normalizePlatform(platform));
    if (!digest) throw new UserError(`No digest for ${platform}: no docker-build step of this run reported one. Did its docker-build job succeed?`);
    const existing = collected.find((entry) => entry.digest === digest);
    if (existing) existing.platforms.push(platform);
    else collected.push({ digest, platforms: [platform] });
  }
  return collected;
}
