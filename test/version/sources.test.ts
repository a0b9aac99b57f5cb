import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectProject } from '../../src/version/sources/detect.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/projects/${name}`, import.meta.url));
const summary = (name: string, explicit?: string[]) =>
  detectProject(fixture(name), explicit).readings.map(({ file, line, ecosystem, value }) => ({ file, line, ecosystem, value }));

describe('version sources, auto-detected', () => {
  it('the seed layout: pyproject.toml and the package __version__.py, not tests/', () => {
    expect(summary('python-seed')).toEqual([
      { file: 'pyproject.toml', line: 7, ecosystem: 'python', value: '1.2.3' },
      { file: 'crawl4ai/__version__.py', line: 2, ecosystem: 'python', value: '1.2.3' },
    ]);
  });

  it('poetry: [tool.poetry].version', () => {
    expect(summary('poetry')).toEqual([{ file: 'pyproject.toml', line: 3, ecosystem: 'python', value: '2.0.0rc1' }]);
    expect(detectProject(fixture('poetry')).python?.name).toBe('poetic');
  });

  it('setup.cfg with a literal version, and with attr: following the module (src layout)', () => {
    expect(summary('setup-cfg')).toEqual([{ file: 'setup.cfg', line: 3, ecosystem: 'python', value: '0.9.1' }]);
    expect(summary('setup-cfg-attr')).toEqual([{ file: 'src/legacy/__init__.py', line: 1, ecosystem: 'python', value: '3.1.4' }]);
  });

  it('dynamic versions are reported as coming from the tag, not read from generated files', () => {
    expect(detectProject(fixture('scm')).python?.dynamic).toBe('setuptools_scm');
    expect(summary('scm')).toEqual([]);
    expect(detectProject(fixture('hatch-vcs')).python?.dynamic).toBe('hatch-vcs');
  });

  it('dynamic versions that point at a file read that file', () => {
    expect(summary('hatch-path')).toEqual([{ file: 'src/about/__about__.py', line: 1, ecosystem: 'python', value: '1.0.0.post2' }]);
    expect(summary('setuptools-attr')).toEqual([{ file: 'attrpkg/__init__.py', line: 3, ecosystem: 'python', value: '4.5.6' }]);
  });

  it('package.json: the top-level version line, not a nested one', () => {
    expect(summary('npm-single')).toEqual([{ file: 'package.json', line: 5, ecosystem: 'npm', value: '1.3.0-rc.1' }]);
  });

  it('npm workspaces: each member, the private root skipped, publish facts kept', () => {
    expect(summary('npm-workspace')).toEqual([
      { file: 'packages/cli/package.json', line: 3, ecosystem: 'npm', value: '2.1.0' },
      { file: 'packages/core/package.json', line: 3, ecosystem: 'npm', value: '2.1.0' },
    ]);
    const npm = detectProject(fixture('npm-workspace')).npm;
    expect(npm.map((p) => [p.name, p.private, p.dir])).toEqual([
      ['monorepo', true, '.'],
      ['@acme/cli', false, 'packages/cli'],
      ['@acme/core', false, 'packages/core'],
      ['internal-tools', true, 'packages/internal'],
    ]);
  });

  it('Cargo.toml: [package] and [workspace.package]', () => {
    expect(summary('cargo')).toEqual([{ file: 'Cargo.toml', line: 3, ecosystem: 'cargo', value: '0.4.2' }]);
    expect(summary('cargo-workspace')).toEqual([{ file: 'Cargo.toml', line: 5, ecosystem: 'cargo', value: '5.0.0' }]);
  });

  it('a VERSION file: its first non-empty line', () => {
    expect(summary('version-file')).toEqual([{ file: 'VERSION', line: 2, ecosystem: 'generic', value: '7.8.9' }]);
  });

  it('configured sources replace auto-detection', () => {
    expect(summary('python-seed', ['crawl4ai/__version__.py'])).toEqual([
      { file: 'crawl4ai/__version__.py', line: 2, ecosystem: 'python', value: '1.2.3' },
    ]);
    expect(() => summary('python-seed', ['nope.toml'])).toThrow(/lists nope.toml, which does not exist/);
  });
});
