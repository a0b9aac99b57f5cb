import { join } from 'node:path';
import { UserError } from '../errors.js';
import { buildOutputRoots, MAX_ASSET_BYTES, readNamedFile } from '../project/files.js';
import type { ExecutionContext, OutcomeLink, StepExecutor, StepOutcome } from '../execute/types.js';
import { HttpError } from '../net/http.js';
import type { PypiUploadStep } from '../plan/steps/python.js';
import { attestationRecords, publishAttestations, type SigningRetry } from './attest.js';
import { pypiCredentials } from './auth.js';
import type { BuiltFiles } from './build.js';
import { readDistributions, type Distribution } from './distributions.js';
import { defaultPypiHttp, type PypiHttp } from './http.js';
import { indexedFiles, publishedFile, type IndexedFiles } from './index-api.js';
import { adoptPublishedSdist } from './rebuilt-sdist.js';
import { selectDistributions, selectPrebuilt } from './select.js';
import { changedFileError, uploadFile } from './upload.js';

export interface PypiUploadOptions {
  http?: PypiHttp;
  now?: () => number;
  /** How signing retries Fulcio/Rekor (tests shorten the waits). */
  signing?: SigningRetry;
}

/**
 * The PyPI upload: every file of the release exactly once. It asks the index what it already has
 * first, skips files it holds with the same digest, and stops before uploading anything when one is
 * there with other bytes. A failure part-way names what is up and what is not; a re-run resumes.
 */
export function createPypiUploadExecutor(options: PypiUploadOptions = {}): StepExecutor<'pypi-upload'> {
  return async (step, ctx) => {
    const http: PypiHttp = { ...(options.http ?? defaultPypiHttp) };
    http.onRetry ??= (n) => ctx.runner.info(`${n.url}: ${n.reason}; retrying in ${(n.delayMs / 1000).toFixed(1)} s (attempt ${n.attempt + 1})`);
    // The index is asked while the files are read, when the plan already names the project.
    const early = step.project ? indexedFiles(step.indexUrl, step.project, step.version, http) : undefined;
    early?.catch(() => undefined);
    let files = await releaseFiles(step, ctx);
    const project = step.project ?? files[0]!.name;
    const indexName = new URL(step.indexUrl).host;

    let indexed = await (early ?? indexedFiles(step.indexUrl, project, step.version, http));
    if (!indexed) ctx.runner.warning(`${step.indexUrl} has no JSON API for ${project} ${step.version}: each file's upload answer is checked instead.`);
    for (const file of files) {
      const sha = indexed?.get(file.filename);
      if (sha === undefined || sha === file.sha256) continue;
      const adopted = file.filetype === 'sdist' ? await adoptRebuiltSdist(step.indexUrl, project, step.version, file, ctx, http) : undefined;
      if (!adopted) throw changedFileError(file.filename, indexName);
      files = files.map((f) => (f === file ? adopted : f));
      ctx.runner.info(`= ${file.filename}: rebuilt with new timestamps, same files as on ${indexName}; kept the published one in ${step.distDir}/`);
    }
    const pending = files.filter((file) => indexed?.get(file.filename) !== file.sha256);
    const unchanged = files.filter((file) => !pending.includes(file)).map((f) => f.filename);
    const links = (names: string[]): OutcomeLink[] => names.map((name) => ({ label: name, url: `${projectPage(step.indexUrl, project, step.version)}#files` }));
    if (!pending.length) {
      return {
        id: step.id,
        status: 'unchanged',
        detail: `${project} ${step.version} is already on ${indexName}: ${unchanged.join(', ')}`,
        links: links(unchanged),
        produced: { project, version: step.version, uploaded: [], unchanged, url: projectPage(step.indexUrl, project, step.version), attestations: [] },
      };
    }

    const credentials = await pypiCredentials({ indexUrl: step.indexUrl, env: ctx.env, token: ctx.secrets['pypi-token'], runner: ctx.runner, http, now: options.now });
    // Every attestation is made before the first upload: nothing goes up without the one it should carry.
    const attested = await publishAttestations(pending, step, credentials, ctx, options.signing);
    const uploaded: string[] = [];
    const target = {
      repositoryUrl: step.repositoryUrl,
      indexName,
      credentials,
      // Asked again after a "File already exists": the first answer may predate an interrupted upload.
      indexedSha256: async (filename: string) => (indexed = (await indexedFiles(step.indexUrl, project, step.version, http)) ?? indexed)?.get(filename),
      log: (message: string) => ctx.runner.info(message),
    };
    for (const file of pending) {
      try {
        const attestation = attested?.get(file.filename)?.attestation;
        const result = await uploadFile(ctx.cwd, file, target, http, attestation);
        (result === 'uploaded' ? uploaded : unchanged).push(file.filename);
        const withAttestation = result === 'uploaded' && attestation ? ', with its publish attestation' : '';
        ctx.runner.info(`${result === 'uploaded' ? '✓ uploaded' : '= already there:'} ${file.filename} (${file.size} bytes, sha256 ${file.sha256}${withAttestation})`);
      } catch (error) {
        // The failed upload's answer may be what was lost: ask the index what it holds before saying.
        const listed = await indexedFiles(step.indexUrl, project, step.version, http).catch(() => undefined);
        throw partialFailure(error, file, files, [...uploaded, ...unchanged], listed, indexName);
      }
    }
    // Only files this run uploaded carry its attestations: one already there kept what it had (PyPI answers 200 and stores none).
    const attestations = attestationRecords(step, project, files.filter((f) => uploaded.includes(f.filename)), attested);
    const parts = [
      uploaded.length ? `uploaded ${uploaded.join(', ')}` : '',
      attestations.length ? `with PEP 740 publish attestations: ${attestations.map((a) => a.subject).join(', ')}` : '',
      unchanged.length ? `already there: ${unchanged.join(', ')}` : '',
    ].filter(Boolean);
    const outcome: StepOutcome = {
      id: step.id,
      status: uploaded.length ? 'done' : 'unchanged',
      detail: `${project} ${step.version} on ${indexName} (${credentials.method}): ${parts.join('; ')}`,
      links: links([...uploaded, ...unchanged]),
      produced: { project, version: step.version, uploaded, unchanged, url: projectPage(step.indexUrl, project, step.version), attestations },
    };
    return outcome;
  };
}

export const executePypiUpload = createPypiUploadExecutor();

/** The project's page for a version: `https://pypi.org/project/<name>/<version>/`. */
export function projectPage(indexUrl: string, project: string, version: string): string {
  return `${indexUrl}/project/${encodeURIComponent(project)}/${encodeURIComponent(version)}/`;
}

/** The published sdist in place of a rebuilt one with the same files (src/python/rebuilt-sdist.ts). */
async function adoptRebuiltSdist(indexUrl: string, project: string, version: string, file: Distribution, ctx: ExecutionContext, http: PypiHttp): Promise<Distribution | undefined> {
  const published = await publishedFile(indexUrl, project, version, file.filename, http);
  return published && adoptPublishedSdist(ctx.cwd, file, published, readNamedFile(join(ctx.cwd, file.path), file.path, { maxBytes: MAX_ASSET_BYTES }), http);
}

/** The build step's files of this run, or (when it ran in another job) the dist directory read again. */
async function releaseFiles(step: PypiUploadStep, ctx: ExecutionContext): Promise<Distribution[]> {
  if (step.prebuilt) {
    // Built in other jobs and handed over as artifacts: every file there must be this release's.
    const files = selectPrebuilt(await readDistributions(ctx.cwd, step.distDir, buildOutputRoots(ctx.env), 'python.dist'), { project: step.project, version: step.version, dir: step.distDir });
    ctx.runner.info(`Uploading ${files.length} prebuilt file${files.length === 1 ? '' : 's'} from ${step.distDir}/ (python.dist; nothing is built): ${files.map((f) => f.filename).join(', ')}`);
    return files;
  }
  const built = step.buildStep ? (ctx.outcomes.get(step.buildStep)?.produced as BuiltFiles | undefined) : undefined;
  if (built?.files?.length) return built.files;
  const found = await readDistributions(ctx.cwd, step.distDir, buildOutputRoots(ctx.env));
  const selection = selectDistributions(found, { project: step.project, version: step.version, dir: step.distDir, builtSince: Number.POSITIVE_INFINITY });
  if (selection.ignored.length) ctx.runner.info(`Not uploading files of other versions: ${selection.ignored.map((f) => f.filename).join(', ')}`);
  return selection.files;
}

/**
 * The failure line of an upload part-way: which of the release's files are on the index now, read
 * from the index after the failure (files it took before losing its answer count), and which are not.
 * When the index cannot be asked, the failed file's state is said to be unknown rather than guessed.
 */
function partialFailure(error: unknown, failed: Distribution, files: Distribution[], confirmed: string[], listed: IndexedFiles | undefined, indexName: string): Error {
  const reason = error instanceof Error ? error.message : String(error);
  const on = files.filter((f) => confirmed.includes(f.filename) || listed?.get(f.filename) === f.sha256).map((f) => f.filename);
  const unknown = listed === undefined && !on.includes(failed.filename) ? [failed.filename] : [];
  const notOn = files.filter((f) => !on.includes(f.filename) && !unknown.includes(f.filename)).map((f) => f.filename);
  const state = [
    `On ${indexName} now: ${on.length ? on.join(', ') : 'none of this release’s files'}`,
    unknown.length ? `unknown (the index could not be asked after the failure): ${unknown.join(', ')}` : '',
    notOn.length ? `not uploaded: ${notOn.join(', ')}` : '',
  ].filter(Boolean);
  const message =
    `Uploading ${failed.filename} failed: ${reason.replace(/\.?$/, '.')} ${state.join('; ')}. ` +
    'Re-running resumes: files already on the index are checked by digest and skipped.';
  return error instanceof UserError || error instanceof HttpError ? new UserError(message, undefined, { cause: error }) : new Error(message, { cause: error });
}
