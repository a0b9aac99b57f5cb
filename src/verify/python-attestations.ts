import { UserError } from '../errors.js';
import { request } from '../net/http.js';
import type { VerifyPythonStep } from '../plan/steps/verify.js';
import { attestationStatement, bundleFromAttestation, provenanceUrl, PYPI_PUBLISH_PREDICATE, type PepProvenance } from '../python/attestation.js';
import type { AttestationRecord } from '../sigstore/record.js';

export interface PythonAttestationDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** sha256 by file name of what this run uploaded with an attestation (the upload step's records). */
  attestedByThisRun: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

export interface PythonAttestationResult {
  verified: AttestationRecord[];
  /** Files on the index without provenance that no one required to have it (uploaded with a token). */
  unattested: string[];
}

const INTEGRITY_JSON = 'application/vnd.pypi.integrity.v1+json';

/**
 * Checks every file of the version the way a user would, from the outside: its provenance from the
 * Integrity API, the publish attestation in it verified with Sigstore against the instance's trusted
 * root, signed by this repository's workflow (issuer, source repository, ref), for this file's name and
 * the sha256 the index lists. A file without provenance fails when this run attested it, when
 * attestations are required, or when other files of the version have one; otherwise (all uploaded
 * with a token) it is listed as not attested.
 */
export async function verifyPythonAttestations(step: VerifyPythonStep, deps: PythonAttestationDeps): Promise<PythonAttestationResult> {
  const want = step.attestations;
  if (!want) return { verified: [], unattested: [] };
  const indexName = new URL(want.indexUrl).host;
  const files = await publishedFiles(want.indexUrl, step.project, step.version, deps.signal);
  const published = `${step.project} ${step.version} was published, but`;
  const keep = 'Nothing was unpublished (files on an index never change): fix it in a new version.';

  const { expectedSigner, loadTrustedRoot, verifyBundle } = await import('../sigstore/verify.js');
  const signer = expectedSigner(deps.env);
  let trustedRoot: unknown;
  const verified: AttestationRecord[] = [];
  const unattested: string[] = [];
  for (const [filename, sha256] of files) {
    const ours = deps.attestedByThisRun.get(filename);
    if (ours !== undefined && ours !== sha256) {
      throw new UserError(`${published} ${indexName} lists ${filename} with sha256 ${sha256}, not the ${ours} this run uploaded and attested. ${keep}`);
    }
    const url = provenanceUrl(want.indexUrl, step.project, step.version, filename);
    const provenance = await fetchProvenance(url, deps.signal);
    if (!provenance) {
      if (ours !== undefined || want.required) {
        throw new UserError(
          `${published} ${indexName} has no PEP 740 provenance for ${filename} (GET ${url} → 404): the upload's attestation did not reach the index. ${keep} Upload it with trusted publishing and attestations on.`,
        );
      }
      unattested.push(filename);
      continue;
    }
    const attestation = provenance.attestation_bundles
      .flatMap((bundle) => bundle.attestations ?? [])
      .find((a) => attestationStatement(a).predicateType === PYPI_PUBLISH_PREDICATE);
    if (!attestation) throw new UserError(`${published} the provenance of ${filename} on ${indexName} (${url}) holds no publish attestation (${PYPI_PUBLISH_PREDICATE}). ${keep}`);
    trustedRoot ??= await loadTrustedRoot(want.instance, deps.cwd);
    try {
      const result = await verifyBundle(bundleFromAttestation(attestation), { signer, predicateType: PYPI_PUBLISH_PREDICATE, subjects: [{ name: filename, digest: { sha256 } }] }, trustedRoot);
      verified.push({ subject: filename, digest: `sha256:${sha256}`, predicateType: PYPI_PUBLISH_PREDICATE, store: 'pypi', ...(result.logIndex ? { logIndex: result.logIndex } : {}), url });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // The check that failed, without the general advice to sign again: a file on an index cannot be re-attested.
      const check = error.message.match(/^(Attestation check failed: .*?)\. Do not trust/)?.[1] ?? error.message.replace(/\.$/, '');
      throw new UserError(`${published} the publish attestation of ${filename} on ${indexName} does not verify (${check}). Do not trust this file; ${keep.charAt(0).toLowerCase()}${keep.slice(1)}`, undefined, { cause: error });
    }
  }
  // One upload attests all its files or none: some with provenance and some without means one was lost.
  if (verified.length && unattested.length) {
    throw new UserError(`${published} ${unattested.join(', ')} on ${indexName} ${unattested.length === 1 ? 'has' : 'have'} no PEP 740 provenance while ${verified.map((r) => r.subject).join(', ')} ${verified.length === 1 ? 'has' : 'have'} a verified one. ${keep}`);
  }
  return { verified, unattested };
}

/** File name → sha256 of the version's files, from the JSON API (what pip and users download). */
async function publishedFiles(indexUrl: string, project: string, version: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const url = `${indexUrl}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
  const response = await request(url, { headers: { accept: 'application/json' }, retry: { retries: 3, timeoutMs: 30_000 }, signal }).catch((error: unknown) => {
    throw new UserError(`Cannot list the files of ${project} ${version} on ${indexUrl} to check their attestations (${error instanceof Error ? error.message : String(error)}). Re-run the verify stage.`);
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`Cannot list the files of ${project} ${version} on ${indexUrl} to check their attestations (GET ${url} → HTTP ${response.status}). Re-run the verify stage once the index lists them.`);
  }
  const body = (await response.json()) as { urls?: Array<{ filename?: string; digests?: { sha256?: string } }> };
  const files = new Map<string, string>();
  for (const file of body.urls ?? []) if (file.filename && file.digests?.sha256) files.set(file.filename, file.digests.sha256.toLowerCase());
  return files;
}

/** The Integrity API's provenance object; undefined on 404 (no provenance). */
async function fetchProvenance(url: string, signal?: AbortSignal): Promise<PepProvenance | undefined> {
  const response = await request(url, { headers: { accept: INTEGRITY_JSON }, retry: { retries: 3, timeoutMs: 30_000 }, signal }).catch((error: unknown) => {
    throw new UserError(`Cannot read ${url} (${error instanceof Error ? error.message : String(error)}). Re-run the verify stage.`);
  });
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`Cannot read ${url} (HTTP ${response.status}). Re-run the verify stage.`);
  }
  const body = (await response.json().catch(() => undefined)) as PepProvenance | undefined;
  if (!body || !Array.isArray(body.attestation_bundles)) throw new UserError(`${url} is not a PEP 740 provenance object. Re-run the verify stage; if it stays so, the index serves something else there.`);
  return body;
}
