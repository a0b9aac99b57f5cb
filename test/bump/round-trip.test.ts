import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectProject } from '../../src/version/sources/detect.js';
import { bumpAndPlan, onlyVersionLinesChanged, project, removeProjects } from './support.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
afterAll(removeProjects);

const SOURCE_FILES = ['package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'Cargo.toml', 'VERSION'];
const hasSource = (dir: string) => SOURCE_FILES.some((file) => existsSync(join(dir, file)));

/**
 * Each example as the projects it holds: the example itself when it states a version at its root, else
 * each subdirectory that does (release-please's js/ and python/, a monorepo's packages), each
 * released on its own.
 */
const EXAMPLE_PROJECTS = readdirSync(examples).flatMap((name) => {
  const dir = join(examples, name);
  if (hasSource(dir)) return [name];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && hasSource(join(dir, entry.name)))
    .map((entry) => `${name}/${entry.name}`);
});

describe('bump then plan: every example', () => {
  it('covers every example directory', () => {
    expect(EXAMPLE_PROJECTS.length).toBeGreaterThanOrEqual(8);
    for (const name of readdirSync(examples)) expect(EXAMPLE_PROJECTS.some((p) => p === name || p.startsWith(`${name}/`)), name).toBe(true);
  });

  for (const example of EXAMPLE_PROJECTS) {
    for (const kind of ['patch', 'minor', 'major', 'prerelease'] as const) {
      it(`${example}: ${kind} bump passes the guard and changes only version lines`, () => {
        const root = project({}, join(examples, example));
        const statesVersion = detectProject(root).readings.some((r) => r.value !== undefined);
        const result = bumpAndPlan(root, kind, kind === 'prerelease' ? 'rc' : undefined);
        expect(result.failed).toEqual([]);
        // A project whose version comes from the tag has nothing to edit, and says so.
        if (statesVersion) expect(result.bump.edits.length).toBeGreaterThan(0);
        else expect([result.bump.edits, result.bump.dynamic.length > 0]).toEqual([[], true]);
        expect(onlyVersionLinesChanged(result)).toEqual([]);
      });
    }
  }

  it('python-scm: nothing to edit, the dynamic version is reported', () => {
    const root = project({}, join(examples, 'python-scm'));
    const result = bumpAndPlan(root, { exact: '2.0.0' });
    expect(result.bump.edits).toEqual([]);
    expect(result.bump.dynamic).toEqual([{ source: 'pyproject.toml', how: 'setuptools_scm derives the version from the tag; no edit needed' }]);
    expect(result.failed).toEqual([]);
  });
});

type Style = { eol: '\n' | '\r\n'; bom: boolean; odd: boolean };

/** A text in the style: its line endings, a BOM where the format's tools accept one. */
function styled(lines: string[], style: Style, bomAllowed = true): string {
  return (style.bom && bomAllowed ? '\uFEFF' : '') + lines.join(style.eol) + style.eol;
}

/**
 * Projects with every source kind the guard reads, in one style each: LF or CRLF, with or without a
 * BOM, plain or with comments and unusual spacing around every version.
 */
const GENERATED: Record<string, (v: string, s: Style) => Record<string, string>> = {
  'python, every source': (v, s) => ({
    'pyproject.toml': styled(
      [
        '# version = "0.0.0" (a comment that looks like one)',
        '[build-system]',
        'requires = ["setuptools"]',
        '',
        '[project]',
        'name = "everything"',
        s.odd ? `version   =   '${v}'    # released by tag` : `version = "${v}"`,
        'description = """',
        'version = "9.9.9"',
        '"""',
        '',
        s.odd ? '[ tool . "poetry" ]' : '[tool.poetry]',
        'name = "everything"',
        s.odd ? `version="${v}"` : `version = "${v}"`,
      ],
      s,
      false,
    ),
    'setup.cfg': styled(['[metadata]', 'name = everything', s.odd ? `version   =   ${v}` : `version = ${v}`, '', '[options]', 'packages = find:'], s),
    'everything/__init__.py': styled(['"""The package."""', s.odd ? `__version__ :  str='${v}'   # tagship bump` : `__version__ = "${v}"`, 'VERSION_INFO = (1, 4)'], s),
    'src/other/_version.py': styled([`__version__ = "${v}"`], s),
    VERSION: styled(s.odd ? ['', `  ${v}  `] : [v], s),
  }),
  'python, version from a module and a file': (v, s) => ({
    'pyproject.toml': styled(['[project]', 'name = "mod"', 'dynamic = ["version"]', '', '[tool.setuptools.dynamic]', 'version = { attr = "mod.__version__" }'], s, false),
    'mod/__init__.py': styled(['import sys', s.odd ? `__version__='${v}'  # comment` : `__version__ = "${v}"`], s),
    'setup.py': styled(['from setuptools import setup', 'setup()'], s),
  }),
  'npm, cargo and python together, with lockfiles': (v, s) => ({
    'package.json': styled(['{', s.odd ? `\t"name":"mixed" ,  "version" :"${v}",` : `  "name": "mixed",\n  "version": "${v}",`, '  "scripts": { "version": "echo 0" }', '}'], s),
    'package-lock.json': styled(
      ['{', '  "name": "mixed",', `  "version": "${v}",`, '  "lockfileVersion": 3,', '  "packages": {', '    "": {', '      "name": "mixed",', `      "version": "${v}"`, '    }', '  }', '}'],
      s,
      false,
    ),
    'Cargo.toml': styled(['[package]', 'name = "mixed"', s.odd ? `version   = "${v}" # crate` : `version = "${v}"`, 'edition = "2021"', '', '[dependencies]', `other = { version = "${v}" }`], s),
    'Cargo.lock': styled(
      ['# This file is automatically @generated by Cargo.', 'version = 3', '', '[[package]]', 'name = "mixed"', `version = "${v}"`, 'dependencies = [', ' "other",', ']', '', '[[package]]', 'name = "other"', `version = "${v}"`, 'source = "registry+https://github.com/rust-lang/crates.io-index"'],
      s,
      false,
    ),
    'pyproject.toml': styled(['[project]', 'name = "mixed"', `version = "${v}"`], s, false),
  }),
  'npm workspace with a lockfile': (v, s) => ({
    'package.json': styled(['{', '  "name": "root",', '  "private": true,', '  "workspaces": ["packages/*"]', '}'], s),
    'packages/a/package.json': styled(['{', '  "name": "@acme/a",', `  "version": "${v}"`, '}'], s),
    'packages/b/package.json': styled(['{', '  "name": "@acme/b",', `  "version"  :  "${v}" ,`, '  "dependencies": { "@acme/a": "^1.0.0" }', '}'], s),
    'package-lock.json': styled(
      ['{', '  "name": "root",', '  "lockfileVersion": 3,', '  "packages": {', '    "": { "name": "root" },', `    "packages/a": { "name": "@acme/a", "version": "${v}" },`, `    "packages/b": { "name": "@acme/b", "version": "${v}" }`, '  }', '}'],
      s,
      false,
    ),
  }),
  'cargo workspace': (v, s) => ({
    'Cargo.toml': styled(['[workspace]', 'members = ["crates/*"]', '', '[workspace.package]', s.odd ? `version='${v}'  # all crates` : `version = "${v}"`], s),
    'crates/a/Cargo.toml': styled(['[package]', 'name = "a"', 'version.workspace = true'], s),
    'crates/b/Cargo.toml': styled(['[package]', 'name = "b"', 'version = { workspace = true }'], s),
    'Cargo.lock': styled(['version = 3', '', '[[package]]', 'name = "a"', `version = "${v}"`, '', '[[package]]', 'name = "b"', `version = "${v}"`], s, false),
  }),
  'poetry, hatch path and a scm-generated module': (v, s) => ({
    'pyproject.toml': styled(
      ['[tool.poetry]', 'name = "hatched"', s.odd ? `version = '${v}'  # poetry` : `version = "${v}"`, '', '[tool.hatch.version]', 'path = "src/hatched/__about__.py"'],
      s,
      false,
    ),
    'src/hatched/__about__.py': styled(['# SPDX-License-Identifier: MIT', s.odd ? `__version__ = '${v}'` : `__version__ = "${v}"`], s),
    // setuptools_scm's own file: the guard skips it, and so does the bump.
    'src/hatched/_version.py': styled(['# file generated by setuptools_scm', "# don't track in version control", 'version = "0.0.0"', '__version__ = "0.0.0"'], s),
  }),
  'maturin: Cargo.toml with a dynamic pyproject': (v, s) => ({
    'pyproject.toml': styled(['[build-system]', 'requires = ["maturin>=1,<2"]', 'build-backend = "maturin"', '', '[project]', 'name = "fast"', 'dynamic = ["version"]'], s, false),
    'Cargo.toml': styled(['[package]', 'name = "fast"', s.odd ? `version =    "${v}"   # read by maturin` : `version = "${v}"`, '', '[lib]', 'crate-type = ["cdylib"]'], s),
    'Cargo.lock': styled(['version = 3', '', '[[package]]', 'name = "fast"', `version = "${v}"`], s, false),
  }),
  'setup.cfg pointing at a module': (v, s) => ({
    'setup.cfg': styled(['[metadata]', 'name = attrpkg', 'version = attr: attrpkg.__version__'], s),
    'setup.py': styled(['from setuptools import setup', 'setup()'], s),
    'src/attrpkg/__init__.py': styled([s.odd ? `__version__  =  "${v}"  # single source` : `__version__ = "${v}"`], s),
  }),
  'uv project with uv.lock': (v, s) => ({
    'pyproject.toml': styled(['[project]', 'name = "Fast_API.tool"', s.odd ? `version   = "${v}"   # uv` : `version = "${v}"`, 'dependencies = ["requests"]'], s, false),
    'uv.lock': styled(
      [
        'version = 1',
        'revision = 3',
        'requires-python = ">=3.12"',
        '',
        '[[package]]',
        'name = "fast-api-tool"',
        `version = "${v}"`,
        'source = { editable = "." }',
        'dependencies = [',
        '    { name = "requests" },',
        ']',
        '',
        '[package.metadata]',
        'requires-dist = [{ name = "requests" }]',
        '',
        '[[package]]',
        'name = "requests"',
        `version = "${v}"`,
        'source = { registry = "https://pypi.org/simple" }',
      ],
      s,
      false,
    ),
  }),
  'explicit version-sources': (v, s) => ({
    '.github/tagship.yml': 'version-sources: [pyproject.toml, lib/meta.py, docs/release.txt]\n',
    'pyproject.toml': styled(['[project]', 'name = "explicit"', `version = "${v}"`], s, false),
    'lib/meta.py': styled(['# generated by hand', s.odd ? `VERSION  =  '${v}'` : `VERSION = "${v}"`], s),
    'docs/release.txt': styled([v], s),
  }),
};

const STYLES: Style[] = [
  { eol: '\n', bom: false, odd: false },
  { eol: '\r\n', bom: false, odd: true },
  { eol: '\n', bom: true, odd: true },
  { eol: '\r\n', bom: true, odd: false },
];

describe('bump then plan: generated projects', () => {
  for (const [name, make] of Object.entries(GENERATED)) {
    for (const style of STYLES) {
      const label = `${name} (${style.eol === '\n' ? 'LF' : 'CRLF'}${style.bom ? ', BOM' : ''}${style.odd ? ', comments and odd spacing' : ''})`;
      it(`${label}: patch, prerelease twice, minor, major and an exact version each pass the guard`, () => {
        const root = project(make('1.4.0', style));
        const steps: Array<Parameters<typeof bumpAndPlan>[1]> = ['patch', 'prerelease', 'prerelease', 'minor', 'premajor', 'major', { exact: '3.0.1' }];
        const seen: string[] = [];
        for (const step of steps) {
          const result = bumpAndPlan(root, step, step === 'prerelease' || step === 'premajor' ? 'rc' : undefined);
          seen.push(result.next);
          expect(result.failed, `${JSON.stringify(step)} → ${result.next}`).toEqual([]);
          expect(onlyVersionLinesChanged(result)).toEqual([]);
          for (const edit of result.bump.edits) {
            // Line endings and the BOM as they were.
            expect(edit.after.includes('\r\n')).toBe(edit.before.includes('\r\n'));
            expect(edit.after.startsWith('\uFEFF')).toBe(edit.before.startsWith('\uFEFF'));
          }
          const files = new Set(result.bump.edits.map((e) => e.file));
          for (const lock of ['package-lock.json', 'Cargo.lock', 'uv.lock']) if (lock in make('1.4.0', style)) expect(files.has(lock), lock).toBe(true);
        }
        expect(seen).toEqual(
          /npm|cargo/i.test(name)
            ? ['1.4.1', '1.4.2-rc.0', '1.4.2-rc.1', '1.5.0', '2.0.0-rc.0', '2.0.0', '3.0.1']
            : ['1.4.1', '1.4.2rc0', '1.4.2rc1', '1.5.0', '2.0.0rc0', '2.0.0', '3.0.1'],
        );
      });
    }
  }
});
