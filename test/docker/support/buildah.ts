import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usesTools } from '../../support/system-tools.js';

usesTools('buildah', 'skopeo');

/** A real image per platform, built by buildah (`FROM scratch` + `COPY`: no emulation needed) into OCI layouts. */
export interface BuiltImages {
  /** Platform → the pushed digest of its image manifest. */
  digests: Record<string, string>;
  /** Pushes each platform by digest (no tag) to `host/repository`, as a build job leaves it. */
  pushByDigest(host: string, repository: string, creds?: { username: string; password: string }): void;
  remove(): void;
}

export function buildImages(platforms: string[], content = 'hello from tagship'): BuiltImages {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-buildah-'));
  const storage = ['--root', join(dir, 'root'), '--runroot', join(dir, 'runroot'), '--storage-driver', 'vfs'];
  const context = join(dir, 'context');
  mkdirSync(context, { recursive: true });
  mkdirSync(join(dir, 'layouts'));
  writeFileSync(join(context, 'Containerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  const digests: Record<string, string> = {};
  for (const platform of platforms) {
    const name = `tagship-test-${platform.replaceAll('/', '-')}`;
    writeFileSync(join(context, 'hello.txt'), `${content} (${platform})\n`);
    execFileSync('buildah', [...storage, 'build', '--isolation', 'chroot', '--platform', platform, '-t', name, '-f', join(context, 'Containerfile'), context], { stdio: 'pipe' });
    // buildah pushes to a registry only with a tag; a layout first, then skopeo copies it by digest.
    const digestFile = join(dir, `${name}.digest`);
    execFileSync('buildah', [...storage, 'push', '--digestfile', digestFile, name, `oci:${join(dir, 'layouts', name)}`], { stdio: 'pipe' });
    digests[platform] = readFileSync(digestFile, 'utf8').trim();
  }
  return {
    digests,
    pushByDigest(host, repository, creds) {
      for (const platform of platforms) {
        const layout = join(dir, 'layouts', `tagship-test-${platform.replaceAll('/', '-')}`);
        const auth = creds ? ['--dest-creds', `${creds.username}:${creds.password}`] : [];
        execFileSync('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', ...auth, `oci:${layout}`, `docker://${host}/${repository}@${digests[platform]}`], { stdio: 'pipe' });
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `skopeo inspect --raw` of a tag: the exact manifest bytes the registry serves. */
export function inspectRaw(ref: string, creds?: { username: string; password: string }): string {
  const auth = creds ? ['--creds', `${creds.username}:${creds.password}`] : [];
  return execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', ...auth, `docker://${ref}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Pulls every platform of `ref` into a layout: fails unless every manifest and blob is there. */
export function pullAll(ref: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-pull-'));
  try {
    execFileSync('skopeo', ['copy', '--quiet', '--all', '--src-tls-verify=false', `docker://${ref}`, `oci:${join(dir, 'layout')}`], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
