import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDockerBuild } from '../../src/docker/build.js';
import type { ExecutionContext } from '../../src/execute/types.js';
import { recordingRunner } from '../verify/support/runner.js';
import { startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { builds, dockerPlan, type DockerPlanOptions } from './support.js';
import { usesTools } from '../support/system-tools.js';

usesTools('buildah', 'skopeo');

/**
 * The buildah backend for real: Debian's buildah (vfs storage, chroot isolation) builds a FROM-scratch
 * image for two platforms and skopeo copies it by digest into Debian's docker-registry, with a login.
 */
const AUTH = { username: 'pusher', password: 'registry-pass-123' };
let registry: LocalRegistry;
let root: string;

beforeAll(async () => {
  registry = await startRegistry(AUTH);
  root = mkdtempSync(join(tmpdir(), 'tagship-buildah-'));
});
afterAll(async () => {
  await registry?.stop();
  // vfs layers are root-owned copies; the storage dir goes with the temp dir.
  execFileSync('rm', ['-rf', root]);
});

function project(dir: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hello.txt'), 'hello from tagship\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nARG GREETING\nCOPY hello.txt /hello.txt\n');
}

function buildahEnv(base: string): NodeJS.ProcessEnv {
  // The local registry speaks plain HTTP, and Debian's buildah 1.28 login and skopeo 1.9 ignore
  // registries.conf `insecure`: shims add the TLS switch to login and copy only, passing the rest through.
  mkdirSync(join(base, 'bin'));
  writeFileSync(join(base, 'bin', 'buildah'), '#!/bin/sh\nif [ "$1" = login ]; then shift; exec /usr/bin/buildah login --tls-verify=false "$@"; fi\nexec /usr/bin/buildah "$@"\n', { mode: 0o755 });
  writeFileSync(join(base, 'bin', 'skopeo'), '#!/bin/sh\nif [ "$1" = copy ]; then shift; exec /usr/bin/skopeo copy --dest-tls-verify=false "$@"; fi\nexec /usr/bin/skopeo "$@"\n', { mode: 0o755 });
  writeFileSync(join(base, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${join(base, 'storage')}"\nrunroot = "${join(base, 'run')}"\n`);
  writeFileSync(join(base, 'registries.conf'), `[[registry]]\nlocation = "${registry.host}"\ninsecure = true\n`);
  return {
    PATH: `${join(base, 'bin')}:${process.env.PATH}`,
    HOME: base,
    CONTAINERS_STORAGE_CONF: join(base, 'storage.conf'),
    CONTAINERS_REGISTRIES_CONF: join(base, 'registries.conf'),
    REGISTRY_AUTH_FILE: join(base, 'auth.json'),
    BUILDAH_ISOLATION: 'chroot',
    GREETING_TOKEN: 'build-secret-value',
  };
}

async function manifest(repository: string, reference: string) {
  const response = await fetch(`http://${registry.host}/v2/${repository}/manifests/${reference}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`,
      accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json',
    },
  });
  return { status: response.status, body: response.ok ? ((await response.json()) as Record<string, unknown>) : undefined };
}

async function tags(repository: string) {
  const response = await fetch(`http://${registry.host}/v2/${repository}/tags/list`, { headers: { authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}` } });
  return ((await response.json()) as { tags?: string[] | null }).tags ?? [];
}

async function run(mode: 'single' | 'distributed', job: DockerPlanOptions['job'], base: string, now?: Date) {
  project(join(base, 'app'));
  const images = [`${registry.host}/acme/${mode}`, `${registry.host}/mirror/${mode}`];
  const config = `docker:\n  images: [${images.join(', ')}]\n  backend: buildah\n  mode: ${mode}\n  context: app\n  build-args: { GREETING: hi }\n  secrets: [{ id: greeting, env: GREETING_TOKEN }]\n`;
  const plan = { ...dockerPlan({ config, job, now, workDir: join(base, 'work'), digestsDir: join(base, 'digests') }), dryRun: false };
  const step = builds(plan)[0]!;
  const recorded = recordingRunner();
  const ctx: ExecutionContext = {
    plan,
    cwd: base,
    runner: recorded.runner,
    env: buildahEnv(base),
    secrets: { 'registry-credentials': `${registry.host} ${AUTH.username} ${AUTH.password}` },
    outcomes: new Map(),
  };
  const outcome = await executeDockerBuild(step, ctx);
  return { outcome, step, images, recorded };
}

describe('buildah backend against a local registry', () => {
  it('single mode: one list of both platforms, pushed by digest to every repository, no tag anywhere', async () => {
    const base = join(root, 'single');
    mkdirSync(base);
    const { outcome, images, recorded } = await run('single', undefined, base);
    const digest = outcome.produced!.digest as string;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    for (const image of images) {
      const repository = image.slice(registry.host.length + 1);
      const index = await manifest(repository, digest);
      expect(index.status).toBe(200);
      const platforms = (index.body!.manifests as { platform: { os: string; architecture: string } }[]).map((m) => `${m.platform.os}/${m.platform.architecture}`);
      expect(platforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
      expect(await tags(repository)).toEqual([]);
    }
    expect(recorded.masked).toEqual(['build-secret-value', AUTH.password]);
  }, 120_000);

  it('distributed mode: the arm64 job pushes its own list and writes the digest file the merge reads', async () => {
    const base = join(root, 'distributed');
    mkdirSync(base);
    const { outcome, step } = await run('distributed', { job: 'build', platform: 'linux/arm64' }, base);
    expect(step.platforms).toEqual(['linux/arm64']);
    const digest = readFileSync(join(base, 'digests', 'linux-arm64'), 'utf8');
    expect(digest).toBe(outcome.produced!.digest);
    const index = await manifest('acme/distributed', digest);
    expect((index.body!.manifests as { platform: { architecture: string } }[]).map((m) => m.platform.architecture)).toEqual(['arm64']);
    expect(await tags('mirror/distributed')).toEqual([]);
  }, 120_000);

  it('the same commit built again, from empty storage and a fresh checkout on another day, pushes the same digest', async () => {
    const once = join(root, 'again-1');
    const twice = join(root, 'again-2');
    mkdirSync(once);
    mkdirSync(twice);
    const a = await run('distributed', { job: 'build', platform: 'linux/amd64' }, once, new Date('2026-11-23T08:00:00Z'));
    const b = await run('distributed', { job: 'build', platform: 'linux/amd64' }, twice, new Date('2026-11-24T17:45:00Z'));
    expect(b.step.argv).toContain('--timestamp');
    expect(b.outcome.produced!.digest).toBe(a.outcome.produced!.digest);
    const index = await manifest('acme/distributed', a.outcome.produced!.digest as string);
    const image = (index.body!.manifests as { digest: string }[])[0]!;
    const config = await manifest('acme/distributed', image.digest);
    const blob = await fetch(`http://${registry.host}/v2/acme/distributed/blobs/${(config.body!.config as { digest: string }).digest}`, {
      headers: { authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}` },
    });
    const created = ((await blob.json()) as { created: string }).created;
    expect(new Date(created).toISOString()).toBe('2026-11-20T09:30:00.000Z');
  }, 240_000);
});
