import type { ChangelogEntry } from '../github/changelog.js';

export type AutoKind = 'major' | 'minor' | 'patch';

export interface AutoBump {
  kind: AutoKind;
  /** One line for the user: which commit decided it. */
  because: string;
}

/** `This reverts commit <sha>.`: the line `git revert` writes into the message body. */
const REVERTS = /^This reverts commit ([0-9a-f]{7,64})\b/gim;

/**
 * The bump conventional commits ask for since the last release (conventionalcommits.org 1.0.0 §
 * "Why use": breaking → major, `feat` → minor, anything else → patch).
 *
 * Below 1.0.0 nothing has been promised (semver §4), and npm's and Cargo's caret ranges treat the
 * minor as the breaking position there (`^0.2.3` is `>=0.2.3 <0.3.0`): so a breaking change bumps
 * the minor, as release-please does with `bump-minor-pre-major`, and leaving 0.x stays a deliberate
 * `tagship bump major`. A `feat` still bumps the minor.
 *
 * A commit reverted inside the same range counts for nothing, and neither does its revert (the two
 * cancel out, as conventional-changelog's filter does); a revert of something already released is
 * a change like any other (patch). Merge commits are not entries (parseCommit drops them): the
 * commits they bring in are in the range themselves. A squash commit counts by its subject and its
 * `BREAKING CHANGE:` footer.
 */
export function decideAutoBump(entries: readonly ChangelogEntry[], current: { major: number; prerelease: boolean }): AutoBump {
  const kept = withoutRevertedPairs(entries);
  const breaking = kept.find((e) => e.conventional?.breaking);
  const feature = kept.find((e) => e.conventional && ['feat', 'feature'].includes(e.conventional.type));
  const initial = current.major === 0;
  const quote = (e: ChangelogEntry) => `${e.commit.sha.slice(0, 7)} ${JSON.stringify(e.subject.slice(0, 80))}`;
  if (breaking) {
    return initial
      ? { kind: 'minor', because: `breaking change in ${quote(breaking)} (below 1.0.0 a breaking change bumps the minor; run tagship bump major to release 1.0.0)` }
      : { kind: 'major', because: `breaking change in ${quote(breaking)}` };
  }
  if (feature) return { kind: 'minor', because: `feature in ${quote(feature)}` };
  const first = kept[0];
  return {
    kind: 'patch',
    because: first ? `no feature and no breaking change in ${kept.length} commit${kept.length === 1 ? '' : 's'}` : 'no commits since the last release that count (a patch release)',
  };
}

/** The entries left once each revert inside the range has cancelled the commit it reverts. */
export function withoutRevertedPairs(entries: readonly ChangelogEntry[]): ChangelogEntry[] {
  const cancelled = new Set<ChangelogEntry>();
  for (const revert of entries) {
    for (const match of revert.commit.message.matchAll(REVERTS)) {
      const target = entries.find((e) => e !== revert && !cancelled.has(e) && e.commit.sha.toLowerCase().startsWith(match[1]!.toLowerCase()));
      if (!target) continue;
      cancelled.add(target);
      cancelled.add(revert);
    }
  }
  return entries.filter((e) => !cancelled.has(e));
}
