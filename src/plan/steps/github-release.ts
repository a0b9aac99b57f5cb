import { compareVersions, parseVersion, type SchemeName } from '../../version/scheme.js';
import { checkGlobPatterns } from '../../project/files.js';
import type { PlanContext } from '../context.js';
import { planDockerSteps, plannedImages } from './docker.js';
import { planGithubAttest, type GithubAttestStep } from './github-attest.js';
import { planNpmSteps } from './npm.js';
import { planPythonSteps, PYPI_UPLOAD_URL } from './python.js';

/**
 * A way to install what this release published, shown in the release notes. PyPI and npm lines are
 * written only when their publishing step finished in the same run (`afterStep`); images are built
 * after the release, so their line is written when the release's pipeline includes the Docker stage.
 */
export type InstallTarget =
  | { ecosystem: 'pypi'; name: string; version: string; afterStep: string; indexUrl?: string }
  | { ecosystem: 'npm'; name: string; version: string; afterStep: string }
  | { ecosystem: 'docker'; image: string; tag: string };

export interface GithubReleaseStep {
  kind: 'github-release';
  id: string;
  target: string;
  tag: string;
  name: string;
  prerelease: boolean;
  draft: boolean;
  /** The API's string values: only the highest stable release takes `true`. */
  makeLatest: 'true' | 'false';
  /** The commit to tag when the tag does not exist yet (a dispatch for a new version). */
  commit?: string;
  /**
   * The previous release the changelog starts from: the highest lower version already tagged, not
   * the previous tag in time (a 1.1.5 backport after 1.2.0 lists the changes since 1.1.4).
   */
  previousTag?: string;
  /** A package's release (`packages:`): its directory in the repository; the notes list only commits touching it. */
  path?: string;
  notes: {
    template: string;
    changelog: 'auto' | 'conventional' | 'github';
    install: InstallTarget[];
  };
  assets: {
    /** Globs relative to the project root. */
    globs: string[];
    /** Each glob must match a file (asked for explicitly, or the dist files of a published package). */
    required: boolean;
    checksums: boolean;
  };
}

/**
 * The Docker stage handed to another workflow with `workflow_dispatch`: a release made with
 * `GITHUB_TOKEN` starts no workflow, but a dispatch does (see docs/docker-chain.md).
 */
export interface WorkflowDispatchStep {
  kind: 'workflow-dispatch';
  id: string;
  target: string;
  /** Workflow file name in .github/workflows. */
  workflow: string;
  /** The ref the workflow runs on: the release tag. */
  ref: string;
  inputs: Record<string, string>;
}

export function planGithubRelease(ctx: PlanContext): Array<GithubReleaseStep | GithubAttestStep | WorkflowDispatchStep> {
  const config = ctx.config['github-release'];
  if (!config.enabled) return [];
  const python = planPythonSteps(ctx);
  // The files the release's PyPI upload takes: built in this run, or prebuilt in other jobs (python.dist).
  const upload = python.find((step) => step.kind === 'pypi-upload');
  const build = python.find((step) => step.kind === 'python-build') ?? (upload?.prebuilt ? { outDir: upload.distDir } : undefined);
  const previous = previousRelease(ctx.version.text, ctx.facts.knownVersions, ctx.version.scheme, ctx.version.prerelease);
  const release: GithubReleaseStep = {
    kind: 'github-release',
    id: 'github-release',
    target: ctx.facts.repository ? `${ctx.facts.repository}@${ctx.tag}` : ctx.tag,
    tag: ctx.tag,
    name: ctx.tag,
    prerelease: ctx.version.prerelease || ctx.rehearsal,
    // A rehearsal exercises the release path without showing anything on the releases page.
    draft: ctx.rehearsal || config.draft,
    makeLatest: ctx.latest ? 'true' : 'false',
    ...(ctx.facts.commit ? { commit: ctx.facts.commit } : {}),
    ...(previous !== undefined ? { previousTag: ctx.config['tag-prefix'] + previous } : {}),
    ...(ctx.facts.package && ctx.facts.package.path !== '.' ? { path: ctx.facts.package.path } : {}),
    notes: { template: config['body-template'], changelog: config.changelog, install: installTargets(ctx) },
    assets:
      config.assets === 'auto'
        ? // Prebuilt files may be wheels only (no sdist job): the upload step already refused an empty directory.
          { globs: build ? [`${build.outDir}/*.whl`, `${build.outDir}/*.tar.gz`] : [], required: Boolean(build) && !upload?.prebuilt, checksums: config.checksums }
        : // Refused here, not only when the files are read: a dry run or `tagship plan` shows it.
          { globs: checkGlobPatterns(config.assets, 'github-release.assets'), required: true, checksums: config.checksums },
  };
  const attest = planGithubAttest(ctx, release);
  const dispatch = planDockerDispatch(ctx);
  return [release, ...(attest ? [attest] : []), ...(dispatch ? [dispatch] : [])];
}

/**
 * The highest version below `version` among those released. A stable release looks back to the
 * previous stable one (1.3.0's notes cover everything since 1.2.x, release candidates included); a
 * prerelease to the previous version of any kind (rc.2 lists what changed since rc.1).
 */
export function previousRelease(version: string, known: readonly string[], scheme: SchemeName, prerelease: boolean): string | undefined {
  const self = parseVersion(scheme, version);
  if (!self.ok) return undefined;
  let best: { text: string; canonical: string } | undefined;
  for (const text of known) {
    const parsed = parseVersion(scheme, text);
    if (!parsed.ok || (!prerelease && parsed.version.prerelease)) continue;
    if (compareVersions(scheme, parsed.version.canonical, self.version.canonical) >= 0) continue;
    if (!best || compareVersions(scheme, parsed.version.canonical, best.canonical) > 0) best = { text, canonical: parsed.version.canonical };
  }
  return best?.text;
}

function installTargets(ctx: PlanContext): InstallTarget[] {
  const targets: InstallTarget[] = [];
  for (const step of planPythonSteps(ctx)) {
    if (step.kind !== 'pypi-upload' || !step.project) continue;
    const testIndex = step.repositoryUrl !== PYPI_UPLOAD_URL ? simpleIndexFor(step.repositoryUrl) : undefined;
    targets.push({ ecosystem: 'pypi', name: step.project, version: step.version, afterStep: step.id, ...(testIndex ? { indexUrl: testIndex } : {}) });
  }
  for (const step of planNpmSteps(ctx)) targets.push({ ecosystem: 'npm', name: step.package, version: step.version, afterStep: step.id });
  const stages = ctx.stages ?? ['release', 'docker'];
  if (stages.includes('docker')) {
    for (const image of plannedImages(planDockerSteps(ctx))) targets.push({ ecosystem: 'docker', image: image.repository, tag: image.tags[0]! });
  }
  return targets;
}

/** `https://test.pypi.org/legacy/` → `https://test.pypi.org/simple/`, the index pip reads. */
function simpleIndexFor(uploadUrl: string): string | undefined {
  const match = /^(https?:\/\/[^/]+)\/legacy\/?$/.exec(uploadUrl);
  return match ? `${match[1]}/simple/` : undefined;
}

/**
 * Dispatch the Docker workflow when one is configured, the release's pipeline includes the Docker
 * stage, and this invocation does not run it itself: the images are then built exactly once.
 */
function planDockerDispatch(ctx: PlanContext): WorkflowDispatchStep | undefined {
  const workflow = ctx.config['github-release']['docker-workflow'];
  const stages = ctx.stages ?? ['release', 'docker'];
  const runStages = ctx.runStages ?? stages;
  if (!workflow || !stages.includes('docker') || runStages.includes('docker') || ctx.rehearsal) return undefined;
  if (!planDockerSteps(ctx).length) return undefined;
  return {
    kind: 'workflow-dispatch',
    id: 'docker-dispatch',
    target: `${workflow}@${ctx.tag}`,
    workflow,
    ref: ctx.tag,
    // A package's version goes as its full tag: the dispatched run selects the package by it (src/config/packages.ts).
    inputs: { version: ctx.facts.package ? ctx.tag : ctx.version.text, stages: 'docker' },
  };
}
