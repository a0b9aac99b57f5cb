import type { PlanContext } from '../context.js';

export interface GithubReleaseStep {
  kind: 'github-release';
  id: string;
  target: string;
  tag: string;
  name: string;
  prerelease: boolean;
  draft: boolean;
  /** The API's string values: only the highest stable release takes `true`. */
  makeLatest: 'true' | 'false';
}

export function planGithubRelease(ctx: PlanContext): GithubReleaseStep[] {
  if (!ctx.config['github-release'].enabled) return [];
  return [
    {
      kind: 'github-release',
      id: 'github-release',
      target: ctx.facts.repository ? `${ctx.facts.repository}@${ctx.tag}` : ctx.tag,
      tag: ctx.tag,
      name: ctx.tag,
      prerelease: ctx.version.prerelease || ctx.rehearsal,
      // A rehearsal exercises the release path without showing anything on the releases page.
      draft: ctx.rehearsal,
      makeLatest: ctx.latest ? 'true' : 'false',
    },
  ];
}
