import { UserError } from '../errors.js';
import type { PlannedStep } from '../plan/types.js';
import type { ExecutionContext, ExecutorRegistry, StepExecutor, StepKind, StepOutcome } from './types.js';

export interface ExecutionReport {
  outcomes: StepOutcome[];
  /** Set when a step failed: the run stops there. */
  failed?: { step: PlannedStep; error: unknown };
  /** Steps never reached because an earlier one failed. */
  notRun: PlannedStep[];
}

/**
 * Runs the plan's steps in order, stage by stage, and stops at the first failure. A dry run takes the
 * same path with every step reported as `planned`, so what a dry run shows is what a real run does.
 */
export async function executePlan(registry: ExecutorRegistry, ctx: Omit<ExecutionContext, 'outcomes'>): Promise<ExecutionReport> {
  const outcomes = new Map<string, StepOutcome>();
  const steps = ctx.plan.stages.flatMap((stage) => stage.steps);
  if (!ctx.plan.dryRun && steps.some((step) => PUBLISHING_KINDS.has(step.kind) || 'attestation' in step)) await runPreflight(steps, ctx);
  for (const [index, step] of steps.entries()) {
    try {
      const outcome = ctx.plan.dryRun
        ? { id: step.id, status: 'planned' as const, detail: `would run ${step.kind} → ${step.target}` }
        : await ctx.runner.group(`${step.kind}: ${step.target}`, async () => (await loadExecutor(registry, step.kind))(step as never, { ...ctx, outcomes }));
      outcomes.set(step.id, outcome);
      ctx.runner.info(`${outcome.status === 'unchanged' ? '=' : outcome.status === 'planned' ? '·' : outcome.status === 'skipped' ? '-' : '✓'} ${step.id}: ${outcome.detail}`);
    } catch (error) {
      return { outcomes: [...outcomes.values()], failed: { step, error }, notRun: steps.slice(index + 1) };
    }
  }
  return { outcomes: [...outcomes.values()], notRun: [] };
}

/** Steps whose credentials preflight checks before anything is built. */
const PUBLISHING_KINDS = new Set<StepKind>(['pypi-upload', 'npm-publish', 'docker-build', 'docker-merge', 'github-release']);

/**
 * Credentials and trusted-publishing claims checked in seconds, before the first build: every failed
 * check is its own error line, then the run stops with nothing built or published.
 */
async function runPreflight(steps: PlannedStep[], ctx: Omit<ExecutionContext, 'outcomes'>): Promise<void> {
  const { preflight } = await import('./preflight.js');
  const failures = await ctx.runner.group('preflight: credentials', () => preflight(steps, ctx));
  if (!failures.length) return;
  for (const line of failures) ctx.runner.error(line);
  throw new PreflightFailure(failures);
}

/** Preflight stopped the run: every failed check, one line each (the job summary lists them). */
export class PreflightFailure extends UserError {
  constructor(readonly checks: readonly string[]) {
    super(`Preflight: ${checks.length} check${checks.length === 1 ? '' : 's'} failed (listed above); nothing was built or published. Fix ${checks.length === 1 ? 'it' : 'them'} and re-run the workflow.`);
  }
}

async function loadExecutor<K extends StepKind>(registry: ExecutorRegistry, kind: K): Promise<StepExecutor<K>> {
  const load = registry[kind] as (() => Promise<StepExecutor<K>>) | undefined;
  if (!load) throw new UserError(`tagship cannot run step '${kind}' in this version. Run with dry-run: true, or update tagship.`);
  return load();
}

/** The failure line: what failed, what was done before it, and that a re-run resumes. */
export function describeFailure(report: ExecutionReport): string {
  const { failed } = report;
  if (!failed) return '';
  const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
  const done = report.outcomes.map((o) => o.id);
  const notRun = report.notRun.map((s) => s.id);
  return (
    `${failed.step.id} failed: ${reason}` +
    ` Done before it: ${done.length ? done.join(', ') : 'nothing'}.` +
    ` Not run: ${[failed.step.id, ...notRun].join(', ')}.` +
    ' Re-running the same workflow resumes: finished steps are checked and skipped.'
  );
}
