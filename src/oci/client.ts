import { defaultDeps, request, type HttpDeps, type RequestOptions, type RetryNotice, type RetryPolicy, type UploadProgress } from '../net/http.js';
import { Authenticator } from './auth.js';
import { repositoryScope } from './challenge.js';
import type { CredentialLookup } from './credentials.js';
import { registryFailure, registryUnreachable, type RegistryOperation } from './errors.js';
import { MANIFEST_ACCEPT, OCI_INDEX, sha256Digest } from './media-types.js';
import { parseImageName, registryBase } from './names.js';
import type { Platform } from './platforms.js';

/** Bytes a request can send (a plain ArrayBuffer view, re-sendable on retries). */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface OciClientOptions {
  credentials?: CredentialLookup;
  deps?: HttpDeps;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  /** Told about each retry (the executors log it); URLs carry no credentials. */
  onRetry?: (notice: RetryNotice) => void;
  /** Told at every tenth of a large blob upload (net/http's progress); a stalled one fails after the idle timeout either way. */
  onProgress?: (progress: UploadProgress) => void;
}

/** A manifest or index as stored: the exact bytes (its digest is of them) and what they are. */
export interface StoredManifest {
  digest: string;
  mediaType: string;
  bytes: Bytes;
  json: ManifestJson;
  /** The registry's ETag for these bytes, for a conditional write over them (`If-Match`). */
  etag?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface ManifestJson {
  schemaVersion?: number;
  mediaType?: string;
  /** OCI 1.1: what an artifact manifest holds (a signature bundle, an SBOM). */
  artifactType?: string;
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
  /** OCI 1.1: the manifest this one is about (an artifact attached to an image). */
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** What a manifest write answered. */
export interface ManifestWrite {
  digest: string;
  /** `OCI-Subject`: the registry indexed the manifest's `subject` itself (it has the referrers API). */
  subject?: string;
}

/** A conditional write (`If-Match`) found the manifest changed since it was read: read it again and retry. */
export class ManifestChangedError extends Error {}

export interface ManifestHead {
  digest: string;
  mediaType: string;
}

/** What a request is for: the scopes it needs and the words its error line uses. */
interface Call {
  repository: string;
  reference: string;
  access: 'pull' | 'push';
  what: string;
  /** Extra scopes, e.g. pull on the source of a cross-repository mount. */
  scopes?: string[];
}

/**
 * A client of the OCI distribution API (Docker Hub, GHCR, any `registry:2`): manifests by tag or
 * digest, tag lists, blobs, cross-repository mounts and uploads. Every request goes through the shared
 * retrying HTTP client; every failure becomes a UserError naming the registry, repository and tag.
 */
export class OciClient {
  private readonly auth: Authenticator;
  private readonly deps: HttpDeps;

  constructor(private readonly options: OciClientOptions = {}) {
    this.deps = options.deps ?? defaultDeps;
    this.auth = new Authenticator({ credentials: options.credentials, send: (url, init) => this.http(url, init) });
  }

  /** `Docker-Content-Digest` of `repository:reference`, or undefined when it does not exist. */
  async headManifest(repository: string, reference: string, access: 'pull' | 'push' = 'pull'): Promise<ManifestHead | undefined> {
    const call = { repository, reference, access, what: 'reading' };
    const response = await this.send(call, `manifests/${reference}`, { method: 'HEAD', headers: { accept: MANIFEST_ACCEPT } });
    if (response.status === 404) return undefined;
    if (!response.ok) throw await registryFailure(this.op(call), response);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    // A registry that leaves the digest out of HEAD answers: read the bytes instead.
    if (!digest) return (await this.getManifest(repository, reference, access)) ?? undefined;
    return { digest, mediaType };
  }

  /** The manifest's exact bytes, or undefined when it does not exist. */
  async getManifest(repository: string, reference: string, access: 'pull' | 'push' = 'pull'): Promise<StoredManifest | undefined> {
    const call = { repository, reference, access, what: 'reading' };
    const response = await this.send(call, `manifests/${reference}`, { headers: { accept: MANIFEST_ACCEPT } });
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    if (!response.ok) throw await registryFailure(this.op(call), response);
    const bytes = await this.readBody(call, response);
    const digest = sha256Digest(bytes);
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw registryUnreachable(this.op(call), new Error(`the registry sent bytes whose digest is ${digest}`));
    }
    const json = JSON.parse(new TextDecoder().decode(bytes)) as ManifestJson;
    const mediaType = json.mediaType ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const etag = response.headers.get('etag') ?? undefined;
    return { digest, mediaType, bytes, json, ...(etag ? { etag } : {}) };
  }

  /** Stores a manifest under a tag or its digest, with its media type as Content-Type; returns its digest. */
  async putManifest(repository: string, reference: string, bytes: Bytes, mediaType: string): Promise<string> {
    return (await this.writeManifest(repository, reference, bytes, mediaType)).digest;
  }

  /**
   * Stores a manifest and says what the registry answered: its `OCI-Subject` header (the registry keeps
   * the referrers list itself) and, with `ifMatch`, whether the tag still held what was read (412: it
   * did not, ManifestChangedError). Registries that ignore `If-Match` (distribution 2.8 does) just write.
   */
  async writeManifest(repository: string, reference: string, bytes: Bytes, mediaType: string, options: { ifMatch?: string } = {}): Promise<ManifestWrite> {
    const call = { repository, reference, access: 'push' as const, what: reference.startsWith('sha256:') ? 'writing manifest' : 'writing tag' };
    const headers: Record<string, string> = { 'content-type': mediaType, ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}) };
    const response = await this.send(call, `manifests/${reference}`, { method: 'PUT', headers, body: bytes });
    if (response.status === 412 && options.ifMatch) {
      await response.body?.cancel().catch(() => undefined);
      throw new ManifestChangedError(`${reference} changed since it was read`);
    }
    if (response.status !== 201 && response.status !== 200) throw await registryFailure(this.op(call), response);
    await response.body?.cancel().catch(() => undefined);
    const subject = response.headers.get('oci-subject') ?? undefined;
    return { digest: response.headers.get('docker-content-digest') ?? sha256Digest(bytes), ...(subject ? { subject } : {}) };
  }

  /**
   * The referrers API (`GET /v2/<name>/referrers/<digest>`, OCI distribution 1.1): the descriptors of the
   * manifests whose `subject` is `digest`, every page. Undefined when the registry has no such API: it
   * answers 404 (or 400/406, or not an OCI index), as go-containerregistry's `fetchReferrers` decides.
   */
  async listReferrers(repository: string, digest: string, access: 'pull' | 'push' = 'pull'): Promise<Descriptor[] | undefined> {
    const call = { repository, reference: digest, access, what: 'listing what refers to' };
    const found: Descriptor[] = [];
    let next: string | undefined = `referrers/${digest}`;
    while (next) {
      const response = await this.send(call, next, { headers: { accept: OCI_INDEX } });
      const type = response.headers.get('content-type')?.split(';')[0]?.trim();
      if (response.status === 404 || response.status === 400 || response.status === 406 || (response.ok && type !== OCI_INDEX)) {
        await response.body?.cancel().catch(() => undefined);
        if (found.length) throw registryUnreachable(this.op(call), new Error('the referrers API stopped answering part-way through its pages'));
        return undefined;
      }
      if (!response.ok) throw await registryFailure(this.op(call), response);
      const body = JSON.parse(new TextDecoder().decode(await this.readBody(call, response))) as ManifestJson;
      found.push(...(body.manifests ?? []));
      next = nextPage(response.headers.get('link'), parseImageName(repository).path);
    }
    return found;
  }

  /** Uploads a small blob (a config, a signature bundle) unless the repository has it; returns its digest. */
  async pushBlob(repository: string, bytes: Bytes): Promise<string> {
    const digest = sha256Digest(bytes);
    if (await this.hasBlob(repository, digest, 'push')) return digest;
    await this.uploadBlob(repository, digest, await this.startUpload(repository, digest), bytes);
    return digest;
  }

  /** Every tag of a repository, following `Link: <…>; rel="next"` pages. A repository not yet pushed has none. */
  async listTags(repository: string, pageSize = 1000): Promise<string[]> {
    const call = { repository, reference: 'tags', access: 'pull' as const, what: 'listing the tags of' };
    const tags: string[] = [];
    let next: string | undefined = `tags/list?n=${pageSize}`;
    while (next) {
      const response = await this.send(call, next, { headers: { accept: 'application/json' } });
      if (response.status === 404) return tags;
      if (!response.ok) throw await registryFailure(this.op(call), response);
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      next = nextPage(response.headers.get('link'), parseImageName(repository).path);
    }
    return tags;
  }

  async hasBlob(repository: string, digest: string, access: 'pull' | 'push' = 'pull'): Promise<boolean> {
    const call = { repository, reference: digest, access, what: 'checking a layer of' };
    const response = await this.send(call, `blobs/${digest}`, { method: 'HEAD' });
    if (response.status === 404) return false;
    if (!response.ok) throw await registryFailure(this.op(call), response);
    return true;
  }

  /** A blob's bytes (configs, and layers copied across registries). */
  async getBlob(repository: string, digest: string): Promise<Bytes> {
    const call = { repository, reference: digest, access: 'pull' as const, what: 'reading a layer of' };
    const response = await this.send(call, `blobs/${digest}`, {});
    if (!response.ok) throw await registryFailure(this.op(call), response);
    const bytes = await this.readBody(call, response);
    if (sha256Digest(bytes) !== digest) throw registryUnreachable(this.op(call), new Error('the blob received does not match its digest'));
    return bytes;
  }

  /**
   * Asks the registry to link a blob from another repository on the same host (no bytes move).
   * Returns true when mounted; otherwise the upload URL the registry opened instead.
   */
  async mountBlob(repository: string, digest: string, from: string): Promise<true | string> {
    const fromPath = parseImageName(from).path;
    const call = { repository, reference: digest, access: 'push' as const, what: 'mounting a layer into', scopes: [repositoryScope(fromPath, 'pull')] };
    const query = `blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromPath)}`;
    const response = await this.send(call, query, { method: 'POST', headers: { 'content-length': '0' } });
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 201) return true;
    if (response.status === 202) return this.location(call, response);
    throw await registryFailure(this.op(call), response);
  }

  /** Opens an upload session; returns its URL. */
  async startUpload(repository: string, digest: string): Promise<string> {
    const call = { repository, reference: digest, access: 'push' as const, what: 'uploading a layer to' };
    const response = await this.send(call, 'blobs/uploads/', { method: 'POST', headers: { 'content-length': '0' } });
    if (response.status !== 202) throw await registryFailure(this.op(call), response);
    await response.body?.cancel().catch(() => undefined);
    return this.location(call, response);
  }

  /**
   * Uploads a blob into an open session: one PUT when it fits in a chunk, else PATCHes of `chunkSize`
   * bytes and a closing PUT with the digest (what registries with request-size limits need).
   */
  async uploadBlob(repository: string, digest: string, location: string, bytes: Bytes, chunkSize = 16 * 1024 * 1024): Promise<void> {
    const call = { repository, reference: digest, access: 'push' as const, what: 'uploading a layer to' };
    let url = location;
    let offset = 0;
    if (bytes.length > chunkSize) {
      for (; offset < bytes.length; offset += chunkSize) {
        const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + chunkSize));
        const response = await this.sendUrl(call, url, {
          method: 'PATCH',
          headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + chunk.length - 1}`, 'content-length': String(chunk.length) },
          body: chunk,
        });
        if (response.status !== 202) throw await registryFailure(this.op(call), response);
        await response.body?.cancel().catch(() => undefined);
        url = this.location(call, response);
      }
    }
    const closing = new URL(url, registryBase(parseImageName(repository).host));
    closing.searchParams.set('digest', digest);
    const rest = bytes.subarray(offset);
    const response = await this.sendUrl(call, closing.toString(), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(rest.length) },
      body: rest,
    });
    if (response.status !== 201) throw await registryFailure(this.op(call), response);
    await response.body?.cancel().catch(() => undefined);
  }

  private location(call: Call, response: Response): string {
    const location = response.headers.get('location');
    if (!location) throw registryUnreachable(this.op(call), new Error('the registry opened an upload without saying where (no Location header)'));
    return new URL(location, registryBase(parseImageName(call.repository).host)).toString();
  }

  private op(call: Call): RegistryOperation {
    return { host: parseImageName(call.repository).host, repository: call.repository, reference: call.reference, access: call.access, what: call.what };
  }

  private send(call: Call, suffix: string, init: RequestOptions): Promise<Response> {
    const { host, path } = parseImageName(call.repository);
    return this.sendUrl(call, `${registryBase(host)}/v2/${path}/${suffix}`, init);
  }

  /** One request with authorization: the known answer first, the challenge answered on a 401, once. */
  private async sendUrl(call: Call, url: string, init: RequestOptions): Promise<Response> {
    const { host, path } = parseImageName(call.repository);
    const scopes = [repositoryScope(path, call.access), ...(call.scopes ?? [])];
    const attempt = (authorization: string | undefined) =>
      this.http(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...(authorization ? { authorization } : {}) } });
    try {
      const first = await this.auth.authorization(host, scopes);
      const response = await attempt(first);
      if (response.status !== 401) return response;
      const second = await this.auth.refresh(host, scopes, response.headers.get('www-authenticate'), first);
      if (!second || second === first) return response;
      await response.body?.cancel().catch(() => undefined);
      return await attempt(second);
    } catch (error) {
      throw registryUnreachable(this.op(call), error);
    }
  }

  private async readBody(call: Call, response: Response): Promise<Bytes> {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw registryUnreachable(this.op(call), error);
    }
  }

  private http(url: string, init: RequestOptions): Promise<Response> {
    return request(url, { ...init, retry: this.options.retry, signal: this.options.signal, onRetry: this.options.onRetry, onProgress: this.options.onProgress }, this.deps);
  }
}

/** The next page of a tag list: `Link: </v2/<name>/tags/list?last=x&n=100>; rel="next"`. */
export function nextPage(link: string | null, path: string): string | undefined {
  const match = link && /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  if (!match) return undefined;
  const url = new URL(match[1]!, 'http://registry.invalid');
  const prefix = `/v2/${path}/`;
  return url.pathname.startsWith(prefix) ? `${url.pathname.slice(prefix.length)}${url.search}` : undefined;
}
