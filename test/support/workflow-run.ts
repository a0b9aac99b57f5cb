/**
 * Plays a caller workflow (an example's `.github/workflows/release.yml`) the way GitHub would for one
 * event, far enough to see what tagship plans in every job: does the `on:` filter start it, which of its
 * own jobs and of the jobs of the reusable workflows it calls run (`needs`, `if:` with GitHub's implicit
 * `success()`), with which inputs, which ref each job checks out, and what the built action plans there
 * (dry-run).
 *
 * Expressions go through ./expressions.ts, which throws on anything it does not know, so a workflow cannot
 * drift past what this test checks.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runBuiltAction, type ActionRun } from './action-run.js';
import { asString, evaluate, interpolate, jobCondition, type ExpressionContext, type Value } from './expressions.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: unknown };
  'runs-on'?: string;
  environment?: string;
  permissions?: Record<string, string> | string;
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
  /** `plan`, `release`, `images/build[linux/arm64]`, … (caller job, then the called workflow's job). */
  job: string;
  /** True when the step ran in a job of a called (reusable) workflow. */
  reusable: boolean;
  inputs: Record<string, string>;
  run: ActionRun;
  /** Ids of the steps this job executes (none for a job that only plans). */
  steps: string[];
  /** The ref the job checked the project out at; '' means the event's own commit. */
  checkout: string;
  /** The job's `environment`, as evaluated ('' for none). */
  environment: string;
  permissions: Record<string, string>;
}

const TAGSHIP_ACTION = /^tagship\/tagship@/;
const REUSABLE = /^tagship\/tagship\/\.github\/workflows\/([^@]+)@/;
const CHECKOUT = /^actions\/checkout@/;

/** The commit a played checkout of `ref` is at: stable per ref, so a test can tell them apart. */
export function playedCommit(ref: string): string {
  return createHash('sha1').update(`played:${ref}`).digest('hex');
}

/**
 * GitHub's filter pattern syntax (Workflow syntax, "Filter pattern cheat sheet"): `*` is anything but `/`,
 * `**` anything, `?` and `+` make the preceding character optional or repeatable, `[0-9]` a range.
 */
function globMatches(pattern: string, text: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (c === '?' || c === '+') source += c;
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      source += pattern.slice(i, end + 1);
      i = end;
    } else source += c.replace(/[.^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(text);
}

/** A list of patterns, `!` ones excluding: the last pattern that matches decides. */
function listMatches(patterns: string[], text: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), text)) matched = false;
    } else if (globMatches(pattern, text)) matched = true;
  }
  return matched;
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
  return listMatches(patterns, name);
}

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

function loadWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow;
}

export interface PlayOptions {
  /** The example project: what a checkout of the user's repository holds. */
  workspace: string;
  event: Event;
  /** Versions already released: the snapshot a real run reads from the repository's tags. */
  knownVersions: string;
  /** The workflow is tagship's own: `uses: ./` is the action. */
  ownAction?: boolean;
  /**
   * What other actions' steps output in this run, by action (`googleapis/release-please-action`): the
   * shapes those actions really write (their source and tests), so a job that hands their outputs to
   * tagship is played with them. A step of an action not listed outputs nothing.
   */
  actionOutputs?: Record<string, Record<string, string>>;
  /**
   * Who caused the event. GitHub: "When you use the repository's GITHUB_TOKEN to perform tasks, events
   * triggered by the GITHUB_TOKEN, with the exception of workflow_dispatch and repository_dispatch, will
   * not create a new workflow run" (docs.github.com, "Triggering a workflow from a workflow"). A tag or
   * release that release-please, changesets or a bot makes with GITHUB_TOKEN starts nothing.
   */
  causedBy?: 'GITHUB_TOKEN' | 'person';
}

/** Whether an event caused by `causedBy` creates workflow runs at all (see PlayOptions.causedBy). */
export function createsRuns(eventName: string, causedBy: PlayOptions['causedBy'] = 'person'): boolean {
  return causedBy !== 'GITHUB_TOKEN' || eventName === 'workflow_dispatch' || eventName === 'repository_dispatch';
}

export interface JobResult {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
}

/** A workspace where the project sits at `path` (a checkout's `path:`), as on the runner. */
function workspaceWithProjectAt(path: string, project: string): string {
  if (!path || path === '.') return project;
  const root = mkdtempSync(join(tmpdir(), 'tagship-played-'));
  mkdirSync(dirname(join(root, path)), { recursive: true });
  // A copy, not a link: the action refuses a working directory that leads out of the workspace.
  cpSync(project, join(root, path), { recursive: true });
  return root;
}

/** Plays one workflow's jobs in order; `prefix` names the caller job for a called workflow. */
function playJobs(workflow: Workflow, inputs: Record<string, Value>, secrets: Record<string, Value>, prefix: string | undefined, options: PlayOptions, runs: TagshipStepRun[]): Record<string, JobResult> {
  const results: Record<string, JobResult> = {};
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    const name = prefix ? `${prefix}/${jobName}` : jobName;
    const needs = needsOf(job);
    for (const need of needs) if (!(need in results)) throw new Error(`workflow-run: ${name} needs ${need}, which is not an earlier job`);
    const needsContext = Object.fromEntries(needs.map((need) => [need, { result: results[need]!.result, outputs: results[need]!.outputs }]));
    const base: ExpressionContext = {
      contexts: { inputs, needs: needsContext, secrets, runner: { temp: '/tmp/runner' }, job: { workflow_repository: 'tagship/tagship', workflow_sha: playedCommit('tagship') } },
      needResults: needs.map((need) => results[need]!.result),
    };
    if (!jobCondition(job.if, base)) {
      results[jobName] = { result: 'skipped', outputs: {} };
      continue;
    }
    if (job.uses) {
      results[jobName] = playCall(job, name, base, options, runs);
      continue;
    }
    results[jobName] = playSteps(job, name, prefix !== undefined, base, options, runs);
  }
  return results;
}

/** A caller job that calls a tagship reusable workflow: its inputs and secrets, then its jobs. */
function playCall(job: Job, name: string, ctx: ExpressionContext, options: PlayOptions, runs: TagshipStepRun[]): JobResult {
  const reusable = REUSABLE.exec(job.uses!);
  if (!reusable) throw new Error(`workflow-run: job ${name} calls ${job.uses}, not a tagship reusable workflow`);
  const called = loadWorkflow(join(repoRoot, '.github/workflows', reusable[1]!));
  const call = called.on.workflow_call ?? {};
  const declared = (call.inputs ?? {}) as Record<string, { default?: unknown; required?: boolean; type?: string }>;
  for (const given of Object.keys(job.with ?? {})) if (!(given in declared)) throw new Error(`workflow-run: ${name} passes input ${given}, which ${reusable[1]} does not declare`);
  const inputs: Record<string, Value> = {};
  for (const [input, spec] of Object.entries(declared)) {
    const given = job.with?.[input];
    if (given === undefined && spec.required) throw new Error(`workflow-run: ${name} does not pass the required input ${input}`);
    const value = given === undefined ? (spec.default as Value) : interpolate(given, ctx);
    inputs[input] = spec.type === 'boolean' ? value === true || value === 'true' : spec.type === 'number' ? Number(value) : asString(value);
  }
  const declaredSecrets = Object.keys((call.secrets ?? {}) as Record<string, unknown>);
  for (const given of Object.keys((job as { secrets?: Record<string, unknown> }).secrets ?? {})) {
    if (!declaredSecrets.includes(given)) throw new Error(`workflow-run: ${name} passes secret ${given}, which ${reusable[1]} does not declare`);
  }
  const results = playJobs(called, inputs, Object.fromEntries(declaredSecrets.map((s) => [s, ''])), name, options, runs);
  const ran = Object.values(results).filter((r) => r.result !== 'skipped');
  const failed = ran.some((r) => r.result === 'failure');
  const outputs: Record<string, string> = {};
  for (const [output, spec] of Object.entries((call.outputs ?? {}) as Record<string, { value: string }>)) {
    outputs[output] = asString(interpolate(spec.value, { contexts: { jobs: results as unknown as Value } }));
  }
  return { result: failed ? 'failure' : ran.length ? 'success' : 'skipped', outputs };
}

/** A job with steps: each matrix entry, its checkouts and its tagship steps. */
function playSteps(job: Job, name: string, reusable: boolean, ctx: ExpressionContext, options: PlayOptions, runs: TagshipStepRun[]): JobResult {
  // A matrix is one expression, or a mapping whose values may each be one (`include: ${{ fromJSON(…) }}`).
  const given = job.strategy?.matrix;
  const interpolated = given !== null && typeof given === 'object' && !Array.isArray(given) ? Object.fromEntries(Object.entries(given).map(([key, value]) => [key, interpolate(value, ctx)])) : interpolate(given, ctx);
  const matrix = given !== undefined ? matrixEntries(interpolated as Record<string, Value>) : [undefined];
  const environment = asString(interpolate(job.environment ?? '', ctx));
  const permissions = typeof job.permissions === 'object' ? job.permissions : {};
  let outputs: Record<string, string> = {};
  let result: JobResult['result'] = 'success';
  for (const entry of matrix) {
    const steps: Record<string, { outputs: Record<string, string> }> = {};
    const stepCtx = (): ExpressionContext => ({ ...ctx, contexts: { ...ctx.contexts, matrix: entry ?? {}, steps } });
    let projectPath = '';
    let checkoutRef = '';
    let tagshipAt: string | undefined;
    for (const step of job.steps ?? []) {
      const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, asString(interpolate(value, stepCtx()))]));
      if (CHECKOUT.test(step.uses ?? '')) {
        if (withInputs.repository === 'tagship/tagship') tagshipAt = `./${withInputs.path}`;
        else if (withInputs.repository) throw new Error(`workflow-run: ${name} checks out ${withInputs.repository}`);
        else [projectPath, checkoutRef] = [withInputs.path ?? '', withInputs.ref ?? ''];
        continue;
      }
      if (step.run !== undefined) {
        // The one script whose output a later step reads: the checked-out project's commit.
        const revParse = /git -C (\S+) rev-parse HEAD/.exec(step.run);
        if (step.id && revParse) {
          if (revParse[1] !== projectPath) throw new Error(`workflow-run: ${name} reads the commit of ${revParse[1]}, the project is at ${projectPath}`);
          steps[step.id] = { outputs: { commit: playedCommit(checkoutRef || String(options.event.payload.ref ?? '')) } };
        }
        continue;
      }
      const action = /^([^@]+)@/.exec(step.uses ?? '')?.[1];
      if (step.id && action && options.actionOutputs?.[action]) steps[step.id] = { outputs: options.actionOutputs[action]! };
      // `./` is the repository's own action: tagship, in tagship's own workflows (the self-release).
      const isTagship = TAGSHIP_ACTION.test(step.uses ?? '') || (tagshipAt !== undefined && step.uses === tagshipAt) || (options.ownAction === true && step.uses === './');
      if (!isTagship) continue;
      const run = runBuiltAction({
        eventName: options.event.name,
        ref: String(options.event.payload.ref ?? ''),
        payload: options.event.payload,
        workspace: workspaceWithProjectAt(projectPath, options.workspace),
        // Played, never published: every step runs in dry-run, which plans exactly what a real run would.
        inputs: { 'known-versions': options.knownVersions, ...withInputs, 'dry-run': 'true' },
      });
      // A step the workflow itself runs in dry-run, or as the Docker plan job, executes nothing.
      const executes = withInputs['dry-run'] !== 'true' && withInputs['docker-job'] !== 'plan';
      if (run.status !== 0) result = 'failure';
      const plan = run.outputs.plan ? (JSON.parse(run.outputs.plan) as { stages: Array<{ steps: Array<{ id: string }> }> }) : undefined;
      runs.push({
        job: `${name}${entry ? `[${asString(entry.platform ?? Object.values(entry)[0])}]` : ''}`,
        reusable,
        inputs: withInputs,
        run,
        steps: executes ? (plan?.stages.flatMap((stage) => stage.steps.map((s) => s.id)) ?? []) : [],
        checkout: checkoutRef,
        environment,
        permissions,
      });
      if (step.id) steps[step.id] = { outputs: run.outputs };
    }
    outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([output, value]) => [output, asString(interpolate(value, stepCtx()))]));
  }
  return { result, outputs };
}

/**
 * A matrix's combinations (Workflow syntax, `jobs.<job_id>.strategy.matrix`): every combination of the
 * listed values, then each `include` entry added as its own combination (this player's workflows never
 * extend a combination with `include` or drop one with `exclude`).
 */
function matrixEntries(matrix: Record<string, Value>): Record<string, Value>[] {
  if ('exclude' in matrix) throw new Error('workflow-run: matrix exclude is not modelled');
  let combinations: Record<string, Value>[] = [{}];
  for (const [key, values] of Object.entries(matrix)) {
    if (key === 'include') continue;
    if (!Array.isArray(values)) throw new Error(`workflow-run: matrix ${key} is not a list`);
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value })));
  }
  const listed = Object.keys(matrix).some((key) => key !== 'include');
  return [...(listed ? combinations : []), ...((matrix.include as Record<string, Value>[] | undefined) ?? [])];
}

/** Plays `workflowFile` for the event; `undefined` when its `on:` does not start a run. */
export function playWorkflow(workflowFile: string, options: PlayOptions): TagshipStepRun[] | undefined {
  return playWorkflowJobs(workflowFile, options)?.runs;
}

/** Like playWorkflow, with each caller job's result and outputs. */
export function playWorkflowJobs(workflowFile: string, options: PlayOptions): { runs: TagshipStepRun[]; jobs: Record<string, JobResult> } | undefined {
  const caller = loadWorkflow(workflowFile);
  if (!createsRuns(options.event.name, options.causedBy) || !starts(caller.on, options.event)) return undefined;
  const runs: TagshipStepRun[] = [];
  // The caller's own secrets are unknown here: every one reads as empty.
  const secrets = new Proxy({}, { get: () => '', has: () => true }) as Record<string, Value>;
  const dispatchInputs = options.event.name === 'workflow_dispatch' ? ((options.event.payload.inputs ?? {}) as Record<string, Value>) : {};
  const jobs = playJobs(caller, dispatchInputs, secrets, undefined, options, runs);
  return { runs, jobs };
}

export { evaluate };
