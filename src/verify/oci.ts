import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { request, type HttpDeps } from '../net/http.js';

/**
 * A minimal reader of the OCI distribution API: resolve a tag to its manifest and digest, with the
 * anonymous or basic-credential token dance registries ask for. Reads only.
 * TODO(consolidate): issue 5 brings the full OCI client (pushes, auth for every registry); once merged,
 * read through it and drop this file.
 */
export const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
export const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');

export interface ImageName {
  /** Host (and port) of the registry's API. */
  host: string;
  /** The path inside the registry, `library/` added for Docker Hub's official images. */
  path: string;
}

/** `docker.io/acme/app` → registry-1.docker.io + acme/app; `ghcr.io/acme/app`; `127.0.0.1:5000/app`. */
export function parseImageName(repository: string): ImageName {
  const [first, ...rest] = repository.split('/');
  const hasHost = rest.length > 0 && (first!.includes('.') || first!.includes(':') || first === 'localhost');
  const host = hasHost ? first! : 'docker.io';
  let path = hasHost ? rest.join('/') : repository;
  if (host === 'docker.io' || host === 'index.docker.io') {
    if (!path.includes('/')) path = `library/${path}`;
    return { host: 'registry-1.docker.io', path };
  }
  return { host, path };
}

/** Loopback registries (a local `registry:2`, tests) speak plain HTTP; everything else HTTPS. */
export function registryBase(host: string): string {
  const name = host.replace(/:\d+$/, '');
  const loopback = name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
  return `${loopback ? 'http' : 'https'}://${host}`;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface IndexEntry {
  mediaType: string;
  digest: string;
  platform?: { os: string; architecture: string; variant?: string };
}

export type ManifestLookup =
  | { found: true; digest: string; mediaType: string; manifests?: IndexEntry[] }
  | { found: false; status: number };

export interface OciReaderOptions {
  credentials?: (host: string) => RegistryCredentials | undefined;
  deps?: HttpDeps;
  signal?: AbortSignal;
}

export class OciReader {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: OciReaderOptions = {}) {}

  /** Resolves `repository:reference` to its manifest; a missing tag is `found: false`, not an error. */
  async manifest(repository: string, reference: string): Promise<ManifestLookup> {
    const { host, path } = parseImageName(repository);
    const url = `${registryBase(host)}/v2/${path}/manifests/${encodeURIComponent(reference)}`;
    const response = await this.get(url, host, path);
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      return { found: false, status: 404 };
    }
    if (!response.ok) {
      const body = (await response.text()).slice(0, 300);
      throw new UserError(`Registry ${host} answered HTTP ${response.status} for ${repository}:${reference}: ${body.trim() || response.statusText}. Check the image name and registry credentials.`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const text = new TextDecoder().decode(bytes);
    const parsed = JSON.parse(text) as { mediaType?: string; manifests?: IndexEntry[] };
    const mediaType = parsed.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? '';
    return { found: true, digest, mediaType, ...(parsed.manifests ? { manifests: parsed.manifests } : {}) };
  }

  private async get(url: string, host: string, path: string): Promise<Response> {
    const key = `${host}/${path}`;
    const send = (authorization?: string) =>
      request(url, { headers: { accept: ACCEPT, ...(authorization ? { authorization } : {}) }, signal: this.options.signal }, this.options.deps);
    const cached = this.tokens.get(key);
    const response = await send(cached);
    if (response.status !== 401) return response;
    const challenge = response.headers.get('www-authenticate') ?? '';
    const authorization = await this.authorize(challenge, host, path);
    if (!authorization) return response;
    await response.body?.cancel().catch(() => undefined);
    this.tokens.set(key, authorization);
    return send(authorization);
  }

  /** Answers a `WWW-Authenticate` challenge: basic with credentials, or a pull token from the realm. */
  private async authorize(challenge: string, host: string, path: string): Promise<string | undefined> {
    const credentials = this.options.credentials?.(host);
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
    const [scheme] = challenge.split(' ');
    if (scheme?.toLowerCase() === 'basic') return basic;
    if (scheme?.toLowerCase() !== 'bearer') return undefined;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (!params.realm) return undefined;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', params.scope ?? `repository:${path}:pull`);
    const response = await request(tokenUrl.toString(), { headers: basic ? { authorization: basic } : {}, signal: this.options.signal }, this.options.deps);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new UserError(`Registry ${host} refused a pull token for ${path} (HTTP ${response.status}). For a private image, give tagship the registry credentials.`);
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : undefined;
  }
}

/** `linux/arm64/v8` is how registries often spell plain `linux/arm64`; attestations are `unknown/unknown`. */
export function platformOf(entry: IndexEntry): string | undefined {
  const p = entry.platform;
  if (!p || p.os === 'unknown') return undefined;
  const variant = p.architecture === 'arm64' && p.variant === 'v8' ? undefined : p.variant;
  return `${p.os}/${p.architecture}${variant ? `/${variant}` : ''}`;
}

export function normalizePlatform(platform: string): string {
  return platform.replace(/^linux\/arm64\/v8$/, 'linux/arm64');
}
