import { UserError } from '../errors.js';

/** What the OCI `org.opencontainers.image.*` keys are filled from; every value is untrusted text. */
export interface ImageMetadataFacts {
  title?: string;
  description?: string;
  licenses?: string;
  /** `https://github.com/acme/app`. */
  source?: string;
  /** The full commit. */
  revision?: string;
  version: string;
  /** The plan's clock, ISO 8601. */
  created?: string;
}

const KEYS = ['title', 'description', 'licenses', 'source', 'revision', 'version', 'created'] as const;

/**
 * The `org.opencontainers.image.*` metadata, set both as labels (the image config) and as annotations
 * (manifests and the index, where registries read them). Values reach the builder as argv elements,
 * never through a shell; a newline is refused because label syntax has no way to carry it.
 */
export function ociMetadata(facts: ImageMetadataFacts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const value = facts[key];
    if (value !== undefined && value !== '') out[`org.opencontainers.image.${key}`] = oneLine(`org.opencontainers.image.${key}`, value);
  }
  return out;
}

export function oneLine(key: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw new UserError(`Image label ${key} would contain a line break (${JSON.stringify(value.slice(0, 40))}…): labels are one line. Fix the value it comes from.`);
  return value;
}
