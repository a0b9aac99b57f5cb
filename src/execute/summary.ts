import { markdownLink, textWithCode } from '../github/markdown.js';
import { cell } from '../plan/render.js';
import { renderAttested } from './attested.js';
import type { ReleasePlan } from '../plan/types.js';
import type { ExecutionReport } from './run.js';

/** The job summary's account of what was done, with links to everything published, then what was attested. */
export function renderOutcomes(report: ExecutionReport, plan?: ReleasePlan): string {
  if (!report.outcomes.length && !report.failed) return '';
  // Work a re-run finds finished is a success too: a check mark, not a pause.
  const icon = { done: '✅ done', unchanged: '✓ already there', planned: '📝 planned', skipped: '⏭️ skipped' } as const;
  const rows = report.outcomes.map((o) => {
    const links = (o.links ?? []).map((l) => markdownLink(l.label, l.url)).join(' ');
    return `| ${icon[o.status]} | ${cell(o.id)} | ${[textWithCode(o.detail), links].filter(Boolean).join(' ')} |`;
  });
  if (report.failed) rows.push(`| ❌ failed | ${cell(report.failed.step.id)} | ${textWithCode(report.failed.error instanceof Error ? report.failed.error.message : String(report.failed.error))} |`);
  for (const step of report.notRun) rows.push(`| ⏭️ not run | ${cell(step.id)} | ${cell(step.target)} |`);
  const attested = renderAttested(report.outcomes, plan?.stages.flatMap((stage) => stage.steps));
  return ['#### Results', '', '| | step | detail |', '| --- | --- | --- |', ...rows, '', ...(attested ? [attested] : [])].join('\n');
}
