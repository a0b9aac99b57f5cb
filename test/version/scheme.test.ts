import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { checkSources, resolveVersion } from '../../src/version/guard.js';
import { isHighestInLine } from '../../src/version/released.js';
import { compareVersions, hasLocalSegment, npmRecordedVersion, parseVersion, samePublishedVersion, sameVersion, type SchemeName } from '../../src/version/scheme.js';
import type { VersionReading } from '../../src/version/sources/reading.js';

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

describe('the guard compares what each ecosystem would publish; the tag stays strict', () => {
  const reading = (ecosystem: VersionReading['ecosystem'], value: string): VersionReading => ({ source: 'f', file: 'f', line: 1, ecosystem, value });
  const check = (tag: string, schemes: SchemeName[], ecosystem: VersionReading['ecosystem'], value: string) =>
    checkSources(resolveVersion(tag, `v${tag}`, schemes), [reading(ecosystem, value)])[0]!.ok;

  it.each([
    ['python', 'v1.0', true],
    ['python', ' 1.0 ', true],
    ['python', 'V1.0.0-RC1', false],
    ['python', '1.0.0', false],
    ['generic', 'v1.0', true],
    ['generic', 'v1.1', false],
  ] as const)('PEP 440 tag 1.0, %s file says %j: ok=%s', (ecosystem, value, ok) => {
    expect(check('1.0', ['pep440'], ecosystem, value)).toBe(ok);
  });

  it.each([
    ['npm', 'v1.2.3', true],
    ['npm', ' =1.2.3 ', true],
    ['npm', '1.2.4', false],
    ['npm', 'not-a-version', false],
    ['cargo', 'v1.2.3', false],
    ['generic', 'v1.2.3', false],
  ] as const)('semver tag 1.2.3, %s file says %j: ok=%s', (ecosystem, value, ok) => {
    expect(check('1.2.3', ['semver'], ecosystem, value)).toBe(ok);
  });

  it('npm records no build metadata: package.json 1.2.3 and the tag 1.2.3+b publish the same 1.2.3', () => {
    expect(npmRecordedVersion('v1.2.3+b')).toBe('1.2.3');
    expect(check('1.2.3+b', ['semver'], 'npm', '1.2.3')).toBe(true);
  });

  it('the tag itself keeps its rules: no second v, no whitespace, no local label', () => {
    expect(() => resolveVersion('v1.0', 'vv1.0', ['pep440'])).toThrow(/not a PEP 440 version/);
    expect(() => resolveVersion('1.0+ubuntu.1', 'v1.0+ubuntu.1', ['pep440'])).toThrow(/local version segment/);
  });

  it('a tag with a number above 2^53 - 1 is refused with one line, not rounded', () => {
    for (const scheme of ['pep440', 'semver'] as const) {
      expect(() => resolveVersion('9007199254740993.0.0', 'v9007199254740993.0.0', [scheme])).toThrow(
        new UserError('Tag "v9007199254740993.0.0" has the number 9007199254740993, above 9007199254740991, the largest tagship (and npm\'s semver) handles exactly. Delete it and push a tag with smaller numbers.'),
      );
    }
    expect(resolveVersion('9007199254740991.0.0', 'v9007199254740991.0.0', ['pep440']).major).toBe(Number.MAX_SAFE_INTEGER);
    // Numbers past the release's first three stay text, exact: a timestamp-like post or prerelease number is fine.
    expect(resolveVersion('1.0.post20261202123456789', 'v1.0.post20261202123456789', ['pep440']).normalized).toBe('1.0.post20261202123456789');
    expect(resolveVersion('1.0.0-build.20261202123456789', 'v1.0.0-build.20261202123456789', ['semver']).normalized).toBe('1.0.0-build.20261202123456789');
  });

  it('released versions with large numbers or dotted local labels are ordered exactly, not rounded or crashed on', () => {
    expect(isHighestInLine('1.9007199254740992', ['1.9007199254740993'], 'pep440')).toBe(false);
    expect(isHighestInLine('1.1', ['1.0+ubuntu.1', '1.0'], 'pep440')).toBe(true);
    expect(hasLocalSegment('1.0+ubuntu.1')).toBe(true);
  });
});

describe('the smoke test compares __version__ by the same rule as the guard', () => {
  it.each([
    ['v1.2.3', '1.2.3', true],
    [' 1.2.3rc1 ', '1.2.3rc1', true],
    ['1.2.3', '1.2.4', false],
    ['garbage', 'garbage', false],
  ])('%j vs %j: %s', (found, expected, same) => {
    expect(samePublishedVersion('python', 'pep440', found, expected)).toBe(same);
  });
});
