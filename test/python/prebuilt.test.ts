/**
 * `python.dist`: distributions built in other jobs (a cibuildwheel matrix, handed over with
 * actions/upload-artifact and download-artifact) are uploaded as they are, never built again. Real
 * files: a C extension compiled by Debian's python3-build into a platform-tagged wheel
 * (cp3XX-cp3XX-linux_<arch>, with the RECORD its build wrote), its sdist, and a pure wheel of another
 * version and of another project; uploaded to the local index stand-in.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { describeFailure } from '../../src/execute/run.js';
import { gatherFacts } from '../../src/gather.js';
import { buildPlan } from '../../src/plan/build.js';
import { renderSummary, renderText } from '../../src/plan/render.js';
import { fastHttp, pythonPlan, release } from './support/harness.js';
import { BUILD_COMMAND, copyProject, makeProject } from './support/project.js';
import { startPypiIndex, type PypiIndex } from './support/pypi-server.js';

const TOKEN = 'pypi-AgEIcHlwaS5vcmcprebuilt';
const PROJECT = 'tagship-speedups';

/** A project with a C extension, as cibuildwheel builds them: its wheel is tagged for this platform. */
function makeExtensionProject(version: string): string {
  const dir = makeProject(PROJECT, version);
  writeFileSync(join(dir, 'tagship_speedups', '_speed.c'), [
    '#include <Python.h>',
    'static PyObject *twice(PyObject *self, PyObject *arg) { long v = PyLong_AsLong(arg); return PyLong_FromLong(2 * v); }',
    'static PyMethodDef methods[] = {{"twice", twice, METH_O, "2x"}, {NULL, NULL, 0, NULL}};',
    'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_speed", NULL, -1, methods};',
    'PyMODINIT_FUNC PyInit__speed(void) { return PyModule_Create(&module); }',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'setup.py'), 'from setuptools import Extension, setup\nsetup(ext_modules=[Extension("tagship_speedups._speed", ["tagship_speedups/_speed.c"])])\n');
  return dir;
}

/** `python -m build` into `out` (the build job's wheelhouse), returning the file names it wrote. */
function build(dir: string, out: string): string[] {
  const before = new Set(existsSync(out) ? readdirSync(out) : []);
  execFileSync(BUILD_COMMAND[0]!, [...BUILD_COMMAND.slice(1), '--outdir', out, dir], { cwd: dir, stdio: 'ignore' });
  return readdirSync(out).filter((name) => !before.has(name)).sort();
}

let index: PypiIndex;
let checkout: string;
let artifacts: { release: string[]; older: string[]; stranger: string[] };
const wheelhouse = mkdtempSync(join(tmpdir(), 'tagship-wheelhouse-'));

beforeAll(async () => {
  index = await startPypiIndex();
  checkout = makeExtensionProject('1.2.3');
  artifacts = {
    release: build(checkout, wheelhouse),
    older: build(makeProject(PROJECT, '1.2.2'), wheelhouse).filter((name) => name.endsWith('.whl')),
    stranger: build(makeProject('other-project', '1.2.3'), wheelhouse).filter((name) => name.endsWith('.whl')),
  };
}, 180_000);
afterAll(() => index.close());
beforeEach(() => {
  index.reset();
  index.tokens.clear();
  index.tokens.add(TOKEN);
});

/** The release job's checkout with the downloaded artifacts in `wheelhouse/`, as download-artifact leaves them. */
function releaseCheckout(files: string[]): string {
  const dir = copyProject(checkout);
  mkdirSync(join(dir, 'wheelhouse'), { recursive: true });
  for (const name of files) copyFileSync(join(wheelhouse, name), join(dir, 'wheelhouse', name));
  return dir;
}

const prebuiltPlan = () => pythonPlan(PROJECT, '1.2.3', index.uploadUrl, '  dist: wheelhouse\n');

describe('python.dist: uploading files built in other jobs', () => {
  it('the real build made a platform wheel and an sdist (what a cibuildwheel matrix hands over)', () => {
    expect(artifacts.release).toHaveLength(2);
    expect(artifacts.release.find((n) => n.endsWith('.whl'))).toMatch(/^tagship_speedups-1\.2\.3-cp3\d+-cp3\d+-linux_[a-z0-9_]+\.whl$/);
    expect(artifacts.release).toContain('tagship-speedups-1.2.3.tar.gz');
  });

  it('the plan has no build step and says how many prebuilt files it uploads', async () => {
    const dir = releaseCheckout(artifacts.release);
    const config = parseConfig({ file: '.github/tagship.yml', text: `python: { dist: wheelhouse, repository-url: ${index.uploadUrl} }\nverify: { enabled: false }\n` });
    const facts = await gatherFacts({ cwd: dir, config, knownVersions: ['1.2.2'], env: {} });
    const plan = buildPlan({
      trigger: { kind: 'tag', event: 'push', tag: 'v1.2.3', ref: 'v1.2.3', versionText: '1.2.3', stages: ['release'], rehearsal: false },
      config,
      facts,
      now: new Date('2025-11-02T09:00:00Z'),
      dryRun: true,
    });
    const steps = plan.stages.flatMap((s) => s.steps);
    expect(steps.map((s) => s.kind)).toEqual(['pypi-upload', 'github-release', 'github-attest']);
    expect(renderText(plan)).toContain(`- pypi-upload  ${index.uploadUrl}  (upload 2 prebuilt files from wheelhouse/; with PEP 740 attestations (public-good Sigstore, with trusted publishing))`);
    expect(renderSummary(plan)).toContain('(upload 2 prebuilt files from wheelhouse/; with PEP 740 attestations (public-good Sigstore, with trusted publishing))');
    // The release attaches the same files; wheels without an sdist are fine (a matrix with no sdist job).
    expect(steps.find((s) => s.kind === 'github-release')).toMatchObject({ assets: { globs: ['wheelhouse/*.whl', 'wheelhouse/*.tar.gz'], required: false } });
  });

  it('a plan made before the artifacts are downloaded says so instead of a count', async () => {
    const config = parseConfig({ file: '.github/tagship.yml', text: 'python: { dist: wheelhouse }\n' });
    const facts = await gatherFacts({ cwd: copyProject(checkout), config, knownVersions: ['1.2.2'], env: {} });
    const plan = buildPlan({ trigger: { kind: 'tag', event: 'push', tag: 'v1.2.3', ref: 'v1.2.3', versionText: '1.2.3', stages: ['release'], rehearsal: false }, config, facts, now: new Date(), dryRun: true });
    expect(renderText(plan)).toContain('(upload the prebuilt files in wheelhouse/ (none there yet); with PEP 740 attestations');
  });

  it('uploads each file as built, never builds, and a re-run finds them already there', async () => {
    const dir = releaseCheckout(artifacts.release);
    const first = await release(prebuiltPlan(), dir, { token: TOKEN, http: fastHttp() });
    expect(first.report.failed).toBeUndefined();
    expect(first.report.outcomes.map((o) => [o.id, o.status])).toEqual([['pypi-upload', 'done']]);
    const wheel = artifacts.release.find((n) => n.endsWith('.whl'))!;
    expect([...index.files.keys()]).toEqual([wheel, 'tagship-speedups-1.2.3.tar.gz']);
    expect(index.files.get(wheel)!.form.pyversion).toEqual([/-(cp3\d+)-/.exec(wheel)![1]]);
    // Nothing was built in the checkout: no dist/ (python.out-dir) appeared.
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(first.lines.join('\n')).toContain(`Uploading 2 prebuilt files from wheelhouse/ (python.dist; nothing is built): ${wheel}, tagship-speedups-1.2.3.tar.gz`);

    const again = await release(prebuiltPlan(), releaseCheckout(artifacts.release), { token: TOKEN, http: fastHttp() });
    expect(again.report.outcomes.map((o) => [o.id, o.status])).toEqual([['pypi-upload', 'unchanged']]);
    expect(index.files.size).toBe(2);
  });

  it('a file of another version stops the run before any upload, with one line', async () => {
    const older = artifacts.older[0]!;
    const { report } = await release(prebuiltPlan(), releaseCheckout([...artifacts.release, older]), { token: TOKEN, http: fastHttp() });
    expect(describeFailure(report)).toContain(
      `wheelhouse/${older} carries version 1.2.2, but the tag says 1.2.3: the build jobs built another commit or version. Build from the tag's commit (actions/checkout of the tag) and re-run; nothing was uploaded.`,
    );
    expect(index.files.size).toBe(0);
  });

  it("another project's file stops the run before any upload", async () => {
    const stranger = artifacts.stranger[0]!;
    const { report } = await release(prebuiltPlan(), releaseCheckout([...artifacts.release, stranger]), { token: TOKEN, http: fastHttp() });
    expect(describeFailure(report)).toContain(`wheelhouse/${stranger} is project "other-project", but this release is "tagship-speedups": python.dist must hold only this project's files.`);
    expect(index.files.size).toBe(0);
  });

  it('an empty or missing directory is refused: the artifacts were not downloaded', async () => {
    for (const dir of [releaseCheckout([]), copyProject(checkout)]) {
      const { report } = await release(prebuiltPlan(), dir, { token: TOKEN, http: fastHttp() });
      expect(describeFailure(report)).toContain(
        "python.dist wheelhouse/ holds no sdist or wheel: download the build jobs' artifacts into it first (actions/download-artifact with path: wheelhouse and merge-multiple: true).",
      );
    }
    expect(index.files.size).toBe(0);
  });

  it('a file that leads outside the project is not read (the project-file rules)', async () => {
    const dir = releaseCheckout(artifacts.release.filter((n) => n.endsWith('.tar.gz')));
    const wheel = artifacts.release.find((n) => n.endsWith('.whl'))!;
    symlinkSync(join(wheelhouse, wheel), join(dir, 'wheelhouse', wheel));
    const { report } = await release(prebuiltPlan(), dir, { token: TOKEN, http: fastHttp() });
    expect(describeFailure(report)).toContain(`wheelhouse/${wheel} resolves to ${join(wheelhouse, wheel)}, outside the project: tagship reads only files inside the project.`);
    expect(index.files.size).toBe(0);
  });
});
