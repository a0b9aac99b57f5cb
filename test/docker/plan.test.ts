import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/load.js';
import { ociMetadata } from '../../src/docker/metadata.js';
import { buildPlan } from '../../src/plan/build.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { builds, dockerPlan, merge } from './support.js';

const OCI = {
  'org.opencontainers.image.created': '2026-11-20T09:30:00Z',
  'org.opencontainers.image.revision': '0123456789abcdef0123456789abcdef01234567',
  'org.opencontainers.image.source': 'https://github.com/acme/crawlkit',
  'org.opencontainers.image.title': 'crawl-kit',
  'org.opencontainers.image.version': '1.2.3',
};
const labelArgs = (flag: string, prefix = '') => Object.entries(OCI).flatMap(([k, v]) => [flag, `${prefix}${k}=${v}`]);

const TWO_IMAGES = `
docker:
  images: [ghcr.io/acme/crawlkit, docker.io/acme/crawlkit]
  build-args: { PYTHON: "3.13" }
  secrets: [{ id: pip, env: PIP_INDEX_TOKEN }]
`;

describe('docker build planner: buildx', () => {
  it('distributed: one build per platform, pushing by digest to every repository, with the exact argv', () => {
    const plan = dockerPlan({ config: TWO_IMAGES });
    const [amd64, arm64] = builds(plan);
    expect(builds(plan).map((b) => b.id)).toEqual(['docker-build:linux/amd64', 'docker-build:linux/arm64']);
    expect(amd64!.argv).toEqual([
      'docker', 'buildx', 'build',
      '--platform', 'linux/amd64',
      '--file', 'Dockerfile',
      '--pull',
      '--cache-from', 'type=gha,scope=acme-crawlkit-linux-amd64',
      '--cache-to', 'type=gha,scope=acme-crawlkit-linux-amd64,mode=max,ignore-error=true',
      '--provenance', 'mode=max',
      '--sbom', 'true',
      ...labelArgs('--label'),
      ...labelArgs('--annotation', 'manifest:'),
      '--build-arg', 'PYTHON=3.13',
      '--build-arg', 'SOURCE_DATE_EPOCH=1795167000',
      '--secret', 'id=pip,env=PIP_INDEX_TOKEN',
      '--metadata-file', '/runner/temp/tagship/linux-amd64-1795348800000.metadata.json',
      '--output', 'type=image,"name=ghcr.io/acme/crawlkit,docker.io/acme/crawlkit",push-by-digest=true,name-canonical=true,push=true,rewrite-timestamp=true',
      '.',
    ]);
    expect(amd64).toMatchObject({
      commands: [amd64!.argv],
      digestFile: '/runner/temp/tagship/linux-amd64-1795348800000.metadata.json',
      logins: ['ghcr.io', 'docker.io'],
      secretEnv: ['PIP_INDEX_TOKEN'],
      digestsDir: '/runner/temp/tagship-digests',
      repositories: ['ghcr.io/acme/crawlkit', 'docker.io/acme/crawlkit'],
    });
    expect(arm64!.argv).toContain('type=gha,scope=acme-crawlkit-linux-arm64');
    // A one-platform build has no index of its own to annotate: the merge annotates the one it makes.
    expect(amd64!.argv.filter((a) => a.startsWith('index:'))).toEqual([]);
    expect(merge(plan)).toMatchObject({ platforms: ['linux/amd64', 'linux/arm64'], digests: { from: 'outcomes' }, annotations: OCI });
  });

  it('single: one build of every platform, annotating the index it makes too', () => {
    const plan = dockerPlan({ config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  mode: single\n  file: docker/Dockerfile\n  context: app\n  provenance: false\n  sbom: false\n  pull: false\n  labels: { team: crawl }\n' });
    const [build] = builds(plan);
    expect(builds(plan)).toHaveLength(1);
    expect(build!.id).toBe('docker-build');
    expect(build!.argv).toEqual([
      'docker', 'buildx', 'build',
      '--platform', 'linux/amd64,linux/arm64',
      '--file', 'docker/Dockerfile',
      '--cache-from', 'type=gha,scope=acme-crawlkit-linux-amd64_linux-arm64',
      '--cache-to', 'type=gha,scope=acme-crawlkit-linux-amd64_linux-arm64,mode=max,ignore-error=true',
      '--provenance', 'false',
      '--sbom', 'false',
      ...labelArgs('--label'), '--label', 'team=crawl',
      ...labelArgs('--annotation', 'manifest:'),
      ...labelArgs('--annotation', 'index:'),
      '--build-arg', 'SOURCE_DATE_EPOCH=1795167000',
      '--metadata-file', '/runner/temp/tagship/linux-amd64_linux-arm64-1795348800000.metadata.json',
      '--output', 'type=image,"name=ghcr.io/acme/crawlkit",push-by-digest=true,name-canonical=true,push=true,rewrite-timestamp=true',
      'app',
    ]);
    expect(build).not.toHaveProperty('digestsDir');
  });

  it('cache scopes differ per image and per platform; cache: none drops them', () => {
    const scopes = (config: string) => builds(dockerPlan({ config })).flatMap((b) => b.argv.filter((a) => a.startsWith('type=gha,scope=') && !a.includes('mode=')));
    const app = scopes('docker:\n  images: [ghcr.io/acme/app]\n  platforms: [linux/amd64, linux/arm64, linux/arm/v7]\n  runners: { linux/arm/v7: ubuntu-24.04-arm }\n');
    const worker = scopes('docker:\n  images: [ghcr.io/acme/worker]\n');
    expect(app).toEqual(['type=gha,scope=acme-app-linux-amd64', 'type=gha,scope=acme-app-linux-arm64', 'type=gha,scope=acme-app-linux-arm-v7']);
    expect(worker).toEqual(['type=gha,scope=acme-worker-linux-amd64', 'type=gha,scope=acme-worker-linux-arm64']);
    expect(scopes('docker:\n  images: [ghcr.io/acme/app]\n  cache: none\n')).toEqual([]);
  });

  it('secrets are referenced by id and env name, never their values; build args are argv elements', () => {
    const plan = dockerPlan({ config: TWO_IMAGES });
    const argv = builds(plan)[0]!.argv;
    expect(argv.filter((a) => a.includes('PIP_INDEX_TOKEN'))).toEqual(['id=pip,env=PIP_INDEX_TOKEN']);
    expect(argv.some((a) => a.startsWith('--build-arg=') || /\s--/.test(a))).toBe(false);
  });

  it('untrusted text stays one argv element; a line break in a label is refused', () => {
    expect(ociMetadata({ version: '1.2.3', title: 'x; rm -rf / $(id)' })['org.opencontainers.image.title']).toBe('x; rm -rf / $(id)');
    expect(() => ociMetadata({ version: '1.2.3', description: 'one\ntwo' })).toThrow(/org.opencontainers.image.description would contain a line break/);
    expect(() => dockerPlan({ config: 'docker:\n  images: [ghcr.io/a/b]\n  description: "one\\ntwo"\n' })).toThrow(/"docker.description": one line \(no newlines\)/);
  });

  it('title, description and licenses come from the project files when the config has none', () => {
    const dir = fileURLToPath(new URL('../fixtures/projects/npm-single', import.meta.url));
    const plan = buildPlan({
      trigger: { kind: 'docker-rebuild', event: 'push', tag: 'v1.2.3', ref: 'docker-rebuild-v1.2.3', versionText: '1.2.3', stages: ['docker'], rehearsal: false },
      config: parseConfig({ file: 'x.yml', text: 'docker:\n  images: [ghcr.io/a/b]\n  licenses: MIT\n' }),
      facts: { project: { ...detectProject(dir), metadata: { description: 'has a nested\n  version key first', license: 'ISC' } }, knownVersions: [] },
      now: new Date('2026-11-22T12:00:00Z'),
      dryRun: true,
    });
    expect(detectProject(dir).metadata).toEqual({ description: 'has a nested version key first' });
    expect(merge(plan)!.annotations).toMatchObject({
      'org.opencontainers.image.description': 'has a nested version key first',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.title': detectProject(dir).npm[0]!.name,
    });
    expect(merge(plan)!.annotations).not.toHaveProperty('org.opencontainers.image.revision');
  });

  it('a distributed platform without a native runner is an error saying how to fix it', () => {
    expect(() => dockerPlan({ config: 'docker:\n  images: [ghcr.io/a/b]\n  platforms: [linux/s390x]\n' })).toThrow(
      'docker.platforms lists linux/s390x, which has no native runner: add it to docker.runners (e.g. "linux/s390x": ubuntu-24.04 with QEMU), or use docker.mode: single.',
    );
  });
});

describe('docker build planner: buildah', () => {
  it('builds into a local list, saves it as an OCI layout, copies it to each repository by digest', () => {
    const plan = dockerPlan({ config: `${TWO_IMAGES}  backend: buildah\n` });
    const [amd64] = builds(plan);
    const name = 'linux-amd64-1795348800000';
    expect(amd64!.commands).toEqual([
      [
        'buildah', 'build',
        '--platform', 'linux/amd64',
        '--manifest', `localhost/tagship-${name}`,
        '--file', 'Dockerfile',
        '--layers',
        '--pull=true',
        '--timestamp', '1795167000',
        '--build-arg', 'PYTHON=3.13',
        '--secret', 'id=pip,env=PIP_INDEX_TOKEN',
        ...labelArgs('--label'),
        ...labelArgs('--annotation'),
        '.',
      ],
      ['buildah', 'manifest', 'push', '--all', '--digestfile', `/runner/temp/tagship/${name}.digest`, `localhost/tagship-${name}`, `oci:/runner/temp/tagship/${name}.oci`],
      ['skopeo', 'copy', '--all', '--preserve-digests', `oci:/runner/temp/tagship/${name}.oci`, 'docker://ghcr.io/acme/crawlkit@{{digest}}'],
      ['skopeo', 'copy', '--all', '--preserve-digests', `oci:/runner/temp/tagship/${name}.oci`, 'docker://docker.io/acme/crawlkit@{{digest}}'],
    ]);
    expect(amd64).toMatchObject({ backend: 'buildah', argv: amd64!.commands[0], digestFile: `/runner/temp/tagship/${name}.digest` });
    expect(amd64).not.toHaveProperty('metadataFile');
  });

  it('a multi-platform buildah build goes without --layers (its cache would reuse one platform for all)', () => {
    const [build] = builds(dockerPlan({ config: 'docker:\n  images: [ghcr.io/a/b]\n  backend: buildah\n  mode: single\n' }));
    expect(build!.argv.slice(0, 8)).toEqual(['buildah', 'build', '--platform', 'linux/amd64,linux/arm64', '--manifest', 'localhost/tagship-linux-amd64_linux-arm64-1795348800000', '--file', 'Dockerfile']);
    expect(build!.argv).not.toContain('--layers');
  });
});
