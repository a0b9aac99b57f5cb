/**
 * The `packages:` map: what a user writes, what it means (effective config per package), which package a
 * tag selects, and the one-line errors for what cannot work.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { packageForTag, packageNamed, selectPackage } from '../../src/config/packages.js';
import type { GithubEvent } from '../../src/trigger.js';
import { releaseEvent, tagPush } from '../support/payloads.js';
import { userErrorOf } from '../support/user-error.js';

const config = (text: string) => parseConfig({ file: '.github/tagship.yml', text });

const MONOREPO = `
tag-prefix: v
docker:
  platforms: [linux/amd64]
  images: [ghcr.io/acme/root]
packages:
  core:
    path: packages/core
    tag-prefix: core-v
    docker:
      images: [ghcr.io/acme/core]
  core-cli:
    path: ./packages/cli/
    tag-prefix: core-cli-v
    version-scheme: semver
  crawlkit:
    path: crawlkit
    tag-prefix: crawlkit@
    github-release:
      draft: true
`;

describe('packages: in the config', () => {
  it('is empty unless written, and the root project is configured as before', () => {
    const parsed = config('tag-prefix: v\n');
    expect(parsed.packages).toEqual({});
    expect(parsed['tag-prefix']).toBe('v');
  });

  it("gives each package the top level's settings with its own over them, key by key", () => {
    const parsed = config(MONOREPO);
    const core = packageNamed(parsed, 'core');
    expect(core.path).toBe('packages/core');
    expect(core.config['tag-prefix']).toBe('core-v');
    // Its own images; the top level's platforms, which it did not set.
    expect(core.config.docker.images).toEqual(['ghcr.io/acme/core']);
    expect(core.config.docker.platforms).toEqual(['linux/amd64']);
    // Defaults of a section the package did not touch stay the defaults.
    expect(core.config['github-release'].draft).toBe(false);

    const cli = packageNamed(parsed, 'core-cli');
    expect(cli.path).toBe('packages/cli');
    expect(cli.config['version-scheme']).toBe('semver');
    expect(cli.config.docker.images).toEqual(['ghcr.io/acme/root']);

    expect(packageNamed(parsed, 'crawlkit').config['github-release'].draft).toBe(true);
  });

  it('merges maps key by key; a key named __proto__ touches no prototype and is dropped as at the top level', () => {
    const parsed = config('docker:\n  build-args: { A: top, B: top }\npackages:\n  core:\n    path: core\n    docker:\n      build-args: { B: core, __proto__: x }\n');
    const args = packageNamed(parsed, 'core').config.docker['build-args'];
    expect(Object.entries(args)).toEqual([['A', 'top'], ['B', 'core']]);
    expect(Object.entries(config('docker:\n  build-args: { __proto__: x }\n').docker['build-args'])).toEqual([]);
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('defaults the tag prefix to the name and -v', () => {
    const parsed = config('packages:\n  core: { path: core }\n');
    expect(packageNamed(parsed, 'core').config['tag-prefix']).toBe('core-v');
    expect(packageForTag(parsed, 'core-v1.2.3')?.name).toBe('core');
  });

  it("checks a package's sections with the top level's rules, naming the file line", () => {
    const error = userErrorOf(() => config('packages:\n  core:\n    path: core\n    docker:\n      platfroms: [linux/amd64]\n'));
    expect(error.message).toBe('.github/tagship.yml:5: unknown key "packages.core.docker.platfroms".');
    expect(userErrorOf(() => config('packages:\n  core:\n    path: core\n    npm:\n      access: secret\n')).message).toMatch(
      /^\.github\/tagship\.yml:5: "packages\.core\.npm\.access" must be one of .*got "secret"\.$/,
    );
    expect(userErrorOf(() => config('packages:\n  core:\n    path: core\n    colour: red\n')).message).toMatch(/^\.github\/tagship\.yml:4: unknown key "packages\.core\.colour"/);
    expect(userErrorOf(() => config('packages:\n  core: { tag-prefix: core-v }\n')).message).toMatch(/"packages\.core\.path" must be string, got nothing/);
  });

  it('refuses a path outside the project', () => {
    expect(userErrorOf(() => config('packages:\n  core: { path: ../core }\n')).message).toBe(
      '.github/tagship.yml:2: "packages.core.path": leads out of the repository (".."); give a directory inside it, got "../core".',
    );
    expect(userErrorOf(() => config('packages:\n  core: { path: /srv/core }\n')).message).toMatch(/"packages\.core\.path": an absolute path/);
    expect(userErrorOf(() => config('packages:\n  core: { path: "core/../../x" }\n')).message).toMatch(/leads out of the repository/);
  });

  it('refuses prefixes by which one tag could belong to two packages', () => {
    expect(userErrorOf(() => config('packages:\n  a: { path: a, tag-prefix: x- }\n  b: { path: b, tag-prefix: x- }\n')).message).toBe(
      '.github/tagship.yml:3: "packages.b.tag-prefix": tag prefix "x-" overlaps package "a" ("x-"): a tag could belong to both; give each a prefix of its own.',
    );
    // `core-` and `core-1`: core-12.0.0 is core 12.0.0 or core-1 2.0.0.
    expect(userErrorOf(() => config('packages:\n  a: { path: a, tag-prefix: core- }\n  b: { path: b, tag-prefix: core-1 }\n')).message).toMatch(/"packages\.b\.tag-prefix": tag prefix "core-1" overlaps package "a"/);
    // The root project's prefix counts: a package may not take `v`.
    expect(userErrorOf(() => config('packages:\n  a: { path: a, tag-prefix: v }\n')).message).toMatch(/tag prefix "v" overlaps the top-level tag-prefix \("v"\)/);
    // A default prefix is blamed on the package.
    expect(userErrorOf(() => config('tag-prefix: core-v\npackages:\n  core: { path: core }\n')).message).toMatch(/^\.github\/tagship\.yml:3: "packages\.core": tag prefix "core-v" overlaps/);
    // Rehearsal and rebuild tags are read before packages.
    expect(userErrorOf(() => config('packages:\n  t: { path: t, tag-prefix: test-t- }\n')).message).toMatch(/begins with the rehearsal-prefix "test-"/);
    // Longer prefixes that go on with letters are no overlap: the longest wins.
    expect(config('packages:\n  core: { path: a, tag-prefix: core- }\n  cli: { path: b, tag-prefix: core-cli- }\n').packages).toHaveProperty('cli');
  });

  it('refuses prefixes git cannot tag and names it cannot look up', () => {
    expect(userErrorOf(() => config('packages:\n  a: { path: a, tag-prefix: "a..b-" }\n')).message).toMatch(/not usable in a git tag name/);
    expect(userErrorOf(() => config('packages:\n  a: { path: a, tag-prefix: "a b" }\n')).message).toMatch(/only letters, digits/);
    expect(userErrorOf(() => config('packages:\n  "a b": { path: a }\n')).message).toBe('.github/tagship.yml:2: "packages.a b": not a package name: letters, digits, ".", "_", "-", optionally @scope/ in front.');
    expect(config('packages:\n  "@acme/core": { path: core, tag-prefix: "@acme/core@" }\n').packages).toHaveProperty(['@acme/core']);
  });
});

describe('packageNamed', () => {
  it('says which packages there are when the name is unknown', () => {
    expect(userErrorOf(() => packageNamed(config(MONOREPO), 'kore')).message).toBe('No package "kore" in the config\'s packages: expected one of "core", "core-cli", "crawlkit".');
    expect(userErrorOf(() => packageNamed(config(''), 'core')).message).toMatch(/the config has no packages map; add packages\.core/);
    // Not a way into the object's prototype.
    expect(userErrorOf(() => packageNamed(config(MONOREPO), 'constructor')).message).toMatch(/^No package "constructor"/);
  });
});

describe('packageForTag', () => {
  const parsed = config(MONOREPO);
  it.each([
    ['core-v1.2.3', 'core'],
    ['core-cli-v0.4.0', 'core-cli'],
    ['crawlkit@2.0.0rc1', 'crawlkit'],
    ['test-core-v1.2.3', 'core'],
    ['docker-rebuild-core-cli-v0.4.0', 'core-cli'],
    ['test-crawlkit@2.0.0', 'crawlkit'],
  ])('%s selects %s', (tag, name) => {
    expect(packageForTag(parsed, tag)?.name).toBe(name);
  });

  it.each(['v1.2.3', 'test-v1.2.3', 'docker-rebuild-v1.2.3', 'core-vnext', 'core-cli-latest', 'release-1'])('%s selects no package', (tag) => {
    expect(packageForTag(parsed, tag)).toBeUndefined();
  });

  it('lets the longest prefix win, the root project’s included', () => {
    const nested = config('tag-prefix: app-\npackages:\n  a: { path: a, tag-prefix: a }\n  ab: { path: b, tag-prefix: app-b- }\n');
    expect(packageForTag(nested, 'app-1.0.0')).toBeUndefined();
    expect(packageForTag(nested, 'app-b-1.0.0')?.name).toBe('ab');
    expect(packageForTag(nested, 'a1.0.0')?.name).toBe('a');
  });
});

describe('selectPackage', () => {
  const parsed = config(MONOREPO);
  const push = (tag: string): GithubEvent => ({ name: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag) });
  const dispatch = (inputs: Record<string, string>): GithubEvent => ({ name: 'workflow_dispatch', ref: 'refs/heads/main', payload: { inputs } });

  it('reads the tag of a push, a release and a dispatch, and a hand-off version', () => {
    expect(selectPackage(parsed, push('core-v1.2.3'))?.name).toBe('core');
    expect(selectPackage(parsed, push('v1.2.3'))).toBeUndefined();
    expect(selectPackage(parsed, { name: 'release', ref: 'refs/tags/crawlkit@2.0.0', payload: releaseEvent('published', 'crawlkit@2.0.0') })?.name).toBe('crawlkit');
    expect(selectPackage(parsed, dispatch({ version: 'core-cli-v0.4.0' }))?.name).toBe('core-cli');
    expect(selectPackage(parsed, dispatch({ version: '0.4.0', package: 'core-cli' }))?.name).toBe('core-cli');
    expect(selectPackage(parsed, { name: 'push', ref: 'refs/heads/main', payload: { ref: 'refs/heads/main' } }, { version: 'core-v1.2.3' })?.name).toBe('core');
    expect(selectPackage(parsed, { name: 'push', ref: 'refs/heads/main', payload: { ref: 'refs/heads/main' } }, { version: '1.2.3', name: 'core' })?.name).toBe('core');
  });

  it("reads a dispatch's tag ref when its version names nobody's tag; a version that is the root's keeps the root", () => {
    const onTag = (inputs: Record<string, string>): GithubEvent => ({ name: 'workflow_dispatch', ref: 'refs/tags/core-v1.2.3', payload: { inputs } });
    expect(selectPackage(parsed, onTag({ version: '1.2.3', stages: 'docker' }))?.name).toBe('core');
    expect(selectPackage(parsed, onTag({ version: 'core-v1.2.3' }))?.name).toBe('core');
    expect(selectPackage(parsed, onTag({ version: 'v2.0.0' }))).toBeUndefined();
  });

  it('takes a bare version with a package name as that package’s, even where bare versions are the root’s tags', () => {
    const bare = config('tag-prefix: ""\npackages:\n  core: { path: core }\n');
    const dispatched: GithubEvent = { name: 'workflow_dispatch', ref: 'refs/heads/main', payload: { inputs: { version: '1.2.3', package: 'core' } } };
    expect(selectPackage(bare, dispatched)?.name).toBe('core');
    expect(selectPackage(bare, { name: 'push', ref: 'refs/heads/main', payload: { ref: 'refs/heads/main' } }, { version: '1.2.3', name: 'core' })?.name).toBe('core');
    expect(selectPackage(bare, { ...dispatched, payload: { inputs: { version: '1.2.3' } } })).toBeUndefined();
  });

  it('refuses a package name that contradicts the tag', () => {
    expect(userErrorOf(() => selectPackage(parsed, push('core-v1.2.3'), { name: 'crawlkit' })).message).toBe(
      'The run is for package "crawlkit", but its tag belongs to package "core": give the package\'s own tag (crawlkit@1.2.3) or leave the package input empty.',
    );
    expect(userErrorOf(() => selectPackage(parsed, dispatch({ version: '1.0.0', package: 'nope' }))).message).toMatch(/^No package "nope"/);
    expect(userErrorOf(() => selectPackage(parsed, push('v1.2.3'), { name: 'core' })).message).toBe(
      'The run is for package "core", but its tag is the root project\'s (prefix "v"): give the package\'s own tag (core-v1.2.3) or leave the package input empty.',
    );
  });
});
