import type { ExecutionContext, StepExecutor, StepOutcome } from '../execute/types.js';
import type { GithubReleaseStep } from '../plan/steps/github-release.js';
import { collectAssets } from './assets.js';
import { loadChangelog } from './changelog-source.js';
import { connectGithub, type ClientTuning } from './connect.js';
import { canMintIdToken } from '../sigstore/id-token.js';
import { publishedTargets, renderBody, renderChangelogSection, renderInstall, renderVerify } from './notes.js';
import { publishRelease } from './release.js';

/**
 * The GitHub release step: reads everything first (asset files, changelog, the release as it is),
 * then writes (create or update, upload, publish). A failure before the first write leaves nothing
 * behind; a failure after it leaves at most an unpublished draft that a re-run completes.
 */
export function createGithubReleaseExecutor(tuning: ClientTuning = {}): StepExecutor<'github-release'> {
  return async (step, ctx) => {
    const assets = await collectAssets(ctx.cwd, step.assets.globs, { required: step.assets.required, checksums: step.assets.checksums });
    const github = connectGithub(ctx, `The GitHub release ${step.tag}`, tuning);
    const body = await releaseBody(step, ctx, github);
    ctx.runner.info(`Release notes for ${step.tag}:`);
    ctx.runner.info(body);
    const result = await publishRelease(
      github.client,
      {
        owner: github.owner,
        repo: github.repo,
        tag: step.tag,
        name: step.name,
        body,
        prerelease: step.prerelease,
        draft: step.draft,
        makeLatest: step.makeLatest,
        ...(step.commit ? { commit: step.commit } : {}),
      },
      assets,
      { info: (message) => ctx.runner.info(message) },
    );
    const changed = result.created || result.updated || result.uploaded.length > 0 || result.replaced.length > 0;
    const files = [
      result.uploaded.length ? `${result.uploaded.length} uploaded` : '',
      result.replaced.length ? `${result.replaced.length} replaced` : '',
      result.kept.length ? `${result.kept.length} unchanged` : '',
    ].filter(Boolean);
    const state = result.release.draft ? 'draft' : result.release.prerelease ? 'prerelease' : 'release';
    const outcome: StepOutcome = {
      id: step.id,
      status: changed ? 'done' : 'unchanged',
      detail:
        `${result.created ? 'created' : changed ? 'updated' : 'already up to date:'} ${state} ${step.tag}` +
        `${step.makeLatest === 'true' && !result.release.draft ? ' (latest)' : ''}` +
        `${files.length ? `; assets: ${files.join(', ')}` : ''}`,
      links: [{ label: `release ${step.tag}`, url: result.release.html_url }],
      // The assets as published, for the step that attests them (github-attest).
      produced: { releaseId: result.release.id, releaseUrl: result.release.html_url, assets: assets.map(({ name, digest }) => ({ name, digest })) },
    };
    return outcome;
  };
}

export const executeGithubRelease = createGithubReleaseExecutor();

async function releaseBody(step: GithubReleaseStep, ctx: ExecutionContext, github: ReturnType<typeof connectGithub>): Promise<string> {
  const finished = new Set([...ctx.outcomes.values()].filter((o) => o.status === 'done' || o.status === 'unchanged').map((o) => o.id));
  const changelog = await loadChangelog(
    github.client,
    {
      owner: github.owner,
      repo: github.repo,
      tag: step.tag,
      ...(step.commit ? { commit: step.commit } : {}),
      ...(step.previousTag ? { previousTag: step.previousTag } : {}),
      ...(step.path !== undefined ? { path: step.path } : {}),
      mode: step.notes.changelog,
      serverUrl: github.serverUrl,
    },
    (message) => ctx.runner.warning(message),
  );
  const repositoryUrl = `${github.serverUrl}/${github.owner}/${github.repo}`;
  const version = ctx.plan.version?.normalized ?? step.tag;
  return renderBody(step.notes.template, {
    version,
    tag: step.tag,
    'previous-tag': step.previousTag ?? '',
    repository: `${github.owner}/${github.repo}`,
    install: renderInstall(publishedTargets(step.notes.install, finished)),
    verify: willAttest(ctx) ? renderVerify(`${github.owner}/${github.repo}`, step.assets.checksums) : '',
    changelog: renderChangelogSection(changelog),
    'compare-url': step.previousTag ? `${repositoryUrl}/compare/${step.previousTag}...${step.tag}` : '',
  });
}

/**
 * The notes say how to verify a download only when the assets will be attested: the plan attests them,
 * and the job can sign (or must: `attestations.enabled: true` fails the run otherwise).
 */
function willAttest(ctx: ExecutionContext): boolean {
  const attest = ctx.plan.stages.flatMap((stage) => stage.steps).find((step) => step.kind === 'github-attest');
  return attest?.kind === 'github-attest' && (attest.attestation.required || canMintIdToken(ctx.env));
}
