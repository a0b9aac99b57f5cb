// The demo's image part: the build context its copy of the example builds (`FROM scratch` + a static
// busybox of each platform's own architecture, nothing pulled), the environment buildah and skopeo run
// in, and reading back what the registry holds, down to the architecture of the binary in each image.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseTar } from 'nanotar';
import { elfHeaderInfo } from '../lib/elf.mjs';

/**
 * Writes the image's build context at `dir`: the example's own Dockerfile starts `FROM python:3.12-slim`,
 * which needs a pull, so the demo builds this stand-in instead: busybox's httpd answering /health.
 * buildah sets TARGETARCH per platform, so each image copies its own architecture's busybox.
 *
 * No HEALTHCHECK: buildah writes OCI images, whose config has no place for one (buildah drops it with a
 * warning), and its Docker format would write a random container id into the config, so the same commit
 * would not give the same digest again. The health check comes from config instead: verify.container.health-cmd
 * for the container check, the Swarm service's own --health-cmd for the rollout.
 */
export function writeImageContext(dir, busybox, version) {
  mkdirSync(join(dir, 'www'), { recursive: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  for (const [arch, path] of Object.entries(busybox)) copyFileSync(path, join(dir, `busybox-${arch}`));
  // `sh` for health commands (`docker service create --health-cmd` runs /bin/sh -c); COPY keeps the link.
  symlinkSync('busybox', join(dir, 'bin', 'sh'));
  writeVersion(dir, version);
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      '# The demo image: an empty base and a static busybox of the platform being built (TARGETARCH).',
      'FROM scratch',
      'ARG TARGETARCH',
      'COPY busybox-${TARGETARCH} /bin/busybox',
      'COPY bin/ /bin/',
      'COPY www/ /www/',
      'EXPOSE 8000',
      'CMD ["/bin/busybox", "httpd", "-f", "-p", "8000", "-h", "/www"]',
      '',
    ].join('\n'),
  );
}

/** What /health answers in the image: the version, so a release commit changes the image. */
export function writeVersion(dir, version) {
  writeFileSync(join(dir, 'www', 'health'), `crawlkit ${version} ok\n`);
}

/** The health check the Swarm service runs in each task (shell form, as `--health-cmd` takes it). */
export const HEALTH_CMD = 'busybox wget -q -O /dev/null http://127.0.0.1:8000/health';

/**
 * The environment the action's buildah and skopeo run in: storage in the demo's own directory (vfs, no
 * kernel overlay needed; chroot isolation, no nested namespaces), and a `skopeo` first on PATH that adds
 * `--dest-tls-verify=false` to copies. The local registry speaks plain HTTP on 127.0.0.1, and Debian's
 * skopeo 1.9 ignores registries.conf `insecure` for it; a real registry has TLS and needs no such shim.
 */
export function buildahEnv(base, env = process.env) {
  const bin = join(base, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'skopeo'), '#!/bin/sh\nif [ "$1" = copy ]; then shift; exec /usr/bin/skopeo copy --dest-tls-verify=false "$@"; fi\nexec /usr/bin/skopeo "$@"\n', { mode: 0o755 });
  writeFileSync(join(base, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${join(base, 'storage')}"\nrunroot = "${join(base, 'run')}"\n`);
  writeFileSync(join(base, 'registries.conf'), 'unqualified-search-registries = []\n');
  return {
    PATH: `${bin}:${env.PATH ?? ''}`,
    CONTAINERS_STORAGE_CONF: join(base, 'storage.conf'),
    CONTAINERS_REGISTRIES_CONF: join(base, 'registries.conf'),
    BUILDAH_ISOLATION: 'chroot',
  };
}

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];

async function get(host, path, accept) {
  const response = await fetch(`http://${host}/v2/${path}`, { headers: accept ? { accept: accept.join(', ') } : {} });
  if (!response.ok) throw new Error(`registry ${host}: GET /v2/${path}: HTTP ${response.status}`);
  return response;
}

/**
 * Every tag of `repository` as the registry serves it: tag → { digest, mediaType, platforms }, where
 * platforms maps `os/arch` to the manifest digest (one entry for a single image).
 */
export async function readTags(host, repository) {
  const listed = (await (await get(host, `${repository}/tags/list`)).json()).tags ?? [];
  const tags = {};
  for (const tag of listed.sort()) {
    const response = await get(host, `${repository}/manifests/${tag}`, [...INDEX_TYPES, ...MANIFEST_TYPES]);
    const body = await response.json();
    const digest = response.headers.get('docker-content-digest');
    const platforms = {};
    if (body.manifests) for (const m of body.manifests) platforms[`${m.platform.os}/${m.platform.architecture}`] = m.digest;
    else platforms[await configPlatform(host, repository, body)] = digest;
    tags[tag] = { digest, mediaType: body.mediaType ?? response.headers.get('content-type'), platforms };
  }
  return tags;
}

async function configPlatform(host, repository, manifest) {
  const config = await (await get(host, `${repository}/blobs/${manifest.config.digest}`)).json();
  return `${config.os}/${config.architecture}`;
}

/**
 * What the image for one platform really holds: its config's architecture and the ELF architecture of
 * its /bin/busybox, read from the layers (an arm64 image must not hold an amd64 binary).
 */
export async function inspectPlatformImage(host, repository, manifestDigest) {
  const manifest = await (await get(host, `${repository}/manifests/${manifestDigest}`, MANIFEST_TYPES)).json();
  const config = await (await get(host, `${repository}/blobs/${manifest.config.digest}`)).json();
  let binary = null;
  for (const layer of manifest.layers) {
    const bytes = new Uint8Array(await (await get(host, `${repository}/blobs/${layer.digest}`)).arrayBuffer());
    const tar = layer.mediaType.includes('gzip') ? gunzipSync(bytes) : bytes;
    const entry = parseTar(tar).find((e) => e.name.replace(/^\.?\//, '') === 'bin/busybox' && e.data?.length);
    if (entry) binary = elfHeaderInfo(Buffer.from(entry.data));
  }
  return { architecture: `${config.os}/${config.architecture}`, binary };
}
