import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { canonicalImageName } from '../../src/docker/image-name.js';
import { imageTags } from '../../src/docker/tags.js';
import { resolveVersion } from '../../src/version/guard.js';
import { COMMIT, dockerPlan, merge } from './support.js';

const DEFAULT = ['{{version}}', '{{major}}.{{minor}}', '{{major}}', 'latest'];

interface TagCase {
  name: string;
  version: string;
  scheme?: 'semver' | 'pep440';
  known: string[];
  templates?: string[];
  rehearsal?: boolean;
  majorZero?: boolean;
  tag?: string;
  expected: string[];
}

const cases: TagCase[] = [
  { name: 'a stable release, highest of all', version: '1.2.3', known: ['1.2.2', '1.1.0'], expected: ['1.2.3', '1.2', '1', 'latest'] },
  { name: 'a first release', version: '1.0.0', known: [], expected: ['1.0.0', '1.0', '1', 'latest'] },
  { name: 'a prerelease gets only its own tag', version: '1.3.0-rc.1', known: ['1.2.3'], expected: ['1.3.0-rc.1'] },
  { name: 'a PEP 440 prerelease', version: '1.3.0rc1', scheme: 'pep440', known: ['1.2.3'], expected: ['1.3.0rc1'] },
  { name: 'a 0.x release: no `0` by default', version: '0.4.1', known: ['0.4.0', '0.3.9'], expected: ['0.4.1', '0.4', 'latest'] },
  { name: 'a 0.x release with major-zero', version: '0.4.1', known: ['0.4.0'], majorZero: true, expected: ['0.4.1', '0.4', '0', 'latest'] },
  { name: 'a backport: 1.1.5 after 1.2.0', version: '1.1.5', known: ['1.1.4', '1.2.0'], expected: ['1.1.5', '1.1'] },
  { name: 'a backport in an older major: 1.9.1 after 2.0.0', version: '1.9.1', known: ['1.9.0', '2.0.0'], expected: ['1.9.1', '1.9', '1'] },
  { name: 'a rebuild of an old version (1.0.0 when 1.2.0 exists)', version: '1.0.0', known: ['1.0.1', '1.2.0'], expected: ['1.0.0'] },
  { name: 'a stable release after a higher prerelease', version: '1.2.3', known: ['1.3.0-rc.1'], expected: ['1.2.3', '1.2', '1', 'latest'] },
  { name: 'a rehearsal never moves aliases', version: '1.3.0', known: ['1.2.3'], rehearsal: true, expected: ['1.3.0'] },
  {
    name: 'custom templates: sha, raw, literal text, version first whatever the order',
    version: '1.2.3',
    known: [],
    templates: ['stable', '{{major}}.{{minor}}-alpine', 'v{{version}}', '{{raw}}-{{sha}}', 'build-{{sha}}'],
    expected: ['v1.2.3', 'v1.2.3-0123456', 'build-0123456', '1.2-alpine', 'stable'],
  },
  { name: 'custom templates on a prerelease keep only the version-unique ones', version: '2.0.0-beta.2', known: [], templates: ['{{version}}', '{{sha}}', 'edge', '{{major}}'], expected: ['2.0.0-beta.2', '0123456'] },
  // docker/metadata-action renders a type=semver pattern as the full version for a prerelease.
  { name: 'a prerelease with only alias templates gets its full version', version: '2.0.8-beta.67', known: ['1.2.3'], templates: ['{{major}}.{{minor}}', 'latest'], expected: ['2.0.8-beta.67'] },
  { name: 'a PEP 440 prerelease with only alias templates', version: '1.3.0rc1', scheme: 'pep440', known: [], templates: ['{{major}}'], expected: ['1.3.0rc1'] },
  { name: 'semver build metadata becomes "-"', version: '1.2.3+build.7', known: [], templates: ['{{version}}', '{{raw}}'], tag: 'v1.2.3+build.7', expected: ['1.2.3-build.7', 'v1.2.3-build.7'] },
  { name: 'duplicates collapse', version: '1.2.3', known: [], templates: ['{{version}}', '{{major}}.{{minor}}.{{patch}}', 'latest', 'latest'], expected: ['1.2.3', 'latest'] },
  { name: 'a PEP 440 post-release does not take x.y.z', version: '1.2.3.post1', scheme: 'pep440', known: ['1.2.3'], templates: ['{{version}}', '{{major}}.{{minor}}.{{patch}}', 'latest'], expected: ['1.2.3.post1', '1.2.3', 'latest'] },
];

describe('image tag fan-out', () => {
  it.each(cases)('$name', (c) => {
    const version = resolveVersion(c.version, c.tag ?? `v${c.version}`, [c.scheme ?? 'semver']);
    const tags = imageTags({
      templates: c.templates ?? DEFAULT,
      version,
      tag: c.tag ?? `v${c.version}`,
      commit: COMMIT,
      knownVersions: c.known,
      rehearsal: c.rehearsal ?? false,
      majorZero: c.majorZero ?? false,
    });
    expect(tags).toEqual(c.expected);
  });

  it('a template giving an invalid tag is an error naming the template and the result', () => {
    const version = resolveVersion('1.2.3', 'v1.2.3', ['semver']);
    const base = { version, tag: 'v1.2.3', commit: COMMIT, knownVersions: [], rehearsal: false, majorZero: false };
    expect(() => imageTags({ ...base, templates: ['-{{version}}'] })).toThrow(
      'docker.tags template "-{{version}}" gives "-1.2.3" for v1.2.3, which is not an image tag (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"). Change the template.',
    );
    expect(() => imageTags({ ...base, templates: ['{{version}}/x'] })).toThrow(/gives "1.2.3\/x"/);
    expect(() => imageTags({ ...base, templates: [`${'x'.repeat(125)}{{version}}`] })).toThrow(/is not an image tag/);
    expect(() => imageTags({ ...base, commit: undefined, templates: ['{{sha}}'] })).toThrow('docker.tags uses {{sha}}, but the commit is not known (GITHUB_SHA is not set): set it, or drop {{sha}}.');
  });

  it('templates that give a release no tag at all stop the plan: untagged images are never pushed', () => {
    const version = resolveVersion('1.1.5', 'v1.1.5', ['semver']);
    const backport = { version, tag: 'v1.1.5', commit: COMMIT, knownVersions: ['1.2.0'], rehearsal: false, majorZero: false };
    expect(() => imageTags({ ...backport, templates: ['latest', '{{major}}'] })).toThrow(
      'docker.tags ("latest", "{{major}}") gives v1.1.5 no image tag: every template is an alias, and 1.1.5 is not the highest release of their lines. Add "{{version}}" to docker.tags so every release is tagged, or leave docker out of this run (stages input).',
    );
    expect(imageTags({ ...backport, templates: ['latest', '{{major}}.{{minor}}'] })).toEqual(['1.1']);
  });

  it('a rebuild trigger of an old version keeps its own line and never takes latest (through the planner)', () => {
    const plan = dockerPlan({ tag: 'v1.0.0', kind: 'docker-rebuild', known: ['1.0.0', '1.2.0'] });
    expect(merge(plan)!.images).toEqual([{ repository: 'ghcr.io/acme/crawlkit', tags: ['1.0.0', '1.0'] }]);
    expect(plan.latest).toBe(false);
  });

  it('several registries get the same tags, in the same order', () => {
    const plan = dockerPlan({ config: 'docker:\n  images: [ghcr.io/acme/crawlkit, acme/crawlkit, quay.io/Acme/CrawlKit]\n' });
    expect(merge(plan)!.images).toEqual(
      ['ghcr.io/acme/crawlkit', 'docker.io/acme/crawlkit', 'quay.io/acme/crawlkit'].map((repository) => ({ repository, tags: ['1.2.3', '1.2', '1', 'latest'] })),
    );
  });
});

describe('image names', () => {
  it.each([
    ['acme/app', 'docker.io/acme/app'],
    ['Acme/App', 'docker.io/acme/app'],
    ['app', 'docker.io/library/app'],
    ['docker.io/app', 'docker.io/library/app'],
    ['index.docker.io/acme/app', 'docker.io/acme/app'],
    ['GHCR.io/Acme/App', 'ghcr.io/acme/app'],
    ['localhost:5000/team/app', 'localhost:5000/team/app'],
    ['registry.example.com:8443/a/b/c', 'registry.example.com:8443/a/b/c'],
    ['ghcr.io/acme/my_app.v2--x', 'ghcr.io/acme/my_app.v2--x'],
  ])('%s is %s', (name, canonical) => {
    expect(canonicalImageName(name)).toBe(canonical);
  });

  const configError = (image: string) => {
    try {
      parseConfig({ file: '.github/tagship.yml', text: `docker:\n  images:\n    - ${JSON.stringify(image)}\n` });
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it.each([
    ['acme/App Name', 'image "acme/App Name": an image name cannot contain spaces'],
    ['acme/app:1.0', 'image "acme/app:1.0": a tag does not belong in the image name (":1.0"): list tags in docker.tags'],
    ['ghcr.io/acme/app@sha256:abc', 'image "ghcr.io/acme/app@sha256:abc": a digest does not belong in the image name'],
    ['https://ghcr.io/acme/app', 'image "https://ghcr.io/acme/app": an image name has no scheme: drop the "http://" or "https://" prefix'],
    ['acme//app', 'image "acme//app": an image name cannot have empty path components'],
    ['ghcr.io/acme/app/', 'image "ghcr.io/acme/app/": an image name cannot have empty path components'],
    ['ghcr.io/acme/-app', 'image "ghcr.io/acme/-app": path component "-app" must be lower-case letters and digits'],
  ])('%s is a config error naming the image and the rule', (image, message) => {
    const text = configError(image);
    expect(text).toMatch(/^\.github\/tagship\.yml:3: "docker\.images\[0\]": /);
    expect(text).toContain(message);
  });

  it('an unknown placeholder in a tag template is a config error listing the known ones', () => {
    expect(() => parseConfig({ file: '.github/tagship.yml', text: 'docker:\n  tags: ["{{version}}", "{{branch}}"]\n' })).toThrow(
      '.github/tagship.yml:2: "docker.tags[1]": tag template "{{branch}}" uses {{branch}}; the placeholders are {{version}}, {{major}}, {{minor}}, {{patch}}, {{sha}}, {{raw}}, got "{{branch}}".',
    );
  });
});
