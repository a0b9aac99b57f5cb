import { parseConfig } from '../../../src/config/load.js';
import { executePlan } from '../../../src/execute/run.js';
import type { ExecutionContext, ExecutorRegistry, StepOutcome } from '../../../src/execute/types.js';
import { defaultDeps } from '../../../src/net/http.js';
import { buildPlan } from '../../../src/plan/build.js';
import type { PypiUploadStep, PythonBuildStep } from '../../../src/plan/steps/python.js';
import type { ReleasePlan } from '../../../src/plan/types.js';
import { executePythonBuild } from '../../../src/python/build.js';
import type { PypiHttp } from '../../../src/python/http.js';
import { createPypiUploadExecutor, type PypiUploadOptions } from '../../../src/python/publish.js';
import { recordingRunner } from '../../verify/support/runner.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { BUILD_COMMAND, buildProject, makeProject } from './project.js';
import { startPypiIndex, type PypiIndex } from './pypi-server.js';

/**
 * The release stage's Python steps for `project` `version`, planned by the real planner against a local index.
 * PEP 740 attestations are off unless `extra` configures them (test/python/attestations.test.ts, with a local Sigstore).
 */
export function pythonPlan(project: string, version: string, repositoryUrl: string, extra = ''): ReleasePlan {
  const attestations = extra.includes('attestations:') ? '' : 'attestations: { enabled: false }\n';
  const yaml = `python:\n  build-command: ${JSON.stringify(BUILD_COMMAND)}\n  repository-url: ${repositoryUrl}\n${extra}${attestations}github-release: { enabled: false }\nverify: { enabled: false }\n`;
  return buildPlan({
    trigger: { kind: 'tag', event: 'push', tag: `v${version}`, ref: `refs/tags/v${version}`, versionText: version, stages: ['release'], rehearsal: false },
    config: parseConfig({ file: '.github/tagship.yml', text: yaml }),
    facts: { project: { readings: [], npm: [], cargo: false, python: { name: project } }, knownVersions: [] },
    now: new Date('2025-11-02T09:00:00Z'),
    dryRun: false,
  });
}

export function pythonSteps(plan: ReleasePlan): { build: PythonBuildStep; upload: PypiUploadStep } {
  const steps = plan.stages.flatMap((s) => s.steps);
  return { build: steps.find((s) => s.kind === 'python-build') as PythonBuildStep, upload: steps.find((s) => s.kind === 'pypi-upload') as PypiUploadStep };
}

/** Retries without waiting: the delays asked for are recorded instead. */
export function fastHttp(retries = 5): PypiHttp & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { deps: { ...defaultDeps, sleep: async (ms) => void sleeps.push(ms) }, retry: { retries, minDelayMs: 1, maxDelayMs: 5, timeoutMs: 10_000 }, sleeps };
}

export interface HarnessOptions {
  token?: string;
  env?: NodeJS.ProcessEnv;
  outcomes?: Map<string, StepOutcome>;
}

export function context(plan: ReleasePlan, cwd: string, options: HarnessOptions = {}) {
  const recorded = recordingRunner();
  const ctx: ExecutionContext = {
    plan,
    cwd,
    runner: recorded.runner,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    secrets: { 'pypi-token': options.token },
    outcomes: options.outcomes ?? new Map(),
  };
  return { ctx, ...recorded };
}

/** The real executors, the upload one with fast retries. */
export function registry(options: PypiUploadOptions): ExecutorRegistry {
  return { 'python-build': async () => executePythonBuild, 'pypi-upload': async () => createPypiUploadExecutor(options) };
}

/** Runs the plan's build and upload like the action does; returns the report and what the runner saw. */
export async function release(plan: ReleasePlan, cwd: string, options: HarnessOptions & PypiUploadOptions = {}) {
  const { ctx, ...recorded } = context(plan, cwd, options);
  const report = await executePlan(registry(options), ctx);
  return { report, ...recorded };
}

/**
 * For one test file: a local index, and the fixture project `tagship-fixture` 1.2.3 built once (building
 * takes seconds); the index forgets every file before each test. Read `index` and `built` inside tests.
 */
export function useIndexAndBuiltProject(): { readonly index: PypiIndex; readonly built: string } {
  const state = {} as { index: PypiIndex; built: string };
  beforeAll(async () => {
    state.index = await startPypiIndex();
    state.built = makeProject('tagship-fixture', '1.2.3');
    buildProject(state.built);
  }, 120_000);
  afterAll(() => state.index.close());
  beforeEach(() => state.index.reset());
  return state;
}
