import { isConventionalHistory, parseCommit, renderConventionalChangelog, type ChangelogCommit, type ChangelogEntry } from './changelog.js';
import type { GithubClient } from './client.js';
import { isApiError, translateApiError } from './errors.js';
import type { ChangelogSection } from './notes.js';

export interface ChangelogRequest {
  owner: string;
  repo: string;
  tag: string;
  /** The commit released; compared instead of the tag, which may not exist yet (a dispatch). */
  commit?: string;
  previousTag?: string;
  mode: 'auto' | 'conventional' | 'github';
  /** `https://github.com` or the GHES server URL, for links. */
  serverUrl: string;
  /**
   * The package's directory in the repository (`packages:`): only commits touching it are listed. GitHub's
   * generated notes cannot be scoped to a path, so a scoped changelog is always grouped from the commits.
   */
  path?: string;
}

/** Commits a changelog lists at most; a larger range is summarised by GitHub's notes instead. */
const MAX_COMMITS = 1000;

/**
 * The changelog since the previous release. The commits come from the compare API (not from git:
 * actions/checkout clones one commit, without history or tags). Grouped by conventional-commit type
 * when the history follows it; otherwise, or when there is no previous release, GitHub's generated
 * notes (pull requests and new contributors).
 */
export async function loadChangelog(client: GithubClient, request: ChangelogRequest, warn: (message: string) => void): Promise<ChangelogSection> {
  const repositoryUrl = `${request.serverUrl.replace(/\/+$/, '')}/${request.owner}/${request.repo}`;
  const { previousTag } = request;
  if (request.path !== undefined && request.mode !== 'github') {
    const scoped = await packageChangelog(client, request, repositoryUrl, warn);
    if (scoped) return scoped;
  } else if (previousTag && request.mode !== 'github') {
    const compareUrl = `${repositoryUrl}/compare/${previousTag}...${request.tag}`;
    const commits = await compareCommits(client, request, previousTag);
    if (commits === 'missing') {
      warn(`The previous release tag ${previousTag} is not on GitHub; the changelog uses GitHub's generated notes.`);
      return generatedNotes(client, { ...request, previousTag: undefined });
    }
    if (commits !== 'too-many') {
      const entries = commits.map(parseCommit).filter((e): e is ChangelogEntry => e !== undefined);
      if (request.mode === 'conventional' || isConventionalHistory(entries)) {
        return { source: 'conventional', text: renderConventionalChangelog(entries, { repositoryUrl }), previousTag, compareUrl };
      }
    }
  }
  return generatedNotes(client, request);
}

/**
 * A package's changelog: the commits of the compare range (all history up to the release without a
 * previous tag) that touch its path, as list-commits with `path` reports them, in the compare's order.
 * Grouped by conventional type when there are any; GitHub's notes would list the whole repository's pull
 * requests, so a non-conventional history is listed under "Other changes" rather than handed to them.
 * Undefined (GitHub's notes then) when the range is too long to list.
 */
async function packageChangelog(client: GithubClient, request: ChangelogRequest, repositoryUrl: string, warn: (message: string) => void): Promise<ChangelogSection | undefined> {
  const path = request.path!;
  let previousTag = request.previousTag;
  const dates = new Map<string, string>();
  let range = previousTag ? await compareCommits(client, request, previousTag, dates) : undefined;
  if (range === 'missing') {
    warn(`The previous release tag ${previousTag} is not on GitHub; the changelog lists every commit touching ${path}.`);
    previousTag = undefined;
    range = undefined;
  }
  if (range === 'too-many') {
    warn(`More than ${MAX_COMMITS} commits since ${previousTag}: the changelog uses GitHub's generated notes, which cover the whole repository, not only ${path}.`);
    return undefined;
  }
  // The range's oldest commit date: the listing, newest first, is read until it passes that.
  const oldest = range ? [...dates.values()].sort()[0] : undefined;
  const touching = range?.length === 0 ? new Map<string, ChangelogCommit>() : await commitsTouching(client, request, path, range ? { until: oldest ?? '' } : undefined);
  if (touching === 'too-many') {
    warn(`More than ${MAX_COMMITS} commits touch ${path}: the changelog uses GitHub's generated notes, which cover the whole repository.`);
    return undefined;
  }
  // The compare range is oldest first, as the renderer expects; without one, list-commits' order reversed.
  const commits = range ? range.filter((commit) => touching.has(commit.sha)) : [...touching.values()].reverse();
  const entries = commits.map(parseCommit).filter((e): e is ChangelogEntry => e !== undefined);
  return {
    source: 'conventional',
    text: renderConventionalChangelog(entries, { repositoryUrl }),
    ...(previousTag ? { previousTag, compareUrl: `${repositoryUrl}/compare/${previousTag}...${request.tag}` } : {}),
  };
}

/**
 * Commits reachable from the release that touch `path`, newest first, by sha. GitHub's listing has no base
 * commit, and its `since` filter would drop a long-lived branch's older commits merged into the range; so
 * it is read newest first until a commit older than the range's oldest (`stop.until`, an ISO date) shows
 * that the rest lies before the range (git lists by commit date, children before parents), then cut to
 * the range by sha. Without a range, the whole history of the path, up to the limit.
 */
async function commitsTouching(client: GithubClient, request: ChangelogRequest, path: string, stop?: { until: string }): Promise<Map<string, ChangelogCommit> | 'too-many'> {
  const commits = new Map<string, ChangelogCommit>();
  const head = request.commit ?? request.tag;
  const limit = stop ? MAX_COMMITS * 5 : MAX_COMMITS;
  try {
    for (let page = 1, listed = 0; listed < limit; page++) {
      const { data } = await client.rest.repos.listCommits({ owner: request.owner, repo: request.repo, sha: head, path, per_page: 100, page });
      listed += data.length;
      for (const c of data) commits.set(c.sha, { sha: c.sha, message: c.commit.message, url: c.html_url });
      const passed = stop && data.some((c) => (c.commit.committer?.date ?? '') < stop.until);
      if (data.length < 100 || passed) return commits;
    }
    return 'too-many';
  } catch (error) {
    throw translateApiError(error, `listing the commits touching ${path} for the changelog`);
  }
}

async function compareCommits(
  client: GithubClient,
  request: ChangelogRequest,
  previousTag: string,
  dates?: Map<string, string>,
): Promise<ChangelogCommit[] | 'missing' | 'too-many'> {
  const commits: ChangelogCommit[] = [];
  const head = request.commit ?? request.tag;
  try {
    for (let page = 1; commits.length < MAX_COMMITS; page++) {
      const { data } = await client.rest.repos.compareCommitsWithBasehead({
        owner: request.owner,
        repo: request.repo,
        basehead: `${previousTag}...${head}`,
        per_page: 100,
        page,
      });
      commits.push(...data.commits.map((c) => ({ sha: c.sha, message: c.commit.message, url: c.html_url })));
      for (const c of data.commits) if (c.commit.committer?.date) dates?.set(c.sha, c.commit.committer.date);
      if (data.commits.length < 100 || commits.length >= data.total_commits) return commits;
    }
    return 'too-many';
  } catch (error) {
    if (isApiError(error) && error.status === 404) return 'missing';
    throw translateApiError(error, `comparing ${previousTag}...${head} for the changelog`);
  }
}

async function generatedNotes(client: GithubClient, request: ChangelogRequest): Promise<ChangelogSection> {
  try {
    const { data } = await client.rest.repos.generateReleaseNotes({
      owner: request.owner,
      repo: request.repo,
      tag_name: request.tag,
      ...(request.commit ? { target_commitish: request.commit } : {}),
      ...(request.previousTag ? { previous_tag_name: request.previousTag } : {}),
    });
    return { source: 'github', text: data.body, ...(request.previousTag ? { previousTag: request.previousTag } : {}) };
  } catch (error) {
    throw translateApiError(error, `generating the release notes for ${request.tag}`);
  }
}
