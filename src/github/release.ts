import { UserError } from '../errors.js';
import type { ReleaseAsset } from './assets.js';
import type { GithubClient } from './client.js';
import { isAlreadyExists, isApiError, isNotFound, translateApiError } from './errors.js';
import { mergeReleaseBody } from './notes.js';

type Api = GithubClient['rest']['repos'];
export type Release = Awaited<ReturnType<Api['getReleaseByTag']>>['data'];
type Asset = Release['assets'][number];

export interface DesiredRelease {
  owner: string;
  repo: string;
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
  draft: boolean;
  makeLatest: 'true' | 'false';
  /** Tagged when the tag does not exist yet. */
  commit?: string;
}

export interface ReleaseResult {
  release: Release;
  created: boolean;
  /** Release fields changed (name, body, prerelease, published, latest). */
  updated: boolean;
  uploaded: string[];
  replaced: string[];
  kept: string[];
}

export interface ReleaseLog {
  info(message: string): void;
}

/** Releases listed when looking for drafts (get-by-tag only returns published ones): newest first. */
const LIST_PAGES = 3;

/**
 * Makes the release for `desired.tag` look like `desired`, with `assets` attached, and converges
 * with anything already there: never a second release for one tag.
 *
 * - Found (drafts included, which get-by-tag does not return): updated in place.
 * - Not found: created. With assets it is created as a draft, the assets uploaded, then published,
 *   so a published release never lacks its files (and immutable releases accept them at all).
 * - Racing: another run creating a published release at the same moment makes ours fail with 422
 *   `already_exists`, and we update theirs. Drafts do not conflict, so after creating one we list
 *   again and the oldest release for the tag wins; a later duplicate deletes itself.
 */
export async function publishRelease(client: GithubClient, desired: DesiredRelease, assets: readonly ReleaseAsset[], log: ReleaseLog): Promise<ReleaseResult> {
  const api = client.rest.repos;
  const repo = { owner: desired.owner, repo: desired.repo };
  const what = `release ${desired.tag}`;
  const call = async <T>(doing: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw translateApiError(error, doing);
    }
  };

  let release = (await call(`looking up ${what}`, () => findReleases(api, repo, desired.tag)))[0];
  let created = false;
  let updated = false;
  if (!release) {
    const stageAsDraft = assets.length > 0 || desired.draft;
    try {
      release = (
        await api.createRelease({
          ...repo,
          tag_name: desired.tag,
          name: desired.name,
          body: desired.body,
          prerelease: desired.prerelease,
          draft: stageAsDraft,
          ...(desired.commit ? { target_commitish: desired.commit } : {}),
          ...(stageAsDraft ? {} : { make_latest: desired.makeLatest }),
        })
      ).data;
      created = true;
      log.info(`Created ${stageAsDraft ? 'draft ' : ''}${what} (id ${release.id}).`);
    } catch (error) {
      if (!isAlreadyExists(error)) throw translateApiError(error, `creating ${what}`);
      release = (await call(`looking up ${what}`, () => findReleases(api, repo, desired.tag)))[0];
      if (!release) throw new UserError(`GitHub says ${what} exists, but it cannot be found: re-run the workflow.`, undefined, { cause: error });
      log.info(`Another run created ${what} at the same moment (id ${release.id}); updating it instead.`);
    }
    if (created && release.draft) {
      const winner = await call(`looking up ${what}`, () => oldestRelease(api, repo, desired.tag, release!));
      if (winner.id !== release.id) {
        await call(`removing a duplicate draft of ${what}`, () => api.deleteRelease({ ...repo, release_id: release!.id }));
        log.info(`Another run created ${what} at the same moment (id ${winner.id}); removed our duplicate draft ${release.id}.`);
        release = winner;
        created = false;
      }
    }
  }

  // A person's edits outside tagship's section are kept; GitHub may hand an edited body back with CRLF.
  const body = created ? desired.body : mergeReleaseBody(release.body, desired.body);
  if (!created && (release.name !== desired.name || (release.body ?? '').replace(/\r\n/g, '\n') !== body || release.prerelease !== desired.prerelease)) {
    const current = release;
    release = (
      await call(`updating ${what}`, () =>
        api.updateRelease({
          ...repo,
          release_id: current.id,
          name: desired.name,
          body,
          prerelease: desired.prerelease,
          // An update without make_latest may move "latest" to this release: always say it.
          ...(current.draft ? {} : { make_latest: desired.makeLatest }),
        }),
      )
    ).data;
    updated = true;
    log.info(`Updated ${what} (id ${release.id}).`);
  }

  // A release created just now has no assets: no need to list them.
  const sync = await syncAssets(client, desired, release, assets, log, created);

  if (!desired.draft && release.draft) {
    const draft = release;
    try {
      release = (await api.updateRelease({ ...repo, release_id: draft.id, draft: false, make_latest: desired.makeLatest })).data;
    } catch (error) {
      if (!isAlreadyExists(error)) throw translateApiError(error, `publishing ${what}`);
      // Another run published its own release for the tag meanwhile: keep theirs, drop our draft.
      const theirs = (await call(`looking up ${what}`, () => findReleases(api, repo, desired.tag))).find((r) => !r.draft);
      if (!theirs) throw translateApiError(error, `publishing ${what}`);
      if (created) await call(`removing a duplicate draft of ${what}`, () => api.deleteRelease({ ...repo, release_id: draft.id }));
      log.info(`Another run published ${what} first (id ${theirs.id}); using it.`);
      return publishRelease(client, desired, assets, log);
    }
    updated = true;
    log.info(`Published ${what}${desired.makeLatest === 'true' ? ' as the latest release' : ''}.`);
  } else if (!release.draft && desired.makeLatest === 'true' && !updated) {
    const latest = await call('reading the latest release', () => latestReleaseId(api, repo));
    if (latest !== release.id) {
      const current = release;
      release = (await call(`marking ${what} as latest`, () => api.updateRelease({ ...repo, release_id: current.id, make_latest: 'true' }))).data;
      updated = true;
      log.info(`Marked ${what} as the latest release.`);
    }
  }
  return { release, created, updated, ...sync };
}

/** Every release for `tag`, published first, then oldest first. Drafts are found by listing. */
export async function findReleases(api: Api, repo: { owner: string; repo: string }, tag: string): Promise<Release[]> {
  const found: Release[] = [];
  let complete = false;
  for (let page = 1; page <= LIST_PAGES && !complete; page++) {
    const { data } = await api.listReleases({ ...repo, per_page: 100, page });
    found.push(...data.filter((r) => r.tag_name === tag));
    complete = data.length < 100;
  }
  if (!found.length && !complete) {
    // An older published release beyond the pages listed.
    try {
      found.push((await api.getReleaseByTag({ ...repo, tag })).data);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return found.sort((a, b) => Number(a.draft) - Number(b.draft) || a.id - b.id);
}

/** After creating a draft: the release every racing run agrees on (a published one, else the oldest). */
async function oldestRelease(api: Api, repo: { owner: string; repo: string }, tag: string, mine: Release): Promise<Release> {
  const all = await findReleases(api, repo, tag);
  return all[0] ?? mine;
}

async function latestReleaseId(api: Api, repo: { owner: string; repo: string }): Promise<number | undefined> {
  try {
    return (await api.getLatestRelease(repo)).data.id;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Uploads what is missing and replaces what differs, judged by the `digest` GitHub reports. An asset
 * left half-uploaded (state `open`, e.g. after a 502) is replaced. Assets tagship does not know
 * about are left alone.
 */
async function syncAssets(client: GithubClient, desired: DesiredRelease, release: Release, assets: readonly ReleaseAsset[], log: ReleaseLog, fresh: boolean) {
  const api = client.rest.repos;
  const repo = { owner: desired.owner, repo: desired.repo };
  const result = { uploaded: [] as string[], replaced: [] as string[], kept: [] as string[] };
  if (!assets.length) return result;
  const listAssets = async () => {
    try {
      const all: Asset[] = [];
      for (let page = 1; ; page++) {
        const { data } = await api.listReleaseAssets({ ...repo, release_id: release.id, per_page: 100, page });
        all.push(...data);
        if (data.length < 100) return all;
      }
    } catch (error) {
      throw translateApiError(error, `listing the assets of release ${desired.tag}`);
    }
  };
  const remove = async (asset: Asset) => {
    if (release.immutable && !release.draft) {
      throw new UserError(
        `Release ${desired.tag} is immutable and its asset ${JSON.stringify(asset.name)} differs from the file built now: an immutable release cannot change. Release a new version.`,
      );
    }
    try {
      await api.deleteReleaseAsset({ ...repo, asset_id: asset.id });
    } catch (error) {
      if (!isNotFound(error)) throw translateApiError(error, `replacing asset ${asset.name}`);
    }
  };
  const upload = async (asset: ReleaseAsset): Promise<Asset> => {
    const response = await client.request({
      method: 'POST',
      url: release.upload_url,
      name: asset.name,
      data: asset.data,
      headers: { 'content-type': asset.contentType, 'content-length': String(asset.data.byteLength) },
    } as never);
    return (response as { data: Asset }).data;
  };
  const isSame = (existing: Asset | undefined, asset: ReleaseAsset) => existing?.state === 'uploaded' && existing.digest === asset.digest;

  let current = fresh ? [] : await listAssets();
  for (const asset of assets) {
    const existing = current.find((a) => a.name === asset.name);
    if (isSame(existing, asset)) {
      result.kept.push(asset.name);
      continue;
    }
    if (existing) await remove(existing);
    let stored: Asset;
    try {
      stored = await upload(asset);
    } catch (error) {
      if (!isApiError(error) || error.status !== 422) {
        throw translateApiError(error, `uploading asset ${asset.name}`);
      }
      // A racing run uploaded it meanwhile, or a failed attempt left a half-made asset behind.
      current = await listAssets();
      const now = current.find((a) => a.name === asset.name);
      if (isSame(now, asset)) {
        result.kept.push(asset.name);
        continue;
      }
      if (now) await remove(now);
      try {
        stored = await upload(asset);
      } catch (retryError) {
        throw translateApiError(retryError, `uploading asset ${asset.name}`);
      }
    }
    if (stored.digest && stored.digest !== asset.digest) {
      throw new UserError(`GitHub stored asset ${asset.name} with digest ${stored.digest}, not ${asset.digest}: the upload was corrupted. Re-run the workflow.`);
    }
    (existing ? result.replaced : result.uploaded).push(asset.name);
    log.info(`${existing ? 'Replaced' : 'Uploaded'} asset ${asset.name} (${asset.data.byteLength} bytes, ${asset.digest}).`);
  }
  return result;
}
