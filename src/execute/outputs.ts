import type { PlannedStep, ReleasePlan } from '../plan/types.js';
import { publishedImages } from '../verify/digests.js';
import type { ExecutionReport } from './run.js';

/** The step kinds that put something where others fetch it: what `published` lists. */
export const PUBLISHING: ReadonlySet<PlannedStep['kind']> = new Set(['pypi-upload', 'npm-publish', 'github-release', 'docker-merge']);

/** One entry of the `published` output. */
export interface PublishedTarget {
  step: string;
  kind: PlannedStep['kind'];
  target: string;
  /** `already-there`: a re-run found it in place and changed nothing. */
  state: 'published' | 'already-there';
}

/**
 * The outputs known only after the steps ran, from their outcomes. Written also when a step failed, so
 * they say what was published before it. A dry run publishes nothing: empty lists and values.
 * `action.yml` declares each name (the contract test in test/action.test.ts keeps them equal).
 */
export function runOutputs(plan: ReleasePlan, report: ExecutionReport): Record<string, string> {
  const steps = new Map(plan.stages.flatMap((stage) => stage.steps).map((step) => [step.id, step]));
  const finished = report.outcomes.filter((outcome) => outcome.status !== 'planned' && outcome.status !== 'skipped');
  const published: PublishedTarget[] = [];
  const pypiFiles: string[] = [];
  const npmPackages: string[] = [];
  let release: { releaseId?: unknown; releaseUrl?: unknown } = {};
  const buildDigests: string[] = [];
  for (const outcome of finished) {
    const step = steps.get(outcome.id);
    if (!step) continue;
    if (PUBLISHING.has(step.kind)) published.push({ step: step.id, kind: step.kind, target: step.target, state: outcome.status === 'done' ? 'published' : 'already-there' });
    const produced = outcome.produced ?? {};
    if (step.kind === 'pypi-upload') pypiFiles.push(...strings(produced.uploaded), ...strings(produced.unchanged));
    if (step.kind === 'npm-publish') npmPackages.push(`${step.package}@${step.version}`);
    if (step.kind === 'github-release') release = produced;
    // A build job of a distributed build pushes its platform by digest; no merge runs in that job.
    if (step.kind === 'docker-build' && typeof produced.digest === 'string') buildDigests.push(produced.digest);
  }
  const images = publishedImages(finished);
  const imageRefs = [...new Set(images.map((image) => `${image.repository}@${image.digest}`))];
  return {
    published: JSON.stringify(published),
    'release-url': typeof release.releaseUrl === 'string' ? release.releaseUrl : '',
    'release-id': typeof release.releaseId === 'number' || typeof release.releaseId === 'string' ? String(release.releaseId) : '',
    digest: images[0]?.digest ?? buildDigests[0] ?? '',
    'image-refs': JSON.stringify(imageRefs),
    'pypi-files': JSON.stringify(pypiFiles),
    'npm-packages': JSON.stringify(npmPackages),
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
