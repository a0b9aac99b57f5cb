import { markdownLink } from '../github/markdown.js';
import { cell } from '../plan/render.js';
import type { ExecutionReport } from './run.js';

/** The job summary's account of what was done, with links to everything published. */
export function renderOutcomes(report: ExecutionReport): string {
  if (!report.outcomes.length && !report.failed) return '';
  const icon = { done: '✅', unchanged: '⏸️ already done', planned: '📝 planned' } as const;
  const rows = report.outcomes.map((o) => {
    const links = (o.links ?? []).map((l) => markdownLink(l.label, l.url)).join(' ');
    return `| ${icon[o.status]} | ${cell(o.id)} | ${cell(o.detail)} ${links} |`;
  });
  if (report.failed) rows.push(`| ❌ failed | ${cell(report.failed.step.id)} | ${cell(report.failed.error instanceof Error ? report.failed.error.message : String(report.failed.error))} |`);
  for (const step of report.notRun) rows.push(`| ⏭️ not run | ${cell(step.id)} | ${cell(step.target)} |`);
  return ['#### Results', '', '| | step | detail |', '| --- | --- | --- |', ...rows, ''].join('\n');
}
