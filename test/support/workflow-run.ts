/**
 * Plays a caller workflow (an example's `.github/workflows/release.yml`) the way GitHub would for one
 * event, far enough to see what tagship plans in every job: does the `on:` filter start it, which jobs of
 * the reusable workflows it calls run, with which inputs, and what the built action plans there (dry-run).
 *
 * Only what these workflows use is understood; anything else (an unknown `${{ }}` expression or job `if:`)
 * throws, so a workflow cannot drift past what this test checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runBuiltAction, type ActionRun } from './action-run.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: unknown };
  steps?: Step[];
  outputs?: Record<string, string>;
}
interface Workflow {
  on: Record<string, any>;
  jobs: Record<string, Job>;
}

export interface Event {
  name: string;
  payload: Record<string, any>;
}

/** One run of the tagship action inside a job. */
export interface TagshipStepRun {
  /** `release/plan`, `docker/build[linux/arm64]`, … */
  job: string;
  inputs: Record<string, string>;
  run: ActionRun;
  /** Ids of the steps this job executes (none for a job that only plans). */
  steps: string[];
}

const TAGSHIP_ACTION = /^tagship\/tagship@/;
const REUSABLE = /^tagship\/tagship\/\.github\/workflows\/([^@]+)@/;

/** GitHub's filter patterns as these workflows use them: `*` is anything but `/`, `**` anything. */
function globMatches(pattern: string, text: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*|\*/g, (star) => (star === '**' ? '.*' : '[^/]*'));
  return new RegExp(`^${source}$`).test(text);
}

/** Whether the workflow's `on:` starts a run for this event. */
export function starts(on: Workflow['on'], event: Event): boolean {
  const filter = on[event.name];
  if (filter === undefined) return false;
  if (event.name !== 'push') return true;
  const ref = String(event.payload.ref);
  const [kind, name] = ref.startsWith('refs/tags/') ? ['tags', ref.slice(10)] : ['branches', ref.replace(/^refs\/heads\//, '')];
  const patterns: string[] | undefined = filter?.[kind];
  const other = filter?.[kind === 'tags' ? 'branches' : 'tags'];
  if (!patterns) return other === undefined;
  return patterns.some((pattern) => globMatches(pattern, name));
}

interface Context {
  inputs: Record<string, string>;
  matrix?: Record<string, string>;
  needs: Record<string, { result: string; outputs: Record<string, string> }>;
  runnerTemp: string;
}

/** `${{ … }}` as these workflows use it, inside an input value. */
function interpolate(value: unknown, ctx: Context): string {
  return String(value ?? '').replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_all, expression: string) => {
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(expression))) return ctx.inputs[m[1]!] ?? '';
    if ((m = /^matrix\.([\w-]+)$/.exec(expression)) && ctx.matrix) return ctx.matrix[m[1]!] ?? '';
    if (/^secrets\.[\w-]+$/.test(expression)) return '';
    if (expression === 'runner.temp') return ctx.runnerTemp;
    throw new Error(`workflow-run: unknown expression \${{ ${expression} }}`);
  });
}

/** The job `if:` conditions these workflows use, each as GitHub evaluates it. */
function condition(text: string | undefined, ctx: Context): boolean {
  if (text === undefined) return Object.values(ctx.needs).every((need) => need.result === 'success');
  const expression = text.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  let m: RegExpExecArray | null;
  if (expression === '!failure() && !cancelled()') return Object.values(ctx.needs).every((need) => need.result !== 'failure');
  if ((m = /^!cancelled\(\) && needs\.(\w+)\.result == 'success'$/.exec(expression))) return ctx.needs[m[1]!]?.result === 'success';
  if ((m = /^!cancelled\(\) && \((needs\.\w+\.result == 'success'(?: \|\| needs\.\w+\.result == 'success')+)\)$/.exec(expression))) {
    return m[1]!.split(' || ').some((alternative) => ctx.needs[/^needs\.(\w+)\./.exec(alternative)![1]!]?.result === 'success');
  }
  // Without a status function GitHub adds `success() &&`: a job whose needs failed does not run.
  if (!Object.values(ctx.needs).every((need) => need.result === 'success')) return false;
  const parts = expression.split(' && ');
  return parts.every((part) => {
    if ((m = /^contains\(needs\.(\w+)\.outputs\.(\w+), '(\w+)'\)$/.exec(part))) return (ctx.needs[m[1]!]?.outputs[m[2]!] ?? '').split(',').includes(m[3]!);
    if ((m = /^fromJSON\(needs\.(\w+)\.outputs\.matrix\)\.include\[0\] (!=|==) null$/.exec(part))) {
      const include = (JSON.parse(ctx.needs[m[1]!]?.outputs.matrix || '{"include":[]}') as { include: unknown[] }).include;
      return (include.length > 0) === (m[2] === '!=');
    }
    throw new Error(`workflow-run: unknown job condition ${JSON.stringify(text)}`);
  });
}

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

function loadWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow;
}

export interface PlayOptions {
  /** The example project: the checkout, so `working-directory: .` is this folder. */
  workspace: string;
  event: Event;
  /** Versions already released: the snapshot a real run reads from the repository's tags. */
  knownVersions: string;
}

/** Plays `workflowFile` for the event; `undefined` when its `on:` does not start a run. */
export function playWorkflow(workflowFile: string, options: PlayOptions): TagshipStepRun[] | undefined {
  const caller = loadWorkflow(workflowFile);
  if (!starts(caller.on, options.event)) return undefined;
  const runs: TagshipStepRun[] = [];
  const callerResults: Context['needs'] = {};
  for (const [callerJobName, callerJob] of Object.entries(caller.jobs)) {
    const callerCtx: Context = { inputs: {}, needs: pick(callerResults, needsOf(callerJob)), runnerTemp: '/tmp' };
    const reusable = REUSABLE.exec(callerJob.uses ?? '');
    if (!reusable) throw new Error(`workflow-run: job ${callerJobName} does not call a tagship reusable workflow`);
    if (!condition(callerJob.if, callerCtx)) {
      callerResults[callerJobName] = { result: 'skipped', outputs: {} };
      continue;
    }
    const called = loadWorkflow(join(repoRoot, '.github/workflows', reusable[1]!));
    const declared = (called.on.workflow_call?.inputs ?? {}) as Record<string, { default?: unknown }>;
    const inputs = Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, String(callerJob.with?.[name] ?? spec.default ?? '')]));
    const results: Context['needs'] = {};
    for (const [jobName, job] of Object.entries(called.jobs)) {
      const ctx: Context = { inputs, needs: pick(results, needsOf(job)), runnerTemp: '/tmp' };
      if (!condition(job.if, ctx)) {
        results[jobName] = { result: 'skipped', outputs: {} };
        continue;
      }
      const matrix = job.strategy?.matrix ? (JSON.parse(ctx.needs.plan!.outputs.matrix!) as { include: Record<string, string>[] }).include : [undefined];
      const outputs: Record<string, string> = {};
      let result = 'success';
      for (const entry of matrix) {
        const stepCtx = { ...ctx, ...(entry ? { matrix: entry } : {}) };
        for (const step of job.steps ?? []) {
          if (!TAGSHIP_ACTION.test(step.uses ?? '')) continue;
          const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(value, stepCtx)]));
          const run = runBuiltAction({
            eventName: options.event.name,
            ref: String(options.event.payload.ref ?? ''),
            payload: options.event.payload,
            workspace: options.workspace,
            // Played, never published: every step runs in dry-run, which plans exactly what a real run would.
            inputs: { 'known-versions': options.knownVersions, ...withInputs, 'dry-run': 'true' },
          });
          // A step the workflow itself runs in dry-run, or as the Docker plan job, executes nothing.
          const executes = withInputs['dry-run'] !== 'true' && withInputs['docker-job'] !== 'plan';
          if (run.status !== 0) result = 'failure';
          const plan = run.outputs.plan ? (JSON.parse(run.outputs.plan) as { stages: Array<{ steps: Array<{ id: string }> }> }) : undefined;
          runs.push({
            job: `${callerJobName}/${jobName}${entry ? `[${entry.platform}]` : ''}`,
            inputs: withInputs,
            run,
            steps: executes ? (plan?.stages.flatMap((stage) => stage.steps.map((s) => s.id)) ?? []) : [],
          });
          if (step.id) for (const [name, value] of Object.entries(job.outputs ?? {})) {
            const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(value);
            if (m && m[1] === step.id) outputs[name] = run.outputs[m[2]!] ?? '';
          }
        }
      }
      results[jobName] = { result, outputs };
    }
    const failed = Object.values(results).some((r) => r.result === 'failure');
    callerResults[callerJobName] = { result: failed ? 'failure' : 'success', outputs: {} };
  }
  return runs;
}

function pick<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]!]));
}
