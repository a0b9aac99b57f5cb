import type { Runner } from '../runtime/action-io.js';
import type { PlannedStep, ReleasePlan } from '../plan/types.js';

export type StepKind = PlannedStep['kind'];
export type StepOf<K extends StepKind> = Extract<PlannedStep, { kind: K }>;

/** A link shown in the job summary for something a step published. */
export interface OutcomeLink {
  label: string;
  url: string;
}

/** What a step did. Executors check current state first, so a re-run reports `unchanged`, not an error. */
export interface StepOutcome {
  id: string;
  /** `skipped`: left out on purpose at run time, e.g. signing with `attestations.enabled: auto` in a job without an OIDC token. */
  status: 'done' | 'unchanged' | 'planned' | 'skipped';
  /** One line: what was published or found already in place. */
  detail: string;
  links?: OutcomeLink[];
  /** Values later steps of the same run may use (e.g. built file paths, digests). */
  produced?: Record<string, unknown>;
}

/** Everything an executor may touch. Secrets come in here, never from `process.env` deep down. */
export interface ExecutionContext {
  plan: ReleasePlan;
  /** The project root. */
  cwd: string;
  runner: Runner;
  /** Environment for child processes (the runner's, including ACTIONS_* cache variables). */
  env: NodeJS.ProcessEnv;
  secrets: Readonly<Record<string, string | undefined>>;
  /** Outcomes of earlier steps in this run, by step id. */
  outcomes: ReadonlyMap<string, StepOutcome>;
  /** Aborts long operations when the run is cancelled. */
  signal?: AbortSignal;
}

export type StepExecutor<K extends StepKind> = (step: StepOf<K>, ctx: ExecutionContext) => Promise<StepOutcome>;

/** Executors by step kind. Modules are loaded on first use, so planning never pays for HTTP clients. */
export type ExecutorRegistry = { [K in StepKind]?: () => Promise<StepExecutor<K>> };
