import type { GithubClient } from './client.js';
import { isNotFound, translateApiError } from './errors.js';

/**
 * GitHub's artifact attestations API (docs.github.com/rest/repos/attestations): the records
 * `gh attestation verify <file> --repo owner/name` reads. Loaded only by executors.
 */

export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** One attestation as the list answers it. */
export interface ListedAttestation {
  /** The Sigstore bundle (absent from answers of API versions that only give `bundle_url`). */
  bundle?: unknown;
  repositoryId?: number;
}

/** More pages than a release's attestations could fill; a bound, so a looping Link header cannot hold the job. */
const MAX_PAGES = 10;

/**
 * Every attestation stored in `repository` for `digest` (`sha256:<hex>`), optionally only those of one
 * predicate type (the full URI, or `provenance`, `sbom`, `release`). GitHub answers 404 when there is
 * none, which is an empty list here. Pages follow the Link header's `next` cursor.
 */
export async function listAttestations(
  client: GithubClient,
  repository: RepositoryRef,
  digest: string,
  predicateType?: string,
  /** The permission a refusal names: a step that will store attestations needs `attestations: write`, which covers reading. */
  permission = 'attestations: read',
): Promise<ListedAttestation[]> {
  const found: ListedAttestation[] = [];
  try {
    let response = await client.rest.repos.listAttestations({ ...repository, subject_digest: digest, per_page: 100, ...(predicateType ? { predicate_type: predicateType } : {}) });
    for (let page = 1; ; page++) {
      for (const item of response.data.attestations ?? []) {
        found.push({ ...(item.bundle ? { bundle: item.bundle } : {}), ...(item.repository_id !== undefined ? { repositoryId: item.repository_id } : {}) });
      }
      const next = nextLink(response.headers.link);
      if (!next || page >= MAX_PAGES) return found;
      response = (await client.request({ method: 'GET', url: octokitSafe(next) })) as typeof response;
    }
  } catch (error) {
    if (isNotFound(error)) return found;
    throw translateApiError(error, `reading the attestations for ${digest} in ${repository.owner}/${repository.repo}`, permission);
  }
}

/** Stores `bundle` as an attestation of `repository`; its id. Needs the token's `attestations: write`. */
export async function storeAttestation(client: GithubClient, repository: RepositoryRef, bundle: unknown, what: string): Promise<number> {
  try {
    const { data } = await client.rest.repos.createAttestation({ ...repository, bundle: bundle as never });
    if (typeof data.id !== 'number') throw new Error(`GitHub stored the attestation for ${what} but answered no id`);
    return data.id;
  } catch (error) {
    throw translateApiError(error, `storing the attestation for ${what}`, 'attestations: write');
  }
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/** Octokit reads `:name` in a URL as a parameter to fill: the digest's colon is sent encoded. */
function octokitSafe(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = parsed.pathname.replace(/:/g, '%3A');
  return parsed.toString();
}
