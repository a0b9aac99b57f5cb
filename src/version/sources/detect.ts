import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { UserError } from '../../errors.js';
import { assertInsideProject, checkGlobPatterns, checkRelativePath, containedGlobOptions, projectEntryExists, readProjectText } from '../../project/files.js';
import { parseCargoToml } from './cargo.js';
import { MAX_MANIFEST_BYTES, parsePackageJson, workspacePatterns, type NpmManifest } from './package-json.js';
import { parsePyproject } from './pyproject.js';
import { parsePythonModule } from './python-module.js';
import { workspaceSpecs, type WorkspaceSpec } from '../../npm/workspace-ranges.js';
import { pnpmWorkspacePatterns } from './pnpm-workspace.js';
import type { VersionReading } from './reading.js';
import { parseSetupCfg } from './setup-cfg.js';
import { parseVersionFile } from './version-file.js';

export interface NpmPackageFacts {
  name: string;
  version?: string;
  private: boolean;
  /** Directory relative to the project root (`.` for the root package). */
  dir: string;
  /** Names of packages this one depends on (all dependency kinds), for publish ordering. */
  dependsOn: string[];
  /** Its pnpm/yarn `workspace:` specifiers, rewritten to real versions when it is published. */
  workspaceSpecs?: WorkspaceSpec[];
}

/** Everything the planner needs to know about the project on disk, read once up front. */
export interface ProjectFacts {
  readings: VersionReading[];
  python?: { name?: string; dynamic?: string };
  npm: NpmPackageFacts[];
  cargo: boolean;
  /** The project's description and license (pyproject.toml, else the root package.json): image metadata. */
  metadata?: { description?: string; license?: string };
}

const PYTHON_MODULE_NAMES = ['__version__.py', '_version.py', '__about__.py', 'version.py', '__init__.py'];
/** Directories never searched for Python version modules (nor hidden ones): at any depth, and at the top only. */
const IGNORED_ANYWHERE = new Set(['node_modules', 'venv']);
const IGNORED_AT_TOP = new Set(['test', 'tests', 'docs', 'build', 'dist', 'examples']);

/**
 * The Python modules that may state `__version__`: `<dir>/NAME` and `src/<dir>/NAME` for each name above.
 * Plain readdir rather than a glob library: this runs at start-up for every Python project, and
 * compiling the equivalent glob patterns took longer than the whole scan.
 */
function pythonModuleFiles(root: string): string[] {
  const subdirs = (dir: string, ignored: (name: string) => boolean): string[] => {
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      return [];
    }
    return names
      .filter((name) => !name.startsWith('.') && !IGNORED_ANYWHERE.has(name) && !ignored(name))
      .map((name) => (dir ? `${dir}/${name}` : name))
      .filter((path) => isPackageDirectory(root, path));
  };
  const dirs = [...subdirs('', (name) => IGNORED_AT_TOP.has(name)), ...subdirs('src', () => false)];
  // A module that is a symlink is still found: the read refuses it if it leads out of the project.
  return dirs.flatMap((dir) => PYTHON_MODULE_NAMES.map((name) => `${dir}/${name}`)).filter((file) => isFileOrLink(join(root, file)));
}

/**
 * A directory to look for version modules in. A symlink that leads out of the project stops the run
 * (a `pkg → /etc` package would otherwise vanish from the checks); one inside is followed.
 */
function isPackageDirectory(root: string, path: string): boolean {
  const info = lstatQuietly(join(root, path));
  if (info?.isSymbolicLink()) {
    assertInsideProject(root, path);
    return statQuietly(join(root, path))?.isDirectory() ?? false;
  }
  return info?.isDirectory() ?? false;
}

/** Anything but a directory: a FIFO or a link named like a version module is read, and refused there by name. */
function isFileOrLink(path: string): boolean {
  const info = lstatQuietly(path);
  return info !== undefined && !info.isDirectory();
}

function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function lstatQuietly(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Reads every version source present in `root`. With `explicit` paths only those files are read
 * (their kind follows from the file name: package.json, pyproject.toml, setup.cfg, Cargo.toml, *.py,
 * anything else is a plain version file).
 */
export function detectProject(root: string, explicit?: readonly string[]): ProjectFacts {
  const facts: ProjectFacts = { readings: [], npm: [], cargo: false };
  // Every read goes through the project-file rules: inside the project, regular files, size-capped.
  const read = (file: string, namedBy?: string) => readProjectText(root, file, namedBy ? { namedBy } : {});
  const exists = (file: string) => projectEntryExists(root, file);

  if (explicit) {
    for (const listed of explicit) {
      const file = checkRelativePath(listed, "Config 'version-sources'");
      if (!exists(file)) throw new UserError(`Config 'version-sources' lists ${file}, which does not exist in ${root}.`, { file: '.github/tagship.yml' });
      readSource(file, true);
    }
    return dedupe(facts);
  }

  if (exists('package.json')) readNpm('package.json');
  if (exists('pyproject.toml')) readSource('pyproject.toml', false);
  if (exists('setup.cfg')) readSource('setup.cfg', false);
  if (facts.python || exists('setup.py')) {
    facts.python ??= {};
    for (const file of pythonModuleFiles(root).sort()) {
      const reading = parsePythonModule(read(file), file);
      if (reading) facts.readings.push(reading);
    }
  }
  if (exists('Cargo.toml')) readSource('Cargo.toml', false);
  if (exists('VERSION')) readSource('VERSION', false);
  return dedupe(facts);

  function readSource(file: string, explicitly: boolean): void {
    const name = basename(file);
    if (name === 'package.json') return readNpm(file);
    if (name === 'pyproject.toml') {
      const pyproject = parsePyproject(read(file), file);
      facts.python = { name: pyproject.name ?? facts.python?.name, dynamic: pyproject.dynamic ?? facts.python?.dynamic };
      if (pyproject.description || pyproject.license) facts.metadata = { description: pyproject.description, license: pyproject.license };
      facts.readings.push(...pyproject.readings);
      if (pyproject.referencedModule) readModule(pyproject.referencedModule, file);
      return;
    }
    if (name === 'setup.cfg') {
      const cfg = parseSetupCfg(read(file), file);
      if (!cfg.reading && !cfg.referencedModule && !cfg.referencedFile && !cfg.name) return;
      facts.python = { name: facts.python?.name ?? cfg.name, dynamic: facts.python?.dynamic };
      if (cfg.reading) facts.readings.push(cfg.reading);
      if (cfg.referencedModule) readModule({ module: cfg.referencedModule }, file);
      const referenced = cfg.referencedFile && checkRelativePath(cfg.referencedFile, `${file} [metadata] version = file:`);
      if (referenced && exists(referenced)) {
        const reading = parseVersionFile(read(referenced, `${file} [metadata] version = file:`), referenced, 'python');
        if (reading) facts.readings.push(reading);
      }
      return;
    }
    if (name === 'Cargo.toml') {
      const reading = parseCargoToml(read(file), file);
      if (reading) {
        facts.readings.push(reading);
        facts.cargo = true;
      }
      return;
    }
    if (name.endsWith('.py')) {
      facts.python ??= {};
      const reading = parsePythonModule(read(file), file, { anyName: explicitly });
      if (reading) facts.readings.push(reading);
      else if (explicitly) throw new UserError(`${file} has no line like __version__ = "1.2.3".`, { file });
      return;
    }
    const reading = parseVersionFile(read(file), file);
    if (reading) facts.readings.push(reading);
  }

  function pnpmPatterns(): string[] {
    return exists('pnpm-workspace.yaml') ? pnpmWorkspacePatterns(read('pnpm-workspace.yaml'), 'pnpm-workspace.yaml') : [];
  }

  function readModule(ref: { module?: string; path?: string }, from: string): void {
    const candidates = ref.path
      ? [checkRelativePath(ref.path, `${from} [tool.hatch.version] path`)]
      : [ref.module!.replace(/\./g, '/')].flatMap((base) => [`${base}.py`, `${base}/__init__.py`, `src/${base}.py`, `src/${base}/__init__.py`]);
    const found = candidates.find(exists);
    if (!found) throw new UserError(`${from} takes the version from ${ref.path ?? ref.module}, which was not found (looked for ${candidates.join(', ')}).`, { file: from });
    const reading = parsePythonModule(read(found, `${from}`), found, { anyName: true });
    if (!reading) throw new UserError(`${found} is named by ${from} as the version source but has no line like __version__ = "1.2.3".`, { file: found });
    facts.readings.push(reading);
  }

  function readNpm(file: string): void {
    const dir = file === 'package.json' ? '.' : file.slice(0, -'/package.json'.length);
    const { manifest, reading } = parsePackageJson(readProjectText(root, file, { maxBytes: MAX_MANIFEST_BYTES }), file);
    // A private workspace root or member is never published, so its version is not a claim to check;
    // a private root without workspaces is an application whose version still names the release.
    // A pnpm workspace lists its members in pnpm-workspace.yaml rather than in package.json.
    const declared = dir === '.' ? [...workspacePatterns(manifest), ...pnpmPatterns()] : [];
    const unpublishedMember = manifest.private === true && (dir !== '.' || declared.length > 0);
    if (reading && !unpublishedMember) facts.readings.push(reading);
    if (manifest.name) facts.npm.push(npmFacts(manifest, dir));
    if (dir !== '.') return;
    if (typeof manifest.description === 'string' || typeof manifest.license === 'string') {
      facts.metadata = {
        ...(typeof manifest.description === 'string' ? { description: manifest.description } : {}),
        ...(typeof manifest.license === 'string' ? { license: manifest.license } : {}),
      };
    }
    // `!pattern` excludes (pnpm's negations); everything else names member directories.
    const excluded = declared.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
    const named = (list: string[]) => checkGlobPatterns(list, `${file} "workspaces"`).map((pattern) => pattern.replace(/\/+$/, ''));
    const patterns = named(declared.filter((pattern) => !pattern.startsWith('!')));
    if (!patterns.length) return;
    // The member directories, not their package.json: a member that is a link out of the project (which
    // the walker reports as a file, never entering it) or a package.json that is not a regular file must
    // stop the run, not vanish from the plan.
    const members = globSync(patterns, { ...containedGlobOptions(root), onlyFiles: false, ignore: ['**/node_modules/**', ...named(excluded)] }).map((m) => m.replace(/\/+$/, ''));
    for (const member of [...new Set(members)].sort()) {
      // `**` matches the root itself: it is read already.
      if (member === '' || member === '.') continue;
      const link = lstatQuietly(join(root, member));
      if (link?.isSymbolicLink()) assertInsideProject(root, member);
      if (exists(`${member}/package.json`)) readNpm(`${member}/package.json`);
    }
  }
}

function npmFacts(manifest: NpmManifest, dir: string): NpmPackageFacts {
  const dependsOn = [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies].flatMap((deps) =>
    Object.keys(deps ?? {}),
  );
  const specs = workspaceSpecs(manifest);
  return { name: manifest.name!, version: manifest.version, private: manifest.private === true, dir, dependsOn: [...new Set(dependsOn)].sort(), ...(specs.length ? { workspaceSpecs: specs } : {}) };
}

function dedupe(facts: ProjectFacts): ProjectFacts {
  const seen = new Set<string>();
  facts.readings = facts.readings.filter((reading) => {
    const key = `${reading.file}:${reading.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return facts;
}
