/** Which dispatches are one-click releases (src/one-click.ts): pure, over the event and the step's `version` input. */
import { describe, expect, test } from 'vitest';
import { oneClickRequest } from '../../src/one-click.js';
import type { GithubEvent } from '../../src/trigger.js';
import { userErrorOf } from '../support/user-error.js';

const dispatch = (inputs: Record<string, unknown>, ref = 'refs/heads/main'): GithubEvent => ({ name: 'workflow_dispatch', ref, payload: { inputs, ref } });

describe('oneClickRequest', () => {
  test('a dispatch with bump (and preid) on a branch', () => {
    expect(oneClickRequest(dispatch({ bump: ' minor ' }), undefined)).toEqual({ bump: 'minor', branch: 'main' });
    expect(oneClickRequest(dispatch({ bump: 'prerelease', preid: 'rc' }, 'refs/heads/release/2.x'), undefined)).toEqual({ bump: 'prerelease', preid: 'rc', branch: 'release/2.x' });
  });

  test('not one: another event, a dispatch without bump or with an empty one', () => {
    expect(oneClickRequest({ name: 'push', ref: 'refs/heads/main', payload: { inputs: { bump: 'patch' } } }, undefined)).toBeUndefined();
    expect(oneClickRequest(dispatch({ version: '1.2.3' }), undefined)).toBeUndefined();
    expect(oneClickRequest(dispatch({ bump: '  ' }), undefined)).toBeUndefined();
    expect(oneClickRequest({ name: 'workflow_dispatch', ref: 'refs/heads/main', payload: {} }, undefined)).toBeUndefined();
  });

  test("both a version (the dispatch's or the step's input) and bump: one line", () => {
    for (const [inputs, step] of [[{ bump: 'patch', version: 'v1.2.3' }, undefined], [{ bump: 'patch' }, '1.2.3']] as const) {
      const message = userErrorOf(() => oneClickRequest(dispatch(inputs), step)).message;
      expect(message).toMatch(/^The dispatch gives both 'version' \("v?1\.2\.3"\) and 'bump' \("patch"\)/);
      expect(message).not.toContain('\n');
    }
  });

  test('dispatched on a tag: one line', () => {
    expect(userErrorOf(() => oneClickRequest(dispatch({ bump: 'patch' }, 'refs/tags/v1.2.3'), undefined)).message).toMatch(/dispatched on "refs\/tags\/v1\.2\.3": run it from a branch/);
  });
});
