import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planBumpEdits } from '../../src/bump/edits.js';
import { UserError } from '../../src/errors.js';
import { projectSchemes, resolveVersion } from '../../src/version/guard.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { project, removeProjects } from './support.js';

afterAll(removeProjects);

/** The planned edits for bumping the project made of `files` to `next`, as file → text after. */
function bump(files: Record<string, string>, next: string) {
  const root = project(files);
  const facts = detectProject(root);
  const version = resolveVersion(next, `v${next}`, projectSchemes(facts.readings, facts.python !== undefined, 'auto'));
  const planned = planBumpEdits(root, facts, version);
  return { ...planned, after: Object.fromEntries(planned.edits.map((e) => [e.file, e.after])), lines: Object.fromEntries(planned.edits.map((e) => [e.file, e.lines])) };
}

function refusal(files: Record<string, string>, next: string): string {
  try {
    bump(files, next);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('expected a refusal');
}

describe('package.json', () => {
  it('changes the version characters only: CRLF, tabs, odd spacing, key order and a BOM stay', () => {
    const text = '\uFEFF{\r\n\t"name":"x",   "version"  :  "1.0.0" ,\r\n\t"scripts": { "version": "echo 1.0.0" }\r\n}';
    const result = bump({ 'package.json': text }, '1.1.0');
    expect(result.after['package.json']).toBe(text.replace('"1.0.0" ,', '"1.1.0" ,'));
    expect(result.lines['package.json']).toEqual([2]);
  });

  it('refuses a version key given twice (JSON.parse takes the last, an editor either)', () => {
    expect(refusal({ 'package.json': '{\n  "name": "x",\n  "version": "1.0.0",\n  "version": "1.0.0"\n}\n' }, '1.0.1')).toBe(
      'package.json:4: "version" is given twice, so tagship bump cannot rewrite it safely; remove the duplicate key, or set the version there by hand.',
    );
  });

  it('bumps every published workspace member and the lockfile entries of each', () => {
    const lock = JSON.stringify(
      {
        name: 'root',
        version: '2.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'root', version: '2.0.0', workspaces: ['packages/*'] },
          'node_modules/@acme/a': { resolved: 'packages/a', link: true },
          'node_modules/left-pad': { version: '2.0.0', resolved: 'https://registry.example/left-pad-2.0.0.tgz' },
          'packages/a': { name: '@acme/a', version: '2.0.0' },
          'packages/b': { name: '@acme/b', version: '2.0.0' },
        },
      },
      null,
      2,
    );
    const result = bump(
      {
        'package.json': '{ "name": "root", "version": "2.0.0", "workspaces": ["packages/*"] }\n',
        'packages/a/package.json': '{ "name": "@acme/a", "version": "2.0.0" }\n',
        'packages/b/package.json': '{ "name": "@acme/b", "version": "2.0.0" }\n',
        'package-lock.json': `${lock}\n`,
      },
      '2.1.0',
    );
    expect(Object.keys(result.after).sort()).toEqual(['package-lock.json', 'package.json', 'packages/a/package.json', 'packages/b/package.json']);
    const after = JSON.parse(result.after['package-lock.json']!);
    expect(after.version).toBe('2.1.0');
    expect(after.packages['']).toMatchObject({ version: '2.1.0' });
    expect(after.packages['packages/a'].version).toBe('2.1.0');
    expect(after.packages['packages/b'].version).toBe('2.1.0');
    // A dependency that happens to have the same version is not ours.
    expect(after.packages['node_modules/left-pad'].version).toBe('2.0.0');
    expect(result.lines['package-lock.json']).toHaveLength(4);
  });

  it('a sibling pinned to the previous version follows it (operator kept); other ranges and workspace: stay', () => {
    const result = bump(
      {
        'package.json': '{ "name": "root", "private": true, "workspaces": ["packages/*"], "devDependencies": { "@acme/core": "~2.0.0" } }\n',
        'packages/core/package.json': '{ "name": "@acme/core", "version": "2.0.0" }\n',
        'packages/cli/package.json': [
          '{',
          '  "name": "@acme/cli",',
          '  "version": "2.0.0",',
          '  "dependencies": { "@acme/core": "2.0.0", "left-pad": "2.0.0" },',
          '  "peerDependencies": { "@acme/core": "^2.0.0" },',
          '  "optionalDependencies": { "@acme/core": ">=1.0.0" },',
          '  "devDependencies": { "@acme/core": "workspace:*" }',
          '}',
          '',
        ].join('\n'),
        'package-lock.json':
          '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "devDependencies": { "@acme/core": "~2.0.0" } },\n    "packages/cli": { "version": "2.0.0", "dependencies": { "@acme/core": "2.0.0" } },\n    "packages/core": { "version": "2.0.0" }\n  }\n}\n',
      },
      '2.1.0',
    );
    expect(result.after['packages/cli/package.json']).toBe(
      [
        '{',
        '  "name": "@acme/cli",',
        '  "version": "2.1.0",',
        '  "dependencies": { "@acme/core": "2.1.0", "left-pad": "2.0.0" },',
        '  "peerDependencies": { "@acme/core": "^2.1.0" },',
        '  "optionalDependencies": { "@acme/core": ">=1.0.0" },',
        '  "devDependencies": { "@acme/core": "workspace:*" }',
        '}',
        '',
      ].join('\n'),
    );
    expect(result.after['package.json']).toBe('{ "name": "root", "private": true, "workspaces": ["packages/*"], "devDependencies": { "@acme/core": "~2.1.0" } }\n');
    expect(result.after['package-lock.json']).toBe(
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "devDependencies": { "@acme/core": "~2.1.0" } },\n    "packages/cli": { "version": "2.1.0", "dependencies": { "@acme/core": "2.1.0" } },\n    "packages/core": { "version": "2.1.0" }\n  }\n}\n',
    );
  });

  it('leaves the version of a private workspace root, which the guard does not read', () => {
    const result = bump(
      {
        'package.json': '{ "name": "root", "private": true, "version": "0.0.0", "workspaces": ["pkg"] }\n',
        'pkg/package.json': '{ "name": "p", "version": "1.0.0" }\n',
        'package-lock.json': '{ "version": "0.0.0", "lockfileVersion": 3, "packages": { "": { "version": "0.0.0" }, "pkg": { "version": "1.0.0" } } }\n',
      },
      '1.0.1',
    );
    expect(result.after['package.json']).toBeUndefined();
    expect(result.after['package-lock.json']).toBe('{ "version": "0.0.0", "lockfileVersion": 3, "packages": { "": { "version": "0.0.0" }, "pkg": { "version": "1.0.1" } } }\n');
  });
});

describe('pyproject.toml', () => {
  it('PEP 621 and Poetry: the value span only, with comments, single quotes, odd spacing and CRLF', () => {
    const text = [
      '# version = "0.0.0" in a comment',
      '[project]',
      'name = "x"',
      'description = """',
      '[tool.poetry]',
      'version = "9.9.9"',
      '"""',
      "version   =   '1.0.0'   # the release",
      '',
      '[ tool . "poetry" ]',
      'version="1.0.0"',
      '',
    ].join('\r\n');
    const result = bump({ 'pyproject.toml': text }, '1.0.1');
    expect(result.after['pyproject.toml']).toBe(text.replace("'1.0.0'", "'1.0.1'").replace('version="1.0.0"', 'version="1.0.1"'));
    expect(result.lines['pyproject.toml']).toEqual([8, 11]);
  });

  it('a dotted key under its table', () => {
    const text = '[tool]\npoetry.name = "x"\npoetry.version = "1.0.0"\n';
    expect(bump({ 'pyproject.toml': text }, '2.0.0').after['pyproject.toml']).toBe('[tool]\npoetry.name = "x"\npoetry.version = "2.0.0"\n');
  });

  it('refuses a value that is not a plain one-line string, and an inline table', () => {
    expect(refusal({ 'pyproject.toml': '[project]\nname = "x"\nversion = """1.0.0"""\n' }, '1.0.1')).toBe(
      'pyproject.toml:3: [project].version is not a plain one-line string, so tagship bump cannot rewrite it safely; write it as version = "…" on one line, or set the version there by hand.',
    );
    expect(refusal({ 'pyproject.toml': '[project]\nversion = "1.0\\u002E0"\n' }, '1.0.1')).toMatch(/^pyproject.toml:2: \[project\].version is not a plain one-line string/);
    expect(refusal({ 'pyproject.toml': 'project = { name = "x", version = "1.0.0" }\n' }, '1.0.1')).toMatch(/^pyproject.toml:1: \[project\].version is inside an inline table/);
  });

  it('reports a dynamic version and edits the module it points at', () => {
    const result = bump(
      {
        'pyproject.toml': '[project]\nname = "x"\ndynamic = ["version"]\n[tool.setuptools.dynamic]\nversion = { attr = "x.__version__" }\n',
        'x/__init__.py': '"""Docs."""\n__version__ = \'1.0.0\'  # keep\n',
      },
      '1.1.0rc1',
    );
    expect(result.after).toEqual({ 'x/__init__.py': '"""Docs."""\n__version__ = \'1.1.0rc1\'  # keep\n' });
  });

  it('needs no edit for setuptools_scm and says so', () => {
    const result = bump({ 'pyproject.toml': '[project]\nname = "x"\ndynamic = ["version"]\n[tool.setuptools_scm]\n' }, '3.0.0');
    expect(result.edits).toEqual([]);
    expect(result.dynamic).toEqual([{ source: 'pyproject.toml', how: 'setuptools_scm derives the version from the tag; no edit needed' }]);
  });
});

describe('Python modules', () => {
  it('keeps the quotes, the annotation and the rest of the line; a CRLF file stays CRLF', () => {
    const files = {
      'setup.py': 'from setuptools import setup\r\nsetup()\r\n',
      'pkg/__init__.py': 'import os\r\n__version__: str = "1.0.0"  # bumped by tagship\r\nVERSION_INFO = (1, 0, 0)\r\n',
    };
    expect(bump(files, '1.0.1').after['pkg/__init__.py']).toBe('import os\r\n__version__: str = "1.0.1"  # bumped by tagship\r\nVERSION_INFO = (1, 0, 0)\r\n');
  });

  it('refuses a module that assigns __version__ again further down (Python keeps the last)', () => {
    const files = { 'setup.py': '', 'pkg/__init__.py': '__version__ = "1.0.0"\nif DEV:\n    pass\n__version__ = compute()\n' };
    expect(refusal(files, '1.0.1')).toBe(
      'pkg/__init__.py:4: __version__ is assigned again, so tagship bump cannot rewrite it safely; keep one __version__ = "…" line, or set the version there by hand.',
    );
  });
});

describe('Python modules: reassignment in a block', () => {
  it('refuses an indented reassignment too (it runs when its branch does)', () => {
    const files = { 'setup.py': '', 'pkg/__init__.py': '__version__ = "1.0.0"\ntry:\n    from ._scm import version as __version__\nexcept ImportError:\n    __version__ = "0+unknown"\n' };
    expect(refusal(files, '1.0.1')).toMatch(/^pkg\/__init__.py:3: __version__ is assigned again/);
    expect(refusal({ 'setup.py': '', 'pkg/__init__.py': '__version__ = "1.0.0"\nif DEBUG:\n    __version__ = "0+dev"\n' }, '1.0.1')).toMatch(/^pkg\/__init__.py:3: /);
  });
});

describe('setup.cfg, Cargo.toml, VERSION', () => {
  it('setup.cfg [metadata] version, not a version key of another section', () => {
    const text = '[options]\nversion = 0.0.1\n\n[metadata]\nname = x\nversion  =  1.0.0 \n';
    expect(bump({ 'setup.cfg': text }, '1.0.1').after['setup.cfg']).toBe('[options]\nversion = 0.0.1\n\n[metadata]\nname = x\nversion  =  1.0.1 \n');
  });

  it('setup.cfg: refuses a version continued on the next line', () => {
    expect(refusal({ 'setup.cfg': '[metadata]\nname = x\nversion = 1.0.0\n  extra\n' }, '1.0.1')).toMatch(/^setup.cfg:4: the version continues on the next line/);
  });

  it('setup.cfg version = file: VERSION rewrites that file', () => {
    const result = bump({ 'setup.cfg': '[metadata]\nname = x\nversion = file: VERSION.txt\n', 'VERSION.txt': '  1.0.0  \n' }, '1.0.1');
    expect(result.after).toEqual({ 'VERSION.txt': '  1.0.1  \n' });
  });

  it('Cargo.toml [package] and its Cargo.lock entry, not a registry crate of the same name', () => {
    const result = bump(
      {
        'Cargo.toml': '[package]\nname = "tool"\nversion = "0.3.0" # semver\n\n[dependencies]\nserde = { version = "0.3.0" }\n',
        'Cargo.lock': [
          '# This file is automatically @generated by Cargo.',
          'version = 3',
          '',
          '[[package]]',
          'name = "serde"',
          'version = "0.3.0"',
          'source = "registry+https://github.com/rust-lang/crates.io-index"',
          '',
          '[[package]]',
          'name = "tool"',
          'version = "0.3.0"',
          'dependencies = [',
          ' "serde",',
          ']',
          '',
        ].join('\n'),
      },
      '0.4.0-rc.1',
    );
    expect(result.after['Cargo.toml']).toBe('[package]\nname = "tool"\nversion = "0.4.0-rc.1" # semver\n\n[dependencies]\nserde = { version = "0.3.0" }\n');
    expect(result.lines['Cargo.lock']).toEqual([11]);
    expect(result.after['Cargo.lock']).toContain('name = "tool"\nversion = "0.4.0-rc.1"\n');
    expect(result.after['Cargo.lock']).toContain('name = "serde"\nversion = "0.3.0"\n');
  });

  it('Cargo.toml [workspace.package] and the members that inherit it in Cargo.lock', () => {
    const result = bump(
      {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "1.0.0"\n',
        'crates/a/Cargo.toml': '[package]\nname = "a"\nversion.workspace = true\n',
        'crates/b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\n',
        'Cargo.lock': 'version = 3\n\n[[package]]\nname = "a"\nversion = "1.0.0"\n\n[[package]]\nname = "b"\nversion = "0.1.0"\n',
      },
      '1.1.0',
    );
    expect(result.after['Cargo.toml']).toBe('[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "1.1.0"\n');
    expect(result.after['Cargo.lock']).toBe('version = 3\n\n[[package]]\nname = "a"\nversion = "1.1.0"\n\n[[package]]\nname = "b"\nversion = "0.1.0"\n');
  });

  it('uv.lock: the project\'s own entry (name normalised, source the project directory), in PEP 440 form', () => {
    const lock = [
      'version = 1',
      '',
      '[[package]]',
      'name = "my-app"',
      'version = "1.0.0"',
      'source = { virtual = "." }',
      '',
      '[[package]]',
      'name = "my-app"',
      'version = "1.0.0"',
      'source = { directory = "../vendored/my-app" }',
      '',
    ].join('\n');
    const result = bump({ 'pyproject.toml': '[project]\nname = "My.App"\nversion = "1.0.0"\n', 'uv.lock': lock }, '1.1.0-rc.1');
    expect(result.after['uv.lock']).toBe(lock.replace('version = "1.0.0"\nsource = { virtual', 'version = "1.1.0rc1"\nsource = { virtual'));
    expect(result.lines['uv.lock']).toEqual([5]);
  });

  it('VERSION keeps its surrounding blank lines and line ending', () => {
    expect(bump({ VERSION: '\r\n 1.0.0\r\n' }, '1.0.1').after.VERSION).toBe('\r\n 1.0.1\r\n');
  });
});

describe('a project with npm and Python sources', () => {
  it('writes the semver spelling to package.json and the PEP 440 one to Python files', () => {
    const result = bump(
      {
        'package.json': '{\n  "name": "x",\n  "version": "1.0.0"\n}\n',
        'pyproject.toml': '[project]\nname = "x"\nversion = "1.0.0"\n',
      },
      '1.1.0-rc.0',
    );
    expect(result.after['package.json']).toContain('"version": "1.1.0-rc.0"');
    expect(result.after['pyproject.toml']).toBe('[project]\nname = "x"\nversion = "1.1.0rc0"\n');
  });
});

describe('reading only, inside the project', () => {
  it('plans in memory: the files on disk are unchanged', () => {
    const files = { 'package.json': '{ "name": "x", "version": "1.0.0" }\n', 'package-lock.json': '{ "version": "1.0.0", "packages": { "": { "version": "1.0.0" } } }\n' };
    const root = project(files);
    const facts = detectProject(root);
    const planned = planBumpEdits(root, facts, resolveVersion('1.0.1', 'v1.0.1', ['semver']));
    expect(planned.edits.map((e) => e.file)).toEqual(['package.json', 'package-lock.json']);
    for (const [file, text] of Object.entries(files)) expect(readFileSync(join(root, file), 'utf8')).toBe(text);
  });

  it('refuses a lockfile that is a link out of the project, in one line naming it', () => {
    const outside = project({ 'secret.json': '{ "version": "1.0.0" }\n' });
    const root = project({ 'package.json': '{ "name": "x", "version": "1.0.0" }\n' });
    symlinkSync(join(outside, 'secret.json'), join(root, 'package-lock.json'));
    const facts = detectProject(root);
    expect(() => planBumpEdits(root, facts, resolveVersion('1.0.1', 'v1.0.1', ['semver']))).toThrow(UserError);
    expect(() => planBumpEdits(root, facts, resolveVersion('1.0.1', 'v1.0.1', ['semver']))).toThrow(/^package-lock.json resolves to .*outside the project/);
    expect(readFileSync(join(outside, 'secret.json'), 'utf8')).toBe('{ "version": "1.0.0" }\n');
  });
});
