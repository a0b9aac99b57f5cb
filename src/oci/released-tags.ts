import { parseVersion, type SchemeName } from '../version/scheme.js';
import { OciClient } from './client.js';
import type { CredentialLookup } from './credentials.js';

/**
 * Image tags that name a full release under one of the project's schemes (`1.2.3`, `1.2.3rc1`, or with
 * the tag prefix, `v1.2.3`). Aliases (`latest`, `1.2`, `1`) and other tags (`sha-abc`, `edge`) are not
 * releases: PEP 440 would read `1.2` as a version, so three release numbers are required.
 */
export function versionsFromImageTags(tags: readonly string[], schemes: readonly SchemeName[], prefix: string): string[] {
  const versions = new Set<string>();
  for (const tag of tags) {
    const text = prefix && tag.startsWith(prefix) ? tag.slice(prefix.length) : tag;
    if (!/^\d+\.\d+\.\d+/.test(text)) continue;
    if (schemes.some((scheme) => parseVersion(scheme, text).ok)) versions.add(text);
  }
  return [...versions];
}

export interface RegistryVersions {
  versions: string[];
  /** One line per image whose tags could not be read, saying the plan goes on with the git tags. */
  warnings: string[];
}

/** Reads every image's tag list in parallel; an unreadable registry is a warning, never a failure. */
export async function releasedVersionsInRegistries(
  images: readonly string[],
  options: { schemes: readonly SchemeName[]; prefix: string; credentials?: CredentialLookup; signal?: AbortSignal },
): Promise<RegistryVersions> {
  // Few retries: this runs before every plan, and the git tags are a fine fallback.
  const client = new OciClient({ credentials: options.credentials, signal: options.signal, retry: { retries: 2, minDelayMs: 250, maxDelayMs: 1000, timeoutMs: 15_000 } });
  const results = await Promise.allSettled(images.map((image) => client.listTags(image.toLowerCase())));
  const versions = new Set<string>();
  const warnings: string[] = [];
  for (const [i, result] of results.entries()) {
    if (result.status === 'fulfilled') for (const version of versionsFromImageTags(result.value, options.schemes, options.prefix)) versions.add(version);
    else warnings.push(`Could not read the tags of ${images[i]} (${result.reason instanceof Error ? result.reason.message : String(result.reason)}); deciding latest and the aliases from the git tags alone.`);
  }
  return { versions: [...versions], warnings };
}
