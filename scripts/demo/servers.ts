/**
 * The local services `npm run demo` releases to: the tests' own PyPI index (upload API, simple index,
 * JSON API), GitHub API server (one repository, requests and answers checked against GitHub's OpenAPI
 * description) and, when the image part runs, Debian's docker-registry (distribution 2.8), all on
 * 127.0.0.1 and ephemeral ports. scripts/demo.mjs bundles this file with esbuild at demo time, so no
 * TypeScript runs unbundled.
 */
import { startPypiIndex } from '../../test/python/support/pypi-server.js';
import { GithubApiServer } from '../../test/support/github-api-server.js';
import { startRegistry } from '../../test/verify/support/registry.js';

export interface DemoServers {
  pypi: { url: string; uploadUrl: string; simpleUrl: string; files: () => Array<{ filename: string; sha256: string }> };
  github: {
    apiUrl: string;
    serverUrl: string;
    releases: () => Array<{ tag: string; draft: boolean; latest: boolean; assets: Array<{ name: string; digest: string | null }> }>;
    violations: string[];
    /** A later `git push`: commits the server has not seen yet, and their tags. */
    push: (commits: DemoCommit[]) => void;
  };
  /** `127.0.0.1:PORT` of the image registry, when one was asked for. */
  registry?: { host: string };
  close(): Promise<void>;
}

export interface DemoCommit {
  sha: string;
  message: string;
  date: string;
  /** Parent shas; default: the commit before it in the list. */
  parents?: string[];
  tag?: string;
}

export interface DemoServerOptions {
  owner: string;
  repo: string;
  /** Token the GitHub server accepts for writes. */
  githubToken: string;
  /** Token the index accepts for uploads (`__token__:<token>`). */
  pypiToken: string;
  /** The repository's history as the GitHub server serves it, oldest first: the checkout's commits and tags. */
  history: DemoCommit[];
  /** Also start an image registry (plain HTTP on loopback, no auth). */
  registry?: boolean;
}

export async function startDemoServers(options: DemoServerOptions): Promise<DemoServers> {
  const stops: Array<() => Promise<void>> = [];
  const close = async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
  try {
    const index = await startPypiIndex();
    stops.push(() => index.close());
    index.tokens.add(options.pypiToken);
    const github = await GithubApiServer.start({ owner: options.owner, repo: options.repo });
    stops.push(() => github.stop());
    github.tokens.set(options.githubToken, true);
    // The checkout's own shas, so GITHUB_SHA and the tags name the same commits on both sides.
    const push = (commits: DemoCommit[]) => {
      for (const { sha, message, date, parents, tag } of commits) {
        if (github.commits.some((c) => c.sha === sha)) continue;
        github.commits.push({ sha, message, date, parents: parents ?? (github.commits.length ? [github.commits.at(-1)!.sha] : []) });
        if (tag) github.tag(tag, sha);
      }
    };
    push(options.history);
    const registry = options.registry ? await startRegistry() : undefined;
    if (registry) stops.push(() => registry.stop());
    return {
      pypi: { url: index.url, uploadUrl: index.uploadUrl, simpleUrl: index.simpleUrl, files: () => [...index.files.values()].map((f) => ({ filename: f.filename, sha256: f.sha256 })) },
      github: {
        apiUrl: github.apiUrl,
        serverUrl: github.serverUrl,
        releases: () =>
          github.releases.map((r) => ({ tag: r.tag, draft: r.draft, latest: r.id === github.latestReleaseId, assets: r.assets.map((a) => ({ name: a.name, digest: a.digest })) })),
        violations: github.violations,
        push,
      },
      ...(registry ? { registry: { host: registry.host } } : {}),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
