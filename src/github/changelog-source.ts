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
  if (previousTag && request.mode !== 'github') {
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

async function compareCommits(client: GithubClient, request: ChangelogRequest, previousTag: string): Promise<ChangelogCommit[] | 'missing' | 'too-many'> {
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
