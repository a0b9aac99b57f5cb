import { UserError } from '../errors.js';
import type { ExecutionContext } from '../execute/types.js';
import { createGithubClient, DEFAULT_API_URL, splitRepository, type GithubClient, type GithubClientOptions } from './client.js';

export interface GithubTarget {
  client: GithubClient;
  owner: string;
  repo: string;
  /** For links: `https://github.com` or the GHES server. */
  serverUrl: string;
}

/** Test and tuning knobs for the client; production passes none. */
export type ClientTuning = Partial<Omit<GithubClientOptions, 'token'>>;

/**
 * The client for an executor: the token from the `github-token` input, the API base URL from the
 * runner's `GITHUB_API_URL` (GHES), the repository from the plan. Fails with one line when any is missing.
 */
export function connectGithub(ctx: ExecutionContext, what: string, tuning: ClientTuning = {}): GithubTarget {
  const token = ctx.secrets['github-token'];
  if (!token) {
    throw new UserError(`${what} needs a GitHub token: keep the github-token input at its default (\${{ github.token }}) or pass one, and give the job \`permissions: contents: write\`.`);
  }
  ctx.runner.mask(token);
  const repository = splitRepository(ctx.plan.repository);
  if (!repository) {
    throw new UserError(`${what} needs the repository (owner/name), and GITHUB_REPOSITORY is ${JSON.stringify(ctx.plan.repository ?? '')}: run it inside a GitHub Actions workflow.`);
  }
  const client = createGithubClient({
    token,
    baseUrl: ctx.env.GITHUB_API_URL || DEFAULT_API_URL,
    warn: (message) => ctx.runner.warning(message),
    info: (message) => ctx.runner.info(message),
    debug: (message) => ctx.runner.debug(message),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...tuning,
  });
  return { client, ...repository, serverUrl: (ctx.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '') };
}
