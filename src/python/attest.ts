import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { ExecutionContext } from '../execute/types.js';
import type { PypiUploadStep } from '../plan/steps/python.js';
import { readNamedFile } from '../project/files.js';
import { canMintIdToken } from '../sigstore/id-token.js';
import type { AttestationRecord } from '../sigstore/record.js';
import { attestationFromBundle, attestationLogIndex, attestationStatement, isPepAttestation, provenanceUrl, PUBLISH_ATTESTATION_SUFFIX, PYPI_PUBLISH_PREDICATE, type PepAttestation } from './attestation.js';
import type { PypiCredentials } from './auth.js';
import type { Distribution } from './distributions.js';

/** One file's publish attestation, ready for the upload form. */
export interface FileAttestation {
  attestation: PepAttestation;
  logIndex?: string;
  /** `signed`: made by this step; `prebuilt`: the `<dist>.publish.attestation` a build job left beside it. */
  source: 'signed' | 'prebuilt';
}

const MAX_ATTESTATION_BYTES = 1024 * 1024;

/** Retries of Fulcio, Rekor and the TSA (signStatement's defaults when absent). */
export interface SigningRetry {
  retries?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

/**
 * The publish attestation of every file about to be uploaded, all made before the first upload: a
 * signing failure (Fulcio or Rekor down, no OIDC token) stops the step with nothing uploaded, so no
 * file reaches the index without the attestation the summary would claim.
 *
 * PyPI takes attestations only from a trusted publisher (warehouse `_extract_attestations_from_request`),
 * so an upload with an API token carries none: said once, or an error when attestations are required.
 * Undefined: upload without attestations.
 */
export async function publishAttestations(files: Distribution[], step: PypiUploadStep, credentials: PypiCredentials, ctx: ExecutionContext, retry: SigningRetry = {}): Promise<Map<string, FileAttestation> | undefined> {
  const wanted = step.attestation;
  if (!wanted || !files.length) return undefined;
  if (credentials.method !== 'trusted-publishing') {
    const why = "PyPI takes PEP 740 attestations only with trusted publishing, and this upload uses the 'pypi-token' input";
    const how = `configure this workflow as the project's trusted publisher on ${new URL(step.indexUrl).host} and give the job \`permissions: id-token: write\``;
    if (wanted.required) throw new UserError(`attestations.enabled is true, but ${why}: ${how}, or set attestations.pypi to false. Nothing was uploaded.`);
    // Without an OIDC token at all, preflight already said once that nothing is signed this run.
    if (!canMintIdToken(ctx.env)) return undefined;
    ctx.runner.warning(`${why}: ${files.map((f) => f.filename).join(', ')} are uploaded without attestations. To attest them, ${how} (attestations.pypi: false silences this).`);
    return undefined;
  }
  const attested = new Map<string, FileAttestation>();
  const toSign: Distribution[] = [];
  for (const file of files) {
    const prebuilt = readPrebuiltAttestation(ctx.cwd, file);
    if (prebuilt) attested.set(file.filename, { attestation: prebuilt, logIndex: attestationLogIndex(prebuilt), source: 'prebuilt' });
    else toSign.push(file);
  }
  if (toSign.length) {
    // The Sigstore libraries load only here, in the step that signs.
    const [{ idTokenFor }, { signStatement }, { inTotoStatement }] = await Promise.all([import('../sigstore/id-token.js'), import('../sigstore/sign.js'), import('../sigstore/statement.js')]);
    // `auto` and the runner refusing a `sigstore` token: upload unattested (preflight has said why); required: one error line.
    const idToken = await idTokenFor(wanted, ctx.env, ctx.signal);
    if (idToken === undefined) return attested.size ? attested : undefined;
    ctx.runner.mask(idToken);
    for (const file of toSign) {
      // PyPI's publish/v1 predicate: no schema, `{}` or null (docs.pypi.org/attestations/publish/v1).
      const statement = inTotoStatement([{ name: file.filename, digest: { sha256: file.sha256 } }], PYPI_PUBLISH_PREDICATE, {});
      const signed = await signStatement(statement, { instance: wanted.instance, idToken, signal: ctx.signal, ...retry });
      let attestation: PepAttestation;
      try {
        attestation = attestationFromBundle(signed.bundle);
      } catch (error) {
        throw new UserError(`Cannot make the PEP 740 attestation of ${file.filename}: ${(error as Error).message}. Nothing was uploaded.`);
      }
      attested.set(file.filename, { attestation, logIndex: signed.logIndex ?? attestationLogIndex(attestation), source: 'signed' });
      ctx.runner.info(`✓ attested ${file.filename} (sha256 ${file.sha256})${signed.logIndex ? `, transparency log entry ${signed.logIndex}` : ''}`);
    }
  }
  return attested;
}

/**
 * twine's convention: `<dist>.publish.attestation` beside the dist, made by a build job of the same
 * workflow (PyPI checks the signer is the trusted publisher's workflow). One that attests other bytes
 * stops the step: uploading the file without it, or with it, would not be what the build job meant.
 */
function readPrebuiltAttestation(cwd: string, file: Distribution): PepAttestation | undefined {
  const path = `${file.path}${PUBLISH_ATTESTATION_SUFFIX}`;
  if (!existsSync(join(cwd, path))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readNamedFile(join(cwd, path), path, { maxBytes: MAX_ATTESTATION_BYTES }).toString('utf8'));
  } catch (error) {
    throw new UserError(`${path} is not a PEP 740 attestation (${error instanceof Error ? error.message : String(error)}): remove it to have this step sign ${file.filename}, or re-run the build job. Nothing was uploaded.`);
  }
  if (!isPepAttestation(value)) throw new UserError(`${path} is not a PEP 740 attestation object: remove it to have this step sign ${file.filename}, or re-run the build job. Nothing was uploaded.`);
  const { subjects, predicateType } = attestationStatement(value);
  const subject = subjects[0];
  if (subjects.length !== 1 || subject?.name !== file.filename || subject.sha256 !== file.sha256 || predicateType !== PYPI_PUBLISH_PREDICATE) {
    const says = subject ? `${subject.name ?? '?'} sha256 ${subject.sha256 ?? '?'}` : 'no subject';
    throw new UserError(
      `${path} attests ${says} (${predicateType ?? 'no predicate type'}), not this ${file.filename} (sha256 ${file.sha256}) as a publish attestation: the build job's attestation and file no longer match. Remove the attestation to have this step sign the file, or rebuild both; nothing was uploaded.`,
    );
  }
  return value;
}

/** What the summary lists for the files uploaded with an attestation. */
export function attestationRecords(step: PypiUploadStep, project: string, uploaded: Distribution[], attested: Map<string, FileAttestation> | undefined): AttestationRecord[] {
  if (!attested) return [];
  return uploaded.flatMap((file) => {
    const made = attested.get(file.filename);
    if (!made) return [];
    return [
      {
        subject: file.filename,
        digest: `sha256:${file.sha256}`,
        predicateType: PYPI_PUBLISH_PREDICATE,
        store: 'pypi' as const,
        ...(made.logIndex ? { logIndex: made.logIndex } : {}),
        url: provenanceUrl(step.indexUrl, project, step.version, file.filename),
      },
    ];
  });
}
