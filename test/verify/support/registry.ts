import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usesTools } from '../../support/system-tools.js';

usesTools('docker-registry', 'python3');

/** Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with storage in a temp dir. */
export interface LocalRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  stop(): Promise<void>;
}

/** A loopback port nothing listens on (the registry's, or a probe's in test/verify/container-engine.test.ts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Basic auth with one user (bcrypt from libcrypt, via Debian's python3). */
export interface RegistryAuth {
  username: string;
  password: string;
}

/** Token auth the way ghcr.io and Docker Hub do it: the registry sends clients to `realm` for a JWT. */
export interface TokenAuth {
  realm: string;
  service: string;
  issuer: string;
  /** PEM of the certificate whose key signs the tokens. */
  certificate: string;
}

export async function startRegistry(auth?: RegistryAuth | TokenAuth): Promise<LocalRegistry> {
  // The registry does not report an ephemeral port it bound, so take a free one and retry if it was taken.
  for (let attempt = 0; attempt < 5; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-registry-'));
    const port = await freePort();
    const config = join(dir, 'config.yml');
    const htpasswd = join(dir, 'htpasswd');
    const certificate = join(dir, 'token-cert.pem');
    if (auth && 'realm' in auth) writeFileSync(certificate, auth.certificate);
    if (auth && 'password' in auth) {
      const hash = execFileSync('/usr/bin/python3', ['-c', 'import crypt, sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))', auth.password], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      writeFileSync(htpasswd, `${auth.username}:${hash}\n`);
    }
    writeFileSync(
      config,
      [
        'version: 0.1',
        'log: { level: error }',
        `storage: { filesystem: { rootdirectory: ${join(dir, 'data')} }, delete: { enabled: true } }`,
        `http: { addr: "127.0.0.1:${port}" }`,
        ...(auth && 'password' in auth ? [`auth: { htpasswd: { realm: tagship-test, path: ${htpasswd} } }`] : []),
        ...(auth && 'realm' in auth
          ? [`auth: { token: { realm: "${auth.realm}", service: ${auth.service}, issuer: ${auth.issuer}, rootcertbundle: ${certificate} } }`]
          : []),
        '',
      ].join('\n'),
    );
    const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let exited = false;
    child.on('exit', () => (exited = true));
    const host = `127.0.0.1:${port}`;
    for (let i = 0; i < 100 && !exited; i++) {
      const ok = await fetch(`http://${host}/v2/`).then((r) => r.ok || r.status === 401, () => false);
      if (ok) {
        return {
          host,
          stop: async () => {
            if (!exited) {
              const done = new Promise((resolve) => child.once('exit', resolve));
              child.kill('SIGTERM');
              await done;
            }
            rmSync(dir, { recursive: true, force: true });
          },
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('docker-registry did not start');
}

const sha = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function putBlob(host: string, name: string, bytes: Buffer, headers: Record<string, string> = {}): Promise<{ digest: string; size: number }> {
  const digest = sha(bytes);
  const start = await fetch(`http://${host}/v2/${name}/blobs/uploads/`, { method: 'POST', headers });
  if (start.status !== 202) throw new Error(`upload start: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location')!, `http://${host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: new Uint8Array(bytes), headers: { ...headers, 'content-type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob put: HTTP ${put.status} ${await put.text()}`);
  return { digest, size: bytes.length };
}

export async function putManifest(host: string, name: string, reference: string, mediaType: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`http://${host}/v2/${name}/manifests/${reference}`, { method: 'PUT', body, headers: { ...headers, 'content-type': mediaType } });
  if (response.status !== 201) throw new Error(`manifest put ${reference}: HTTP ${response.status} ${await response.text()}`);
  return response.headers.get('docker-content-digest')!;
}

/**
 * Pushes a tiny multi-platform image the way buildx does: a config and layer per platform, an image
 * manifest each, one OCI index over them (with an attestation entry), tagged with every tag.
 */
export async function pushIndex(host: string, name: string, tags: string[], platforms: string[], seed = 'app', auth?: RegistryAuth | { authorization: string }): Promise<string> {
  const headers: Record<string, string> = !auth
    ? {}
    : 'authorization' in auth
      ? { authorization: auth.authorization }
      : { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
  const entries = [];
  for (const platform of platforms) {
    const [os, architecture, variant] = platform.split('/');
    const layer = await putBlob(host, name, Buffer.from(`${seed} layer for ${platform}`), headers);
    const config = await putBlob(host, name, Buffer.from(JSON.stringify({ architecture, os, ...(variant ? { variant } : {}), rootfs: { type: 'layers', diff_ids: [layer.digest] } })), headers);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
    });
    const digest = await putManifest(host, name, sha(manifest), OCI_MANIFEST, manifest, headers);
    entries.push({ mediaType: OCI_MANIFEST, digest, size: Buffer.byteLength(manifest), platform: { os, architecture, ...(variant ? { variant } : {}) } });
  }
  const attestation = entries[0]!;
  entries.push({ ...attestation, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } } as never);
  const INDEX = 'application/vnd.oci.image.index.v1+json';
  const index = JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: entries });
  let digest = '';
  for (const tag of tags) digest = await putManifest(host, name, tag, INDEX, index, headers);
  return digest;
}
