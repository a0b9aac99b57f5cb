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
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initializeCA, initializeCTLog } from '@sigstore/mock';
import { startFulcio } from './sigstore/fulcio.js';
import type { Fault } from './sigstore/http.js';
import { startRekor } from './sigstore/rekor.js';
import type { RunnerOidc } from './sigstore/runner-oidc.js';
import { trustedRootJson } from './sigstore/trusted-root.js';
import { startTsa } from './sigstore/tsa.js';

export type { Fault } from './sigstore/http.js';
export { GITHUB_ACTIONS_ISSUER, githubClaims, startRunnerOidc, type RunnerOidc } from './sigstore/runner-oidc.js';
export { startTufRepository, type TufRepository } from './sigstore/tuf.js';

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

export async function startLocalSigstore(oidc: RunnerOidc): Promise<LocalSigstore> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(keyPair);
  const ca = await initializeCA(keyPair, ctlog);
  const faults: LocalSigstore['faults'] = { fulcio: [], rekor: [], tsa: [] };
  const counts = { certificates: 0, entries: 0, timestamps: 0 };
  const fulcio = await startFulcio(ca, oidc, faults.fulcio, counts);
  const rekor = await startRekor(keyPair, faults.rekor, counts);
  const tsaServer = await startTsa(keyPair, faults.tsa, counts);
  const { tlog } = rekor;
  const { tsa } = tsaServer;

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
