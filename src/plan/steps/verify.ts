import type { Config } from '../../config/schema.js';
import { onNpmjs } from '../../npm/links.js';
import { configuredInstance, plannedAttestation, PUBLIC_GOOD, type SigstoreInstance } from '../../sigstore/instance.js';
import type { PlanContext } from '../context.js';
import type { StageName } from '../stages.js';
import { planDockerSteps, plannedImages, type PlannedImage } from './docker.js';
import { planGithubRelease } from './github-release.js';
import { planNpmSteps } from './npm.js';
import { planPythonSteps, TESTPYPI_UPLOAD_URL } from './python.js';

export const PYPI_SIMPLE_URL = 'https://pypi.org/simple/';
export const TESTPYPI_SIMPLE_URL = 'https://test.pypi.org/simple/';

/** Install `project==version` from the index into a fresh venv and run the check. */
export interface VerifyPythonStep {
  kind: 'verify-python';
  id: string;
  target: string;
  project: string;
  version: string;
  indexUrl: string;
  extraIndexUrl?: string;
  /** Module whose `__version__` must equal `version` (the default check). */
  importName: string;
  /** A configured check (argv) that replaces the default one. */
  command?: string[];
  python: string;
  waitMs: number;
  /**
   * The upload attests its files (PEP 740): each file's provenance, from the Integrity API at `indexUrl`
   * (the index's base), is verified against `instance`'s trusted root for this workflow's identity.
   */
  attestations?: { indexUrl: string; instance: SigstoreInstance; required: boolean; uploadStep: string };
}

/** The packument shows `version` under `distTag`; optionally install it and run a check. */
export interface VerifyNpmStep {
  kind: 'verify-npm';
  id: string;
  target: string;
  package: string;
  version: string;
  distTag: string;
  registry: string;
  command?: string[];
  waitMs: number;
  provenance: NpmProvenanceCheck;
}

/** What verify-npm expects of the version's provenance. */
export interface NpmProvenanceCheck {
  /** The publish step's `npm.provenance`. */
  requested: boolean | 'auto';
  /** The registry read is the public npm registry: the only one that stores provenance (others drop or refuse it). */
  stored: boolean;
  /** The npm-publish step whose outcome (same run) says whether npm was asked for provenance. */
  publishStep: string;
  /** Whose trust root the bundle is checked against: npm signs through the public-good instance. */
  sigstore: SigstoreInstance;
}

export type { PlannedImage };

/** Every tag resolves to one index (the same digest per repository) listing every platform. */
export interface VerifyImagesStep {
  kind: 'verify-images';
  id: string;
  target: string;
  images: PlannedImage[];
  platforms: string[];
  /**
   * With `attestations.images`: each index's signature and SLSA provenance found attached (referrers API
   * or tag) and verified against the instance's trusted root, this repository and ref, and the digest.
   * (Not named `attestation`: that marks steps that sign, which preflight checks for a token.)
   */
  attestations?: { instance: SigstoreInstance; required: boolean };
}

/** Runs the image where the runner has a Docker daemon and waits until it is healthy. */
export interface VerifyContainerStep {
  kind: 'verify-container';
  id: string;
  target: string;
  repository: string;
  tag: string;
  /** Platforms the images carry; the executor runs those the daemon can (or `only`). */
  platforms: string[];
  only?: string[];
  /** Probe `http://127.0.0.1:<published port><path>`; without it the image HEALTHCHECK decides. */
  probe?: { port: number; path: string };
  /** A health check run in the container (shell form, as `docker run --health-cmd` takes it), in place of the image's own. */
  healthCommand?: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** `auto`: a runner without a daemon skips; `true`: it fails. */
  required: boolean;
}

/**
 * Each asset of the release has a build-provenance attestation in this repository that verifies, as
 * `gh attestation verify <file> --repo owner/name` checks it: found by the asset's digest, signed by
 * this repository at this ref, with the asset among its subjects.
 */
export interface VerifyAssetsStep {
  kind: 'verify-assets';
  id: string;
  target: string;
  tag: string;
  instance: SigstoreInstance;
  predicateType: string;
  /** `attestations.enabled: true`; with `auto` a release that no job could sign is reported, not failed. */
  required: boolean;
}

export type VerifyStep = VerifyPythonStep | VerifyNpmStep | VerifyImagesStep | VerifyContainerStep | VerifyAssetsStep;

/**
 * npm's CLI signs provenance through the public-good instance (the registry accepts no other); a
 * configured private instance (`attestations.sigstore`) stands in for it, as it does for every signer.
 */
function npmProvenanceInstance(config: Config): SigstoreInstance {
  return configuredInstance(config) ?? PUBLIC_GOOD;
}

/**
 * Whether this step verifies what `stage` publishes: a step that publishes checks its own work (the
 * release job its packages, the merge job its images), a verify-only step with `verify-of` checks that
 * stage's work (the reusable workflows' verify jobs), and any other verify-only step checks everything
 * the trigger publishes.
 */
function runs(ctx: PlanContext, stage: StageName): boolean {
  const publishing: readonly StageName[] = (ctx.runStages ?? ctx.stages ?? []).filter((name) => name === 'release' || name === 'docker');
  if (publishing.length) return publishing.includes(stage);
  if (ctx.verifyOf && ctx.verifyOf !== stage) return false;
  return !ctx.stages || ctx.stages.includes(stage);
}

/**
 * Smoke tests for what this trigger publishes (its `release` and `docker` stages), read back from the
 * same places users install from. Planned from the publishing planners' own steps, so the two agree.
 */
export function planVerifySteps(ctx: PlanContext): VerifyStep[] {
  const verify = ctx.config.verify;
  if (!verify.enabled) return [];
  const waitMs = verify.timeout * 1000;
  const steps: VerifyStep[] = [];

  if (runs(ctx, 'release') && verify.python.enabled) {
    const upload = planPythonSteps(ctx).find((step) => step.kind === 'pypi-upload');
    if (upload?.kind === 'pypi-upload' && upload.project) {
      const test = upload.repositoryUrl === TESTPYPI_UPLOAD_URL;
      const indexUrl = verify.python['index-url'] ?? (test ? TESTPYPI_SIMPLE_URL : PYPI_SIMPLE_URL);
      const extraIndexUrl = verify.python['extra-index-url'] ?? (test ? PYPI_SIMPLE_URL : undefined);
      steps.push({
        kind: 'verify-python',
        id: `verify-python:${upload.project}`,
        target: `${upload.project}==${upload.version}`,
        project: upload.project,
        version: upload.version,
        indexUrl,
        ...(extraIndexUrl ? { extraIndexUrl } : {}),
        importName: verify.python.import ?? upload.project.replace(/[-.]/g, '_').toLowerCase(),
        ...(upload.attestation ? { attestations: { indexUrl: upload.indexUrl, instance: upload.attestation.instance, required: upload.attestation.required, uploadStep: upload.id } } : {}),
        ...(verify.python.command ? { command: verify.python.command } : {}),
        python: verify.python.python,
        waitMs,
      });
    }
  }

  if (runs(ctx, 'release') && verify.npm.enabled) {
    for (const publish of planNpmSteps(ctx)) {
      const registry = verify.npm.registry ?? publish.registry;
      steps.push({
        kind: 'verify-npm',
        id: `verify-npm:${publish.package}`,
        target: `${publish.package}@${publish.distTag}`,
        package: publish.package,
        version: publish.version,
        distTag: publish.distTag,
        registry,
        ...(verify.npm.command ? { command: verify.npm.command } : {}),
        waitMs,
        provenance: { requested: publish.provenance, stored: onNpmjs(registry), publishStep: publish.id, sigstore: npmProvenanceInstance(ctx.config) },
      });
    }
  }

  if (runs(ctx, 'release')) {
    const attest = planGithubRelease(ctx).find((step) => step.kind === 'github-attest');
    if (attest?.kind === 'github-attest') {
      const { attestation, predicateType, tag } = attest;
      // No `attestation` field: this step signs nothing (preflight asks signing steps for an OIDC token).
      steps.push({ kind: 'verify-assets', id: 'verify-assets', target: attest.target, tag, instance: attestation.instance, predicateType, required: attestation.required });
    }
  }

  const images = runs(ctx, 'docker') ? plannedImages(planDockerSteps(ctx)) : [];
  const docker = images.map((image) => image.repository);
  if (images.length) {
    const tags = images[0]!.tags;
    const platforms = verify.images.platforms;
    if (verify.images.enabled) {
      const signed = plannedAttestation(ctx.config, ctx.facts, 'images');
      steps.push({
        kind: 'verify-images',
        id: 'verify-images',
        target: images.map((i) => `${i.repository}:${i.tags.join(',')}`).join(' '),
        images,
        platforms,
        ...(signed ? { attestations: { instance: signed.instance, required: signed.required } } : {}),
      });
    }
    const container = verify.container;
    if (container.enabled !== false) {
      steps.push({
        kind: 'verify-container',
        id: 'verify-container',
        target: `${docker[0]}:${tags[0]}`,
        repository: docker[0]!,
        tag: tags[0]!,
        platforms,
        ...(container.platforms ? { only: container.platforms } : {}),
        ...(container.port ? { probe: { port: container.port, path: container.path } } : {}),
        ...(container['health-cmd'] ? { healthCommand: container['health-cmd'] } : {}),
        env: container.env,
        timeoutMs: container.timeout * 1000,
        required: container.enabled === true,
      });
    }
  }
  return steps;
}
