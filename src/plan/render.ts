import { codeSpan, escapeText } from '../github/markdown.js';
import { describeAttestations, describePrebuilt } from './steps/python.js';
import type { PlannedStep, ReleasePlan } from './types.js';

/** A plain-text view of the plan for terminals and logs. */
export function renderText(plan: ReleasePlan): string {
  if (plan.trigger.kind === 'ignored') return `Nothing to do: ${plan.trigger.reason}.`;
  const v = plan.version!;
  const lines = [
    `tagship plan${plan.dryRun ? ' (dry run)' : ''}: ${plan.trigger.kind} ${plan.trigger.ref ?? ''}`.trimEnd(),
    `  version   ${v.normalized} (${v.scheme}${v.prerelease ? ', prerelease' : ''}${plan.latest ? ', latest' : ''}${plan.rehearsal ? ', rehearsal' : ''})`,
    '  checks',
    ...(plan.checks.length
      ? plan.checks.map((c) => `    ${c.ok ? 'ok  ' : 'FAIL'} ${c.file}${c.line ? `:${c.line}` : ''}  ${c.found}${c.ok ? '' : `  (tag says ${c.expected})`}`)
      : ['    (no version sources found)']),
    '  stages',
  ];
  for (const stage of plan.stages) {
    lines.push(`    ${stage.name}${stage.skipped ? `: skipped, ${stage.skipped}` : ''}`);
    for (const step of stage.steps) lines.push(`      - ${step.kind}  ${step.target}${describeStep(step)}`);
  }
  if (!plan.stages.length) lines.push('    (none)');
  if (plan.docker) {
    const d = plan.docker;
    lines.push(`  images    ${d.platforms.join(', ')} (${d.mode}, ${d.backend}${d.job === 'all' ? '' : `, docker-job ${d.job}`})`);
    for (const image of d.images) lines.push(...image.tags.map((ref) => `    ${ref}`));
    for (const line of d.runners) lines.push(`  runner    ${line}`);
  }
  return lines.join('\n');
}

function describeStep(step: PlannedStep): string {
  switch (step.kind) {
    case 'npm-publish': {
      const ranges = (step.workspaceRanges ?? []).map((r) => `${r.name} ${r.from} → ${r.to}`);
      return `  --tag ${step.distTag}${ranges.length ? `  (${ranges.join(', ')})` : ''}`;
    }
    case 'docker-build':
      return `  (${step.backend})`;
    case 'pypi-upload': {
      const parts = [describePrebuilt(step), describeAttestations(step)].filter(Boolean);
      return parts.length ? `  (${parts.join('; ')})` : '';
    }
    case 'github-release':
      return `  make_latest=${step.makeLatest}${step.prerelease ? ' prerelease' : ''}${step.draft ? ' draft' : ''}`;
    case 'github-attest':
      return `  (SLSA provenance, ${step.attestation.instance.name} Sigstore${step.attestation.required ? '' : ', when the job can sign'})`;
    case 'verify-assets':
      return `  (gh attestation verify, ${step.instance.name} Sigstore)`;
    default:
      return '';
  }
}

/** The prebuilt files and the attestations of a PyPI upload, for the plan's table. */
function uploadNote(step: Extract<PlannedStep, { kind: 'pypi-upload' }>): string {
  const parts = [describePrebuilt(step), describeAttestations(step)].filter(Boolean);
  return parts.length ? ` (${cell(parts.join('; '))})` : '';
}

/** Markdown cell text: untrusted values cannot break the table or inject markup. */
export function cell(text: string | number | boolean | undefined): string {
  return escapeText(String(text ?? ''));
}

/**
 * The job summary: a title and status line (what happened, when known: see execute/headline.ts), then
 * tables of the version, checks and steps, and a diagram of the stages.
 */
export function renderSummary(plan: ReleasePlan, headline?: { title: string; status: string }): string {
  if (plan.trigger.kind === 'ignored') return `### tagship: nothing to do\n\n${cell(plan.trigger.reason)}\n`;
  const v = plan.version!;
  const out = [
    headline?.title ?? `### tagship plan: ${cell(v.normalized)}${plan.dryRun ? ' (dry run)' : ''}`,
    '',
    ...(headline ? [headline.status, ''] : []),
    '| trigger | version | prerelease | latest | rehearsal |',
    '| --- | --- | --- | --- | --- |',
    `| ${cell(plan.trigger.kind)} ${codeSpan(plan.trigger.ref ?? '')} | ${cell(v.normalized)} | ${v.prerelease ? 'yes' : 'no'} | ${plan.latest ? 'yes' : 'no'} | ${plan.rehearsal ? 'yes' : 'no'} |`,
    '',
    '#### Version checks',
    '',
    '| | source | found | tag says |',
    '| --- | --- | --- | --- |',
    ...plan.checks.map((c) => `| ${c.ok ? '✅' : '❌'} | ${cell(c.file)}${c.line ? `:${c.line}` : ''} | ${cell(c.found)} | ${cell(c.expected)} |`),
    '',
    '#### Stages',
    '',
    '| stage | step | target |',
    '| --- | --- | --- |',
    ...plan.stages.flatMap((stage) =>
      stage.steps.length
        ? stage.steps.map((step) => `| ${stage.name} | ${step.kind} | ${cell(step.target)}${step.kind === 'pypi-upload' ? uploadNote(step) : ''} |`)
        : [`| ${stage.name} | skipped | ${cell(stage.skipped)} |`],
    ),
  ];
  if (plan.docker) {
    const d = plan.docker;
    out.push('', '#### Images', '', `${cell(d.platforms.join(', '))}, ${d.mode} build with ${d.backend}. Tags in write order:`, '', '| image | tags |', '| --- | --- |');
    for (const image of d.images) out.push(`| ${cell(image.name)} | ${image.tags.map((ref) => codeSpan(ref.slice(image.name.length + 1))).join(' ')} |`);
    if (d.runners.length) out.push('', 'Build runners:', '', ...d.runners.map((line) => `- ${cell(line)}`));
  }
  const active = plan.stages.filter((s) => s.steps.length);
  if (active.length) out.push('', ...mermaidChain(active));
  return out.join('\n') + '\n';
}

/**
 * The stages as a mermaid flowchart, drawn as they run: one after another, except a distributed
 * Docker build's platform builds (one job each, side by side), which all follow the same predecessor
 * and all lead to the next step.
 */
export function mermaidChain(stages: ReleasePlan['stages']): string[] {
  const out = ['```mermaid', 'flowchart LR', '  guard["version guard"]'];
  let previous = ['guard'];
  for (const stage of stages) {
    const builds = stage.steps.filter((step) => step.kind === 'docker-build');
    const parallel = builds.length > 1 ? new Set(builds) : new Set<PlannedStep>();
    let group: string[] = [];
    stage.steps.forEach((step, i) => {
      const id = `${stage.name}${i}`;
      // A mermaid label is a quoted string: a quote in it would end it early.
      out.push(`  ${id}["${stage.name}: ${step.kind}${parallel.has(step) ? ` ${mermaidLabel(step.id.split(':').slice(1).join(':'))}` : ''}"]`);
      out.push(...previous.map((from) => `  ${from} --> ${id}`));
      if (parallel.has(step)) {
        group.push(id);
        const next = stage.steps[i + 1];
        if (next && parallel.has(next)) return;
        previous = group;
        group = [];
      } else previous = [id];
    });
  }
  out.push('```');
  return out;
}

function mermaidLabel(text: string): string {
  return text.replace(/["#\\<>`\[\]{}|\r\n]/g, ' ');
}
