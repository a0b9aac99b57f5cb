import { UserError } from './errors.js';
import type { GithubEvent } from './trigger.js';

/**
 * A one-click release: a `workflow_dispatch` whose input `bump` says how to move the version
 * (`patch`, `minor`, `auto`, `1.2.3`, …). The run makes the release commit and tag itself, pushes
 * them with the job's token, and, because a tag pushed with GITHUB_TOKEN starts no workflow, goes on
 * in the same run as a hand-off for the new version (docs/one-click.md).
 */
export interface OneClickRequest {
  /** What to bump: a kind, `auto` or an exact version (checked by `tagship bump`'s own parser). */
  bump: string;
  preid?: string;
  /** The branch the release commit goes to: the one the workflow was dispatched on. */
  branch: string;
}

/** Who the release commit and tag are by: the identity GitHub shows for GITHUB_TOKEN's pushes. */
export const ACTIONS_BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' } as const;

/**
 * The one-click request in a dispatch's inputs, or undefined when the run is not one. Pure: reads the
 * event and the step's `version` input only. A `version` as well (the dispatch's or the step's) is
 * refused: one names the release, the other asks for a new one.
 */
export function oneClickRequest(event: GithubEvent, handoffVersion: string | undefined): OneClickRequest | undefined {
  if (event.name !== 'workflow_dispatch') return undefined;
  const inputs = isMapping(event.payload.inputs) ? event.payload.inputs : {};
  const bump = text(inputs.bump);
  if (!bump) return undefined;
  const version = text(inputs.version) ?? handoffVersion?.trim();
  if (version) {
    throw new UserError(
      `The dispatch gives both 'version' (${JSON.stringify(version)}) and 'bump' (${JSON.stringify(bump)}): 'version' releases an existing version, 'bump' makes a new one. Leave one of them empty and run the workflow again.`,
    );
  }
  if (!event.ref.startsWith('refs/heads/')) {
    throw new UserError(`A one-click release commits the bump to a branch, but the workflow was dispatched on ${JSON.stringify(event.ref)}: run it from a branch (Use workflow from: main).`);
  }
  const preid = text(inputs.preid);
  return { bump, ...(preid ? { preid } : {}), branch: event.ref.slice('refs/heads/'.length) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
