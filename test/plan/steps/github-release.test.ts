import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { previousRelease } from '../../../src/plan/steps/github-release.js';
import { planRelease, releaseStep } from '../../github/fixtures.js';

describe('previousRelease: the highest lower version, not the previous tag in time', () => {
  const known = ['1.0.0', '1.1.4', '1.2.0-rc.1', '1.2.0', '2.0.0', 'not-a-version'];
  test.each([
    { version: '1.1.5', prerelease: false, expected: '1.1.4', why: 'a backport after 1.2.0 and 2.0.0' },
    { version: '1.2.1', prerelease: false, expected: '1.2.0', why: 'the next patch' },
    { version: '1.3.0', prerelease: false, expected: '1.2.0', why: 'release candidates are skipped by a stable release' },
    { version: '1.2.0-rc.2', prerelease: true, expected: '1.2.0-rc.1', why: 'a prerelease looks back to the previous one' },
    { version: '0.9.0', prerelease: false, expected: undefined, why: 'nothing lower' },
  ])('$version → $expected ($why)', ({ version, prerelease, expected }) => {
    expect(previousRelease(version, known, 'semver', prerelease)).toBe(expected);
  });

  test('PEP 440 ordering (1.2.0rc1 < 1.2.0 < 1.2.0.post1)', () => {
    expect(previousRelease('1.2.0.post1', ['1.2.0rc1', '1.2.0', '1.10.0'], 'pep440', false)).toBe('1.2.0');
  });
});

describe('the planned step', () => {
  test('defaults: the Python dist files as assets, checksums, the default template, tag prefix on the previous tag', () => {
    const step = releaseStep(planRelease({ known: ['1.2.2', '1.3.0'] }));
    expect(step).toMatchObject({
      previousTag: 'v1.2.2',
      makeLatest: 'false',
      draft: false,
      assets: { globs: ['dist/*.whl', 'dist/*.tar.gz'], required: true, checksums: true },
      notes: { changelog: 'auto', install: [{ ecosystem: 'pypi', name: 'crawlkit', version: '1.2.3', afterStep: 'pypi-upload' }] },
    });
  });

  test('no Python package: no assets; explicit globs are required to match', () => {
    expect(releaseStep(planRelease({ python: false })).assets).toEqual({ globs: [], required: false, checksums: true });
    const step = releaseStep(planRelease({ python: false, config: 'github-release:\n  assets: [build/*.zip]\n  checksums: false\n' }));
    expect(step.assets).toEqual({ globs: ['build/*.zip'], required: true, checksums: false });
  });

  test('a rehearsal is a draft prerelease whose pip line points at TestPyPI', () => {
    const step = releaseStep(planRelease({ ref: 'refs/tags/test-v1.2.3rc1' }));
    expect(step).toMatchObject({ draft: true, prerelease: true, makeLatest: 'false' });
    expect(step.notes.install[0]).toMatchObject({ ecosystem: 'pypi', indexUrl: 'https://test.pypi.org/simple/' });
  });

  test('a body template with an unknown placeholder is refused at start, naming the key and line', () => {
    expect(() => parseConfig({ file: '.github/tagship.yml', text: 'github-release:\n  body-template: "{{changes}}"\n' })).toThrow(
      /github-release.body-template.*unknown placeholder \{\{changes\}\}/s,
    );
  });
});
