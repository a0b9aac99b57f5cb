import { UserError } from '../errors.js';
import { HttpError, request, type RetryPolicy } from '../net/http.js';
import { packumentUrl } from './links.js';

// Defined with the links (no imports there): the notification links to a registry's document too.
export { packumentUrl };

/** What the registry says about one published version: enough to tell whether it is ours. */
export interface PublishedVersion {
  integrity?: string;
  shasum?: string;
}

/** The part of a packument the publisher reads. */
export interface Packument {
  distTags: Record<string, string>;
  versions: Record<string, PublishedVersion>;
}

export interface ReadPackumentOptions {
  token?: string;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  onRetry?: (reason: string) => void;
}

/**
 * Reads a package's packument; `undefined` when the registry has never heard of it. Asked without
 * credentials first (public packages, and a wrong token cannot hide them); a 404 is asked again with
 * the token, since a registry answers 404 for a private package it will not show anonymously.
 */
export async function readPackument(registry: string, name: string, options: ReadPackumentOptions = {}): Promise<Packument | undefined> {
  const anonymous = await fetchPackument(registry, name, undefined, options);
  if (anonymous !== 404 || !options.token) return anonymous === 404 ? undefined : anonymous;
  const authed = await fetchPackument(registry, name, options.token, options);
  if (authed === 404) return undefined;
  return authed;
}

async function fetchPackument(registry: string, name: string, token: string | undefined, options: ReadPackumentOptions): Promise<Packument | 404> {
  const url = packumentUrl(registry, name);
  // The abbreviated ("corgi") document carries dist-tags and each version's dist, without every readme.
  const headers: Record<string, string> = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await request(url, {
    headers,
    signal: options.signal,
    retry: { retries: 4, timeoutMs: 30_000, ...options.retry },
    onRetry: (notice) => options.onRetry?.(`${notice.reason}, retrying in ${notice.delayMs} ms`),
  }).catch((error: unknown) => {
    if (error instanceof HttpError) throw new UserError(`${registry} cannot be reached to read ${name}: ${error.message}. Re-run when the registry answers.`, undefined, { cause: error });
    throw error;
  });
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return 404;
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(
      `${registry} refuses to show ${name} (HTTP ${response.status}): ${token ? 'the npm token is wrong or cannot read this package' : 'the registry needs a token to read it: pass the npm-token input'}.`,
    );
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new UserError(`${registry} answered HTTP ${response.status} for ${name}'s packument${text ? `: ${text.slice(0, 200).replace(/\s+/g, ' ')}` : ''}. Re-run when the registry is healthy.`);
  }
  const doc = (await response.json()) as { 'dist-tags'?: Record<string, string>; versions?: Record<string, { dist?: PublishedVersion }> };
  const versions: Record<string, PublishedVersion> = {};
  for (const [version, meta] of Object.entries(doc.versions ?? {})) versions[version] = { integrity: meta.dist?.integrity, shasum: meta.dist?.shasum };
  return { distTags: doc['dist-tags'] ?? {}, versions };
}
