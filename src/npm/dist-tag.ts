import semver from 'semver';
import { UserError } from '../errors.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import { readNpmFailure, runNpm, type NpmRun } from './cli.js';
import type { Packument } from './packument.js';

/**
 * `latest` would move backwards: the registry's `latest` is a higher version than this one (published
 * outside the tags tagship reads). The plan decided `latest` from the git tags; the registry wins.
 */
export function latestIsHigher(step: NpmPublishStep, packument: Packument | undefined): string | undefined {
  if (step.distTag !== 'latest') return undefined;
  const current = packument?.distTags.latest;
  return current && semver.valid(current) && semver.gt(current, step.version) ? current : undefined;
}

export type DistTagResult = { state: 'in-place' } | { state: 'moved'; from?: string } | { state: 'kept'; current: string };

/**
 * Points the planned dist-tag at a version that is already published (a re-run, or a publish whose
 * answer was lost). Never moves `latest` backwards. Needs the token: `npm dist-tag` has no OIDC path.
 */
export async function ensureDistTag(step: NpmPublishStep, packument: Packument, hasToken: boolean, run: NpmRun): Promise<DistTagResult> {
  const current = packument.distTags[step.distTag];
  if (current === step.version) return { state: 'in-place' };
  const higher = latestIsHigher(step, packument);
  if (higher) return { state: 'kept', current: higher };
  if (!hasToken) {
    throw new UserError(
      `${step.target} is published, but its dist-tag ${step.distTag} points at ${current ?? 'nothing'}: run \`npm dist-tag add ${step.target} ${step.distTag}\`, or pass the npm-token input so tagship can (npm dist-tag has no trusted-publishing login).`,
    );
  }
  const result = await runNpm(['dist-tag', 'add', step.target, step.distTag, '--registry', step.registry, '--json'], run);
  if (result.code !== 0) {
    throw new UserError(`${step.target} is published, but \`npm dist-tag add ${step.target} ${step.distTag}\` failed: ${readNpmFailure(result).summary}. Fix the token's rights and re-run.`);
  }
  return { state: 'moved', ...(current ? { from: current } : {}) };
}
