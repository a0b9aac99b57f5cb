import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { executePythonBuild, type BuiltFiles } from '../../src/python/build.js';
import { readDistributions } from '../../src/python/distributions.js';
import { field, metadataFormFields, parseMetadata } from '../../src/python/metadata.js';
import { context, pythonPlan, pythonSteps } from './support/harness.js';
import { BUILD_COMMAND, buildProject, copyProject, makeProject, SYSTEM_PYTHON } from './support/project.js';

let built: string;
beforeAll(() => {
  built = makeProject('tagship-fixture', '1.2.3');
  buildProject(built);
}, 120_000);

const plan = (version = '1.2.3') => pythonPlan('tagship-fixture', version, 'http://127.0.0.1:9/legacy/');
async function build(dir: string, version = '1.2.3') {
  const p = plan(version);
  const { ctx, lines } = context(p, dir);
  const outcome = await executePythonBuild(pythonSteps(p).build, ctx);
  return { outcome, files: (outcome.produced as unknown as BuiltFiles).files, lines };
}

describe('core metadata', () => {
  it('reads headers, folded lines, repeated fields and the body as the description', () => {
    const text = 'Metadata-Version: 2.1\nName: Demo_Pkg\nVersion: 1.0\nLicense: MIT\n        second line\nClassifier: A\nClassifier: B\nDescription-Content-Type: text/markdown\n\n# Demo\n\nbody text\n';
    const metadata = parseMetadata(text);
    expect(field(metadata, 'name')).toBe('Demo_Pkg');
    expect(metadata.fields.license).toEqual(['MIT\nsecond line']);
    expect(metadataFormFields(metadata)).toEqual([
      ['metadata_version', '2.1'],
      ['name', 'Demo_Pkg'],
      ['version', '1.0'],
      ['license', 'MIT\nsecond line'],
      ['classifiers', 'A'],
      ['classifiers', 'B'],
      ['description_content_type', 'text/markdown'],
      ['description', '# Demo\n\nbody text\n'],
    ]);
  });
});

describe('built files, read from their own bytes', () => {
  it('finds the sdist and the wheel with their metadata and the digests Python computes', async () => {
    const files = await readDistributions(built, 'dist');
    expect(files.map((f) => [f.filename, f.filetype, f.pyversion, f.name, f.version])).toEqual([
      ['tagship-fixture-1.2.3.tar.gz', 'sdist', 'source', 'tagship-fixture', '1.2.3'],
      ['tagship_fixture-1.2.3-py3-none-any.whl', 'bdist_wheel', 'py3', 'tagship-fixture', '1.2.3'],
    ]);
    for (const file of files) {
      const script = 'import hashlib,sys; b=open(sys.argv[1],"rb").read(); print(hashlib.sha256(b).hexdigest(), hashlib.blake2b(b, digest_size=32).hexdigest(), hashlib.md5(b).hexdigest())';
      const [sha256, blake2, md5] = execFileSync(SYSTEM_PYTHON, ['-c', script, join(built, file.path)], { encoding: 'utf8' }).trim().split(' ');
      expect({ sha256: file.sha256, blake2: file.blake2_256, md5: file.md5 }).toEqual({ sha256, blake2, md5 });
      expect(field(file.metadata, 'Requires-Python')).toBe('>=3.8');
      expect(file.metadata.fields.classifier).toEqual(['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License']);
      expect(file.metadata.description).toContain('A fixture for tagship');
    }
  });
});

describe('the python-build step', () => {
  it('runs the build command and hands the files of this version to the upload', async () => {
    const dir = copyProject(built);
    const { outcome, files } = await build(dir);
    expect(outcome.detail).toBe('built tagship-fixture 1.2.3: tagship_fixture-1.2.3-py3-none-any.whl, tagship-fixture-1.2.3.tar.gz');
    expect(files.map((f) => f.path)).toEqual(['dist/tagship_fixture-1.2.3-py3-none-any.whl', 'dist/tagship-fixture-1.2.3.tar.gz']);
  }, 60_000);

  it('leaves out files of an older version left in dist/, and says which', async () => {
    const old = makeProject('tagship-fixture', '1.2.2');
    buildProject(old);
    const dir = copyProject(built);
    cpSync(join(old, 'dist'), join(dir, 'dist'), { recursive: true });
    for (const name of readdirSync(join(dir, 'dist')).filter((n) => n.includes('1.2.2'))) utimesSync(join(dir, 'dist', name), new Date('2025-01-01'), new Date('2025-01-01'));
    const { outcome, files } = await build(dir);
    expect(files.map((f) => f.filename)).toEqual(['tagship_fixture-1.2.3-py3-none-any.whl', 'tagship-fixture-1.2.3.tar.gz']);
    expect(outcome.detail).toMatch(/; ignored older files in dist\/: tagship-fixture-1\.2\.2\.tar\.gz \(1\.2\.2\), tagship_fixture-1\.2\.2-py3-none-any\.whl \(1\.2\.2\)$/);
  }, 120_000);

  it('fails on a built file of another version, naming the file and both versions', async () => {
    const dir = makeProject('tagship-fixture', '1.2.4');
    await expect(build(dir, '1.2.3')).rejects.toThrow(
      /^tagship-fixture-1\.2\.4\.tar\.gz carries version 1\.2\.4, but the tag says 1\.2\.3: the build made files of another version\./,
    );
  }, 60_000);

  it('explains a setuptools_scm / hatch-vcs dev version: a shallow clone, fix with fetch-depth: 0', async () => {
    const dir = makeProject('tagship-fixture', '0.1.dev1+g1234abc');
    await expect(build(dir, '1.2.3')).rejects.toThrow(
      'tagship-fixture-0.1.dev1+g1234abc.tar.gz carries version 0.1.dev1+g1234abc, but the tag says 1.2.3: the version was computed from git by setuptools_scm or hatch-vcs, which found no tag — the checkout is shallow. Fetch the whole history: `fetch-depth: 0` on actions/checkout.',
    );
  }, 60_000);

  it('accepts the same version spelt differently (PEP 440 normalisation)', async () => {
    const dir = makeProject('tagship-fixture', '2.0.0-RC1');
    const { files } = await build(dir, '2.0.0rc1');
    expect(files.map((f) => f.version)).toEqual(['2.0.0rc1', '2.0.0rc1']);
  }, 60_000);

  it('reports a failing build command with its output, and that nothing was uploaded', async () => {
    const dir = makeProject('tagship-fixture', '1.2.3');
    const p = pythonPlan('tagship-fixture', '1.2.3', 'http://127.0.0.1:9/legacy/', `  out-dir: dist\n`);
    const step = { ...pythonSteps(p).build, command: [SYSTEM_PYTHON, '-c', 'import sys; print("no backend here", file=sys.stderr); sys.exit(3)'] };
    await expect(executePythonBuild(step, context(p, dir).ctx)).rejects.toThrow(/exited 3: no backend here\. The build's output is in the log above\. Fix the build .* nothing was uploaded\.$/);
  });

  /** A project whose setup.py fails the way a missing C library does: the cause, then lines of epilogue. */
  function failingProject(setupPy: string): string {
    const dir = makeProject('tagship-fixture', '1.2.3');
    writeFileSync(join(dir, 'setup.py'), setupPy);
    return dir;
  }

  it('a real failing build: the one-line error names the exception, not the traceback frames or the frontend epilogue', async () => {
    const dir = failingProject('from setuptools import setup\nraise RuntimeError("libfoo headers not found: install libfoo-dev")\nsetup()\n');
    const p = plan();
    const { ctx, lines } = context(p, dir);
    const step = { ...pythonSteps(p).build, command: BUILD_COMMAND };
    const failure = await executePythonBuild(step, ctx).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/exited 1: RuntimeError: libfoo headers not found: install libfoo-dev \(ERROR Backend subprocess exited when trying to invoke \w+\)\. The build's output is in the log above\./);
    expect(message).not.toContain('File "');
    // The whole output, traceback included, is in the log (the step's group), as it came.
    expect(lines).toContain('Traceback (most recent call last):');
    expect(lines).toContain('RuntimeError: libfoo headers not found: install libfoo-dev');
  }, 60_000);

  it('a compiler-style error followed by more output than the old five-line tail: the error line is the one shown', async () => {
    const noise = Array.from({ length: 9 }, (_, i) => `print("cleaning up step ${i + 1}", file=sys.stderr)`).join('\n');
    const dir = failingProject(`import sys\nprint("foo.c:1:10: fatal error: libfoo.h: No such file or directory", file=sys.stderr)\n${noise}\nsys.exit(1)\n`);
    const p = plan();
    const { ctx } = context(p, dir);
    const step = { ...pythonSteps(p).build, command: BUILD_COMMAND };
    const failure = (await executePythonBuild(step, ctx).catch((error: Error) => error)) as Error;
    expect(failure.message).toMatch(/exited 1: foo\.c:1:10: fatal error: libfoo\.h: No such file or directory/);
    expect(failure.message).not.toContain('cleaning up');
  }, 60_000);
});
