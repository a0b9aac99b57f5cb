import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion, sameVersion } from '../../src/version/scheme.js';

describe('PEP 440 equivalence', () => {
  it.each([
    { a: '1.2.3-rc.1', b: '1.2.3rc1', same: true },
    { a: '1.2.3.rc1', b: '1.2.3rc1', same: true },
    { a: '1.2.3-rc1', b: '1.2.3rc1', same: true },
    { a: '1.2.3c1', b: '1.2.3rc1', same: true },
    { a: '1.2.3-1', b: '1.2.3.post1', same: true },
    { a: '1.2.3alpha2', b: '1.2.3a2', same: true },
    { a: '1.2.3-dev4', b: '1.2.3.dev4', same: true },
    { a: '1.2', b: '1.2.0', same: false },
    { a: '1.2.3', b: '1.2.3rc1', same: false },
    { a: '1.2.3.post1', b: '1.2.3', same: false },
  ])('$a ≡ $b is $same', ({ a, b, same }) => {
    expect(sameVersion('pep440', a, b)).toBe(same);
  });

  it('normalises to the canonical form and reads the parts', () => {
    const parsed = parseVersion('pep440', '1.2.3-rc.1');
    expect(parsed).toEqual({ ok: true, version: { scheme: 'pep440', canonical: '1.2.3rc1', major: 1, minor: 2, patch: 3, prerelease: true } });
    expect(parseVersion('pep440', '1.2')).toMatchObject({ ok: true, version: { canonical: '1.2', major: 1, minor: 2, patch: 0 } });
    expect(parseVersion('pep440', '1.2.3.post1')).toMatchObject({ ok: true, version: { prerelease: false } });
  });

  it.each(['v1.2.3', ' 1.2.3', '1.2.3;x', 'banana', ''])('rejects %j', (text) => {
    expect(parseVersion('pep440', text).ok).toBe(false);
  });
});

describe('semver equivalence', () => {
  it.each([
    { a: '1.2.3', b: '1.2.3', same: true },
    { a: '1.2.3-rc.1', b: '1.2.3-rc.1', same: true },
    { a: '1.2.3-rc.1', b: '1.2.3-rc1', same: false },
    { a: '1.2.3+build.5', b: '1.2.3', same: false },
  ])('$a ≡ $b is $same', ({ a, b, same }) => {
    expect(sameVersion('semver', a, b)).toBe(same);
  });

  it.each(['1.2', '01.2.3', 'v1.2.3', '1.2.3rc1', '1.2.3.4', '=1.2.3'])('rejects %j as not semver', (text) => {
    expect(parseVersion('semver', text)).toMatchObject({ ok: false, reason: expect.stringContaining('MAJOR.MINOR.PATCH') });
  });

  it('orders prereleases below their release', () => {
    expect(compareVersions('semver', '1.3.0-rc.1', '1.3.0')).toBeLessThan(0);
    expect(compareVersions('pep440', '1.3.0rc1', '1.3.0')).toBeLessThan(0);
    expect(compareVersions('pep440', '1.3.0.post1', '1.3.0')).toBeGreaterThan(0);
  });
});
