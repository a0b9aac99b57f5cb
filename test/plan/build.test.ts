import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { buildPlan, failedChecks } from '../../src/plan/build.js';
import type { Facts } from '../../src/plan/facts.js';
import { resolveTrigger } from '../../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../../src/version/tag.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { tagPush } from '../support/payloads.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/projects/${name}`, import.meta.url));

function plan(project: string, tag: string, options: { known?: string[]; config?: string; only?: ('release' | 'docker')[] } = {}) {
  const config = parseConfig({ file: '.github/tagship.yml', text: options.config });
  const facts: Facts = { project: detectProject(fixture(project)), knownVersions: options.known ?? [], repository: 'acme/app' };
  const trigger = resolveTrigger({ name: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag) }, DEFAULT_TAG_CONVENTIONS);
  return buildPlan({ trigger, config, facts, now: NOW, dryRun: false, only: options.only });
}

const stepsOf = (p: ReturnType<typeof plan>) => p.stages.flatMap((s) => s.steps.map((step) => `${s.name}/${step.kind}:${step.target}`));

describe('buildPlan', () => {
  it('plans the seed project for a tag push: build, PyPI, GitHub release; nothing docker without images', () => {
    const p = plan('python-seed', 'v1.2.3', { known: ['1.0.0', '1.2.2'] });
    expect(p).toMatchObject({
      schemaVersion: 1,
      createdAt: '2026-11-22T12:00:00.000Z',
      trigger: { kind: 'tag', ref: 'v1.2.3', tag: 'v1.2.3' },
      version: { normalized: '1.2.3', major: 1, minor: 2, patch: 3, prerelease: false, scheme: 'pep440' },
      latest: true,
    });
    expect(p.checks.map((c) => [c.file, c.line, c.found, c.ok])).toEqual([
      ['pyproject.toml', 7, '1.2.3', true],
      ['crawl4ai/__version__.py', 2, '1.2.3', true],
    ]);
    expect(stepsOf(p)).toEqual([
      'release/python-build:dist/',
      'release/pypi-upload:https://upload.pypi.org/legacy/',
      'release/github-release:acme/app@v1.2.3',
      'release/github-attest:acme/app@v1.2.3 assets + SHA256SUMS',
      'verify/verify-python:crawl4ai==1.2.3',
      'verify/verify-assets:acme/app@v1.2.3 assets + SHA256SUMS',
    ]);
    expect(p.stages[1]).toEqual({ name: 'docker', steps: [], skipped: 'no docker.images configured' });
  });

  it('is the same plan for the same inputs, and plain JSON', () => {
    const a = plan('python-seed', 'v1.2.3');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(plan('python-seed', 'v1.2.3')).toEqual(a);
  });

  it('a rehearsal goes to TestPyPI, a draft prerelease, never latest', () => {
    const p = plan('mixed', 'test-v1.2.3-rc.1', { known: ['1.0.0'] });
    expect(p).toMatchObject({ rehearsal: true, latest: false, trigger: { kind: 'rehearsal' } });
    expect(stepsOf(p)).toContain('release/pypi-upload:https://test.pypi.org/legacy/');
    const release = p.stages[0]!.steps.find((s) => s.kind === 'github-release');
    expect(release).toMatchObject({ draft: true, prerelease: true, makeLatest: 'false' });
    expect(p.stages[0]!.steps.find((s) => s.kind === 'npm-publish')).toMatchObject({ distTag: 'rc' });
  });

  it('a mixed Python + npm project checks each source under its own rules', () => {
    const p = plan('mixed', 'v1.2.3-rc.1');
    expect(p.version).toMatchObject({ normalized: '1.2.3-rc.1', semver: '1.2.3-rc.1', pep440: '1.2.3rc1' });
    expect(p.checks.map((c) => [c.file, c.expected, c.ok])).toEqual([
      ['package.json', '1.2.3-rc.1', true],
      ['pyproject.toml', '1.2.3rc1', true],
    ]);
    expect(() => plan('mixed', 'v1.2.3rc1')).toThrow(/not a semver version.*both npm\/Cargo and Python/);
  });

  it('a mismatch is a failed check naming the file, the line, what was found and what the tag says', () => {
    const p = plan('mismatch', 'v1.2.3');
    expect(failedChecks(p)).toEqual([
      expect.objectContaining({ file: 'drift/__version__.py', line: 1, found: '1.2.2', expected: '1.2.3', ok: false }),
    ]);
  });

  it('tags that are not versions under the project rules are rejected', () => {
    expect(() => plan('npm-single', 'v1.2')).toThrow(/"v1.2" is not a semver version/);
    expect(() => plan('npm-single', 'v01.2.3')).toThrow(/not a semver version/);
    expect(plan('setup-cfg', 'v0.9.1').version?.normalized).toBe('0.9.1');
    // PEP 440 accepts more: a Python project at 1.2 may tag v1.2.
    expect(plan('python-seed', 'v1.2').version).toMatchObject({ normalized: '1.2', minor: 2, patch: 0 });
    expect(() => plan('python-seed', 'v1.2.3+local')).toThrow(/local version segment/);
  });

  it('latest only for the highest stable version; a backport is not latest', () => {
    expect(plan('python-seed', 'v1.2.3', { known: ['1.3.0rc1'] }).latest).toBe(true);
    expect(plan('python-seed', 'v1.2.3', { known: ['1.3.0'] }).latest).toBe(false);
    const backport = plan('python-seed', 'v1.2.3', { known: ['2.0.0'] });
    expect(backport.stages[0]!.steps.find((s) => s.kind === 'github-release')).toMatchObject({ makeLatest: 'false' });
  });

  it('npm: workspace packages in dependency order, private ones skipped, scoped ones public', () => {
    const p = plan('npm-workspace', 'v2.1.0', { known: ['2.0.0', '3.0.0'] });
    const npm = p.stages[0]!.steps.filter((s) => s.kind === 'npm-publish');
    expect(npm.map((s) => [s.target, s.distTag, s.access])).toEqual([
      ['@acme/core@2.1.0', 'latest-2', 'public'],
      ['@acme/cli@2.1.0', 'latest-2', 'public'],
    ]);
    expect(npm[0]).toMatchObject({ registry: 'https://registry.npmjs.org/', provenance: 'auto' });
  });

  it('npm: the configured registry, provenance and access reach the steps, and verify reads the same registry', () => {
    const config = 'npm:\n  registry: https://npm.example.com/api\n  provenance: false\n  access: restricted\n';
    const p = plan('npm-workspace', 'v2.1.0', { config });
    const npm = p.stages[0]!.steps.filter((s) => s.kind === 'npm-publish');
    expect(npm.map((s) => [s.package, s.registry, s.provenance, s.access])).toEqual([
      ['@acme/core', 'https://npm.example.com/api/', false, 'restricted'],
      ['@acme/cli', 'https://npm.example.com/api/', false, 'restricted'],
    ]);
    const verify = p.stages.flatMap((s) => s.steps).filter((s) => s.kind === 'verify-npm');
    expect(verify.map((s) => s.registry)).toEqual(['https://npm.example.com/api/', 'https://npm.example.com/api/']);
  });

  it('the stages input limits what this step plans', () => {
    const p = plan('python-seed', 'v1.2.3', { only: ['docker'], config: 'docker:\n  images: [Docker.io/Acme/App]\n' });
    expect(p.stages.map((s) => s.name)).toEqual(['docker']);
    expect(stepsOf(p)).toEqual([
      'docker/docker-build:linux/amd64 → docker.io/acme/app',
      'docker/docker-build:linux/arm64 → docker.io/acme/app',
      'docker/docker-scan:docker.io/acme/app@<digest> (linux/amd64, linux/arm64), fail on critical',
      'docker/docker-merge:docker.io/acme/app:1.2.3,1.2,1,latest',
      'docker/docker-attest:docker.io/acme/app@<index digest>: signature + SLSA provenance (Sigstore: github)',
    ]);
  });
});
