/**
 * The local services `npm run demo` releases to: the tests' own PyPI index (upload API, simple index,
 * JSON API) and GitHub API server (one repository, requests and answers checked against GitHub's
 * OpenAPI description), on 127.0.0.1 and ephemeral ports. scripts/demo.mjs bundles this file with
 * esbuild at demo time, so no TypeScript runs unbundled.
 */
import { startPypiIndex } from '../../test/python/support/pypi-server.js';
import { GithubApiServer } from '../../test/support/github-api-server.js';

export interface DemoServers {
  pypi: { url: string; uploadUrl: string; simpleUrl: string; files: () => string[] };
  github: { apiUrl: string; serverUrl: string; releases: () => Array<{ tag: string; draft: boolean; assets: string[] }>; violations: string[] };
  close(): Promise<void>;
}

export interface DemoServerOptions {
  owner: string;
  repo: string;
  /** Token the GitHub server accepts for writes. */
  githubToken: string;
  /** Token the index accepts for uploads (`__token__:<token>`). */
  pypiToken: string;
  /** The repository's history as the GitHub server serves it, oldest first: the checkout's commits and tags. */
  history: Array<{ sha: string; message: string; date: string; tag?: string }>;
}

export async function startDemoServers(options: DemoServerOptions): Promise<DemoServers> {
  const index = await startPypiIndex();
  index.tokens.add(options.pypiToken);
  let github: GithubApiServer;
  try {
    github = await GithubApiServer.start({ owner: options.owner, repo: options.repo });
  } catch (error) {
    await index.close();
    throw error;
  }
  github.tokens.set(options.githubToken, true);
  // The checkout's own shas, so GITHUB_SHA and the tags name the same commits on both sides.
  for (const { sha, message, date, tag } of options.history) {
    github.commits.push({ sha, message, date, parents: github.commits.length ? [github.commits.at(-1)!.sha] : [] });
    if (tag) github.tag(tag, sha);
  }
  return {
    pypi: { url: index.url, uploadUrl: index.uploadUrl, simpleUrl: index.simpleUrl, files: () => [...index.files.keys()] },
    github: {
      apiUrl: github.apiUrl,
      serverUrl: github.serverUrl,
      releases: () => github.releases.map((r) => ({ tag: r.tag, draft: r.draft, assets: r.assets.map((a) => a.name) })),
      violations: github.violations,
    },
    async close() {
      await Promise.all([index.close(), github.stop()]);
    },
  };
}
