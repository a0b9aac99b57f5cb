import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { gatherFacts } from '../../src/gather.js';
import { buildIndex } from '../../src/oci/image-index.js';
import type { Descriptor } from '../../src/oci/client.js';
import type { VerifyStep } from '../../src/plan/steps/verify.js';
import { builds, COMMIT_TIME, dockerPlan, merge } from './support.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

const CREATED = 'org.opencontainers.image.created';
const labels = (argv: readonly string[]) => argv.filter((_, i) => ['--label', '--annotation', '--build-arg', '--timestamp'].includes(argv[i - 1]!));

describe('image metadata comes from the commit, not the clock', () => {
  it('two plans of the same commit at different times give the same labels, annotations and build args', () => {
    const monday = dockerPlan({ now: new Date('2026-11-23T08:00:00Z') });
    const friday = dockerPlan({ now: new Date('2026-11-27T17:45:00Z') });
    expect(merge(monday)!.annotations[CREATED]).toBe('2026-11-20T09:30:00Z');
    expect(merge(friday)!.annotations).toEqual(merge(monday)!.annotations);
    expect(builds(friday).map((b) => labels(b.argv))).toEqual(builds(monday).map((b) => labels(b.argv)));
    expect(labels(builds(monday)[0]!.argv)).toContain(`${CREATED}=2026-11-20T09:30:00Z`);
    expect(labels(builds(monday)[0]!.argv)).toContain(`manifest:${CREATED}=2026-11-20T09:30:00Z`);
  });

  it('buildx gets SOURCE_DATE_EPOCH and rewrite-timestamp; buildah gets --timestamp; a build-arg of the config wins', () => {
    const buildx = builds(dockerPlan())[0]!.argv;
    expect(buildx.slice(buildx.indexOf('--build-arg'), buildx.indexOf('--build-arg') + 2)).toEqual(['--build-arg', `SOURCE_DATE_EPOCH=${COMMIT_TIME}`]);
    expect(buildx.at(-2)).toMatch(/,push=true,rewrite-timestamp=true$/);
    const buildah = builds(dockerPlan({ config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  backend: buildah\n' }))[0]!.argv;
    expect(buildah.slice(buildah.indexOf('--timestamp'), buildah.indexOf('--timestamp') + 2)).toEqual(['--timestamp', String(COMMIT_TIME)]);
    const own = builds(dockerPlan({ config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  build-args: { SOURCE_DATE_EPOCH: "0" }\n' }))[0]!.argv;
    expect(own.filter((a) => a.startsWith('SOURCE_DATE_EPOCH='))).toEqual(['SOURCE_DATE_EPOCH=0']);
  });

  it('without a source date (no git, no SOURCE_DATE_EPOCH) created is left out rather than taken from the clock', () => {
    const plan = dockerPlan({ sourceDateEpoch: null });
    expect(merge(plan)!.annotations).not.toHaveProperty(CREATED);
    const argv = builds(plan)[0]!.argv;
    expect(argv.join(' ')).not.toMatch(/created|SOURCE_DATE_EPOCH|rewrite-timestamp/);
    const buildah = builds(dockerPlan({ sourceDateEpoch: null, config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  backend: buildah\n' }))[0]!.argv;
    expect(buildah).not.toContain('--timestamp');
  });
});

describe('the merged index is the same bytes for the same builds', () => {
  const entries: Descriptor[] = [
    { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'a'.repeat(64)}`, size: 500, platform: { os: 'linux', architecture: 'amd64' } },
    { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'b'.repeat(64)}`, size: 501, platform: { os: 'linux', architecture: 'arm64' } },
  ];

  it('plans made at different times give byte-identical indexes; only another commit time changes the digest', () => {
    const index = (now: string, sourceDateEpoch?: number) => buildIndex(entries, merge(dockerPlan({ now: new Date(now), sourceDateEpoch }))!.annotations);
    const first = index('2026-11-23T08:00:00Z');
    const again = index('2026-11-27T17:45:00Z');
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(again.digest).toBe(first.digest);
    expect(index('2026-11-23T08:00:00Z', COMMIT_TIME + 60).digest).not.toBe(first.digest);
  });

  it('key order of entries and annotations does not change the bytes', () => {
    const a = buildIndex(entries, { b: '2', a: '1' });
    const reordered = entries.map((e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as Descriptor);
    const b = buildIndex(reordered, { a: '1', b: '2' });
    expect(new TextDecoder().decode(b.bytes)).toBe(new TextDecoder().decode(a.bytes));
    expect(b.digest).toBe(a.digest);
  });
});

describe('version tags and the rebuild switch in the merge step', () => {
  it('a tag push may not move version tags; a docker-rebuild may, and the step names the rebuild tag', () => {
    expect(merge(dockerPlan())).toMatchObject({ versionTags: ['1.2.3'], replaceVersionTags: false, rebuildTag: 'docker-rebuild-v1.2.3' });
    expect(merge(dockerPlan({ kind: 'docker-rebuild' }))).toMatchObject({ versionTags: ['1.2.3'], replaceVersionTags: true });
    const custom = dockerPlan({ config: 'rebuild-prefix: rebuild-\ndocker:\n  images: [ghcr.io/acme/crawlkit]\n  tags: ["{{raw}}", "sha-{{sha}}", "{{major}}", latest]\n' });
    expect(merge(custom)).toMatchObject({ versionTags: ['v1.2.3', 'sha-0123456'], rebuildTag: 'rebuild-v1.2.3' });
  });
});

describe('zero-tag plans', () => {
  it('a prerelease with only alias templates is tagged with its full version, and verify reads that tag', () => {
    // The planned project is Python: PEP 440 spells the version 2.0.0rc1.
    const plan = dockerPlan({ tag: 'v2.0.0rc1', config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  tags: ["{{major}}.{{minor}}", latest]\n' });
    expect(merge(plan)).toMatchObject({ images: [{ repository: 'ghcr.io/acme/crawlkit', tags: ['2.0.0rc1'] }], versionTags: ['2.0.0rc1'] });
    expect(merge(plan)!.annotations['org.opencontainers.image.version']).toBe('2.0.0rc1');
    const verify = (plan.stages.find((s) => s.name === 'verify')?.steps ?? []) as VerifyStep[];
    expect(verify.filter((s) => s.kind.endsWith('images') || s.kind.endsWith('container')).map((s) => s.target)).toEqual(['ghcr.io/acme/crawlkit:2.0.0rc1', 'ghcr.io/acme/crawlkit:2.0.0rc1']);
    expect(JSON.stringify(plan)).not.toContain('undefined');
  });

  it('a backport whose templates are all aliases stops at planning time, before anything is built', () => {
    expect(() => dockerPlan({ tag: 'v1.1.5', known: ['1.1.4', '1.2.0'], config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  tags: [latest, "{{major}}"]\n' })).toThrow(
      /^docker\.tags \("latest", "\{\{major\}\}"\) gives v1\.1\.5 no image tag: .* Add "\{\{version\}\}" to docker\.tags/,
    );
  });
});

describe('gathering the source date', () => {
  const config = parseConfig({ file: '.github/tagship.yml', text: 'docker:\n  images: [ghcr.io/acme/app]\n' });
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'tagship-source-date-'));
    writeFileSync(join(repo, 'VERSION'), '1.2.3\n');
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T09:30:00Z', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
        stdio: 'pipe',
      });
    git('init', '-q');
    git('add', 'VERSION');
    git('commit', '-q', '-m', 'release');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const gather = (env: NodeJS.ProcessEnv, cwd = repo, cfg = config) => gatherFacts({ cwd, config: cfg, knownVersions: ['1.0.0'], env });

  it("is the commit's committer time, or SOURCE_DATE_EPOCH when the workflow sets it", async () => {
    expect((await gather({})).sourceDateEpoch).toBe(COMMIT_TIME);
    expect((await gather({ SOURCE_DATE_EPOCH: '1700000000' })).sourceDateEpoch).toBe(1700000000);
  });

  it('is absent outside git and for a config without images; a malformed SOURCE_DATE_EPOCH stops the run', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'tagship-no-git-'));
    try {
      expect(await gather({ GIT_CEILING_DIRECTORIES: tmpdir() }, bare)).not.toHaveProperty('sourceDateEpoch');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
    expect(await gather({}, repo, parseConfig({ file: 'x.yml', text: 'python: {}\n' }))).not.toHaveProperty('sourceDateEpoch');
    await expect(gather({ SOURCE_DATE_EPOCH: '2026-11-20' })).rejects.toThrow('SOURCE_DATE_EPOCH is "2026-11-20", not a number of seconds since 1970: set it to `git log -1 --format=%ct`, or unset it.');
  });
});
