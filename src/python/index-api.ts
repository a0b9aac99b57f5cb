import { UserError } from '../errors.js';
import { HttpError } from '../net/http.js';
import { send, type PypiHttp } from './http.js';

/** What the index already holds of one version: file name → sha256. */
export type IndexedFiles = Map<string, string>;

/**
 * The files of `project` `version` on the index, from PyPI's JSON API (`/pypi/<project>/<version>/json`).
 * A 404 means none. An index without the JSON API (`undefined`) is not an error: the upload answers
 * ("File already exists") are checked against it again file by file.
 */
export async function indexedFiles(indexUrl: string, project: string, version: string, http: PypiHttp): Promise<IndexedFiles | undefined> {
  const listed = await listedFiles(indexUrl, project, version, http);
  return listed && new Map([...listed].map(([name, file]) => [name, file.sha256]));
}

/** Where the index serves one file of the version, with its sha256; undefined when it does not list it. */
export async function publishedFile(indexUrl: string, project: string, version: string, filename: string, http: PypiHttp): Promise<{ url: string; sha256: string } | undefined> {
  return (await listedFiles(indexUrl, project, version, http))?.get(filename);
}

async function listedFiles(indexUrl: string, project: string, version: string, http: PypiHttp): Promise<Map<string, { url: string; sha256: string }> | undefined> {
  const url = `${indexUrl}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
  const response = await send(http, url, { headers: { accept: 'application/json' }, retry: { timeoutMs: 30_000 } }).catch((error: unknown) => {
    if (error instanceof HttpError) throw new UserError(`Cannot reach ${indexUrl} (${error.message}); nothing was uploaded. Re-run when the index answers.`, undefined, { cause: error });
    throw error;
  });
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return new Map();
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const body = (await response.json()) as { urls?: Array<{ filename?: string; url?: string; digests?: { sha256?: string } }> };
  const files = new Map<string, { url: string; sha256: string }>();
  for (const file of body.urls ?? []) {
    if (file.filename && file.digests?.sha256) files.set(file.filename, { url: new URL(file.url ?? '', `${indexUrl}/`).href, sha256: file.digests.sha256.toLowerCase() });
  }
  return files;
}
