import { codeSpan, escapeText, textWithCode } from '../github/markdown.js';
import type { ReleasePlan } from '../plan/types.js';
import { PUBLISHING } from './outputs.js';
import type { ExecutionReport } from './run.js';

/** The summary's title and the one status line under it: what happened, before any detail. */
export interface Headline {
  title: string;
  status: string;
}

/** After the steps ran (or a dry run went through them): released, rehearsed, nothing to do, or failed. */
export function runHeadline(plan: ReleasePlan, report: ExecutionReport): Headline {
  const version = escapeText(plan.version?.normalized ?? '');
  const stages = plan.stages.filter((stage) => stage.steps.length).map((stage) => stage.name);
  if (report.failed) {
    const reason = report.failed.error instanceof Error ? report.failed.error.message : String(report.failed.error);
    const done = report.outcomes.length;
    return {
      title: `### tagship failed: ${version}`,
      status:
        `❌ **Failed at ${codeSpan(report.failed.step.id)}**: ${textWithCode(reason)} ` +
        `${done ? `${done} step${done === 1 ? '' : 's'} finished before it` : 'Nothing was done before it'}; ` +
        `re-run the failed jobs when fixed: finished steps are checked and skipped.`,
    };
  }
  if (plan.dryRun) {
    return { title: `### tagship plan: ${version} (dry run)`, status: `📝 **Dry run**: nothing was published; ${count(report.outcomes.length)} would run.` };
  }
  if (!report.outcomes.length) return { title: `### tagship: nothing to do for ${version}`, status: '✓ **Nothing to do**: no stage has work for this run.' };
  // Released or not is told by the publishing steps: a build is repeated on every run.
  const kinds = new Map(plan.stages.flatMap((stage) => stage.steps).map((step) => [step.id, step.kind]));
  const publishing = report.outcomes.filter((outcome) => PUBLISHING.has(kinds.get(outcome.id)!));
  const published = publishing.filter((outcome) => outcome.status === 'done').length;
  const there = publishing.filter((outcome) => outcome.status === 'unchanged').length;
  // Left out on purpose (signing without an OIDC token under `attestations.enabled: auto`): said, never hidden.
  const skipped = report.outcomes.filter((outcome) => outcome.status === 'skipped').length;
  const summary = `${count(report.outcomes.length)} run${published ? `, ${published} published` : ''}${there ? `, ${there} already there` : ''}${skipped ? `, ${skipped} skipped` : ''}`;
  if (!publishing.length) {
    const what = escapeText(stages.join(', '));
    return { title: `### tagship ${what} done: ${version}`, status: `✅ **Done** (${what}): ${summary}.` };
  }
  if (!published) {
    return { title: `### tagship: ${version} already ${plan.rehearsal ? 'rehearsed' : 'released'}`, status: `✓ **Nothing to do**: everything was already there (${summary}); nothing was changed.` };
  }
  if (plan.trigger.kind === 'docker-rebuild') {
    return { title: `### tagship rebuilt the images of ${version}`, status: `✅ **Rebuilt** the images of ${version}: ${summary}.` };
  }
  return plan.rehearsal
    ? { title: `### tagship rehearsed: ${version}`, status: `✅ **Rehearsed** ${version}: ${summary}.` }
    : { title: `### tagship released: ${version}`, status: `✅ **Released** ${version}: ${summary}.` };
}

/** Preflight stopped the run before any step: the status line, then each failed check as a list item. */
export function preflightHeadline(plan: ReleasePlan, checks: readonly string[]): Headline {
  const count = checks.length === 1 ? '1 check' : `${checks.length} checks`;
  return {
    title: `### tagship failed: ${escapeText(plan.version?.normalized ?? '')}`,
    status: [
      `❌ **Failed at preflight**: ${count} failed; nothing was built or published. Fix ${checks.length === 1 ? 'it' : 'them'} and re-run the workflow.`,
      '',
      ...checks.map((check) => `- ${textWithCode(check)}`),
    ].join('\n'),
  };
}

/** The version checks stopped the run before any step. */
export function guardHeadline(plan: ReleasePlan, message: string): Headline {
  return {
    title: `### tagship failed: ${escapeText(plan.version?.normalized ?? '')}`,
    status: `❌ **Failed at the version check**: ${textWithCode(message)} Nothing was published.`,
  };
}

function count(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}
