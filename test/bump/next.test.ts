import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { compareVersions } from '../../src/version/scheme.js';
import { BUMP_KINDS, checkPreid, nextVersion, parseBumpRequest } from '../../src/version/next.js';

const SEMVER = { schemes: ['semver'] } as const;
const PEP440 = { schemes: ['pep440'] } as const;
const BOTH = { schemes: ['semver', 'pep440'] } as const;

describe('parseBumpRequest', () => {
  it('reads every kind, auto and an exact version', () => {
    for (const kind of BUMP_KINDS) expect(parseBumpRequest(kind)).toEqual({ kind });
    expect(parseBumpRequest('auto')).toEqual({ kind: 'auto' });
    expect(parseBumpRequest('1.2.3')).toEqual({ exact: '1.2.3' });
    expect(parseBumpRequest('v2.0.0-rc.1')).toEqual({ exact: '2.0.0-rc.1' });
    expect(parseBumpRequest('1.2.3rc1')).toEqual({ exact: '1.2.3rc1' });
  });

  it('refuses anything else as a usage error naming the choices', () => {
    for (const text of ['mayor', 'Patch', '', 'v', '1.2.3; rm -rf /', 'latest']) {
      expect(() => parseBumpRequest(text)).toThrow(UsageError);
    }
    expect(() => parseBumpRequest('mayor')).toThrow(
      'unknown bump kind "mayor"; expected major, minor, patch, premajor, preminor, prepatch, prerelease, auto or a version like 1.2.3',
    );
  });
});

describe('checkPreid', () => {
  it('semver: dot-separated [0-9A-Za-z-] identifiers', () => {
    for (const ok of ['rc', 'beta', 'next.1', 'pre-release', 'a1', '0']) expect(() => checkPreid(ok, 'semver')).not.toThrow();
    for (const bad of ['rc_1', 'rc!', '', 'a..b', '01', 'ü', 'rc 1', '.rc']) expect(() => checkPreid(bad, 'semver')).toThrow(UserError);
  });

  it('PEP 440: a, b, rc and their other spellings only', () => {
    for (const ok of ['a', 'b', 'rc', 'alpha', 'beta', 'c', 'pre', 'preview', 'RC']) expect(() => checkPreid(ok, 'pep440')).not.toThrow();
    for (const bad of ['next', 'dev', 'rc1', 'beta.1', '']) expect(() => checkPreid(bad, 'pep440')).toThrow(/not a PEP 440 prerelease label: use a, b or rc/);
  });
});

describe('nextVersion under semver follows semver.inc (npm version)', () => {
  const currents = ['1.2.3', '0.4.0', '1.0.0-rc.0', '1.2.4-rc.3', '2.0.0-beta.1', '1.2.0-0', '1.2.3-alpha'];
  for (const current of currents) {
    for (const kind of BUMP_KINDS) {
      it(`${current} ${kind}`, () => {
        expect(nextVersion(current, kind, SEMVER)).toBe(semver.inc(current, kind));
        expect(nextVersion(current, kind, { ...SEMVER, preid: 'rc' })).toBe(semver.inc(current, kind, 'rc'));
      });
    }
  }

  it('reads a package.json spelling npm accepts (v1.2.3)', () => {
    expect(nextVersion('v1.2.3', 'minor', SEMVER)).toBe('1.3.0');
  });

  it('refuses an invalid preid and a current version that is not one', () => {
    expect(() => nextVersion('1.2.3', 'prerelease', { ...SEMVER, preid: 'rc_1' })).toThrow(UserError);
    expect(() => nextVersion('banana', 'patch', SEMVER)).toThrow(/not a semver version, so it cannot be bumped: give the next version explicitly/);
  });
});

describe('nextVersion under PEP 440 mirrors semver', () => {
  const cases: Array<[string, Parameters<typeof nextVersion>[1], string | undefined, string]> = [
    ['1.2.3', 'patch', undefined, '1.2.4'],
    ['1.2.3', 'minor', undefined, '1.3.0'],
    ['1.2.3', 'major', undefined, '2.0.0'],
    ['1.2', 'patch', undefined, '1.2.1'],
    ['1.2.3.4', 'patch', undefined, '1.2.4'],
    ['1.2.3.post2', 'patch', undefined, '1.2.4'],
    ['1!1.2.3', 'minor', undefined, '1!1.3.0'],
    ['1.2.3', 'prerelease', undefined, '1.2.4rc0'],
    ['1.2.3', 'prerelease', 'beta', '1.2.4b0'],
    ['1.2.3', 'premajor', 'a', '2.0.0a0'],
    ['1.2.3', 'preminor', undefined, '1.3.0rc0'],
    ['1.2.3', 'prepatch', 'alpha', '1.2.4a0'],
    ['1.2.4rc0', 'prerelease', undefined, '1.2.4rc1'],
    ['1.2.4rc0', 'prerelease', 'rc', '1.2.4rc1'],
    ['1.2.4a3', 'prerelease', 'b', '1.2.4b0'],
    ['1.2.4rc1.dev2', 'prerelease', undefined, '1.2.4rc1'],
    ['1.2.4.dev2', 'prerelease', undefined, '1.2.4.dev3'],
    ['1.2.4.dev2', 'prerelease', 'rc', '1.2.4rc0'],
    ['1.2.4rc1', 'patch', undefined, '1.2.4'],
    ['1.3.0rc1', 'minor', undefined, '1.3.0'],
    ['2.0.0rc1', 'major', undefined, '2.0.0'],
    ['1.2.4rc1', 'minor', undefined, '1.3.0'],
    ['2.0.0rc1', 'premajor', undefined, '3.0.0rc0'],
    ['v1.2.3', 'patch', undefined, '1.2.4'],
    ['1.2.3+local.1', 'patch', undefined, '1.2.4'],
  ];
  for (const [current, kind, preid, expected] of cases) {
    it(`${current} ${kind}${preid ? ` --preid ${preid}` : ''} → ${expected}`, () => {
      expect(nextVersion(current, kind, { ...PEP440, ...(preid ? { preid } : {}) })).toBe(expected);
    });
  }

  it('every bump but a change of label sorts above the current version', () => {
    for (const current of ['1.2.3', '0.1.0', '1.2.4rc0', '1.2.4.dev1', '1.2.3.post1', '1.0.0b2']) {
      for (const kind of BUMP_KINDS) {
        const next = nextVersion(current, kind, PEP440);
        expect(compareVersions('pep440', next, current), `${current} ${kind} → ${next}`).toBeGreaterThan(0);
      }
    }
  });

  it('refuses a semver-only preid and a version PEP 440 cannot read', () => {
    expect(() => nextVersion('1.2.3', 'prerelease', { ...PEP440, preid: 'next' })).toThrow(/not a PEP 440 prerelease label/);
    expect(() => nextVersion('1.2.x', 'patch', PEP440)).toThrow(/not a PEP 440 version, so it cannot be bumped/);
  });
});

describe('nextVersion for a project with npm/Cargo and Python sources', () => {
  it('gives semver text whose prerelease PEP 440 reads as the same prerelease', () => {
    expect(nextVersion('1.2.3', 'patch', BOTH)).toBe('1.2.4');
    expect(nextVersion('1.2.3', 'prerelease', BOTH)).toBe('1.2.4-rc.0');
    expect(nextVersion('1.2.4-rc.0', 'prerelease', BOTH)).toBe('1.2.4-rc.1');
    expect(nextVersion('1.2.4-beta.1', 'prerelease', BOTH)).toBe('1.2.4-beta.2');
    expect(nextVersion('1.2.3', 'premajor', { ...BOTH, preid: 'alpha' })).toBe('2.0.0-alpha.0');
  });

  it('reads the current version from a Python file too (1.2.4rc0 is 1.2.4-rc.0)', () => {
    expect(nextVersion('1.2.4rc0', 'prerelease', BOTH)).toBe('1.2.4-rc.1');
    expect(nextVersion('1.2.4rc0', 'patch', BOTH)).toBe('1.2.4');
  });

  it('refuses a preid one of the schemes cannot carry', () => {
    expect(() => nextVersion('1.2.3', 'prerelease', { ...BOTH, preid: 'next' })).toThrow(/not a PEP 440 prerelease label/);
  });
});
