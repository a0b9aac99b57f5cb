import { createGithubClient, DEFAULT_API_URL, splitRepository } from './client.js';

/**
 * Every tag of a repository through the REST API, for when `git ls-remote` cannot read the remote (a
 * private repository checked out with `persist-credentials: false` leaves the clone no credentials).
 *
 * `GET /repos/{owner}/{repo}/git/matching-refs/tags` takes no `per_page`/`page` (GitHub's OpenAPI
 * description declares none) and answers every ref starting with `refs/tags` in one response, names
 * only; `GET /repos/{owner}/{repo}/tags` pages by 100 and adds commit and archive URLs per tag. Should
 * GitHub ever split the answer, its `Link: rel="next"` header is followed. Loaded only when needed:
 * it brings in the HTTP client.
 */
export async function listTagsThroughApi(options: { token: string; repository: string; apiUrl?: string }): Promise<string[]> {
  const target = splitRepository(options.repository);
  if (!target) throw new Error(`GITHUB_REPOSITORY is ${JSON.stringify(options.repository)}, not owner/name`);
  // Planning waits on this call: fewer, shorter retries than a release upload gets.
  const client = createGithubClient({ token: options.token, baseUrl: options.apiUrl || DEFAULT_API_URL, retries: 2, timeoutMs: 20_000 });
  const tags: string[] = [];
  let response = await client.rest.git.listMatchingRefs({ ...target, ref: 'tags' });
  for (let pages = 1; ; pages++) {
    for (const { ref } of response.data) if (ref.startsWith('refs/tags/')) tags.push(ref.slice('refs/tags/'.length));
    const next = nextPage(response.headers.link);
    if (!next || pages >= 1000) return tags;
    response = (await client.request(`GET ${next}`)) as typeof response;
  }
}

/** The `rel="next"` URL of an RFC 8288 `Link` header. */
export function nextPage(link: string | undefined): string | undefined {
  for (const part of link?.split(',') ?? []) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}
