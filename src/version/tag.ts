import { UserError } from '../errors.js';

/** What a tag name says, before the project's versioning rules are applied. */
export type TagKind = 'release' | 'rehearsal' | 'docker-rebuild';

export interface TagConventions {
  /** Prefix of a release tag, `v` by default (`''` for bare `1.2.3` tags). */
  prefix: string;
  /** Prefix in front of a release tag that makes it a rehearsal: `test-` → `test-v1.2.3`. */
  rehearsalPrefix: string;
  /** Prefix in front of a release tag that rebuilds images: `docker-rebuild-` → `docker-rebuild-v1.2.3`. */
  rebuildPrefix: string;
}

export const DEFAULT_TAG_CONVENTIONS: TagConventions = {
  prefix: 'v',
  rehearsalPrefix: 'test-',
  rebuildPrefix: 'docker-rebuild-',
};

export interface ClassifiedTag {
  kind: TagKind;
  tag: string;
  /** The release tag this one stands for (`v1.2.3` for `docker-rebuild-v1.2.3`). */
  releaseTag: string;
  /** The version text after all prefixes, as written (`1.2.3rc1`). */
  versionText: string;
}

export const MAX_TAG_LENGTH = 128;
const SAFE_VERSION_TEXT = /^[0-9A-Za-z.+-]+$/;

/**
 * Classifies a tag name. Returns `undefined` for tags that are not version tags at all (they are
 * ignored, not errors). Throws a `UserError` for tags that claim to be version tags but are malformed
 * or hostile (`v1.2.3;rm -rf /`, `v１.２.３`): those never reach a shell or the plan.
 */
export function classifyTag(tag: string, conventions: TagConventions): ClassifiedTag | undefined {
  const candidates: Array<[TagKind, string]> = [
    ['docker-rebuild', conventions.rebuildPrefix + conventions.prefix],
    ['rehearsal', conventions.rehearsalPrefix + conventions.prefix],
    ['release', conventions.prefix],
  ];
  for (const [kind, prefix] of candidates) {
    if (!tag.startsWith(prefix)) continue;
    const versionText = tag.slice(prefix.length);
    // Only text that starts like a number claims to be a version: `vendor-sync` is simply not ours.
    if (!/^\p{Nd}/u.test(versionText)) continue;
    assertSafeVersionText(tag, versionText);
    return { kind, tag, releaseTag: conventions.prefix + versionText, versionText };
  }
  return undefined;
}

function assertSafeVersionText(tag: string, versionText: string): void {
  const shown = JSON.stringify(tag.length > 60 ? `${tag.slice(0, 60)}…` : tag);
  if (tag.length > MAX_TAG_LENGTH) {
    throw new UserError(`Tag ${shown} is ${tag.length} characters long; a version tag has at most ${MAX_TAG_LENGTH}. Delete it and push a tag like v1.2.3.`);
  }
  if (!SAFE_VERSION_TEXT.test(versionText)) {
    throw new UserError(
      `Tag ${shown} is not a version tag: only ASCII letters, digits, '.', '-' and '+' may follow the prefix. Delete it and push a tag like v1.2.3.`,
    );
  }
}

/** Strips the release prefix from a version typed by a person (`v1.2.3` or `1.2.3`, e.g. a dispatch input). */
export function versionFromInput(text: string, conventions: TagConventions): string {
  const trimmed = text.trim();
  const bare = conventions.prefix && trimmed.startsWith(conventions.prefix) ? trimmed.slice(conventions.prefix.length) : trimmed;
  const shown = JSON.stringify(trimmed.slice(0, 60));
  if (!bare || !/^[0-9]/.test(bare) || !SAFE_VERSION_TEXT.test(bare) || bare.length > MAX_TAG_LENGTH) {
    throw new UserError(`Input version ${shown} is not a version: give one like 1.2.3 or ${conventions.prefix}1.2.3.`);
  }
  return bare;
}
