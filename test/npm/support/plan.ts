import { parseConfig } from '../../../src/config/load.js';
import { buildPlan } from '../../../src/plan/build.js';
import type { ReleasePlan } from '../../../src/plan/types.js';
import { resolveTrigger } from '../../../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../../../src/version/tag.js';
import { detectProject } from '../../../src/version/sources/detect.js';
import { tagPush } from '../../support/payloads.js';

/** The real planner's plan for a tag push of `project`, narrowed to its npm-publish steps. */
export function npmPlan(project: string, tag: string, registry: string, options: { known?: string[]; config?: string } = {}): ReleasePlan {
  const config = parseConfig({ file: '.github/tagship.yml', text: `npm:\n  registry: ${registry}\n${options.config ?? ''}` });
  const trigger = resolveTrigger({ name: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag) }, DEFAULT_TAG_CONVENTIONS);
  const plan = buildPlan({ trigger, config, facts: { project: detectProject(project), knownVersions: options.known ?? [], repository: 'acme/app' }, now: new Date('2026-11-22T12:00:00Z'), dryRun: false });
  const steps = plan.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'npm-publish');
  return { ...plan, stages: [{ name: 'release', steps }] };
}
