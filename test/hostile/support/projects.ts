/** Small project trees the tables build on. */
import type { ProjectFiles } from './sandbox.js';

export const pythonProject = (version = '1.2.3', extra: ProjectFiles = {}): ProjectFiles => ({
  'pyproject.toml': `[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "widget"\nversion = "${version}"\n`,
  ...extra,
});

export const npmProject = (version = '1.2.3', extra: ProjectFiles = {}): ProjectFiles => ({
  'package.json': `${JSON.stringify({ name: 'widget', version }, null, 2)}\n`,
  ...extra,
});

export const versionFile = (version = '1.2.3', extra: ProjectFiles = {}): ProjectFiles => ({ VERSION: `${version}\n`, ...extra });

/** The hostile string every untrusted-text case carries; no workflow command may be made of it. */
export const MARKER = 'HOSTILE0xBAD';
