import type { PlanContext } from '../context.js';

export interface PythonBuildStep {
  kind: 'python-build';
  id: string;
  target: string;
  /** argv of the build command, run in the project root. */
  command: string[];
  /** Where the built files land. */
  outDir: string;
}

export interface PypiUploadStep {
  kind: 'pypi-upload';
  id: string;
  target: string;
  /** The index's upload endpoint. */
  repositoryUrl: string;
  project?: string;
  version: string;
}

export const PYPI_UPLOAD_URL = 'https://upload.pypi.org/legacy/';
export const TESTPYPI_UPLOAD_URL = 'https://test.pypi.org/legacy/';

export function planPythonSteps(ctx: PlanContext): Array<PythonBuildStep | PypiUploadStep> {
  const { python } = ctx.config;
  const present = ctx.facts.project.python !== undefined;
  if (python.enabled === false || (python.enabled === 'auto' && !present)) return [];
  const repositoryUrl = ctx.rehearsal ? TESTPYPI_UPLOAD_URL : PYPI_UPLOAD_URL;
  const version = ctx.version.pep440 ?? ctx.version.normalized;
  return [
    { kind: 'python-build', id: 'python-build', target: 'dist/', command: ['python', '-m', 'build'], outDir: 'dist' },
    { kind: 'pypi-upload', id: 'pypi-upload', target: repositoryUrl, repositoryUrl, project: ctx.facts.project.python?.name, version },
  ];
}
