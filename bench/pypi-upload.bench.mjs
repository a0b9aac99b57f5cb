// PyPI upload: tagship's pypi-upload (JSON API check, then the legacy upload API over Node's fetch)
// against `twine upload`, each a whole process uploading the same sdist and wheel to the same local
// index (tagship's test index, in its own process), which forgets every file before each run.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { median, report, timeCommand } from './lib.mjs';

const python = '/usr/bin/python3';
const token = 'pypi-bench-token';
const work = mkdtempSync(join(tmpdir(), 'tagship-bench-pypi-'));

// A small pure-Python package, built once: sdist and wheel.
const project = join(work, 'project');
mkdirSync(join(project, 'tagship_bench'), { recursive: true });
writeFileSync(join(project, 'tagship_bench', '__init__.py'), '__version__ = "1.0.0"\n');
writeFileSync(join(project, 'README.md'), '# tagship-bench\n\nA package for the upload benchmark.\n');
writeFileSync(
  join(project, 'pyproject.toml'),
  '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "tagship-bench"\nversion = "1.0.0"\ndescription = "Upload benchmark"\nreadme = "README.md"\nrequires-python = ">=3.8"\n\n[tool.setuptools]\npackages = ["tagship_bench"]\n',
);
execFileSync(python, ['-m', 'build', '--no-isolation', '--outdir', join(project, 'dist'), project], { stdio: 'ignore' });
const files = readdirSync(join(project, 'dist')).map((f) => join(project, 'dist', f));

const bundle = (contents, outfile) =>
  build({ stdin: { contents, resolveDir: resolve('.'), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'es2022', outfile, logLevel: 'error' });

// The index runs in its own process: the timed commands are spawned synchronously.
const serverEntry = join(work, 'index.mjs');
await bundle(
  `import { startPypiIndex } from './test/python/support/pypi-server.ts';
const index = await startPypiIndex();
index.tokens.add(process.argv[2]);
console.log(index.url);`,
  serverEntry,
);
// tagship's real upload executor, bundled like dist/, run as a process of its own.
const uploadEntry = join(work, 'upload.mjs');
await bundle(
  `import { executePypiUpload } from './src/python/publish.ts';
import { createRunner } from './src/runtime/action-io.ts';
const [url, cwd] = process.argv.slice(2);
const step = { kind: 'pypi-upload', id: 'pypi-upload', target: url + '/legacy/', repositoryUrl: url + '/legacy/', indexUrl: url, project: 'tagship-bench', version: '1.0.0', distDir: 'dist', globs: ['*.tar.gz', '*.whl'], buildStep: 'python-build' };
const env = { PATH: process.env.PATH };
const outcome = await executePypiUpload(step, { plan: {}, cwd, runner: createRunner(env, () => {}), env, secrets: { 'pypi-token': process.env.PYPI_TOKEN }, outcomes: new Map() });
if (outcome.status !== 'done') throw new Error('nothing uploaded: ' + outcome.detail);`,
  uploadEntry,
);

// tagship runs on the action's runtime (action.yml: node24): the `node` package's binary when installed.
const actionNode = existsSync(resolve('node_modules/node/bin/node')) ? resolve('node_modules/node/bin/node') : process.execPath;
const actionNodeVersion = execFileSync(actionNode, ['--version'], { encoding: 'utf8' }).trim();

const server = spawn(process.execPath, [serverEntry, token], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolveUrl, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+/);
    if (match) resolveUrl(match[0]);
  });
  server.on('exit', () => reject(new Error('the index exited')));
});
const reset = () => {
  const done = spawnSync(process.execPath, ['--input-type=module', '-e', `const r = await fetch(${JSON.stringify(`${url}/_fixture/reset`)}, { method: 'POST' }); if (!r.ok) process.exit(1);`]);
  if (done.status !== 0) throw new Error('cannot reset the index');
};
const countStored = () => {
  const done = spawnSync(process.execPath, ['--input-type=module', '-e', `const r = await fetch(${JSON.stringify(`${url}/pypi/tagship-bench/1.0.0/json`)}); console.log(r.ok ? (await r.json()).urls.length : 0);`], { encoding: 'utf8' });
  return Number(done.stdout.trim());
};

try {
  const runs = 9;
  const twineEnv = { PATH: process.env.PATH, HOME: work, PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring' };
  const tagshipRun = (options) => timeCommand(actionNode, [uploadEntry, url, project], { env: { PATH: process.env.PATH, PYPI_TOKEN: token }, before: reset, ...options });
  const twineRun = (options) =>
    timeCommand('/usr/bin/twine', ['upload', '--non-interactive', '--disable-progress-bar', '--repository-url', `${url}/legacy/`, '-u', '__token__', '-p', token, ...files], { env: twineEnv, before: reset, ...options });
  tagshipRun({ runs: 1, warmup: 1 });
  if (countStored() !== files.length) throw new Error('tagship did not store both files');
  twineRun({ runs: 1, warmup: 1 });
  if (countStored() !== files.length) throw new Error('twine did not store both files');
  // Interleaved, so a busy machine slows both alike.
  const tagship = [];
  const twine = [];
  for (let i = 0; i < runs; i++) {
    tagship.push(tagshipRun({ runs: 1, warmup: 0 }));
    twine.push(twineRun({ runs: 1, warmup: 0 }));
  }
  report('pypi-upload', median(tagship), 'twine upload', median(twine), `pypi-upload: sdist + wheel to a local index, reset before each run (${runs} interleaved runs each, median; tagship on Node ${actionNodeVersion}, the action's runtime)`);
} finally {
  server.kill();
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work, url);
}
