/**
 * Hidden in every release body tagship writes. A `release` event for a release that carries it was
 * caused by tagship's own run, which already runs (or dispatched) the Docker stage, so the event must
 * not build the images a second time (see docs/docker-chain.md). Tiny on purpose: `trigger.ts`
 * imports it, and the trigger is on every run's start-up path.
 */
export const TAGSHIP_RELEASE_MARKER = '<!-- tagship:release -->';

/**
 * Opens tagship's section of a release body; `TAGSHIP_RELEASE_MARKER` closes it. A re-run rewrites
 * only what lies between the two, so text a person added above or below the section is kept.
 */
export const TAGSHIP_NOTES_BEGIN = '<!-- tagship:notes -->';

/**
 * Only where tagship writes it counts: alone on the body's last line (`renderBody` ends every body
 * with it), or closing a section that `TAGSHIP_NOTES_BEGIN`, alone on an earlier line, opened (a
 * person may have added text below it). A body that merely mentions the marker (a hand-written
 * release, notes quoting tagship's docs, a commit subject) is not tagship's, and its release event
 * builds the images. GitHub may store an edited body with `\r\n` line ends, and trailing blank lines
 * do not matter.
 */
const MARKER_AS_WRITTEN = new RegExp(`(?:^|\\n)${TAGSHIP_RELEASE_MARKER}[\\r\\n]*$`);
const SECTION_AS_WRITTEN = new RegExp(`(?:^|\\n)${TAGSHIP_NOTES_BEGIN}\\r?\\n[^]*\\n${TAGSHIP_RELEASE_MARKER}\\r?(?:\\n|$)`);

export function isTagshipRelease(body: unknown): boolean {
  return typeof body === 'string' && (MARKER_AS_WRITTEN.test(body) || SECTION_AS_WRITTEN.test(body));
}
