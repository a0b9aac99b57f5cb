/**
 * A local Sigstore for the tests, over real HTTP on 127.0.0.1: Fulcio (certificates), Rekor
 * (transparency log), an RFC 3161 timestamp authority, and the runner's OIDC token service that signs
 * GitHub-shaped ID tokens. The key material and the protocol answers come from `@sigstore/mock` (its CA,
 * CT log, transparency log and TSA, the same code sigstore-js tests itself with); the HTTP front and the
 * rules Fulcio enforces before issuing a certificate are here, after sigstore/fulcio:
 *
 * - the ID token's signature is checked against the issuer's JWKS, fetched over HTTP (go-oidc);
 * - `aud` must contain `sigstore` (the issuer's ClientID), the token must not be expired;
 * - every claim `pkg/identity/github/principal.go` requires must be present;
 * - proof of possession: `proofOfPossession` is the requester key's signature over the token's `sub`
 *   (`pkg/challenges`, `CheckSignatureWithVerifier(…, principal.Name())`);
 * - the SAN is `https://github.com/<job_workflow_ref>` and the extensions are those of
 *   `workflowPrincipal.Embed` (`pkg/certificate/extensions.go`: legacy ones raw, the others UTF8String);
 * - failures answer as Fulcio's grpc-gateway does: HTTP 400 `{"code":3,"message":"…"}`.
 *
 * Each service can be made to fail: `faults.fulcio.push(503)` answers the next request with 503,
 * `'reset'` drops the connection, `'stall'` never answers (until close). Faults are used one per request.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign as cryptoSign, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';
import { HashAlgorithm, PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { canonicalize } from '@tufjs/canonical-json';

/** GitHub Actions' token issuer: what the certificates name, as on a real runner. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * 500 / 503: answered with that status; `reset`: the connection dropped before the request is handled;
 * `stall`: never answered; `lost`: handled (a Rekor entry is logged) but the answer never arrives.
 */
export type Fault = 500 | 503 | 'reset' | 'stall' | 'lost';

export interface RunnerOidc {
  /** What `permissions: id-token: write` puts in a job's environment. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The GITHUB_* variables a runner sets, consistent with the claims (for runIdentity / expectedSigner). */
  githubEnv: Record<string, string>;
  /** Claims of every token minted (besides aud, iat, nbf, exp, jti); change them between requests. */
  claims: Record<string, string>;
  /** Every token request, in order. */
  issued: Array<{ audience: string }>;
  /** Answer token requests with 403, as a runner does for a job without `id-token: write`. */
  refuse: boolean;
  /** `https://token.actions.githubusercontent.com`, or the `iss` claims override. */
  issuer: string;
  /** Where the issuer's signing keys are (the local Fulcio reads them). */
  jwksUrl: string;
  /** A token signed by this issuer, as the runner would mint it; `overrides` replace any claim (`exp`, `aud`…). */
  token(audience: string, overrides?: Record<string, unknown>): string;
  close(): Promise<void>;
}

export interface LocalSigstore {
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  /** Absolute path of a trusted_root.json for these services (outside any project). */
  trustedRootPath: string;
  /** The trusted root, as JSON. */
  trustedRoot: unknown;
  faults: { fulcio: Fault[]; rekor: Fault[]; tsa: Fault[] };
  counts: { certificates: number; entries: number; timestamps: number };
  /** The `attestations.sigstore` config block for these services; the trusted root at `trustedRoot` inside the project. */
  config(trustedRoot?: string): Record<string, string>;
  /** Writes trusted_root.json into a project, at the path `config()` names. */
  writeTrustedRoot(projectDir: string, trustedRoot?: string): string;
  close(): Promise<void>;
}

export const DEFAULT_TRUSTED_ROOT_PATH = '.github/sigstore/trusted_root.json';

/** The claims GitHub puts in a job's ID token (docs: "Understanding the OIDC token"), for a tag push. */
export function githubClaims(overrides: Record<string, string> = {}): Record<string, string> {
  const repository = overrides.repository ?? 'octo-org/octo-proj';
  const owner = repository.split('/')[0]!;
  const ref = overrides.ref ?? 'refs/tags/v1.2.3';
  const sha = overrides.sha ?? 'a'.repeat(40);
  const workflowRef = overrides.workflow_ref ?? `${repository}/.github/workflows/release.yml@${ref}`;
  return {
    sub: `repo:${repository}:ref:${ref}`,
    ref,
    ref_type: 'tag',
    sha,
    repository,
    repository_owner: owner,
    repository_owner_id: '1001',
    repository_id: '2002',
    repository_visibility: 'public',
    actor: 'octocat',
    actor_id: '3003',
    workflow: 'release',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    event_name: 'push',
    run_id: '4004',
    run_number: '7',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    ...overrides,
  };
}

export async function startRunnerOidc(claims?: Record<string, string>): Promise<RunnerOidc> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  const requestToken = randomBytes(16).toString('hex');
  const state = { claims: githubClaims(claims), issued: [] as Array<{ audience: string }>, refuse: false };
  const mint = (audience: string, overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: GITHUB_ACTIONS_ISSUER, ...state.claims, aud: audience, jti: randomBytes(8).toString('hex'), iat: now, nbf: now - 5, exp: now + 300, ...overrides };
    return signJwt({ alg: 'ES256', typ: 'JWT', kid }, payload, privateKey);
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/.well-known/jwks') {
      return json(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] });
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, { issuer: GITHUB_ACTIONS_ISSUER, jwks_uri: `${base}/.well-known/jwks`, id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    }
    if (url.pathname === '/_apis/idtoken') {
      if (req.headers.authorization !== `Bearer ${requestToken}`) return json(res, 401, { message: 'bad request token' });
      const audience = url.searchParams.get('audience') ?? '';
      state.issued.push({ audience });
      if (state.refuse) return json(res, 403, { message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable' });
      return json(res, 200, { value: mint(audience) });
    }
    json(res, 404, { message: 'not found' });
  });
  const base = server.url;
  const repository = state.claims.repository!;
  return {
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/_apis/idtoken?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    githubEnv: {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_ID: state.claims.repository_id!,
      GITHUB_REPOSITORY_OWNER: state.claims.repository_owner!,
      GITHUB_REPOSITORY_OWNER_ID: state.claims.repository_owner_id!,
      GITHUB_REF: state.claims.ref!,
      GITHUB_SHA: state.claims.sha!,
      GITHUB_WORKFLOW_REF: state.claims.workflow_ref!,
      GITHUB_RUN_ID: state.claims.run_id!,
      GITHUB_RUN_ATTEMPT: state.claims.run_attempt!,
      GITHUB_EVENT_NAME: state.claims.event_name!,
      RUNNER_ENVIRONMENT: state.claims.runner_environment!,
    },
    get claims() {
      return state.claims;
    },
    set claims(value) {
      state.claims = value;
    },
    issued: state.issued,
    get refuse() {
      return state.refuse;
    },
    set refuse(value) {
      state.refuse = value;
    },
    get issuer() {
      return state.claims.iss ?? GITHUB_ACTIONS_ISSUER;
    },
    jwksUrl: `${base}/.well-known/jwks`,
    token: mint,
    close: server.close,
  };
}

export async function startLocalSigstore(oidc: RunnerOidc): Promise<LocalSigstore> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(keyPair);
  const ca = await initializeCA(keyPair, ctlog);
  const faults: LocalSigstore['faults'] = { fulcio: [], rekor: [], tsa: [] };
  const counts = { certificates: 0, entries: 0, timestamps: 0 };

  const fulcio = await listen(
    withFaults(faults.fulcio, async (req, res) => {
      if (req.method !== 'POST' || req.url !== '/api/v2/signingCert') return json(res, 404, { code: 5, message: 'Not Found' });
      const answer = await issueCertificate(await readBody(req));
      if (answer.status === 201) counts.certificates++;
      json(res, answer.status, answer.body);
    }),
  );
  const entries = new Map<string, string>();
  const entryByBody = new Map<string, string>();
  // Rekor's and the TSA's base URLs are known only once they listen; the tlog embeds its own in entries.
  let rekorFn: ((body: string) => ReturnType<ReturnType<typeof rekorHandler>['fn']>) | undefined;
  const rekor = await listen(
    withFaults(faults.rekor, async (req, res) => {
      const stored = req.method === 'GET' && req.url?.startsWith('/api/v1/log/entries/') ? entries.get(req.url.slice('/api/v1/log/entries/'.length)) : undefined;
      if (stored) return send(res, 200, stored);
      if (req.method !== 'POST' || req.url !== '/api/v1/log/entries') return json(res, 404, { code: 404, message: 'Not Found' });
      const canonical = canonicalDsseEntry(await readBody(req));
      if ('error' in canonical) return json(res, 400, { code: 400, message: canonical.error });
      // Rekor keeps one entry per canonical body: the same one again is a 409 naming the entry.
      const existing = entryByBody.get(canonical.body);
      if (existing) {
        res.setHeader('location', `/api/v1/log/entries/${existing}`);
        return json(res, 409, { code: 409, message: `An equivalent entry already exists in the transparency log with UUID ${existing}` });
      }
      const answer = await rekorFn!(canonical.body);
      if (answer.statusCode === 201) {
        counts.entries++;
        const uuid = Object.keys(JSON.parse(String(answer.response)) as object)[0]!;
        entryByBody.set(canonical.body, uuid);
        entries.set(uuid, String(answer.response));
      }
      send(res, answer.statusCode, answer.response, answer.contentType);
    }),
  );
  const tlog = await initializeTLog(rekor.url, keyPair);
  rekorFn = rekorHandler(tlog).fn;
  const tsa = await initializeTSA(keyPair, wholeSecondClock());
  const timestamp = tsaHandler(tsa).fn;
  const tsaServer = await listen(
    withFaults(faults.tsa, async (req, res) => {
      if (req.method !== 'POST' || req.url !== '/api/v1/timestamp') return json(res, 404, { message: 'Not Found' });
      const answer = await timestamp(await readBody(req));
      if (answer.statusCode === 201) counts.timestamps++;
      send(res, answer.statusCode, answer.response, answer.contentType);
    }),
  );

  /** Fulcio's CreateSigningCertificate for a GitHub Actions token, with its checks. */
  async function issueCertificate(body: string): Promise<{ status: number; body: unknown }> {
    const invalid = (message: string) => ({ status: 400, body: { code: 3, message, details: [] } });
    let request: { credentials?: { oidcIdentityToken?: string }; publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string } };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return invalid('invalid request body');
    }
    const claims = await authenticate(request.credentials?.oidcIdentityToken ?? '').catch(() => undefined);
    if (!claims) return invalid('There was an error processing the identity token');
    const missing = REQUIRED_GITHUB_CLAIMS.find((claim) => typeof claims[claim] !== 'string' || claims[claim] === '');
    if (missing) return invalid('There was an error processing the identity token');
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(request.publicKeyRequest?.publicKey?.content ?? '');
    } catch {
      return invalid('The public key supplied in the request could not be parsed');
    }
    const proof = Buffer.from(request.publicKeyRequest?.proofOfPossession ?? '', 'base64');
    if (!cryptoVerify('sha256', Buffer.from(String(claims.sub)), publicKey, proof)) return invalid('The signature supplied in the request could not be verified');
    const c = claims as Record<string, string>;
    const github = 'https://github.com';
    const signer = `${github}/${c.job_workflow_ref}`;
    const extensions = [
      { oid: '1.3.6.1.4.1.57264.1.1', value: c.iss!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.2', value: c.event_name!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.3', value: c.sha!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.4', value: c.workflow!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.5', value: c.repository!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.6', value: c.ref!, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.8', value: c.iss! },
      { oid: '1.3.6.1.4.1.57264.1.9', value: signer },
      { oid: '1.3.6.1.4.1.57264.1.10', value: c.job_workflow_sha! },
      { oid: '1.3.6.1.4.1.57264.1.11', value: c.runner_environment! },
      { oid: '1.3.6.1.4.1.57264.1.12', value: `${github}/${c.repository}` },
      { oid: '1.3.6.1.4.1.57264.1.13', value: c.sha! },
      { oid: '1.3.6.1.4.1.57264.1.14', value: c.ref! },
      { oid: '1.3.6.1.4.1.57264.1.15', value: c.repository_id! },
      { oid: '1.3.6.1.4.1.57264.1.16', value: `${github}/${c.repository_owner}` },
      { oid: '1.3.6.1.4.1.57264.1.17', value: c.repository_owner_id! },
      { oid: '1.3.6.1.4.1.57264.1.18', value: `${github}/${c.workflow_ref}` },
      { oid: '1.3.6.1.4.1.57264.1.19', value: c.workflow_sha! },
      { oid: '1.3.6.1.4.1.57264.1.20', value: c.event_name! },
      { oid: '1.3.6.1.4.1.57264.1.21', value: `${github}/${c.repository}/actions/runs/${c.run_id}/attempts/${c.run_attempt}` },
      { oid: '1.3.6.1.4.1.57264.1.22', value: c.repository_visibility! },
    ];
    const leaf = await ca.issueCertificate({ publicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })), subjectAltName: signer, extensions });
    return { status: 201, body: { signedCertificateEmbeddedSct: { chain: { certificates: [toPem(leaf), toPem(ca.rootCertificate)] } } } };
  }

  /** go-oidc's IDTokenVerifier for the GitHub issuer: signature by a JWKS key, issuer, audience (ClientID `sigstore`), expiry. */
  async function authenticate(token: string): Promise<Record<string, unknown>> {
    const [head, payload, signature] = token.split('.');
    if (!head || !payload || !signature) throw new Error('malformed jwt');
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== GITHUB_ACTIONS_ISSUER || header.alg !== 'ES256') throw new Error('unknown issuer');
    const jwks = (await (await fetch(oidc.jwksUrl)).json()) as { keys: Array<{ kid?: string } & Record<string, unknown>> };
    const jwk = jwks.keys.find((key) => key.kid === header.kid);
    if (!jwk) throw new Error('no such key');
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    if (!cryptoVerify('sha256', Buffer.from(`${head}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) throw new Error('bad signature');
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes('sigstore')) throw new Error('wrong audience');
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp < now) throw new Error('expired');
    return claims;
  }

  const root = trustedRootJson({ caRoot: ca.rootCertificate, ctlogKey: ctlog.publicKey, tlogKey: tlog.publicKey, tsaChain: [tsa.intCertificate, tsa.rootCertificate], urls: { fulcio: fulcio.url, rekor: rekor.url, tsa: tsaServer.url } });
  const dir = mkdtempSync(join(tmpdir(), 'tagship-sigstore-'));
  const trustedRootPath = join(dir, 'trusted_root.json');
  writeFileSync(trustedRootPath, JSON.stringify(root, null, 2));

  return {
    fulcioUrl: fulcio.url,
    rekorUrl: rekor.url,
    tsaUrl: tsaServer.url,
    trustedRootPath,
    trustedRoot: root,
    faults,
    counts,
    config: (trustedRoot = DEFAULT_TRUSTED_ROOT_PATH) => ({ 'fulcio-url': fulcio.url, 'rekor-url': rekor.url, 'tsa-url': tsaServer.url, 'trusted-root': trustedRoot }),
    writeTrustedRoot(projectDir, trustedRoot = DEFAULT_TRUSTED_ROOT_PATH) {
      const path = join(projectDir, trustedRoot);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(root, null, 2));
      return path;
    },
    async close() {
      await Promise.all([fulcio.close(), rekor.close(), tsaServer.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What Rekor stores for a proposed `dsse` 0.0.1 entry (rekor pkg/types/dsse/v0.0.1 Canonicalize): the
 * envelope is checked against the verifier (its DSSE signature over PAE(payloadType, payload)) and
 * replaced by its hashes and signatures. The mock log stores what it is given, so this runs first.
 */
function canonicalDsseEntry(text: string): { body: string } | { error: string } {
  let proposed: { apiVersion?: string; kind?: string; spec?: { proposedContent?: { envelope?: string; verifiers?: string[] } } };
  try {
    proposed = JSON.parse(text) as typeof proposed;
  } catch {
    return { error: 'invalid JSON' };
  }
  if (proposed.kind !== 'dsse' || proposed.apiVersion !== '0.0.1') return { body: text };
  const content = proposed.spec?.proposedContent;
  if (!content?.envelope || !content.verifiers?.length) return { error: 'missing envelope or verifiers' };
  const envelope = JSON.parse(content.envelope) as { payloadType: string; payload: string; signatures: Array<{ sig: string; keyid?: string }> };
  const payload = Buffer.from(envelope.payload, 'base64');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(envelope.payloadType)} ${envelope.payloadType} ${payload.length} `), payload]);
  const signatures = [];
  for (const signature of envelope.signatures) {
    const verifier = content.verifiers.find((pem) => {
      const key = new X509Certificate(Buffer.from(pem, 'base64')).publicKey;
      return cryptoVerify('sha256', pae, key, Buffer.from(signature.sig, 'base64'));
    });
    if (!verifier) return { error: 'could not verify envelope signature' };
    signatures.push({ signature: signature.sig, verifier });
  }
  const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
  return {
    body: JSON.stringify({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
        payloadHash: { algorithm: 'sha256', value: sha256(payload) },
        signatures,
      },
    }),
  };
}

/**
 * A clock for the mock TSA that reads the time now, to the whole second. asn1js writes a GeneralizedTime's
 * milliseconds without trailing zeros (`.12Z`), which @sigstore/core's parser (three digits or none)
 * rejects: with whole seconds the timestamp has no fraction. The mock reads the clock through the Date
 * methods, so this Date answers them with the current time.
 */
function wholeSecondClock(): Date {
  const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  return new Proxy(new Date(), {
    get(_target, property) {
      const current = now();
      const value = Reflect.get(current, property, current) as unknown;
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** The claims sigstore/fulcio's GitHub workflow principal refuses to certify without. */
const REQUIRED_GITHUB_CLAIMS = [
  'job_workflow_ref', 'sha', 'event_name', 'repository', 'workflow', 'ref', 'job_workflow_sha', 'runner_environment', 'repository_id',
  'repository_owner', 'repository_owner_id', 'repository_visibility', 'workflow_ref', 'workflow_sha', 'run_id', 'run_attempt',
] as const;

/** A TrustedRoot (sigstore protobuf-specs) naming the local services, as sigstore-js's mock-server assembles it. */
function trustedRootJson(material: {
  caRoot: ArrayBufferView;
  ctlogKey: Buffer;
  tlogKey: Buffer;
  tsaChain: ArrayBufferView[];
  urls: { fulcio: string; rekor: string; tsa: string };
}): unknown {
  const start = new Date(Date.now() - 60_000);
  const bytes = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  const authority = (certificates: ArrayBufferView[], uri: string, commonName: string) => ({
    subject: { commonName, organization: 'sigstore.mock' },
    uri,
    certChain: { certificates: certificates.map((certificate) => ({ rawBytes: bytes(certificate) })) },
    validFor: { start },
    operator: 'tagship tests',
  });
  const log = (key: Buffer, baseUrl: string) => ({
    baseUrl,
    logId: { keyId: createHash('sha256').update(key).digest() },
    hashAlgorithm: HashAlgorithm.SHA2_256,
    publicKey: { rawBytes: key, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
    checkpointKeyId: undefined,
    operator: 'tagship tests',
  });
  return TrustedRoot.toJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [authority([material.caRoot], material.urls.fulcio, 'sigstore')],
    ctlogs: [log(material.ctlogKey, material.urls.fulcio)],
    tlogs: [log(material.tlogKey, material.urls.rekor)],
    timestampAuthorities: [authority(material.tsaChain, material.urls.tsa, 'tsa')],
  });
}

function signJwt(header: object, payload: object, key: KeyObject): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = cryptoSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function toPem(der: ArrayBufferView): string {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Applies the next queued fault, if any, before the real handler. */
function withFaults(queue: Fault[], handler: Handler): Handler {
  return async (req, res) => {
    const fault = queue.shift();
    if (fault === undefined) return handler(req, res);
    if (fault === 'lost') {
      // Handled in full; the connection drops where the answer would start.
      res.writeHead = (() => res) as unknown as typeof res.writeHead;
      res.setHeader = (() => res) as unknown as typeof res.setHeader;
      res.end = (() => (req.socket.destroy(), res)) as unknown as typeof res.end;
      return handler(req, res);
    }
    await readBody(req);
    if (fault === 'stall') return; // never answers; close() drops the connection
    if (fault === 'reset') return void req.socket.destroy();
    json(res, fault, { code: 14, message: fault === 503 ? 'service unavailable' : 'internal error' });
  };
}

async function listen(handler: Handler): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json');
}

function send(res: ServerResponse, status: number, body: string | ArrayBufferView, contentType = 'application/json'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
  res.end(bytes);
}

export interface TufRepository {
  /** The repository's base URL (the TUF mirror). */
  url: string;
  /** Its root.json, the one a client pins. */
  root: unknown;
  /** Target files served, by name; change one after start to serve content the metadata does not sign. */
  targets: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A TUF repository over HTTP, as Sigstore and GitHub publish their trusted roots (tuf-repo-cdn.sigstore.dev,
 * tuf-repo.github.com): root, timestamp, snapshot and targets metadata signed with one ed25519 key
 * (TUF spec 1.0, no consistent snapshots), and the target files under /targets/.
 */
export async function startTufRepository(targets: Record<string, string>): Promise<TufRepository> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('hex');
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } };
  const keyid = createHash('sha256').update(canonicalize(key)).digest('hex');
  const expires = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const common = { spec_version: '1.0.31', version: 1, expires };
  const signed = (body: object) => ({ signed: body, signatures: [{ keyid, sig: cryptoSign(null, Buffer.from(canonicalize(body)), privateKey).toString('hex') }] });
  const role = { keyids: [keyid], threshold: 1 };
  const root = signed({ _type: 'root', ...common, keys: { [keyid]: key }, roles: { root: role, timestamp: role, snapshot: role, targets: role }, consistent_snapshot: false });
  const served = { ...targets };
  const targetsMeta = signed({
    _type: 'targets',
    ...common,
    targets: Object.fromEntries(
      Object.entries(targets).map(([name, content]) => [name, { length: Buffer.byteLength(content), hashes: { sha256: createHash('sha256').update(content).digest('hex') } }]),
    ),
  });
  const snapshot = signed({ _type: 'snapshot', ...common, meta: { 'targets.json': { version: 1 } } });
  const timestamp = signed({ _type: 'timestamp', ...common, meta: { 'snapshot.json': { version: 1 } } });
  const metadata: Record<string, unknown> = { '1.root.json': root, 'root.json': root, 'timestamp.json': timestamp, 'snapshot.json': snapshot, 'targets.json': targetsMeta };
  const server = await listen((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
    if (path.startsWith('targets/') && served[path.slice('targets/'.length)] !== undefined) return send(res, 200, served[path.slice('targets/'.length)]!);
    if (metadata[path] !== undefined) return json(res, 200, metadata[path]);
    json(res, 404, { message: 'not found' });
  });
  return { url: server.url, root, targets: served, close: server.close };
}
