// Types of bench/workflow-graph.mjs for the tests that import it (the bench runs as plain JavaScript).
export interface GraphJob {
  id: string;
  needs: string[];
  minutes: number;
  kind?: string;
  detail?: string;
}
export interface FlatJob {
  id: string;
  needs: string[];
  job: any;
  inputs: Record<string, unknown>;
  call?: true;
}
export interface WorkItem {
  work: 'plan' | 'release' | 'verify' | 'verify-docker' | 'deploy' | 'build-matrix' | 'build' | 'merge' | 'single' | 'unknown';
  platforms?: string[];
  note?: string;
  tagship?: true;
}
export interface Costs {
  runnerStart: number;
  plan: number;
  release: number;
  verify: number;
  merge: number;
  nativeBuild: number;
  qemuFactor: number;
}
export interface RunFacts {
  matrix: Array<{ platform: string; runner: string }>;
  stages: Set<string>;
  singleBuilds: string[][];
}
export function calledWorkflowPath(uses: string): string;
export function flattenJobs(doc: any, load: (path: string) => any, options?: { prefix?: string; outerNeeds?: string[]; inputs?: Record<string, unknown> }): FlatJob[];
export function isTagshipStep(step: { uses?: string }): boolean;
export function jobWork(job: any, inputs?: Record<string, unknown>): WorkItem[];
export function runnerArch(label: string): 'arm64' | 'amd64';
export function buildMinutes(platform: string, runnerLabel: string, costs: { nativeBuild: number; qemuFactor: number }): number;
export function timeJobs(jobs: FlatJob[], costs: Costs, run: RunFacts): GraphJob[];
export function criticalPath(
  jobs: GraphJob[],
  isEnd?: (job: GraphJob) => boolean,
): { minutes: number; path: Array<{ id: string; start: number; minutes: number; kind?: string; detail?: string }> };
