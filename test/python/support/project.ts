import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usesTools } from '../../support/system-tools.js';

usesTools('git', 'python3');

/** Debian's python3 with python3-build and setuptools. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const BUILD_COMMAND = [SYSTEM_PYTHON, '-m', 'build', '--no-isolation'];

/**
 * A tiny pure-Python project with the metadata an upload carries (summary, readme, classifiers,
 * requires-python, a dependency, URLs), at `version`.
 */
export function makeProject(name: string, version: string, dir = mkdtempSync(join(tmpdir(), 'tagship-pyproj-'))): string {
  const module = name.replace(/-/g, '_');
  mkdirSync(join(dir, module), { recursive: true });
  writeFileSync(join(dir, module, '__init__.py'), `__version__ = ${JSON.stringify(version)}\n`);
  writeFileSync(join(dir, 'README.md'), `# ${name}\n\nA fixture for tagship's upload tests.\n\n- one\n- two\n`);
  writeFileSync(
    join(dir, 'pyproject.toml'),
    [
      '[build-system]',
      'requires = ["setuptools"]',
      'build-backend = "setuptools.build_meta"',
      '',
      '[project]',
      `name = "${name}"`,
      `version = "${version}"`,
      'description = "A tiny package tagship uploads in its tests"',
      'readme = "README.md"',
      'requires-python = ">=3.8"',
      'license = { text = "MIT" }',
      'authors = [{ name = "Tag Ship", email = "tag@example.org" }]',
      'classifiers = ["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"]',
      'dependencies = []',
      '',
      '[project.urls]',
      'Homepage = "https://example.org/tagship"',
      '',
      '[tool.setuptools]',
      `packages = ["${module}"]`,
      '',
    ].join('\n'),
  );
  // A commit, as in a checkout: the build takes SOURCE_DATE_EPOCH from it.
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture', '--date', '2025-10-01T12:00:00Z');
  return dir;
}

/** Builds the sdist and wheel into `<dir>/dist` (seconds: build once, copy with `copyProject`). */
export function buildProject(dir: string): void {
  execFileSync(BUILD_COMMAND[0]!, [...BUILD_COMMAND.slice(1), dir], { cwd: dir, stdio: 'ignore' });
}

/** A fresh copy of a project (and its dist/), so each test uploads from its own directory. */
export function copyProject(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'tagship-pycopy-'));
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}
