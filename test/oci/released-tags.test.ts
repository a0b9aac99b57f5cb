import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { gatherFacts } from '../../src/gather.js';
import { releasedVersionsInRegistries, versionsFromImageTags } from '../../src/oci/released-tags.js';
import { pushIndex, startRegistry, type LocalRegistry } from '../verify/support/registry.js';

describe('image tags that count as released versions', () => {
  const tags = ['1.0.0', 'v1.1.0', '1.2', '1', 'latest', 'sha-abc123', '2.0.0-rc.1', '2.0.0rc1', 'edge', '1.0.0.post1'];
  it.each([
    ['semver', ['1.0.0', '1.1.0', '2.0.0-rc.1']],
    ['pep440', ['1.0.0', '1.1.0', '2.0.0-rc.1', '2.0.0rc1', '1.0.0.post1']],
  ] as const)('%s', (scheme, expected) => {
    expect(versionsFromImageTags(tags, [scheme], 'v').sort()).toEqual([...expected].sort());
  });
});

describe('released versions read from registries', () => {
  let registry: LocalRegistry;
  let locked: LocalRegistry;
  let project: string;
  beforeAll(async () => {
    [registry, locked] = await Promise.all([startRegistry(), startRegistry({ username: 'ci', password: 'tags-test' })]);
    await pushIndex(registry.host, 'acme/app', ['1.0.0', '1.4.0', '1.4', '1', 'latest'], ['linux/amd64']);
    await pushIndex(locked.host, 'acme/app', ['2.0.0', 'latest'], ['linux/amd64'], 'private', { username: 'ci', password: 'tags-test' });
    // A project outside any git repository: the git tags are none, so every version comes from a registry.
    project = mkdtempSync(join(tmpdir(), 'tagship-gather-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.5.0' }));
  });
  afterAll(async () => {
    rmSync(project, { recursive: true, force: true });
    await Promise.all([registry?.stop(), locked?.stop()]);
  });

  it('unions the versions of every configured image, logging in where credentials are given', async () => {
    const images = [`${registry.host}/acme/app`, `${locked.host}/acme/app`];
    const found = await releasedVersionsInRegistries(images, { schemes: ['semver'], prefix: 'v', credentials: (host) => (host === locked.host ? { username: 'ci', password: 'tags-test' } : undefined) });
    expect(found).toEqual({ versions: ['1.0.0', '1.4.0', '2.0.0'], warnings: [] });
  });

  it('warns about a registry it cannot read and plans with the git tags', async () => {
    const config = parseConfig({ file: '.github/tagship.yml', text: `docker:\n  images: [${registry.host}/acme/app, ${locked.host}/acme/app, 127.0.0.1:9/acme/down]\n` });
    const warnings: string[] = [];
    const facts = await gatherFacts({ cwd: project, config, env: {}, registries: { secrets: {}, warn: (line) => warnings.push(line) } });
    expect(facts.knownVersions.sort()).toEqual(['1.0.0', '1.4.0']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(new RegExp(`^Could not read the tags of ${locked.host}/acme/app \\(Registry ${locked.host} answered HTTP 401 .*\\); deciding latest and the aliases from the git tags alone\\.$`));
    expect(warnings[1]).toMatch(/^Could not read the tags of 127\.0\.0\.1:9\/acme\/down \(Registry 127\.0\.0\.1:9 could not be reached/);
  }, 30_000);

  it('reads no registry when the run has no docker stage', async () => {
    const config = parseConfig({ file: '.github/tagship.yml', text: `docker:\n  images: [${registry.host}/acme/app]\n` });
    expect((await gatherFacts({ cwd: project, config, env: {} })).knownVersions).toEqual([]);
  });
});
