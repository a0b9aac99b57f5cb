import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';
import { readGithubEvent } from '../../src/gather.js';
import { parseJsonText } from '../../src/project/json.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { userErrorOf } from '../support/user-error.js';
import { projectWriter } from './support.js';

const { project, removeAll } = projectWriter('tagship-malformed-');
afterEach(removeAll);

const detectError = (files: Record<string, string | { link: string }>, explicit?: string[]) => userErrorOf(() => detectProject(project(files), explicit));

describe('package.json as npm reads it', () => {
  it('null, an array or a number at the top level', () => {
    expect(detectError({ 'package.json': 'null' }).message).toBe('package.json: expected a JSON object at the top level, got null.');
    expect(detectError({ 'package.json': '[1]' }).message).toBe('package.json: expected a JSON object at the top level, got an array.');
  });

  it('fields of the wrong type name the field and line', () => {
    const error = detectError({ 'package.json': '{\n  "name": 42,\n  "version": "1.0.0"\n}\n' });
    expect(error.message).toBe('package.json:2: "name" must be a string, got 42.');
    expect(error.location).toEqual({ file: 'package.json', line: 2 });
    expect(detectError({ 'package.json': '{"name":"a","version":1}' }).message).toBe('package.json:1: "version" must be a string, got 1.');
    expect(detectError({ 'package.json': '{"name":"a","dependencies":["x"]}' }).message).toBe('package.json:1: "dependencies" must be an object of package names to versions, got an array.');
  });

  it('workspaces: an array of strings, or { packages: [...] }', () => {
    expect(detectError({ 'package.json': '{"name":"a","workspaces":"packages/*"}' }).message).toBe(
      'package.json:1: "workspaces" must be an array of path globs, or an object with "packages": [...], got "packages/*".',
    );
    expect(detectError({ 'package.json': '{"name":"a","workspaces":{"packages":[1]}}' }).message).toBe('package.json:1: "workspaces.packages[0]" must be a path glob (a non-empty string), got 1.');
    expect(detectError({ 'package.json': '{"name":"a","workspaces":["../*"]}' }).message).toBe(
      'package.json "workspaces": ../* leads out of the project (".."); tagship reads only files inside the project.',
    );
    expect(detectError({ 'package.json': '{"name":"a","workspaces":["/tmp/*"]}' }).message).toMatch(/^package\.json "workspaces": \/tmp\/\* is an absolute path/);
  });

  it('a workspace directory symlinked out of the project stops the run by name (no foreign package planned)', () => {
    const foreign = project({ 'package.json': '{"name":"foreign","version":"9.9.9"}' });
    const files = { 'package.json': '{"name":"root","private":true,"workspaces":["packages/*"]}', 'packages/own/package.json': '{"name":"own","version":"1.0.0"}' };
    expect(detectError({ ...files, 'packages/evil': { link: foreign } }).message).toMatch(/^packages\/evil resolves to .*, outside the project/);
    // `**` matches the root too: it is read once, not until the stack overflows.
    expect(detectProject(project({ ...files, 'package.json': '{"name":"root","private":true,"workspaces":["**"]}' })).npm.map((p) => p.dir)).toEqual(['.', 'packages/own']);
  });

  it('a leading BOM is accepted, as npm accepts it', () => {
    const facts = detectProject(project({ 'package.json': '\uFEFF{\n  "name": "bom",\n  "version": "1.2.3"\n}\n' }));
    expect(facts.readings).toEqual([expect.objectContaining({ file: 'package.json', line: 3, value: '1.2.3' })]);
  });

  it('a field nested 200,000 arrays deep is read as npm reads it, without recursion', () => {
    const deep = `{"name":"a",\n"x":${'['.repeat(200_000)}${']'.repeat(200_000)},\n"version":"1.2.3"}`;
    expect(detectProject(project({ 'package.json': deep })).readings).toEqual([expect.objectContaining({ file: 'package.json', line: 3, value: '1.2.3' })]);
    // Where a limit applies (parseJsonText's default), it is a user error, not a stack overflow.
    expect(() => parseJsonText(`[${'['.repeat(300)}${']'.repeat(300)}]`, 'x.json')).toThrow('x.json:1: JSON nested more than 256 levels deep.');
  });

  it('broken JSON names the line and the problem, without quoting the file', () => {
    const error = detectError({ 'package.json': '{\n  "name": "a",\n  "version": \n}\n' });
    expect(error.message).toBe('package.json:4: not valid JSON (value expected).');
    expect(() => parseJsonText('', 'x.json')).toThrow('x.json:1: not valid JSON (value expected).');
  });

  it('a directory where package.json belongs', () => {
    expect(detectError({ 'package.json/index.js': '' }).message).toBe('package.json is a directory, not a regular file.');
  });

  it('a file where a directory belongs: a path through it does not exist', () => {
    expect(detectError({ VERSION: '1.0.0' }, ['VERSION/x']).message).toMatch(/^Config 'version-sources' lists VERSION\/x, which does not exist/);
  });
});

describe('other version sources', () => {
  it('a VERSION symlinked to /proc/self/environ is refused, not read', () => {
    const error = detectError({ VERSION: { link: '/proc/self/environ' } });
    expect(error.message).toMatch(/^VERSION resolves to \/proc\/\d+\/environ, outside the project/);
  });

  it('paths named by manifests stay in the project', () => {
    expect(
      detectError({ 'pyproject.toml': '[project]\nname = "x"\ndynamic = ["version"]\n[tool.hatch.version]\npath = "../../etc/hostname"\n' }).message,
    ).toBe('pyproject.toml [tool.hatch.version] path: ../../etc/hostname leads out of the project (".."); tagship reads only files inside the project.');
    expect(detectError({ 'setup.cfg': '[metadata]\nname = x\nversion = file: ../../VERSION\n' }).message).toBe(
      'setup.cfg [metadata] version = file:: ../../VERSION leads out of the project (".."); tagship reads only files inside the project.',
    );
    expect(detectError({ VERSION: '1.0.0' }, ['/etc/hostname']).message).toMatch(/^Config 'version-sources': \/etc\/hostname is an absolute path/);
  });

  it('pyproject.toml with a BOM is refused as pip refuses it; VERSION and Cargo.toml with one are read', () => {
    const error = detectError({ 'pyproject.toml': '\uFEFF[project]\nname = "x"\nversion = "1.0.0"\n' });
    expect(error.message).toBe("pyproject.toml:1: starts with a UTF-8 byte order mark, which Python's TOML reader (tomllib, used by pip and build) rejects. Save the file as UTF-8 without BOM.");
    expect(detectProject(project({ VERSION: '\uFEFF2.0.0\n' })).readings[0]).toMatchObject({ value: '2.0.0', line: 1 });
    expect(detectProject(project({ 'Cargo.toml': '\uFEFF[package]\nname = "c"\nversion = "0.1.0"\n' })).readings[0]).toMatchObject({ value: '0.1.0', line: 3 });
    // Python's tokenizer skips a BOM: a module starting with one still states its version.
    expect(detectProject(project({ 'setup.py': '', 'pkg/__init__.py': '\uFEFF__version__ = "3.0.0"\n' })).readings[0]).toMatchObject({ file: 'pkg/__init__.py', value: '3.0.0', line: 1 });
  });
});

describe('the config file (YAML)', () => {
  const load = (text: string) => userErrorOf(() => parseConfig({ file: '.github/tagship.yml', text }));

  it('an alias bomb is refused', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(load(`${levels.join('\n')}\n`).message).toBe('.github/tagship.yml: its aliases expand to more than 100 copies (an "alias bomb"); write the values out.');
  });

  it('a recursive anchor is refused with its line', () => {
    const error = load('docker: &d\n  images:\n    - *d\n');
    expect(error.message).toBe('.github/tagship.yml:3: alias *d refers to a node that contains it (a recursive anchor); write the value out.');
  });

  it('deep nesting is refused, also past what the YAML parser itself survives', () => {
    expect(load(`x: ${'['.repeat(40)}${']'.repeat(40)}\n`).message).toBe('.github/tagship.yml:1: nested more than 32 levels deep; a tagship config needs four.');
    // Whether the parser's own stack gives out first depends on the stack size: a user error either way.
    expect(load(`x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`).message).toMatch(/^\.github\/tagship\.yml:1: nested (too deeply to read|more than 32 levels deep)/);
  });

  it('a config symlinked out of the project is refused', async () => {
    const { readConfigSource } = await import('../../src/config/load.js');
    const root = project({ '.github/tagship.yml': { link: '/etc/hostname' } });
    expect(userErrorOf(() => readConfigSource(root)).message).toMatch(/^\.github\/tagship\.yml resolves to \/etc\/hostname, outside the project/);
    // An explicit config may lie elsewhere in the repository (a monorepo package), never outside it.
    const repo = project({ '.github/tagship.yml': 'tag-prefix: r\n', 'packages/app/VERSION': '1.0.0\n', 'packages/app/outside.yml': { link: '/etc/hostname' } });
    expect(readConfigSource(join(repo, 'packages/app'), '../../.github/tagship.yml', repo).text).toBe('tag-prefix: r\n');
    expect(userErrorOf(() => readConfigSource(join(repo, 'packages/app'), '../../.github/tagship.yml')).message).toMatch(/^\.\.\/\.\.\/\.github\/tagship\.yml resolves to .*, outside the project/);
    expect(userErrorOf(() => readConfigSource(join(repo, 'packages/app'), 'outside.yml', repo)).message).toMatch(/^outside\.yml resolves to \/etc\/hostname, outside the project/);
    // `.github` a file: there is no config file, so the defaults apply.
    expect(readConfigSource(project({ '.github': 'not a directory' }))).toEqual({ file: '.github/tagship.yml' });
  });
});

describe('the event payload', () => {
  it('null, an array, broken JSON or a missing file is a user error naming the file', () => {
    const dir = project({ 'null.json': 'null', 'list.json': '[]', 'broken.json': '{"ref":' });
    const read = (file: string) => userErrorOf(() => readGithubEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, file) }));
    expect(read('null.json').message).toBe(`the event payload ${join(dir, 'null.json')}: expected a JSON object (a webhook payload), got null.`);
    expect(read('list.json').message).toMatch(/got an array\.$/);
    expect(read('broken.json').message).toMatch(/broken\.json:1: not valid JSON/);
    expect(read('missing.json').message).toMatch(/missing\.json does not exist\.$/);
  });

  it('a payload over 25 MiB (GitHub caps deliveries there) is refused without parsing it', () => {
    const dir = project({ 'big.json': `{"ref":"${'x'.repeat(25 * 1024 * 1024)}"}` });
    expect(userErrorOf(() => readGithubEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'big.json') })).message).toBe(
      `the event payload ${join(dir, 'big.json')} is ${25 * 1024 * 1024 + 10} bytes; tagship reads at most ${25 * 1024 * 1024} bytes from it.`,
    );
  });
});
