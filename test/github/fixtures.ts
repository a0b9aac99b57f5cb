import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import type { ExecutionContext, StepOutcome } from '../../src/execute/types.js';
import { buildPlan } from '../../src/plan/build.js';
import type { StageName } from '../../src/plan/stages.js';
import type { GithubReleaseStep, WorkflowDispatchStep } from '../../src/plan/steps/github-release.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import { createRunner } from '../../src/runtime/action-io.js';
import { resolveTrigger } from '../../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../../src/version/tag.js';
import type { GithubApiServer } from '../support/github-api-server.js';

/** Fast client settings: the same code paths, with waits between attempts recorded instead of slept. */
export const FAST = { timeoutMs: 5_000, sleep: async () => undefined } as const;

/** A client clock fixed at `now` and a sleep that records what was asked of it. */
export function recordedWaits(now = Date.parse('2026-12-02T05:00:00Z')) {
  const waits: number[] = [];
  return { waits, now, tuning: { ...FAST, now: () => now, sleep: async (ms: number) => void waits.push(ms) } };
}

export interface PlanOptions {
  ref?: string;
  known?: string[];
  /** The config file's text (YAML). */
  config?: string;
  python?: boolean;
  only?: StageName[];
  repository?: string;
  commit?: string;
  /** GITHUB_SERVER_URL, when the test needs one (GHES, GHE.com). */
  serverUrl?: string;
}

/** A real plan for a tag push: trigger → config → facts → buildPlan, as the action makes it. */
export function planRelease(options: PlanOptions = {}): ReleasePlan {
  const ref = options.ref ?? 'refs/tags/v1.2.3';
  const trigger = resolveTrigger({ name: 'push', ref, payload: { ref } }, DEFAULT_TAG_CONVENTIONS);
  const config = parseConfig({ file: '.github/tagship.yml', ...(options.config !== undefined ? { text: options.config } : {}) });
  return buildPlan({
    trigger,
    config,
    facts: {
      project: { readings: [], npm: [], cargo: false, ...(options.python === false ? {} : { python: { name: 'crawlkit' } }) },
      knownVersions: options.known ?? [],
      repository: options.repository ?? 'acme/widget',
      ...(options.commit ? { commit: options.commit } : {}),
      ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    },
    now: new Date('2025-06-01T00:00:00Z'),
    dryRun: false,
    ...(options.only ? { only: options.only } : {}),
  });
}

export function releaseStep(plan: ReleasePlan): GithubReleaseStep {
  const step = plan.stages.flatMap((s) => s.steps).find((s) => s.kind === 'github-release');
  if (!step) throw new Error('the plan has no github-release step');
  return step as GithubReleaseStep;
}

export function dispatchStep(plan: ReleasePlan): WorkflowDispatchStep | undefined {
  return plan.stages.flatMap((s) => s.steps).find((s): s is WorkflowDispatchStep => s.kind === 'workflow-dispatch');
}

/** A project directory holding built Python dist files. */
export function projectWithDist(version = '1.2.3', files?: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-gh-'));
  mkdirSync(join(dir, 'dist'));
  const content = files ?? {
    [`crawlkit-${version}-py3-none-any.whl`]: `wheel of ${version}`,
    [`crawlkit-${version}.tar.gz`]: `sdist of ${version}`,
  };
  for (const [name, text] of Object.entries(content)) writeFileSync(join(dir, 'dist', name), text);
  return dir;
}

export interface Harness {
  ctx: ExecutionContext;
  /** Every line the runner printed (workflow commands included). */
  lines: string[];
}

export function harness(
  plan: ReleasePlan,
  server: GithubApiServer,
  cwd: string,
  options: { token?: string | undefined; finished?: string[]; env?: NodeJS.ProcessEnv } = {},
): Harness {
  const lines: string[] = [];
  const runner = createRunner({}, (line) => lines.push(line));
  const outcomes = new Map<string, StepOutcome>((options.finished ?? []).map((id) => [id, { id, status: 'done', detail: 'published' }]));
  const token = 'token' in options ? options.token : 'test-token';
  return {
    lines,
    ctx: {
      plan,
      cwd,
      runner,
      env: { GITHUB_API_URL: server.apiUrl, GITHUB_SERVER_URL: server.serverUrl, ...options.env },
      secrets: { 'github-token': token },
      outcomes,
    },
  };
}
