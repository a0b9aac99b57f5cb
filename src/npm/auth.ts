import semver from 'semver';
import { UserError } from '../errors.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import { runNpm, type NpmRun } from './cli.js';
import { onNpmjs } from './links.js';

/** npm exchanges the job's OIDC token for a publish token itself from this version on. */
export const TRUSTED_PUBLISHING_NPM = '11.5.1';

export type NpmAuth = { kind: 'token'; token: string } | { kind: 'oidc' };

/** The job may request an OIDC token (`permissions: id-token: write`). */
export function oidcAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/** A token when given; otherwise npm's trusted publishing when the job can use it; otherwise what to do. */
export async function resolveAuth(step: NpmPublishStep, token: string | undefined, env: NodeJS.ProcessEnv, run: NpmRun): Promise<NpmAuth> {
  if (token) return { kind: 'token', token };
  if (!oidcAvailable(env)) {
    throw new UserError(
      `Publishing ${step.target} needs credentials: pass the npm-token input (a token with publish rights, from a secret), or use npm trusted publishing (grant \`permissions: id-token: write\` and register this workflow as the package's trusted publisher). Nothing was published.`,
    );
  }
  const version = (await runNpm(['--version'], run)).stdout.trim();
  if (!semver.valid(version) || semver.lt(version, TRUSTED_PUBLISHING_NPM)) {
    throw new UserError(
      `npm ${version || '(unknown version)'} on this runner cannot use trusted publishing (it needs npm ${TRUSTED_PUBLISHING_NPM} or later): use Node 24 (actions/setup-node), run \`npm install -g npm@latest\` first, or pass the npm-token input. Nothing was published.`,
    );
  }
  return { kind: 'oidc' };
}

/**
 * Whether to ask for provenance. `auto` asks only where npm can make it: an OIDC token, the public
 * registry (its transparency log is public), and a package readers may see.
 */
export function wantsProvenance(step: NpmPublishStep, env: NodeJS.ProcessEnv): boolean {
  if (step.provenance === true) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
      throw new UserError(`npm.provenance is true, but this job cannot request an OIDC token: grant \`permissions: id-token: write\` to the job, or set npm.provenance to auto. Nothing was published.`);
    }
    return true;
  }
  if (step.provenance === false) return false;
  return oidcAvailable(env) && onNpmjs(step.registry) && step.access !== 'restricted';
}
