/**
 * The public npm registry's provenance, in front of a real Verdaccio. Verdaccio stores no provenance:
 * it refuses a publish that carries npm's `<name>-<version>.sigstore` attachment (HTTP 400 "unsupported
 * registry call", see test/verify/npm-provenance.test.ts). registry.npmjs.org keeps that bundle and shows
 * it two ways, reproduced here:
 *
 * - the packument's `versions[v].dist.attestations` = `{ url, provenance: { predicateType } }` (in the
 *   full and the abbreviated document alike), where `url` is
 *   `<registry>/-/npm/v1/attestations/<name>@<version>` (a scoped name keeps its `@` and encodes `/`);
 * - that URL answers `{ attestations: [{ predicateType, bundle }] }`, and 404 for a version without.
 *
 * Everything else (publish, packuments, tarballs, dist-tags) passes through to Verdaccio unchanged,
 * with the Host header kept, so the tarball URLs Verdaccio writes point here too.
 */
import { request as httpRequest } from 'node:http';
import { startServer, type LocalServer } from './http-server.js';
import type { LocalNpmRegistry } from './verdaccio.js';

export interface ProvenanceRegistry {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Stores a bundle as if npm had sent it with the publish of `name@version` (the registry's copy of it). */
  attach(name: string, version: string, bundle: unknown, predicateType?: string): void;
  /** Attestation URLs read, in order: what the verifier fetched. */
  reads: string[];
  close(): Promise<void>;
}

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const ATTESTATIONS_PATH = '/-/npm/v1/attestations/';

/** The path segment of a packument, as npm requests it: `@scope%2fname` or `name`. */
function packageFromPath(pathname: string): string | undefined {
  const segment = pathname.slice(1);
  if (!segment || segment.startsWith('-/') || segment.includes('/-/')) return undefined;
  const name = decodeURIComponent(segment);
  return /^(@[^/]+\/)?[^/@]+$/.test(name) ? name : undefined;
}

export async function startProvenanceRegistry(upstream: LocalNpmRegistry): Promise<ProvenanceRegistry> {
  const stored = new Map<string, Array<{ predicateType: string; bundle: unknown }>>();
  const reads: string[] = [];
  const upstreamUrl = new URL(upstream.url);
  let server: LocalServer;

  const attestationsUrl = (name: string, version: string) => `${server.url}${ATTESTATIONS_PATH}${name.replace('/', '%2f')}@${version}`;

  server = await startServer(async (req, res) => {
    const url = new URL(req.url ?? '/', server.url);
    if (req.method === 'GET' && url.pathname.startsWith(ATTESTATIONS_PATH)) {
      reads.push(url.pathname);
      const spec = decodeURIComponent(url.pathname.slice(ATTESTATIONS_PATH.length));
      const found = stored.get(spec);
      res.setHeader('content-type', 'application/json');
      if (!found) {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: 'Not Found' }));
        return;
      }
      res.end(JSON.stringify({ attestations: found }));
      return;
    }

    const name = req.method === 'GET' ? packageFromPath(url.pathname) : undefined;
    const forwarded = httpRequest({ host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers: { ...req.headers, 'accept-encoding': 'identity' } }, (answer) => {
      if (!name || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { versions?: Record<string, { dist?: Record<string, unknown> }> };
        for (const [version, meta] of Object.entries(doc.versions ?? {})) {
          const bundles = stored.get(`${name}@${version}`);
          const provenance = bundles?.find((b) => b.predicateType.startsWith('https://slsa.dev/provenance/'));
          if (provenance && meta.dist) meta.dist.attestations = { url: attestationsUrl(name, version), provenance: { predicateType: provenance.predicateType } };
        }
        const body = JSON.stringify(doc);
        const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
        delete headers.etag;
        res.writeHead(200, headers);
        res.end(body);
      });
    });
    forwarded.on('error', (error) => {
      res.statusCode = 502;
      res.end(String(error));
    });
    req.pipe(forwarded);
  });

  return {
    url: `${server.url}/`,
    reads,
    attach(name, version, bundle, predicateType = SLSA_PROVENANCE_V1) {
      const key = `${name}@${version}`;
      stored.set(key, [...(stored.get(key) ?? []), { predicateType, bundle }]);
    },
    close: () => server.close(),
  };
}
