import { describe, expect, it } from 'vitest';
import { distTagFor } from '../../src/plan/steps/npm.js';

describe('npm dist-tag', () => {
  it.each([
    { version: '1.3.0-rc.1', known: [], rehearsal: false, tag: 'rc' },
    { version: '1.3.0-beta.2', known: [], rehearsal: false, tag: 'beta' },
    { version: '1.3.0-0', known: [], rehearsal: false, tag: 'next' },
    { version: '2.0.0', known: ['1.9.0'], rehearsal: false, tag: 'latest' },
    { version: '2.0.0', known: ['1.9.0'], rehearsal: true, tag: 'rehearsal' },
    { version: '1.9.1', known: ['2.0.0'], rehearsal: false, tag: 'latest-1' },
    { version: '1.1.5', known: ['1.2.0'], rehearsal: false, tag: 'latest-1.1' },
    { version: '1.2.1', known: ['1.3.0-rc.1', '1.2.0'], rehearsal: false, tag: 'latest' },
  ])('$version after $known → $tag', ({ version, known, rehearsal, tag }) => {
    expect(distTagFor(version, known, rehearsal)).toBe(tag);
  });
});

describe('npm dist-tag never names latest for a prerelease', () => {
  it.each([
    { version: '1.0.0-LATEST.1', tag: 'next' },
    { version: '1.0.0-latest', tag: 'next' },
    // npm refuses a tag that reads as a semver range.
    { version: '1.0.0-x.1', tag: 'next' },
    { version: '1.0.0-RC.1', tag: 'rc' },
  ])('$version → $tag', ({ version, tag }) => {
    expect(distTagFor(version, [], false)).toBe(tag);
    expect(distTagFor(version, [], true)).toBe(tag);
  });
});
