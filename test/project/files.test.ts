import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { collectAssets } from '../../src/github/assets.js';
import { checkGlobPatterns, MAX_TEXT_BYTES, projectDirectory, readContained, readNamedFile, readProjectText } from '../../src/project/files.js';
import { readDistributions } from '../../src/python/distributions.js';
import { userErrorOf } from '../support/user-error.js';

const dirs: string[] = [];
function tempDir(prefix = 'tagship-files-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project directory with the given files (string: content; { link }: a symlink to that target). */
function project(files: Record<string, string | { link: string }>): string {
  const root = tempDir();
  for (const [path, spec] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    if (typeof spec === 'string') writeFileSync(join(root, path), spec);
    else symlinkSync(spec.link, join(root, path));
  }
  return root;
}


async function asyncUserError(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** A value only the environment holds: no refusal may echo it. */
const SECRET = 'tagship-test-secret-5f2c9a';
process.env.TAGSHIP_FILES_TEST_SECRET = SECRET;

describe('reading a project file', () => {
  it('reads a file, and a symlink that stays inside the project', () => {
    const root = project({ VERSION: '1.2.3\n', 'meta/VERSION': { link: '../VERSION' } });
    expect(readProjectText(root, 'VERSION')).toBe('1.2.3\n');
    expect(readProjectText(root, 'meta/VERSION')).toBe('1.2.3\n');
  });

  it('refuses a symlink that leads out of the project, naming the file and where it leads', () => {
    const outside = join(tempDir('tagship-outside-'), 'secret.txt');
    writeFileSync(outside, SECRET);
    const root = project({ VERSION: { link: outside } });
    const error = userErrorOf(() => readProjectText(root, 'VERSION'));
    expect(error.message).toMatch(/^VERSION resolves to .*secret\.txt, outside the project/);
    expect(error.location).toEqual({ file: 'VERSION' });
  });

  it('refuses /proc/self/environ behind a symlink without reading it', () => {
    const root = project({ VERSION: { link: '/proc/self/environ' } });
    const error = userErrorOf(() => readProjectText(root, 'VERSION'));
    expect(error.message).toMatch(/^VERSION resolves to \/proc\/\d+\/environ, outside the project: tagship reads only files inside the project\. Replace the symbolic link with the file itself\.$/);
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses /dev/zero behind a symlink, and as a named file, without reading it', () => {
    const root = project({ VERSION: { link: '/dev/zero' } });
    expect(userErrorOf(() => readProjectText(root, 'VERSION')).message).toMatch(/^VERSION resolves to \/dev\/zero, outside the project/);
    expect(userErrorOf(() => readNamedFile('/dev/zero', '--event /dev/zero')).message).toBe('--event /dev/zero is a device, not a regular file.');
  });

  it('refuses a FIFO in the project without opening it (no hang)', () => {
    const root = project({});
    execFileSync('mkfifo', [join(root, 'VERSION')]);
    expect(userErrorOf(() => readProjectText(root, 'VERSION')).message).toBe('VERSION is a named pipe (FIFO), not a regular file.');
  });

  it('refuses a directory where a file belongs', () => {
    const root = project({ 'package.json/x': '' });
    expect(userErrorOf(() => readProjectText(root, 'package.json')).message).toBe('package.json is a directory, not a regular file.');
  });

  it('refuses a file over the size cap (1 MiB for text sources)', () => {
    const root = project({ VERSION: '1'.repeat(MAX_TEXT_BYTES + 1), 'ok/VERSION': '1'.repeat(MAX_TEXT_BYTES) });
    expect(userErrorOf(() => readProjectText(root, 'VERSION')).message).toBe(`VERSION is ${MAX_TEXT_BYTES + 1} bytes; tagship reads at most ${MAX_TEXT_BYTES} bytes from it.`);
    expect(readProjectText(root, 'ok/VERSION')).toHaveLength(MAX_TEXT_BYTES);
  });

  it('refuses ".." segments and absolute paths before touching the disk, naming who gave the path', () => {
    const root = project({ 'VERSION': '1.0.0' });
    expect(userErrorOf(() => readProjectText(root, '../../etc/hostname', { namedBy: 'pyproject.toml [tool.hatch.version] path' })).message).toBe(
      'pyproject.toml [tool.hatch.version] path: ../../etc/hostname leads out of the project (".."); tagship reads only files inside the project.',
    );
    expect(userErrorOf(() => readProjectText(root, 'a/../VERSION')).message).toMatch(/leads out of the project/);
    expect(userErrorOf(() => readProjectText(root, '/etc/hostname')).message).toBe('/etc/hostname is an absolute path; tagship reads only files inside the project: give a path relative to it.');
  });

  it('a missing file and a dangling symlink are told apart', () => {
    const root = project({ VERSION: { link: 'gone' } });
    expect(userErrorOf(() => readProjectText(root, 'VERSION')).message).toBe('VERSION is a symbolic link to a file that does not exist.');
    expect(userErrorOf(() => readProjectText(root, 'nope')).message).toBe('nope does not exist.');
  });

  it('a build output may also lie in RUNNER_TEMP, nowhere else', () => {
    const temp = tempDir('tagship-runner-temp-');
    writeFileSync(join(temp, 'out.txt'), 'built');
    const root = project({ 'dist/out.txt': { link: join(temp, 'out.txt') } });
    expect(readProjectText(root, 'dist/out.txt', { alsoWithin: [temp] })).toBe('built');
    expect(userErrorOf(() => readProjectText(root, 'dist/out.txt')).message).toMatch(/outside the project/);
    expect(userErrorOf(() => readContained(join(temp, 'out.txt'), 'out.txt', [root])).message).toMatch(/outside the project/);
  });
});

describe('the project directory', () => {
  it('a missing directory or a file is a user error, not an empty project', () => {
    const root = project({ 'file.txt': 'x' });
    expect(userErrorOf(() => projectDirectory(join(root, 'pkg'), '--cwd')).message).toBe(`${join(root, 'pkg')} (--cwd) does not exist: check the path (is the repository checked out?).`);
    expect(userErrorOf(() => projectDirectory(join(root, 'file.txt'), '--cwd')).message).toBe(`${join(root, 'file.txt')} (--cwd) is not a directory: point it at the project directory.`);
    expect(projectDirectory(root, '--cwd')).toBe(root);
  });
});

describe('release assets', () => {
  const options = { required: true, checksums: false };

  it('a committed symlink to /proc/self/environ is refused, not uploaded', async () => {
    const root = project({ 'dist/app.whl': 'wheel', 'dist/env.txt': { link: '/proc/self/environ' } });
    const error = await asyncUserError(collectAssets(root, ['dist/*'], options));
    expect(error.message).toMatch(/^dist\/env\.txt resolves to \/proc\/\d+\/environ, outside the project/);
    expect(error.message).not.toContain(SECRET);
  });

  it('a directory symlink out of the project is never entered; matching it is refused by name', async () => {
    const root = project({ 'dist/app.whl': 'wheel', 'dist/certs': { link: '/etc' } });
    // `dist/**/*.whl` would have walked all of /etc; it finds only the project's file.
    expect((await collectAssets(root, ['dist/**/*.whl'], options)).map((a) => a.name)).toEqual(['app.whl']);
    const error = await asyncUserError(collectAssets(root, ['dist/**'], options));
    expect(error.message).toMatch(/^dist\/certs resolves to \/etc, outside the project/);
  });

  it('absolute and ".." patterns are refused', async () => {
    const root = project({ 'dist/app.whl': 'wheel' });
    expect((await asyncUserError(collectAssets(root, ['/etc/hostname'], options))).message).toBe(
      'github-release.assets: /etc/hostname is an absolute path; tagship reads only files inside the project: give a path relative to it.',
    );
    expect((await asyncUserError(collectAssets(root, ['../*/x'], options))).message).toMatch(/^github-release\.assets: \.\.\/\*\/x leads out of the project/);
    expect(() => checkGlobPatterns(['packages/*', 'C:/x'], 'package.json "workspaces"')).toThrow(/C:\/x is an absolute path/);
  });

  it('symlinked files inside the project are still attached', async () => {
    const root = project({ 'build/app.whl': 'wheel', 'dist/app.whl': { link: '../build/app.whl' } });
    expect((await collectAssets(root, ['dist/*'], options)).map((a) => [a.name, new TextDecoder().decode(a.data)])).toEqual([['app.whl', 'wheel']]);
  });
});

describe('Python build outputs', () => {
  it('a dist file that is a symlink out of the project (and RUNNER_TEMP) is refused', async () => {
    const root = project({ 'dist/evil-1.0.tar.gz': { link: '/proc/self/environ' } });
    expect((await asyncUserError(readDistributions(root, 'dist'))).message).toMatch(/^dist\/evil-1\.0\.tar\.gz resolves to \/proc\/\d+\/environ, outside the project/);
    expect((await asyncUserError(readDistributions(root, '../dist'))).message).toMatch(/^python\.out-dir: \.\.\/dist leads out of the project/);
  });
});
