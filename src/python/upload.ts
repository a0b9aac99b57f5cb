import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { MAX_ASSET_BYTES, readNamedFile } from '../project/files.js';
import { describeProgress } from '../net/http.js';
import type { Distribution } from './distributions.js';
import { refusalReason, send, type PypiHttp } from './http.js';
import { metadataFormFields } from './metadata.js';
import type { PypiCredentials } from './auth.js';
import type { PepAttestation } from './attestation.js';

/**
 * An upload may carry a large wheel over a slow link: a generous timeout per attempt. A stalled one
 * fails long before it: no bytes taken for two minutes (net/http's idle timeout) ends the attempt.
 */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

/**
 * The legacy upload API's form (what twine sends): the file's own metadata, its digests and the file.
 * FormData with a Blob is re-sent whole on every retry.
 */
export function uploadForm(file: Distribution, bytes: Uint8Array, attestation?: PepAttestation): FormData {
  const form = new FormData();
  form.append(':action', 'file_upload');
  form.append('protocol_version', '1');
  for (const [name, value] of metadataFormFields(file.metadata)) form.append(name, value);
  form.append('filetype', file.filetype);
  form.append('pyversion', file.pyversion);
  form.append('md5_digest', file.md5);
  form.append('sha256_digest', file.sha256);
  form.append('blake2_256_digest', file.blake2_256);
  // PEP 740 / PyPI's upload API: a JSON list of attestation objects (what `twine upload --attestations` sends).
  if (attestation) form.append('attestations', JSON.stringify([attestation]));
  form.append('content', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), file.filename);
  return form;
}

export type UploadResult = 'uploaded' | 'unchanged';

export interface UploadTarget {
  repositoryUrl: string;
  indexName: string;
  credentials: PypiCredentials;
  /** The index's sha256 of a file name, looked up when the index says the name is taken. */
  indexedSha256: (filename: string) => Promise<string | undefined>;
  /** Progress lines of large files (every tenth of the bytes). */
  log?: (message: string) => void;
}

/** Uploads one file. The index taking the same bytes twice is fine; different bytes under a taken name never are. */
export async function uploadFile(cwd: string, file: Distribution, target: UploadTarget, http: PypiHttp, attestation?: PepAttestation): Promise<UploadResult> {
  // A regular file under the cap; the digest comparison below proves it is the file the build step checked.
  const bytes = readNamedFile(join(cwd, file.path), file.path, { maxBytes: MAX_ASSET_BYTES });
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
    throw new UserError(`${file.path} changed after the build step read it: something else writes to the output directory. Re-run.`);
  }
  const response = await send(http, target.repositoryUrl, {
    method: 'POST',
    headers: { accept: 'application/json', authorization: await target.credentials.authorization(), 'user-agent': 'tagship' },
    body: uploadForm(file, bytes, attestation),
    retry: { timeoutMs: UPLOAD_TIMEOUT_MS },
    onProgress: (progress) => target.log?.(`${file.filename}: ${describeProgress(progress)}`),
  });
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return 'uploaded';
  }
  const reason = await refusalReason(response);
  if (response.status === 400 && /already exists/i.test(reason)) {
    if ((await target.indexedSha256(file.filename)) === file.sha256) return 'unchanged';
    throw changedFileError(file.filename, target.indexName);
  }
  if (response.status === 400 && /already been used|previously/i.test(reason)) {
    throw new UserError(`${file.filename} was uploaded to ${target.indexName} before and deleted; an index never takes a file name twice: release a new version.`);
  }
  if (response.status === 400 && /^Invalid attestations supplied/i.test(reason)) {
    throw new UserError(
      `${target.indexName} refused the attestation of ${file.filename} (${reason}); the file was not uploaded. PyPI checks the signer is the project's trusted publisher (repository and workflow file) and the subject is this file: fix the publisher or the attestation and re-run, or set attestations.pypi to false.`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new UserError(`${target.indexName} refused the upload of ${file.filename} (HTTP ${response.status}: ${reason}). It was made with ${target.credentials.describe}.`);
  }
  throw new UserError(`${target.indexName} refused ${file.filename} (HTTP ${response.status}: ${reason}).`);
}

export function changedFileError(filename: string, indexName: string): UserError {
  return new UserError(
    `${filename} is already on ${indexName} with different contents; PyPI never accepts changed files under an existing name: release a new version (nothing was uploaded for this file).`,
  );
}
