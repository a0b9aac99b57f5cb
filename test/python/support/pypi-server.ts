import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { readBody, startServer, type LocalServer } from '../../verify/support/http-server.js';
import { AttestationUploadError, provenanceOfUpload, type Provenance } from './pypi-attestations.js';

/**
 * A package index on 127.0.0.1 that speaks what PyPI speaks: the legacy upload API (multipart form,
 * digests checked, basic auth with `__token__`), a PEP 503 simple index with the files, the JSON API,
 * and trusted publishing (`/_/oidc/audience`, `/_/oidc/mint-token`), plus a GitHub runner's OIDC
 * token endpoint. Faults can be injected into uploads. PEP 740 attestations are taken, checked, stored
 * and served as PyPI does (./pypi-attestations.ts says from which sources).
 */
export interface StoredFile {
  filename: string;
  project: string;
  version: string;
  bytes: Buffer;
  sha256: string;
  form: Record<string, string[]>;
  /** The PEP 740 provenance stored with the file (uploaded with attestations by a trusted publisher). */
  provenance?: Provenance;
}

export type Fault = 500 | 503 | 429 | 'reset' | 'reset-after-store' | 'stall';

export interface PypiIndex extends LocalServer {
  uploadUrl: string;
  simpleUrl: string;
  files: Map<string, StoredFile>;
  /** Upload requests received (every attempt), and files newly stored. */
  counts: { uploads: number; stored: number; jsonApi: number };
  /** Accepted API tokens (`__token__:<token>`). */
  tokens: Set<string>;
  /** Applied to the next upload requests, one each, in order. */
  faults: Fault[];
  /** While true, every upload request has its connection cut. */
  down: boolean;
  /** The next this-many JSON API answers are 404: a CDN-cached view older than the files. */
  staleJsonAnswers: number;
  /** While true, every JSON API request has its connection cut. */
  jsonDown: boolean;
  onStored?: (file: StoredFile) => void;
  attestations: {
    /** The trusted root (Fulcio CA, Rekor key, CT log) attestations are verified against: the local Sigstore's. */
    trustedRoot?: unknown;
    /** Uploads that carried an `attestations` field, and the refusals among them (the reason after the prefix). */
    received: number;
    refused: string[];
    /** Integrity API requests. */
    provenanceRequests: number;
  };
  oidc: {
    /** The runner's ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN for this fixture. */
    runnerEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
    audience: string;
    /** The project's trusted publisher (`true`: {@link DIRECT_PUBLISHER}); `false`: none, mint-token refuses. */
    publisher: boolean | TrustedPublisher;
    /** The claims the runner endpoint puts in the ID tokens it issues. */
    claims: RunnerClaims;
    /** Lifetime of minted tokens, seconds. */
    lifetime: number;
    minted: string[];
    /** Which publisher each minted token stands for: attestations are checked against it. */
    publisherOf: Map<string, TrustedPublisher>;
    exchanges: number;
    /** ID tokens issued by the runner endpoint, with their audience. */
    issued: Map<string, { audience: string; used: boolean; claims: RunnerClaims }>;
    /**
     * Trust another runner's tokens (test/support/sigstore.ts `RunnerOidc`, whose signed JWTs the local
     * Fulcio also takes): `runnerEnv` becomes its endpoint, and mint-token checks their ES256 signature
     * against its JWKS, the audience, expiry and single use, as warehouse does for GitHub's issuer.
     */
    trustRunner(runner: { env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }; jwksUrl: string }): void;
  };
  reset(): void;
}

/** A GitHub trusted publisher as PyPI stores it. */
export interface TrustedPublisher {
  repository: string;
  repositoryOwnerId: string;
  /** The workflow file name, e.g. `release.yml`. */
  workflow: string;
  environment?: string;
}

export type RunnerClaims = Record<string, string>;

/** Claims GitHub sets for a job of `octo/proj`'s own `release.yml`, run for tag v1.2.3. */
export const DIRECT_CALL: RunnerClaims = {
  iss: 'https://token.actions.githubusercontent.com',
  repository: 'octo/proj',
  repository_owner: 'octo',
  repository_owner_id: '4242',
  ref: 'refs/tags/v1.2.3',
  sha: 'a'.repeat(40),
  workflow_ref: 'octo/proj/.github/workflows/release.yml@refs/tags/v1.2.3',
  job_workflow_ref: 'octo/proj/.github/workflows/release.yml@refs/tags/v1.2.3',
  event_name: 'push',
};

/** The same run, its publishing job a reusable workflow of another repository that release.yml calls. */
export const REUSABLE_CALL: RunnerClaims = {
  ...DIRECT_CALL,
  job_workflow_ref: 'tagship-org/tagship/.github/workflows/python.yml@refs/tags/v1',
};

export const DIRECT_PUBLISHER: TrustedPublisher = { repository: 'octo/proj', repositoryOwnerId: '4242', workflow: 'release.yml' };

/**
 * PyPI's GitHub publisher check (warehouse `oidc/models/github.py`): repository and owner id, the
 * workflow file from `job_workflow_ref` (which must be `<repository>/.github/workflows/<file>@…`),
 * and the environment when the publisher names one.
 */
export function publisherMatches(publisher: TrustedPublisher, claims: RunnerClaims): boolean {
  if (claims.repository?.toLowerCase() !== publisher.repository.toLowerCase()) return false;
  if (claims.repository_owner_id !== publisher.repositoryOwnerId) return false;
  if (!claims.job_workflow_ref?.startsWith(`${publisher.repository}/.github/workflows/${publisher.workflow}@`)) return false;
  if (publisher.environment && claims.environment?.toLowerCase() !== publisher.environment.toLowerCase()) return false;
  return true;
}

/** An ID token shaped like GitHub's: a JWT whose payload holds the claims (the signature is not checked here). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(16).toString('base64url')}`;
}

/** Warehouse's `integrity.provenance` route for a file: `/integrity/<normalized project>/<version>/<filename>/provenance`. */
export const provenancePath = (f: Pick<StoredFile, 'project' | 'version' | 'filename'>) =>
  `/integrity/${normalize(f.project)}/${encodeURIComponent(f.version)}/${encodeURIComponent(f.filename)}/provenance`;

export const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function projectOfFilename(filename: string): { project: string; version: string } | undefined {
  const wheel = filename.match(/^([^-]+)-([^-]+)-(?:[^-]+-)?[^-]+-[^-]+-[^-]+\.whl$/);
  const sdist = filename.match(/^(.+)-([^-]+)\.tar\.gz$/);
  const match = wheel ?? sdist;
  return match ? { project: match[1]!, version: match[2]! } : undefined;
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.statusCode = status;
  res.statusMessage = reason.replace(/[^\x20-\x7e]/g, '?');
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<html><head><title>${status} ${reason}</title></head><body><h1>${status} ${reason}</h1>\n${reason}\n</body></html>`);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

export async function startPypiIndex(): Promise<PypiIndex> {
  const requestToken = `runner-${randomBytes(8).toString('hex')}`;
  let index!: PypiIndex;

  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    index.counts.uploads++;
    const fault = index.down ? 'reset' : index.faults.shift();
    if (fault === 'reset') return void req.socket.destroy();
    // Takes the request line and headers, then neither reads the body nor answers.
    if (fault === 'stall') return void req.pause();
    if (typeof fault === 'number') {
      await readBody(req);
      if (fault === 429) res.setHeader('retry-after', '1');
      return refuse(res, fault, fault === 429 ? 'Too Many Requests' : 'Service Unavailable');
    }
    const body = await readBody(req);
    const auth = req.headers.authorization?.match(/^Basic (.+)$/i)?.[1];
    const [user, token] = auth ? Buffer.from(auth, 'base64').toString().split(/:(.*)/s) : [];
    if (user !== '__token__' || !token || !index.tokens.has(token)) return refuse(res, 403, 'Invalid or non-existent authentication information. See http://localhost/help/#invalid-auth for more information.');
    const form = await new Request('http://index/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
    const fields: Record<string, string[]> = {};
    for (const [key, value] of form) if (typeof value === 'string') (fields[key] ??= []).push(value);
    const one = (key: string) => fields[key]?.[0];
    if (one(':action') !== 'file_upload' || one('protocol_version') !== '1') return refuse(res, 400, 'Unknown action or protocol version.');
    const content = form.get('content');
    if (!(content instanceof File)) return refuse(res, 400, 'Upload payload does not have a file.');
    const name = one('name');
    const version = one('version');
    if (!name || !version || !one('metadata_version')) return refuse(res, 400, "'name', 'version' and 'metadata_version' are required.");
    const parsed = projectOfFilename(content.name);
    if (!parsed || normalize(parsed.project) !== normalize(name)) return refuse(res, 400, `Start filename for '${name}' with '${name.replace(/-/g, '_')}'.`);
    const filetype = one('filetype');
    if (filetype !== (content.name.endsWith('.whl') ? 'bdist_wheel' : 'sdist')) return refuse(res, 400, `Invalid value for filetype: ${filetype}.`);
    // As Warehouse checks it: optional for an sdist (twine 4 leaves it out), but then "source".
    if (filetype === 'sdist' && one('pyversion') && one('pyversion') !== 'source') return refuse(res, 400, "Use 'source' as Python version for an sdist.");
    if (filetype === 'bdist_wheel' && !one('pyversion')) return refuse(res, 400, 'Python version is required for binary distribution uploads.');
    const bytes = Buffer.from(await content.arrayBuffer());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const digests: Array<[string, string]> = [
      ['md5_digest', createHash('md5').update(bytes).digest('hex')],
      ['sha256_digest', sha256],
      ['blake2_256_digest', bytesToHex(blake2b(bytes, { dkLen: 32 }))],
    ];
    if (!digests.some(([key]) => one(key))) return refuse(res, 400, 'Include at least one message digest.');
    for (const [key, actual] of digests) if (one(key) !== undefined && one(key) !== actual) return refuse(res, 400, `The digest supplied (${key}) does not match a digest calculated from the uploaded file.`);
    const existing = index.files.get(content.name);
    if (existing) {
      // As Warehouse: the same file again is 200 OK before its attestations are looked at; none is stored.
      if (existing.sha256 === sha256) return void (res.statusCode = 200, res.end('OK'));
      return refuse(res, 400, `File already exists ('${content.name}', with blake2_256 hash '${digests[2]![1]}'). See http://localhost/help/#file-name-reuse for more information.`);
    }
    let provenance: Provenance | undefined;
    if (fields.attestations) {
      index.attestations.received++;
      try {
        provenance = provenanceOfUpload(one('attestations')!, index.oidc.publisherOf.get(token), content.name, sha256, index.attestations.trustedRoot);
      } catch (error) {
        if (!(error instanceof AttestationUploadError)) throw error;
        index.attestations.refused.push(error.message);
        return refuse(res, 400, `Invalid attestations supplied during upload: ${error.message}`);
      }
    }
    const stored: StoredFile = { filename: content.name, project: name, version, bytes, sha256, form: fields, ...(provenance ? { provenance } : {}) };
    index.files.set(content.name, stored);
    index.counts.stored++;
    index.onStored?.(stored);
    if (fault === 'reset-after-store') return void req.socket.destroy();
    res.statusCode = 200;
    res.end('OK');
  };

  const filesOf = (project: string, version?: string) =>
    [...index.files.values()].filter((f) => normalize(f.project) === normalize(project) && (version === undefined || f.version === version));

  let trustedJwks: string | undefined;
  const usedJti = new Set<string>();
  /** A JWT of the trusted runner: signature by a key of its JWKS, not expired, each `jti` exchanged once. */
  const signedRunnerToken = async (token: string): Promise<{ audience: string; used: boolean; claims: RunnerClaims } | undefined> => {
    if (!trustedJwks) return undefined;
    const [head, payload, signature] = token.split('.');
    if (!head || !payload || !signature) return undefined;
    try {
      const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string; kid?: string };
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const { keys } = (await (await fetch(trustedJwks)).json()) as { keys: Array<Record<string, unknown>> };
      const jwk = keys.find((key) => key.kid === header.kid);
      if (header.alg !== 'ES256' || !jwk) return undefined;
      const key = createPublicKey({ key: jwk as never, format: 'jwk' });
      if (!verify('sha256', Buffer.from(`${head}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) return undefined;
      if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) return undefined;
      const jti = String(claims.jti);
      const used = usedJti.has(jti);
      usedJti.add(jti);
      const text = Object.fromEntries(Object.entries(claims).filter(([, v]) => typeof v === 'string')) as RunnerClaims;
      return { audience: String(claims.aud), used, claims: text };
    } catch {
      return undefined;
    }
  };

  const server = await startServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://index');
    const path = url.pathname;
    if (req.method === 'POST' && path === '/legacy/') return upload(req, res);
    // For a benchmark running the index in another process: forget every file between timed runs.
    if (req.method === 'POST' && path === '/_fixture/reset') return void (index.reset(), res.end('reset'));
    if (path === '/_/oidc/audience') return json(res, 200, { audience: index.oidc.audience });
    if (req.method === 'POST' && path === '/_/oidc/mint-token') {
      index.oidc.exchanges++;
      const { token } = JSON.parse((await readBody(req)).toString() || '{}') as { token?: string };
      const issued = token ? (index.oidc.issued.get(token) ?? (await signedRunnerToken(token))) : undefined;
      if (!issued || issued.used || issued.audience !== index.oidc.audience) {
        return json(res, 422, { message: 'Token request failed', errors: [{ code: 'invalid-token', description: 'malformed, reused or wrong-audience token' }] });
      }
      issued.used = true;
      const publisher = index.oidc.publisher === true ? DIRECT_PUBLISHER : index.oidc.publisher;
      if (!publisher || !publisherMatches(publisher, issued.claims)) {
        return json(res, 422, { message: 'Token request failed', errors: [{ code: 'invalid-publisher', description: 'valid token, but no corresponding publisher (Publisher with matching claims was not found)' }] });
      }
      const minted = `pypi-minted-${randomBytes(12).toString('hex')}`;
      index.oidc.minted.push(minted);
      index.oidc.publisherOf.set(minted, publisher);
      index.tokens.add(minted);
      return json(res, 200, { success: true, token: minted, expires: Math.floor(Date.now() / 1000) + index.oidc.lifetime });
    }
    if (path === '/_runner/id-token') {
      if (req.headers.authorization?.toLowerCase() !== `bearer ${requestToken}`) return json(res, 401, { message: 'bad runner token' });
      const audience = url.searchParams.get('audience') ?? '';
      const claims = { ...index.oidc.claims };
      const value = jwt({ ...claims, aud: audience, jti: randomBytes(8).toString('hex') });
      index.oidc.issued.set(value, { audience, used: false, claims });
      return json(res, 200, { value });
    }
    const json1 = path.match(/^\/pypi\/([^/]+)\/(?:([^/]+)\/)?json$/);
    if (json1) {
      index.counts.jsonApi++;
      if (index.jsonDown) return void req.socket.destroy();
      if (index.staleJsonAnswers > 0 && index.staleJsonAnswers--) return json(res, 404, { message: 'Not Found' });
      const files = filesOf(decodeURIComponent(json1[1]!), json1[2] && decodeURIComponent(json1[2]));
      if (!files.length) return json(res, 404, { message: 'Not Found' });
      return json(res, 200, {
        info: { name: files[0]!.project, version: files[0]!.version },
        urls: files.map((f) => ({ filename: f.filename, packagetype: f.form.filetype?.[0], url: `${index.url}/files/${f.filename}`, digests: { sha256: f.sha256 } })),
      });
    }
    const integrity = path.match(/^\/integrity\/([^/]+)\/([^/]+)\/([^/]+)\/provenance$/);
    if (integrity && req.method === 'GET') {
      index.attestations.provenanceRequests++;
      const accept = req.headers.accept;
      if (accept && !/(^|,)\s*(application\/vnd\.pypi\.integrity\.v1\+json|application\/json|application\/\*|\*\/\*)\s*(;|,|$)/i.test(accept)) return json(res, 406, { message: 'Request not acceptable' });
      const [project, version, filename] = integrity.slice(1).map((part) => decodeURIComponent(part!));
      const file = index.files.get(filename!);
      if (!file || normalize(file.project) !== normalize(project!) || file.version !== version) return json(res, 404, { message: 'Not Found' });
      if (!file.provenance) return json(res, 404, { message: `No provenance available for ${file.filename}` });
      res.setHeader('content-type', accept?.includes('application/json') && !accept.includes('integrity') ? 'application/json' : 'application/vnd.pypi.integrity.v1+json');
      return void res.end(JSON.stringify(file.provenance));
    }
    if (path === '/simple/') {
      const projects = [...new Set([...index.files.values()].map((f) => normalize(f.project)))];
      res.setHeader('content-type', 'text/html');
      return void res.end(`<!DOCTYPE html><html><body>\n${projects.map((p) => `<a href="/simple/${p}/">${p}</a>`).join('\n')}\n</body></html>`);
    }
    const page = path.match(/^\/simple\/([^/]+)\/$/);
    if (page) {
      const files = filesOf(page[1]!);
      if (!files.length) return refuse(res, 404, 'Not Found');
      res.setHeader('content-type', 'text/html');
      const links = files.map((f) => {
        const requires = f.form.requires_python?.[0];
        const provenance = f.provenance ? ` data-provenance="${index.url}${provenancePath(f)}"` : '';
        return `<a href="/files/${f.filename}#sha256=${f.sha256}"${requires ? ` data-requires-python="${requires.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"` : ''}${provenance}>${f.filename}</a><br/>`;
      });
      return void res.end(`<!DOCTYPE html><html><body>\n${links.join('\n')}\n</body></html>`);
    }
    const file = path.match(/^\/files\/([^/]+)$/)?.[1];
    if (file && index.files.has(file)) {
      res.setHeader('content-type', 'application/octet-stream');
      return void res.end(index.files.get(file)!.bytes);
    }
    refuse(res, 404, 'Not Found');
  });

  index = Object.assign(server, {
    uploadUrl: `${server.url}/legacy/`,
    simpleUrl: `${server.url}/simple/`,
    files: new Map<string, StoredFile>(),
    counts: { uploads: 0, stored: 0, jsonApi: 0 },
    tokens: new Set<string>(),
    faults: [] as Fault[],
    down: false,
    staleJsonAnswers: 0,
    jsonDown: false,
    attestations: { received: 0, refused: [] as string[], provenanceRequests: 0 },
    oidc: {
      runnerEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/_runner/id-token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
      audience: 'tagship-test-index',
      publisher: true as boolean | TrustedPublisher,
      claims: DIRECT_CALL,
      lifetime: 900,
      minted: [] as string[],
      publisherOf: new Map<string, TrustedPublisher>(),
      exchanges: 0,
      issued: new Map<string, { audience: string; used: boolean; claims: RunnerClaims }>(),
      trustRunner(runner: { env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }; jwksUrl: string }) {
        index.oidc.runnerEnv = runner.env;
        trustedJwks = runner.jwksUrl;
      },
    },
    reset() {
      index.files.clear();
      index.counts = { uploads: 0, stored: 0, jsonApi: 0 };
      index.faults = [];
      index.down = false;
      index.staleJsonAnswers = 0;
      index.jsonDown = false;
      index.attestations.received = 0;
      index.attestations.refused = [];
      index.attestations.provenanceRequests = 0;
    },
  });
  return index;
}
