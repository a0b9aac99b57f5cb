import { createHash, randomUUID } from 'node:crypto';
import { readBody, startServer, type LocalServer } from '../../verify/support/http-server.js';

/**
 * A small OCI distribution 1.1 registry WITH the referrers API, for the path Debian's docker-registry
 * (2.8, no referrers API) cannot take. It enforces what the spec says a registry with the API does
 * (opencontainers/distribution-spec spec.md): a manifest with `subject` is answered with `OCI-Subject`;
 * `GET /v2/<name>/referrers/<digest>` is 200 with an OCI index listing, for every manifest whose subject
 * is that digest, its media type, digest, size, `artifactType` (else the config's media type) and all
 * its annotations — an empty index when there are none, never 404; `?artifactType=` filters, with
 * `OCI-Filters-Applied`. Manifests must name blobs the repository has (like distribution does), keep
 * their exact bytes, carry an ETag, and a PUT with a stale `If-Match` gets 412.
 */
export interface ReferrersRegistry {
  host: string;
  /** Requests seen, `METHOD path`, for asserting which way a client went. */
  requests: string[];
  close(): Promise<void>;
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

interface Stored {
  bytes: Buffer;
  mediaType: string;
}

/**
 * `referrersApi: false` turns it into a registry without the API that does honour If-Match (unlike
 * distribution 2.8): the referrers path is 404 and pushes get no `OCI-Subject`.
 */
export async function startReferrersRegistry(options: { referrersApi?: boolean } = {}): Promise<ReferrersRegistry> {
  const api = options.referrersApi ?? true;
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, Stored>(); // `name@digest` and `name:tag`
  const uploads = new Map<string, Buffer[]>();
  const requests: string[] = [];

  const server: LocalServer = await startServer(async (req, res) => {
    const url = new URL(req.url!, 'http://registry.invalid');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const error = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code, message }] }));
    };
    if (url.pathname === '/v2/') return void res.writeHead(200).end('{}');
    const match = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/(.+)$/.exec(url.pathname);
    if (!match) return error(404, 'NOT_FOUND', 'no such route');
    const [, name, kind, rest] = match as unknown as [string, string, string, string];

    if (kind === 'blobs' && rest === 'uploads/' && req.method === 'POST') {
      const id = randomUUID();
      uploads.set(id, []);
      res.writeHead(202, { location: `/v2/${name}/blobs/uploads/${id}` });
      return void res.end();
    }
    if (kind === 'blobs' && rest.startsWith('uploads/')) {
      const id = rest.slice('uploads/'.length);
      const parts = uploads.get(id);
      if (!parts) return error(404, 'BLOB_UPLOAD_UNKNOWN', 'no such upload');
      parts.push(await readBody(req));
      if (req.method === 'PATCH') return void res.writeHead(202, { location: `/v2/${name}/blobs/uploads/${id}` }).end();
      const bytes = Buffer.concat(parts);
      const digest = url.searchParams.get('digest');
      if (digest !== sha(bytes)) return error(400, 'DIGEST_INVALID', 'digest does not match');
      blobs.set(`${name}@${digest}`, bytes);
      uploads.delete(id);
      return void res.writeHead(201, { 'docker-content-digest': digest }).end();
    }
    if (kind === 'blobs') {
      const bytes = blobs.get(`${name}@${rest}`);
      if (!bytes) return error(404, 'BLOB_UNKNOWN', 'blob unknown');
      res.writeHead(200, { 'content-length': bytes.length, 'docker-content-digest': rest });
      return void res.end(req.method === 'HEAD' ? undefined : bytes);
    }

    if (kind === 'referrers') {
      if (!api) return error(404, 'NOT_FOUND', 'no such route');
      if (!/^sha256:[0-9a-f]{64}$/.test(rest)) return error(400, 'DIGEST_INVALID', 'invalid digest');
      const filter = url.searchParams.get('artifactType');
      const listed = [...manifests]
        .filter(([key]) => key.startsWith(`${name}@`))
        .map(([key, stored]) => ({ digest: key.slice(name.length + 1), stored, json: JSON.parse(stored.bytes.toString()) }))
        .filter(({ json }) => json.subject?.digest === rest)
        .map(({ digest, stored, json }) => ({
          mediaType: stored.mediaType,
          digest,
          size: stored.bytes.length,
          ...(json.artifactType || json.config?.mediaType ? { artifactType: json.artifactType ?? json.config.mediaType } : {}),
          ...(json.annotations ? { annotations: json.annotations } : {}),
        }))
        .filter((d) => !filter || d.artifactType === filter);
      res.writeHead(200, { 'content-type': OCI_INDEX, ...(filter ? { 'oci-filters-applied': 'artifactType' } : {}) });
      return void res.end(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: listed }));
    }

    // manifests
    const key = rest.startsWith('sha256:') ? `${name}@${rest}` : `${name}:${rest}`;
    if (req.method === 'PUT') {
      const bytes = await readBody(req);
      const digest = sha(bytes);
      if (rest.startsWith('sha256:') && rest !== digest) return error(400, 'DIGEST_INVALID', 'digest does not match');
      const current = manifests.get(key);
      const ifMatch = req.headers['if-match'];
      if (ifMatch && (!current || ifMatch !== `"${sha(current.bytes)}"`)) return error(412, 'PRECONDITION_FAILED', 'the manifest changed');
      const json = JSON.parse(bytes.toString());
      for (const blob of [json.config, ...(json.layers ?? [])].filter(Boolean)) {
        if (!blobs.has(`${name}@${blob.digest}`)) return error(400, 'MANIFEST_BLOB_UNKNOWN', `blob unknown ${blob.digest}`);
      }
      const stored = { bytes, mediaType: String(req.headers['content-type']) };
      manifests.set(key, stored);
      manifests.set(`${name}@${digest}`, stored);
      res.writeHead(201, { 'docker-content-digest': digest, ...(json.subject && api ? { 'oci-subject': json.subject.digest } : {}) });
      return void res.end();
    }
    const stored = manifests.get(key);
    if (!stored) return error(404, 'MANIFEST_UNKNOWN', 'manifest unknown');
    const digest = sha(stored.bytes);
    res.writeHead(200, { 'content-type': stored.mediaType, 'docker-content-digest': digest, etag: `"${digest}"`, 'content-length': stored.bytes.length });
    res.end(req.method === 'HEAD' ? undefined : stored.bytes);
  });
  return { host: new URL(server.url).host, requests, close: () => server.close() };
}
