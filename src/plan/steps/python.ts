import { checkRelativePath } from '../../project/files.js';
import { plannedAttestation, type PlannedAttestation } from '../../sigstore/instance.js';
import type { PlanContext } from '../context.js';

export interface PythonBuildStep {
  kind: 'python-build';
  id: string;
  target: string;
  /** argv of the build command, run in the project root. */
  command: string[];
  /** Where the built files land, relative to the project root. */
  outDir: string;
  /** The project name every built file must carry (absent when no source names it). */
  project?: string;
  /** The version every built file must carry (PEP 440). */
  version: string;
  /** `python.build-env`: variables of the step's environment the build also gets. */
  env?: string[];
}

export interface PypiUploadStep {
  kind: 'pypi-upload';
  id: string;
  target: string;
  /** The index's upload endpoint (legacy upload API). */
  repositoryUrl: string;
  /** The index's base URL: `<base>/pypi/<project>/<version>/json` and `<base>/_/oidc/…`. */
  indexUrl: string;
  project?: string;
  version: string;
  /** Where the built files are, relative to the project root. */
  distDir: string;
  /** Which files of `distDir` are distributions. */
  globs: string[];
  /** The build step whose `produced` files are uploaded; absent for `prebuilt` files. */
  buildStep?: string;
  /**
   * `python.dist`: files built in other jobs are uploaded from `distDir` as they are, never built here. `files`
   * are the names found when planning (absent when the directory was not there yet).
   */
  prebuilt?: { files?: string[] };
  /**
   * PEP 740: each uploaded file carries a publish attestation signed with `instance` (or the
   * `<dist>.publish.attestation` a build job left beside it). With an API token PyPI takes none:
   * `required` (attestations.enabled: true) then stops the step before uploading, else it says so once.
   */
  attestation?: PlannedAttestation;
}

export const PYPI_UPLOAD_URL = 'https://upload.pypi.org/legacy/';
export const TESTPYPI_UPLOAD_URL = 'https://test.pypi.org/legacy/';

/** The sdist and wheels a PEP 517 build writes. */
export const DISTRIBUTION_GLOBS = ['*.tar.gz', '*.whl'];

/**
 * The index an upload endpoint belongs to: PyPI uploads to upload.pypi.org but serves its JSON API and
 * trusted-publishing endpoints from pypi.org; TestPyPI keeps one host; any other index its own origin.
 */
export function indexBaseOf(repositoryUrl: string): string {
  const url = new URL(repositoryUrl);
  if (url.hostname === 'upload.pypi.org') return 'https://pypi.org';
  return url.origin;
}

export function planPythonSteps(ctx: PlanContext): Array<PythonBuildStep | PypiUploadStep> {
  const { python } = ctx.config;
  const present = ctx.facts.project.python !== undefined;
  if (python.enabled === false || (python.enabled === 'auto' && !present)) return [];
  const repositoryUrl = ctx.rehearsal ? python['rehearsal-repository-url'] : (python['repository-url'] ?? PYPI_UPLOAD_URL);
  const version = ctx.version.pep440 ?? ctx.version.normalized;
  const project = ctx.facts.project.python?.name;
  const indexUrl = (python['index-url'] ?? indexBaseOf(repositoryUrl)).replace(/\/+$/, '');
  const attestation = plannedAttestation(ctx.config, ctx.facts, 'pypi');
  const upload = { kind: 'pypi-upload', id: 'pypi-upload', target: repositoryUrl, repositoryUrl, indexUrl, project, version, globs: DISTRIBUTION_GLOBS, ...(attestation ? { attestation } : {}) } as const;
  if (python.dist !== undefined) {
    const files = ctx.facts.prebuiltPython;
    return [{ ...upload, distDir: checkRelativePath(python.dist, 'python.dist'), prebuilt: files ? { files } : {} }];
  }
  const outDir = checkRelativePath(python['out-dir'], 'python.out-dir');
  return [
    {
      kind: 'python-build',
      id: 'python-build',
      target: `${outDir.replace(/\/?$/, '/')}`,
      command: python['build-command'],
      outDir,
      ...(project ? { project } : {}),
      version,
      ...(python['build-env'].length ? { env: python['build-env'] } : {}),
    },
    { ...upload, distDir: outDir, buildStep: 'python-build' },
  ];
}

/** How a plan shows the PEP 740 part of an upload: `with PEP 740 attestations (public-good Sigstore, with trusted publishing)`. */
export function describeAttestations(step: PypiUploadStep): string | undefined {
  if (!step.attestation) return undefined;
  return `with PEP 740 attestations (${step.attestation.instance.name} Sigstore, ${step.attestation.required ? 'required' : 'with trusted publishing'})`;
}

/** How a plan shows an upload of files built elsewhere: `upload 3 prebuilt files from wheelhouse/`. */
export function describePrebuilt(step: PypiUploadStep): string | undefined {
  if (!step.prebuilt) return undefined;
  const dir = step.distDir.replace(/\/?$/, '/');
  const files = step.prebuilt.files;
  // A plan job runs before the build jobs' artifacts are downloaded: nothing there yet is no error here.
  if (!files?.length) return `upload the prebuilt files in ${dir} (none there yet)`;
  return `upload ${files.length} prebuilt file${files.length === 1 ? '' : 's'} from ${dir}`;
}
