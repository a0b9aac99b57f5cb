import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPypiUploadExecutor } from '../../src/python/publish.js';
import { context, fastHttp, pythonPlan, pythonSteps, useIndexAndBuiltProject } from './support/harness.js';
import { buildProject, copyProject, makeProject, SYSTEM_PYTHON } from './support/project.js';
import type { PypiIndex } from './support/pypi-server.js';
import { usesTools } from '../support/system-tools.js';

usesTools('twine', 'python3');

/** The local index is proven against the real clients: Debian's twine uploads into it, pip installs from it. */
const run = promisify(execFile);
const TOKEN = 'pypi-fixture-token';
const cleanEnv = () => ({ PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'tagship-home-')), PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' });

const fixture = useIndexAndBuiltProject();
let index: PypiIndex;
let built: string;
beforeEach(() => {
  ({ index, built } = fixture);
  index.tokens.add(TOKEN);
});

const twine = (password: string, dir: string) =>
  run('/usr/bin/twine', ['upload', '--non-interactive', '--disable-progress-bar', '--repository-url', index.uploadUrl, '-u', '__token__', '-p', password, ...readdirSync(join(dir, 'dist')).map((f) => join(dir, 'dist', f))], {
    env: cleanEnv(),
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw Object.assign(new Error(`twine failed: ${error.stdout}${error.stderr}`), { stdout: error.stdout, stderr: error.stderr });
  });

describe('the local index speaks the protocol real clients speak', () => {
  it('takes an upload from twine (digests checked), and takes the identical file again', async () => {
    await twine(TOKEN, built);
    expect([...index.files.keys()].sort()).toEqual(['tagship-fixture-1.2.3.tar.gz', 'tagship_fixture-1.2.3-py3-none-any.whl']);
    for (const file of index.files.values()) expect(file.bytes.equals(readFileSync(join(built, 'dist', file.filename)))).toBe(true);
    expect(index.files.get('tagship-fixture-1.2.3.tar.gz')!.form.blake2_256_digest).toHaveLength(1);
    await twine(TOKEN, built);
    expect(index.counts.stored).toBe(2);
  }, 60_000);

  it('refuses twine with a wrong token (403) and stores nothing', async () => {
    const failed = await twine('pypi-wrong', built).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${(failed as { stdout?: string }).stdout}${(failed as { stderr?: string }).stderr}`).toMatch(/403/);
    expect(index.files.size).toBe(0);
  }, 60_000);

  it('refuses twine uploading other bytes under a name it has: 400 File already exists', async () => {
    await twine(TOKEN, built);
    const other = makeProject('tagship-fixture', '1.2.3');
    buildProject(other);
    const failed = (await twine(TOKEN, other).catch((e: unknown) => e)) as { stdout?: string; stderr?: string };
    expect(`${failed.stdout}${failed.stderr}`).toMatch(/400 Bad Request[\s\S]*File already exists/);
  }, 60_000);

  it('serves what tagship uploaded to pip: download gets the same bytes, install imports the version', async () => {
    const dir = copyProject(built);
    const p = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl);
    await createPypiUploadExecutor({ http: fastHttp() })(pythonSteps(p).upload, context(p, dir, { token: TOKEN }).ctx);

    const downloads = mkdtempSync(join(tmpdir(), 'tagship-dl-'));
    await run(SYSTEM_PYTHON, ['-m', 'pip', 'download', '--no-deps', '--no-cache-dir', '--only-binary', ':all:', '--index-url', index.simpleUrl, '-d', downloads, 'tagship-fixture==1.2.3'], { env: cleanEnv() });
    const wheel = 'tagship_fixture-1.2.3-py3-none-any.whl';
    expect(readFileSync(join(downloads, wheel)).equals(readFileSync(join(dir, 'dist', wheel)))).toBe(true);

    const venv = join(mkdtempSync(join(tmpdir(), 'tagship-venv-')), 'venv');
    await run(SYSTEM_PYTHON, ['-m', 'venv', '--without-pip', venv]);
    await run(SYSTEM_PYTHON, ['-m', 'pip', '--python', join(venv, 'bin', 'python'), 'install', '--no-deps', '--no-cache-dir', '--index-url', index.simpleUrl, 'tagship-fixture==1.2.3'], { env: cleanEnv() });
    const { stdout } = await run(join(venv, 'bin', 'python'), ['-c', 'import tagship_fixture, importlib.metadata as m; print(tagship_fixture.__version__, m.version("tagship-fixture"), m.metadata("tagship-fixture")["Summary"])'], { cwd: downloads });
    expect(stdout.trim()).toBe('1.2.3 1.2.3 A tiny package tagship uploads in its tests');
  }, 120_000);
});
