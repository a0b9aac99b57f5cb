import { describe, expect, it } from 'vitest';
import { preflightHeadline, runHeadline } from '../../src/execute/headline.js';
import type { ExecutionReport } from '../../src/execute/run.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import { textWithCode } from '../../src/github/markdown.js';
import { renderSummary } from '../../src/plan/render.js';
import type { PlannedStep } from '../../src/plan/types.js';
import { dockerPlan } from '../docker/support.js';
import { HOSTILE_TEXT } from '../support/hostile-strings.js';
import { blockOpeners, markdownLines, markdownTables } from '../support/markdown-structure.js';

/** The mermaid block's edges, as [from label, to label]. */
function edges(summary: string): Array<[string, string]> {
  const block = summary.slice(summary.indexOf('```mermaid'), summary.indexOf('```', summary.indexOf('```mermaid') + 3));
  const labels = new Map([...block.matchAll(/^ {2}(\w+)\["([^"]*)"\]$/gm)].map((m) => [m[1]!, m[2]!]));
  return [...block.matchAll(/^ {2}(\w+) --> (\w+)$/gm)].map((m) => [labels.get(m[1]!)!, labels.get(m[2]!)!]);
}

const real = () => ({ ...dockerPlan(), dryRun: false });
const steps = (plan: ReturnType<typeof dockerPlan>) => plan.stages.flatMap((stage) => stage.steps);

describe('the mermaid chain is drawn as the steps depend on each other', () => {
  it('a distributed build: both platform builds follow the same step, and the merge follows both', () => {
    const graph = edges(renderSummary(dockerPlan()));
    const builds = graph.filter(([, to]) => to.startsWith('docker: docker-build'));
    expect(builds.map(([, to]) => to)).toEqual(['docker: docker-build linux/amd64', 'docker: docker-build linux/arm64']);
    expect(new Set(builds.map(([from]) => from)).size).toBe(1);
    // The scan reads both builds' digests; the merge waits for the scan.
    expect(graph.filter(([, to]) => to === 'docker: docker-scan').map(([from]) => from)).toEqual(['docker: docker-build linux/amd64', 'docker: docker-build linux/arm64']);
    expect(graph.filter(([, to]) => to === 'docker: docker-merge').map(([from]) => from)).toEqual(['docker: docker-scan']);
    // A plain chain elsewhere: every other node has exactly one predecessor.
    const into = graph.map(([, to]) => to).filter((to) => to !== 'docker: docker-scan');
    expect(new Set(into).size).toBe(into.length);
  });
});

describe('the summary opens with what happened', () => {
  it('a step left out on purpose (signing without an OIDC token) is "skipped", neither done nor already there', () => {
    const plan = real();
    const [merge, attest] = steps(plan).filter((step) => step.kind === 'docker-merge' || step.kind === 'docker-attest');
    const report: ExecutionReport = {
      outcomes: [
        { id: merge!.id, status: 'done', detail: 'pushed `1.2.3`, `latest`' },
        { id: attest!.id, status: 'skipped', detail: 'images not signed, this job cannot get an OIDC token' },
      ],
      notRun: [],
    };
    const headline = runHeadline(plan, report);
    expect(headline.status).toBe('✅ **Released** 1.2.3: 2 steps run, 1 published, 1 skipped.');
    const summary = renderSummary(plan, headline) + renderOutcomes(report);
    expect(markdownTables(summary).at(-1)!.rows.find((row) => row[1] === 'docker-attest')?.[0]).toBe('⏭️ skipped');
    expect(summary).not.toContain('| ✓ already there | docker-attest');
  });

  it('a release: titled released, one status line, a finished step is "already there" with a check mark', () => {
    const plan = real();
    const [build, other, merge] = steps(plan).filter((step) => step.kind === 'docker-build' || step.kind === 'docker-merge');
    const report: ExecutionReport = {
      outcomes: [
        { id: build!.id, status: 'done', detail: 'pushed' },
        { id: other!.id, status: 'done', detail: 'pushed' },
        { id: merge!.id, status: 'unchanged', detail: 'already in place `latest`' },
      ],
      notRun: [],
    };
    const headline = runHeadline(plan, report);
    expect(headline.title).toBe('### tagship: 1.2.3 already released');
    const summary = renderSummary(plan, headline) + renderOutcomes(report);
    const lines = markdownLines(summary);
    expect(lines[0]).toBe('### tagship: 1.2.3 already released');
    expect(lines[2]).toMatch(/^✓ \*\*Nothing to do\*\*: everything was already there \(3 steps run, 1 already there\)/);
    expect(summary).toContain('| ✓ already there | docker-merge | already in place `latest` |');
    expect(summary).not.toContain('⏸️');
    expect(runHeadline(plan, { ...report, outcomes: report.outcomes.map((o) => ({ ...o, status: 'done' })) }).title).toBe('### tagship released: 1.2.3');
    const rebuild = { ...plan, trigger: { ...plan.trigger, kind: 'docker-rebuild' as const } };
    expect(runHeadline(rebuild, { ...report, outcomes: report.outcomes.map((o) => ({ ...o, status: 'done' })) })).toEqual({
      title: '### tagship rebuilt the images of 1.2.3',
      status: '✅ **Rebuilt** the images of 1.2.3: 3 steps run, 1 published.',
    });
  });

  it('a failure: the first line names the step, the cause with its code spans, and what to re-run', () => {
    const plan = real();
    const failedStep = steps(plan)[0]! as PlannedStep;
    const report: ExecutionReport = {
      outcomes: [],
      failed: { step: failedStep, error: new Error('The build command `python -m build` exited 1: RuntimeError: no libfoo.') },
      notRun: steps(plan).slice(1),
    };
    const headline = runHeadline(plan, report);
    expect(headline.title).toBe('### tagship failed: 1.2.3');
    expect(headline.status).toBe(
      `❌ **Failed at \`${failedStep.id}\`**: The build command \`python -m build\` exited 1: RuntimeError: no libfoo. Nothing was done before it; re-run the failed jobs when fixed: finished steps are checked and skipped.`,
    );
    expect(renderOutcomes(report)).toContain('| ❌ failed | python-build | The build command `python -m build` exited 1: RuntimeError: no libfoo. |');
    expect(renderOutcomes(report)).not.toContain('\\`');
  });

  it.each(HOSTILE_TEXT)('%s in a failure: the status line stays one line, the tables keep their shape', (_label, text) => {
    const plan = real();
    const report: ExecutionReport = { outcomes: [], failed: { step: steps(plan)[0]!, error: new Error(`x \`${text}\` ${text}`) }, notRun: [] };
    const summary = renderSummary(plan, runHeadline(plan, report)) + '\n' + renderOutcomes(report);
    expect(markdownLines(summary)[2]).toMatch(/^❌ \*\*Failed at/);
    expect(markdownLines(summary)[3]).toBe('');
    expect(blockOpeners(summary)).toEqual(['```mermaid', '```']);
    const results = markdownTables(summary).at(-1)!;
    expect(results.rows).toHaveLength(1);
    expect(results.rows[0]).toHaveLength(3);
  });
});

describe('a preflight failure', () => {
  it.each(HOSTILE_TEXT)('%s in a failed check: one list item per check, the tables keep their shape', (_label, text) => {
    const plan = real();
    const summary = renderSummary(plan, preflightHeadline(plan, [`pypi-upload: x \`${text}\` ${text}`, 'github-release: give the job `permissions: contents: write`.']));
    const lines = markdownLines(summary);
    expect(lines[0]).toBe('### tagship failed: 1.2.3');
    expect(lines[2]).toBe('❌ **Failed at preflight**: 2 checks failed; nothing was built or published. Fix them and re-run the workflow.');
    expect(lines.slice(4, 7).map((line) => line.slice(0, 2))).toEqual(['- ', '- ', '']);
    expect(lines[5]).toBe('- github-release: give the job `permissions: contents: write`.');
    expect(blockOpeners(summary)).toEqual(['```mermaid', '```']);
    expect(markdownTables(summary)[0]!.rows).toHaveLength(1);
  });
});

describe('textWithCode', () => {
  it('paired backticks become code spans, the rest is escaped prose', () => {
    expect(textWithCode('run `npm ci` first')).toBe('run `npm ci` first');
    expect(textWithCode('`a|b` and *c*')).toBe('`a\\|b` and \\*c\\*');
    expect(textWithCode('a lone ` tick')).toBe('a lone \\` tick');
    expect(textWithCode('ends with `code`')).toBe('ends with `code`');
  });
});
