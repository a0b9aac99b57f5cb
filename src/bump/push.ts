import { UserError } from '../errors.js';
import { runProcess, tail, type ProcessResult } from '../runtime/process.js';
import { describePushRefusal } from './push-refusals.js';

/** The credential a push from the action uses: the job's token, for the repository the run belongs to. */
export interface PushAuth {
  token: string;
  /** `GITHUB_SERVER_URL`, e.g. https://github.com. */
  serverUrl: string;
  /** `owner/name`. */
  repository: string;
}

export interface PushReleaseOptions {
  cwd: string;
  /** The branch the release commit goes to (without refs/heads/). */
  branch: string;
  /** The annotated tag to push with it (without refs/tags/). */
  tag: string;
  env: NodeJS.ProcessEnv;
  /** Without it, `origin` with whatever credentials the user's git has (the CLI). */
  auth?: PushAuth;
}

/**
 * Pushes the release commit and its tag in one atomic update: either the branch moves and the tag
 * appears, or neither does (a tag without its commit on the branch, or a bumped branch without its
 * tag, would each leave a half-made release). A refusal becomes one line saying what to change.
 *
 * With `auth`, the token reaches only this git child, as the `Authorization` header actions/checkout
 * uses, given through `GIT_CONFIG_COUNT/KEY/VALUE`: never on argv (visible in `ps` and in git's own
 * error messages) and never in .git/config (where later steps and the workflow's own code would read it).
 */
export async function pushRelease(options: PushReleaseOptions): Promise<void> {
  const { cwd, branch, tag, env, auth } = options;
  const remote = auth ? repositoryUrl(auth) : 'origin';
  const refspecs = [`HEAD:refs/heads/${branch}`, `refs/tags/${tag}:refs/tags/${tag}`];
  const result = await runProcess('git', ['push', '--atomic', '--porcelain', remote, ...refspecs], {
    parentEnv: env,
    tool: 'git',
    cwd,
    set: { GIT_TERMINAL_PROMPT: '0' },
    ...(auth ? { secretEnv: tokenConfig(auth) } : {}),
    timeoutMs: 120_000,
  });
  if (result.code === 0 && !rejected(result)) return;
  throw new UserError(describePushRefusal({ branch, tag, remote: auth ? `${auth.repository}` : 'origin', stdout: result.stdout, stderr: scrub(result, auth) }));
}

/** The repository's URL on the server the run belongs to, the form actions/checkout clones from. */
export function repositoryUrl(auth: PushAuth): string {
  return `${auth.serverUrl.replace(/\/+$/, '')}/${auth.repository}`;
}

/**
 * The token as git config given through the environment (git-config(1) "GIT_CONFIG_COUNT"), in the
 * form actions/checkout writes: `http.<server>/.extraheader = AUTHORIZATION: basic base64(x-access-token:TOKEN)`,
 * scoped to the server so a redirect elsewhere does not carry it. The first entry is empty: it
 * clears the header checkout may have persisted in .git/config (an empty value resets the list), so
 * the server gets one Authorization header, not two (GitHub answers two with 400).
 */
export function tokenConfig(auth: PushAuth): Record<string, string> {
  const key = `http.${new URL(auth.serverUrl).origin}/.extraheader`;
  const basic = Buffer.from(`x-access-token:${auth.token}`, 'utf8').toString('base64');
  return {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`,
  };
}

/** `--porcelain` marks each refused ref with `!`; a push can exit 0 only when none is. */
function rejected(result: ProcessResult): boolean {
  return result.stdout.split(/\r?\n/).some((line) => line.startsWith('!\t'));
}

/** git never prints the header, but a server might echo what it got: keep the token out of the message either way. */
function scrub(result: ProcessResult, auth: PushAuth | undefined): string {
  let text = result.stderr || tail(result);
  if (auth?.token) {
    text = text.split(auth.token).join('***');
    text = text.split(Buffer.from(`x-access-token:${auth.token}`, 'utf8').toString('base64')).join('***');
  }
  return text;
}
