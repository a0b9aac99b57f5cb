/**
 * Hidden in every release body tagship writes. A `release` event for a release that carries it was
 * caused by tagship's own run, which already runs (or dispatched) the Docker stage, so the event must
 * not build the images a second time (see docs/docker-chain.md). Tiny on purpose: `trigger.ts`
 * imports it, and the trigger is on every run's start-up path.
 */
export const TAGSHIP_RELEASE_MARKER = '<!-- tagship:release -->';

export function isTagshipRelease(body: unknown): boolean {
  return typeof body === 'string' && body.includes(TAGSHIP_RELEASE_MARKER);
}
