/**
 * Attestation steps in the plan, the dry run and the summary, like any other step. The kinds
 * (`github-attest`, `docker-attest`, `verify-assets`; PyPI's attestations ride on `pypi-upload`) belong
 * to the steps that sign and check; the renderers know none of them by name: a plan from real
 * planning is drawn by mermaid in chromium and read back as GFM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHeadline } from '../../src/execute/headline.js';
import { executePlan } from '../../src/execute/run.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import { renderSummary, renderText } from '../../src/plan/render.js';
import type { PlannedStage, PlannedStep, ReleasePlan } from '../../src/plan/types.js';
import { dockerPlan } from '../docker/support.js';
import { openMermaidBrowser, type Drawing, type MermaidBrowser } from '../support/browser.js';
import { parseGfm } from '../support/gfm.js';
import { HOSTILE_TEXT } from '../support/hostile-strings.js';
import { recordingRunner } from '../verify/support/runner.js';

let browser: MermaidBrowser;
beforeAll(async () => {
  browser = await openMermaidBrowser();
}, 60_000);
afterAll(async () => browser?.close());

/**
 * The seed project's plan (Python, release, images, verify) as the planners make it, with its
 * attestation steps; `targets` replaces what those steps show (PEP 740 rides on `pypi-upload`).
 */
function planWithAttestations(targets: { pypi?: string; assets?: string; image?: string; verify?: string } = {}): ReleasePlan {
  const plan = dockerPlan();
  const replaced: Record<string, string | undefined> = { 'pypi-upload': targets.pypi, 'github-attest': targets.assets, 'docker-attest': targets.image, 'verify-assets': targets.verify };
  const stages = plan.stages.map((stage) => ({ ...stage, steps: stage.steps.map((step) => (replaced[step.kind] === undefined ? step : ({ ...step, target: replaced[step.kind] } as PlannedStep))) }));
  return { ...plan, stages };
}

const drawn = (rendered: Awaited<ReturnType<MermaidBrowser['render']>>): Drawing => {
  if ('error' in rendered) throw new Error(`mermaid could not render the diagram: ${rendered.error}`);
  return rendered;
};

const KINDS = ['github-attest', 'docker-attest', 'verify-assets'];

describe('attestation steps in the plan', () => {
  it('the text plan lists them in their stages, in run order', () => {
    const lines = renderText(planWithAttestations()).split('\n').filter((line) => line.startsWith('      - '));
    const kinds = lines.map((line) => line.trim().split(/\s+/)[1]);
    expect(kinds.slice(0, 4)).toEqual(['python-build', 'pypi-upload', 'github-release', 'github-attest']);
    expect(lines.find((line) => line.includes('pypi-upload'))).toContain('with PEP 740 attestations');
    expect(kinds.indexOf('docker-attest')).toBe(kinds.indexOf('docker-merge') + 1);
    expect(kinds.indexOf('verify-assets')).toBe(kinds.indexOf('verify-python') + 1);
    expect(lines.find((line) => line.includes('github-attest'))).toMatch(/^ {6}- github-attest {2}\S/);
  });

  it('the summary\'s Stages table and its mermaid diagram show them as steps of the chain, drawn in chromium', async () => {
    const plan = planWithAttestations();
    const doc = parseGfm(renderSummary(plan));
    const stages = doc.tables.find((t) => t.header.join('|') === 'stage|step|target')!;
    const claimed = stages.rows.filter(([, step]) => step !== 'skipped').map(([stage, step, target]) => (step === 'docker-build' ? `${stage}: ${step} ${target!.split(' → ')[0]}` : `${stage}: ${step}`));
    for (const kind of KINDS) expect(stages.rows.map((r) => r[1])).toContain(kind);

    const drawing = drawn(await browser.render(doc.code.find((c) => c.lang === 'mermaid')!.value));
    expect(drawing.nodes.map((n) => n.label)).toEqual(['version guard', ...claimed]);
    expect(drawing.markup).toEqual([]);
    const edges = drawing.edges.map((e): [string, string] => [drawing.nodes[e.from]!.label, drawing.nodes[e.to]!.label]);
    expect(edges).toContainEqual(['release: python-build', 'release: pypi-upload']);
    expect(edges).toContainEqual(['release: github-release', 'release: github-attest']);
    expect(edges).toContainEqual(['docker: docker-merge', 'docker: docker-attest']);
    // The platform builds still follow the release stage's last step, now its attestation, side by side.
    expect(edges.filter(([, to]) => to.startsWith('docker: docker-build ')).map(([from]) => from)).toEqual(['release: github-attest', 'release: github-attest']);
    for (const edge of drawing.edges) expect(drawing.nodes[edge.to]!.x).toBeGreaterThan(drawing.nodes[edge.from]!.x + drawing.nodes[edge.from]!.width - 1);
  });

  it('the dry run goes through them like any step: planned, counted, listed; nothing claimed as attested', async () => {
    const plan = planWithAttestations();
    const { runner } = recordingRunner();
    const report = await executePlan({}, { plan, cwd: '/nonexistent', runner, env: {}, secrets: {} });
    const planned = report.outcomes.filter((o) => KINDS.some((kind) => o.id === kind || o.id.startsWith(`${kind}:`)));
    const steps = plan.stages.flatMap((s) => s.steps);
    expect(planned.map((o) => o.detail)).toEqual(KINDS.map((kind) => `would run ${kind} → ${steps.find((step) => step.kind === kind)!.target}`));
    const headline = runHeadline(plan, report);
    expect(headline.status).toBe(`📝 **Dry run**: nothing was published; ${plan.stages.flatMap((s) => s.steps).length} steps would run.`);
    const doc = parseGfm(renderSummary(plan, headline) + '\n' + renderOutcomes(report));
    expect(doc.headings).not.toContain('Attested');
    expect(doc.tables.at(-1)!.rows.filter((r) => KINDS.some((kind) => r[1]!.startsWith(kind))).map((r) => r[0])).toEqual(['📝 planned', '📝 planned', '📝 planned']);
  });

  it.each(HOSTILE_TEXT)('%s in an attestation step\'s target: the tables keep their shape, the diagram is unchanged', (_label, text) => {
    const plain = parseGfm(renderSummary(planWithAttestations()));
    const plan = planWithAttestations({ pypi: text, assets: text, image: text, verify: text });
    const doc = parseGfm(renderSummary(plan));
    expect(doc.blocks).toEqual(plain.blocks);
    expect(doc.tables.map((t) => [t.header, t.rows.length, t.rows.map((r) => r.length)])).toEqual(plain.tables.map((t) => [t.header, t.rows.length, t.rows.map((r) => r.length)]));
    expect(doc.html).toEqual([]);
    // Labels name the stage and kind only (the drawn diagram is checked above): the source is the same.
    expect(doc.code).toEqual(plain.code);
  });
});
