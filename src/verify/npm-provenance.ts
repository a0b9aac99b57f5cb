import { UserError } from '../errors.js';
import { request } from '../net/http.js';
import { onNpmjs, packumentUrl } from '../npm/links.js';
import type { VerifyNpmStep } from '../plan/steps/verify.js';
import type { ReportedAttestation } from '../execute/attested.js';
import { SLSA_PROVENANCE_V1 } from '../sigstore/statement.js';
import { expectedSigner, loadTrustedRoot, verifyBundle } from '../sigstore/verify.js';

/**
 * npm provenance read back the way `npm audit signatures` reads it (pacote's registry fetcher): the
 * packument's `versions[v].dist.attestations` = `{ url, provenance: { predicateType } }`, then that URL
 * (on the registry's own host) answering `{ attestations: [{ predicateType, bundle }] }`. The SLSA
 * bundle's subject must be `pkg:npm/<name>@<version>` with the sha512 of the tarball (`dist.integrity`).
 * Beyond npm's own check, the signer must be this repository at this ref: a valid bundle from another
 * repository's workflow is not this release's provenance.
 */

/** What the publish step of this run says it did (absent when another job or an earlier run published). */
export interface PublishedByThisRun {
  /** Whether npm was asked for provenance on the publish that went through. */
  provenance?: boolean;
  /** `sha512-<base64>` of the tarball published. */
  integrity?: string;
}

export interface ProvenanceDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  token?: string;
  published?: PublishedByThisRun;
  signal?: AbortSignal;
}

export type ProvenanceResult =
  | { state: 'verified'; line: string; record: ReportedAttestation }
  /** No provenance, and none was to be expected here: `line` says why (shown as the step's notice). */
  | { state: 'absent'; line: string; warn: boolean };

interface VersionDist {
  integrity?: string;
  attestations?: { url?: string; provenance?: { predicateType?: string } };
}

/** Text from the registry in a message: short, quoted, one line. */
const quoted = (text: string) => JSON.stringify(text.length > 100 ? `${text.slice(0, 99)}…` : text);

/** The package URL npm signs as the subject name (npm-package-arg's `toPurl`: a scope's `@` encoded). */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
}

export async function checkNpmProvenance(step: VerifyNpmStep, deps: ProvenanceDeps): Promise<ProvenanceResult> {
  const spec = `${step.package}@${step.version}`;
  const dist = await readVersionDist(step, deps);
  if (!dist.attestations?.url) return noProvenance(step, deps.published);

  const integrity = dist.integrity ?? '';
  if (!integrity.startsWith('sha512-')) {
    throw new UserError(`${spec} lists provenance on ${step.registry}, but no sha512 integrity (\`dist.integrity\` is ${integrity ? `\`${integrity.slice(0, 16)}…\`` : 'missing'}) to check its subject against. Nothing was unpublished; ask the registry's operator.`);
  }
  if (deps.published?.integrity && deps.published.integrity !== integrity) {
    throw new UserError(`${step.registry} serves ${spec} with integrity ${integrity.slice(0, 20)}…, not the ${deps.published.integrity.slice(0, 20)}… this run published: its provenance would vouch for other bytes. Check the registry (\`npm view ${spec} dist\`) before anyone installs it.`);
  }
  const sha512 = Buffer.from(integrity.slice('sha512-'.length), 'base64').toString('hex');
  const listed = dist.attestations.provenance?.predicateType;
  if (listed && listed !== SLSA_PROVENANCE_V1) {
    throw new UserError(`${spec} on ${step.registry} lists provenance of type ${quoted(listed)}, not ${SLSA_PROVENANCE_V1} (what npm writes from GitHub Actions): publish from the GitHub Actions workflow with provenance.`);
  }

  const url = attestationsUrl(step.registry, dist.attestations.url);
  const bundle = await readProvenanceBundle(url, spec, deps);
  const trustedRoot = await loadTrustedRoot(step.provenance.sigstore, deps.cwd);
  const verified = await verifyBundle(
    bundle,
    { signer: expectedSigner(deps.env), predicateType: SLSA_PROVENANCE_V1, subjects: [{ name: npmPurl(step.package, step.version), digest: { sha512 } }], instance: step.provenance.sigstore.name },
    trustedRoot,
  ).catch((error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    // The check that failed, without the signer's advice: an npm version cannot be signed again.
    const check = error.message.replace(/^Attestation check failed: /, '').replace(/\.? Do not trust this attestation;.*$/, '');
    throw new UserError(
      `The provenance of ${spec} on ${step.registry} does not verify: ${check}. Do not trust this version (\`npm deprecate ${spec} "provenance does not verify"\`) and release the next one from this workflow with provenance.`,
      undefined,
      { cause: error },
    );
  });
  const record: ReportedAttestation = {
    subject: spec,
    digest: `sha512:${sha512}`,
    predicateType: SLSA_PROVENANCE_V1,
    store: 'npm',
    ...(verified.logIndex ? { logIndex: verified.logIndex, instance: step.provenance.sigstore.name } : {}),
    url: onNpmjs(step.registry) ? `https://www.npmjs.com/package/${step.package}/v/${step.version}#provenance` : url,
  };
  const log = verified.logIndex ? ` (transparency log entry ${verified.logIndex})` : '';
  return { state: 'verified', line: `provenance verified: signed by ${verified.certificateIdentity}${log}`, record };
}

/**
 * Why the version shows no provenance, as one line. A failure only where it should be there: the
 * public registry (the only one that stores it) after a publish that asked npm for it.
 */
function noProvenance(step: VerifyNpmStep, published: PublishedByThisRun | undefined): ProvenanceResult {
  const spec = `${step.package}@${step.version}`;
  const requested = step.provenance.requested === true || published?.provenance === true;
  if (!step.provenance.stored) {
    return { state: 'absent', warn: requested, line: `no provenance to check: ${step.registry} does not store it (only the public npm registry, registry.npmjs.org, does)` };
  }
  if (requested) {
    throw new UserError(
      `${spec} was published with provenance requested, but ${step.registry} shows no attestations for it: npm sent no provenance bundle with it. A version cannot be published again: see the npm-publish step's log for why, and release the next version with provenance.`,
    );
  }
  if (step.provenance.requested === false) return { state: 'absent', warn: false, line: 'no provenance: npm.provenance is false' };
  if (published?.provenance === false) return { state: 'absent', warn: false, line: 'no provenance: npm could not attach it (the npm-publish step warned why)' };
  return { state: 'absent', warn: false, line: 'no provenance: it was published without (npm.provenance auto asks for it only with `id-token: write` and public access)' };
}

/** The attestations URL on the registry's own host (as pacote does): only its path is taken from the document. */
function attestationsUrl(registry: string, listed: string): string {
  const path = new URL(listed, registry);
  return new URL(`${path.pathname}${path.search}`, registry).href;
}

async function readVersionDist(step: VerifyNpmStep, deps: ProvenanceDeps): Promise<VersionDist> {
  const url = packumentUrl(step.registry, step.package);
  const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8', ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}) };
  const response = await request(url, { headers, signal: deps.signal, retry: { retries: 3, timeoutMs: 30_000 } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`${url} answered HTTP ${response.status} when read again for ${step.package}@${step.version}'s provenance; re-run the verify stage.`);
  }
  const doc = (await response.json()) as { versions?: Record<string, { dist?: VersionDist }> };
  return doc.versions?.[step.version]?.dist ?? {};
}

async function readProvenanceBundle(url: string, spec: string, deps: ProvenanceDeps): Promise<unknown> {
  const headers = { accept: 'application/json', ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}) };
  const response = await request(url, { headers, signal: deps.signal, retry: { retries: 3, timeoutMs: 30_000 } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`${spec} lists provenance, but ${url} answers HTTP ${response.status}; re-run the verify stage.`);
  }
  const doc = (await response.json().catch(() => ({}))) as { attestations?: Array<{ predicateType?: string; bundle?: unknown }> };
  const provenance = doc.attestations?.find((a) => a.predicateType === SLSA_PROVENANCE_V1 && a.bundle);
  if (!provenance) {
    const types = (doc.attestations ?? []).map((a) => quoted(String(a.predicateType))).join(', ') || 'none';
    throw new UserError(`${spec} lists provenance, but ${url} holds no ${SLSA_PROVENANCE_V1} bundle (attestations: ${types}); re-run the verify stage, and if it persists publish the next version with provenance.`);
  }
  return provenance.bundle;
}
