import type { Config } from '../config/schema.js';
import { UserError } from '../errors.js';
import { ACTIONS_BOT, type OneClickRequest } from '../one-click.js';
import { runProcess } from '../runtime/process.js';
import type { Runner } from '../runtime/action-io.js';
import { runBump, type BumpResult } from './run.js';

export interface OneClickOptions {
  request: OneClickRequest;
  /** The project at the step's working directory, with its config (a package is found from there by name). */
  cwd: string;
  config: Config;
  /** The package of the config's `packages:` map the dispatch names. */
  packageName?: string;
  githubToken?: string;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  runner: Runner;
  now: Date;
}

/**
 * The bump half of a one-click release, in the action: checks the checkout can make a release commit
 * (the dispatched branch, with its history and tags), then `tagship bump <kind>` with the commit and
 * the annotated tag by github-actions[bot], pushed atomically with the job's token. Loaded only for
 * such a run (src/main.ts imports it on demand).
 */
export async function runOneClick(options: OneClickOptions): Promise<BumpResult> {
  const { request, cwd, env, runner } = options;
  const repository = env.GITHUB_REPOSITORY;
  if (!options.githubToken) {
    throw new UserError("A one-click release pushes its commit and tag with github-token, which is empty: leave the input at its default (the job's GITHUB_TOKEN) or pass a token with contents: write.");
  }
  if (!repository) throw new UserError('A one-click release pushes to the run\'s repository, but GITHUB_REPOSITORY is not set: run it in a GitHub Actions workflow.');
  await checkCheckout(cwd, env, request.branch);

  const result = await runBump({
    cwd,
    request: request.bump,
    ...(request.preid ? { preid: request.preid } : {}),
    ...(options.packageName ? { package: options.packageName } : {}),
    dryRun: options.dryRun,
    commit: true,
    tag: true,
    push: true,
    env,
    now: options.now,
    config: options.config,
    pushAuth: { token: options.githubToken, serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', repository },
    author: ACTIONS_BOT,
    warn: (line) => runner.warning(line),
  });
  const from = result.previous ? `${result.previous} → ` : '';
  const what = `${options.packageName ? `${options.packageName} ` : ''}${from}${result.version}${result.because ? ` (auto: ${result.because})` : ''}`;
  if (options.dryRun) {
    runner.info(`one-click release (dry run): would bump ${what}, commit, tag ${result.tag} and push to ${request.branch}; nothing changed.`);
    if (result.diff) runner.info(result.diff);
  } else {
    runner.info(`one-click release: bumped ${what}, committed ${result.commit?.slice(0, 12) ?? '(no file changes)'} and tagged ${result.tag} as ${ACTIONS_BOT.name}, pushed to ${request.branch}; releasing ${result.tag} in this run.`);
  }
  for (const dynamic of result.dynamic) runner.info(`${dynamic.source}: ${dynamic.how}`);
  return result;
}

/**
 * The bump needs the whole history (the highest release and, for `auto`, the commits since it) and the
 * dispatched branch checked out: actions/checkout's default `fetch-depth: 1` has neither tags nor history.
 */
async function checkCheckout(cwd: string, env: NodeJS.ProcessEnv, branch: string): Promise<void> {
  const git = (args: string[]) => runProcess('git', args, { parentEnv: env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs: 20_000 });
  const shallow = await git(['rev-parse', '--is-shallow-repository']);
  if (shallow.code !== 0) throw new UserError(`${cwd} is not a git checkout: a one-click release needs actions/checkout (with fetch-depth: 0) before tagship.`);
  if (shallow.stdout.trim() === 'true') {
    throw new UserError('The checkout is shallow (actions/checkout fetches one commit by default): a one-click release needs the tags and history, so give actions/checkout `fetch-depth: 0`.');
  }
  const head = await git(['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const current = head.code === 0 ? head.stdout.trim() : undefined;
  if (current !== branch) {
    throw new UserError(
      `The workflow was dispatched on ${branch}, but the checkout is ${current ? `on ${current}` : 'a detached HEAD'}: check out the dispatched branch (actions/checkout with ref: \${{ github.ref_name }}) so the release commit goes where it was asked for.`,
    );
  }
}
