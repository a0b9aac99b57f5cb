import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { credentialsFor, parseRegistryCredentials } from '../oci/credentials.js';
import { platformSlug, type DockerBuildStep } from '../plan/steps/docker.js';
import { DIGEST_PLACEHOLDER, type BuildBackend, type BuildCommands } from './backend.js';
import { BACKENDS } from './backends.js';
import { forbiddenFor } from '../runtime/child-env.js';
import { runProcess, tail } from '../runtime/process.js';

/**
 * Runs a `docker-build` step: logs in to the registries it pushes to, runs the planned commands (buildx
 * alone gets the runner's cache credentials, for its gha cache; the build secrets the config names are
 * the only other credentials a build sees), reads the pushed digest and, in
 * distributed mode, writes it to `<digestsDir>/<os-arch>` for the merge job. Pushes are by digest only,
 * so a failure leaves no tag anywhere and a re-run simply builds again (from cache).
 */
export async function executeDockerBuild(step: DockerBuildStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const backend = BACKENDS[step.backend];
  const missing = step.secretEnv.filter((name) => !ctx.env[name]);
  if (missing.length) {
    throw new UserError(`docker.secrets reads ${missing.join(', ')} from the environment, but it is not set: add it to the tagship step's env (e.g. ${missing[0]}: \${{ secrets.${missing[0]} }}).`);
  }
  const buildTool = step.backend === 'buildx' ? 'buildx' : 'buildah';
  const refused = step.secretEnv.filter((name) => forbiddenFor(buildTool, name));
  if (refused.length) {
    throw new UserError(`docker.secrets names ${refused.join(', ')}, which tagship never hands to a build (the action's inputs and the runner's OIDC and cache credentials): pass the value under another name in the step's env.`);
  }
  // The build sees the secrets; a Dockerfile that prints one must not put it in the log.
  for (const name of step.secretEnv) ctx.runner.mask(ctx.env[name]!);
  const log = (line: string) => ctx.runner.info(line);
  // tagship's own logins are removed again whatever happens, so the job's later steps (and a
  // self-hosted runner's next job) do not inherit its registry passwords in the Docker config.
  const loggedIn: string[] = [];
  try {
    await login(step, backend, ctx, log, loggedIn);
    return await buildAndRecord(step, backend, ctx, log);
  } finally {
    await logout(step, backend, ctx, log, loggedIn);
  }
}

async function buildAndRecord(step: DockerBuildStep, backend: BuildBackend, ctx: ExecutionContext, log: (line: string) => void): Promise<StepOutcome> {
  const buildTool = step.backend === 'buildx' ? 'buildx' : 'buildah';

  const secretEnv = Object.fromEntries(step.secretEnv.map((name) => [name, ctx.env[name]!]));
  const files: BuildCommands = { commands: step.commands, digestFile: step.digestFile, metadataFile: step.metadataFile };
  mkdirSync(dirname(step.digestFile), { recursive: true });
  let digest: string | undefined;
  for (const planned of step.commands) {
    const argv = planned.map((arg) => (arg.includes(DIGEST_PLACEHOLDER) ? arg.replaceAll(DIGEST_PLACEHOLDER, (digest ??= backend.readDigest(files))) : arg));
    const result = await runProcess(argv[0]!, argv.slice(1), { parentEnv: ctx.env, tool: buildTool, secretEnv, cwd: ctx.cwd, signal: ctx.signal, onLine: log, missingHint: MISSING_HINT });
    if (result.code !== 0) {
      throw new UserError(
        `${argv.slice(0, 3).join(' ')} failed (exit ${result.code}) for ${step.platforms.join(', ')}: ${tail(result) || 'no output'}. Nothing was tagged (builds push by digest only).`,
      );
    }
  }
  digest ??= backend.readDigest(files);

  if (step.digestsDir) {
    // One file per platform, named by the platform and holding only the digest: the merge job's input.
    mkdirSync(step.digestsDir, { recursive: true });
    for (const platform of step.platforms) writeFileSync(join(step.digestsDir, platformSlug(platform)), digest);
  }
  return {
    id: step.id,
    status: 'done',
    detail: `pushed ${step.platforms.join(', ')} as ${digest} to ${step.repositories.join(', ')} (untagged until the merge)`,
    produced: { digest, platforms: step.platforms, repositories: step.repositories },
  };
}

const MISSING_HINT = 'install it, or choose another docker.backend';

/** `login HOST --password-stdin` for each host with credentials; a host without any is pushed to as is. */
async function login(step: DockerBuildStep, backend: BuildBackend, ctx: ExecutionContext, log: (line: string) => void, loggedIn: string[]): Promise<void> {
  const logins = parseRegistryCredentials(ctx.secrets['registry-credentials'] ?? '');
  for (const host of step.logins) {
    const credentials = credentialsFor(host, logins, { githubToken: ctx.secrets['github-token'], actor: ctx.env.GITHUB_ACTOR });
    if (!credentials) {
      log(`No credentials for ${host} in registry-credentials: pushing without logging in.`);
      continue;
    }
    ctx.runner.mask(credentials.password);
    const argv = backend.login(host, credentials.username);
    const result = await runProcess(argv[0]!, argv.slice(1), { parentEnv: ctx.env, tool: step.backend === 'buildx' ? 'docker' : 'buildah', cwd: ctx.cwd, stdin: credentials.password, signal: ctx.signal, onLine: log, missingHint: MISSING_HINT });
    if (result.code !== 0) {
      const said = tail(result).split(credentials.password).join('***');
      throw new UserError(`${argv[0]} login to ${host} as ${credentials.username} failed (exit ${result.code}): ${said || 'no output'}. Check the registry-credentials line for ${host}.`);
    }
    loggedIn.push(host);
  }
}

/** `logout HOST` for each host tagship logged in to; a failed logout is a warning, not a failed build. */
async function logout(step: DockerBuildStep, backend: BuildBackend, ctx: ExecutionContext, log: (line: string) => void, loggedIn: readonly string[]): Promise<void> {
  for (const host of loggedIn) {
    const argv = backend.logout(host);
    try {
      const result = await runProcess(argv[0]!, argv.slice(1), { parentEnv: ctx.env, tool: step.backend === 'buildx' ? 'docker' : 'buildah', cwd: ctx.cwd, onLine: log, missingHint: MISSING_HINT });
      if (result.code !== 0) ctx.runner.warning(`${argv.join(' ')} failed (exit ${result.code}): ${tail(result) || 'no output'}. tagship's login to ${host} is still in the Docker config.`);
    } catch (error) {
      ctx.runner.warning(`${argv.join(' ')} could not run: ${(error as Error).message}. tagship's login to ${host} is still in the Docker config.`);
    }
  }
}
