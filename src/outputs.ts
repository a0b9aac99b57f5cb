import type { ReleasePlan } from './plan/types.js';

/** Every output `action.yml` declares, from a plan; a contract test keeps the two equal. */
export function planOutputs(plan: ReleasePlan): Record<string, string> {
  const v = plan.version;
  return {
    trigger: plan.trigger.kind,
    version: v?.normalized ?? '',
    major: v ? String(v.major) : '',
    minor: v ? String(v.minor) : '',
    patch: v ? String(v.patch) : '',
    prerelease: v ? String(v.prerelease) : 'false',
    latest: String(plan.latest),
    stages: plan.stages.filter((stage) => stage.steps.length).map((stage) => stage.name).join(','),
    plan: JSON.stringify(plan),
    matrix: JSON.stringify(plan.docker?.matrix ?? { include: [] }),
    'source-ref': sourceRef(plan),
  };
}

/**
 * The tag whose commit is the release's source. A rebuild (`docker-rebuild-v1.2.3`) or a dispatch starts
 * at another commit (the rebuild tag's, a branch's), but builds `refs/tags/v1.2.3`; a rehearsal builds
 * the rehearsal tag it was started by.
 */
function sourceRef(plan: ReleasePlan): string {
  const trigger = plan.trigger;
  const tag = trigger.kind === 'rehearsal' ? trigger.ref : trigger.tag;
  return trigger.kind === 'ignored' || !tag ? '' : `refs/tags/${tag}`;
}
