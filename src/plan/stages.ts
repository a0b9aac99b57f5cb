import { UserError } from '../errors.js';

/** The stages a release goes through, in execution order. */
export const STAGES = ['release', 'docker', 'verify', 'deploy'] as const;
export type StageName = (typeof STAGES)[number];

export function isStageName(text: string): text is StageName {
  return (STAGES as readonly string[]).includes(text);
}

/** Parses `release,docker` (commas or spaces); `what` names the setting in the error. */
export function parseStageList(text: string, what: string): StageName[] {
  const names = text.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !isStageName(name));
  if (unknown.length) {
    throw new UserError(`${what} has unknown stage ${JSON.stringify(unknown[0])}: expected a list of ${STAGES.join(', ')}.`);
  }
  return STAGES.filter((stage) => names.includes(stage));
}
