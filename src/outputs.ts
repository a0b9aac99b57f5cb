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
  };
}
