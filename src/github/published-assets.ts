import type { GithubTarget } from './connect.js';
import { translateApiError } from './errors.js';
import { findReleases } from './release.js';

/** A release asset as GitHub reports it: the `digest` is GitHub's own sha256 of the stored bytes. */
export interface PublishedAsset {
  name: string;
  /** `sha256:<hex>` */
  digest: string;
}

export interface PublishedRelease {
  id: number;
  htmlUrl: string;
  draft: boolean;
  assets: PublishedAsset[];
  /** Assets without a digest yet (half-uploaded, state `open`): they cannot be attested or checked. */
  incomplete: string[];
}

/**
 * The release for `tag` (drafts included: a rehearsal's stays a draft) and its assets, read from the
 * API as anyone with access to the repository sees them. Undefined when there is no such release.
 */
export async function readPublishedRelease(github: GithubTarget, tag: string): Promise<PublishedRelease | undefined> {
  const repo = { owner: github.owner, repo: github.repo };
  try {
    const release = (await findReleases(github.client.rest.repos, repo, tag))[0];
    if (!release) return undefined;
    const assets: PublishedAsset[] = [];
    const incomplete: string[] = [];
    for (let page = 1; ; page++) {
      const { data } = await github.client.rest.repos.listReleaseAssets({ ...repo, release_id: release.id, per_page: 100, page });
      for (const asset of data) {
        if (asset.state === 'uploaded' && asset.digest?.startsWith('sha256:')) assets.push({ name: asset.name, digest: asset.digest });
        else incomplete.push(asset.name);
      }
      if (data.length < 100) break;
    }
    return { id: release.id, htmlUrl: release.html_url, draft: release.draft, assets, incomplete };
  } catch (error) {
    throw translateApiError(error, `reading release ${tag} and its assets`);
  }
}
