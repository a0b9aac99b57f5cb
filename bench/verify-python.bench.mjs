// Python smoke test: tagship's verify-python (fresh venv, pip install from the index, __version__ check)
// against the usual recipe a workflow writes by hand: `python3 -m venv v && v/bin/pip install … &&
// v/bin/python -c 'import …'`. Both install the same wheel from the same local PEP 503 index.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { report, timeCommand } from './lib.mjs';

const python = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'tagship-bench-verify-'));

// A real wheel of a one-module project.
const project = join(work, 'project');
mkdirSync(join(project, 'tagship_bench'), { recursive: true });
writeFileSync(join(project, 'tagship_bench', '__init__.py'), '__version__ = "1.0.0"\n');
writeFileSync(
  join(project, 'pyproject.toml'),
  '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "tagship-bench"\nversion = "1.0.0"\n\n[tool.setuptools]\npackages = ["tagship_bench"]\n',
);
execFileSync(python, ['-m', 'build', '--wheel', '--no-isolation', '--outdir', join(work, 'www', 'files'), project], { stdio: 'ignore' });
const wheel = readdirSync(join(work, 'www', 'files'))[0];
mkdirSync(join(work, 'www', 'simple', 'tagship-bench'), { recursive: true });
writeFileSync(join(work, 'www', 'simple', 'tagship-bench', 'index.html'), `<html><body><a href="/files/${wheel}">${wheel}</a></body></html>\n`);

// The index runs in its own process: timed commands are spawned synchronously.
const server = spawn(python, ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', join(work, 'www')], { stdio: ['ignore', 'pipe', 'ignore'] });
const port = await new Promise((resolvePort, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = String(chunk).match(/port (\d+)/);
    if (match) resolvePort(Number(match[1]));
  });
  server.on('exit', () => reject(new Error('http.server exited')));
});
const index = `http://127.0.0.1:${port}/simple/`;

// A small entry that runs the real verify-python code, bundled like dist/.
const entry = join(work, 'verify-python.mjs');
await build({
  stdin: {
    contents: `import { verifyPython } from './src/verify/python.ts';
const [indexUrl, python] = process.argv.slice(2);
await verifyPython({ kind: 'verify-python', id: 'b', target: 'b', project: 'tagship-bench', version: '1.0.0', indexUrl, importName: 'tagship_bench', python, waitMs: 30000 }, { env: process.env });`,
    resolveDir: resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  outfile: entry,
  logLevel: 'error',
});

const recipe = [
  'set -e; d=$(mktemp -d)',
  `${python} -m venv "$d/v"`,
  `"$d/v/bin/pip" install -q --no-cache-dir --disable-pip-version-check --index-url ${index} tagship-bench==1.0.0`,
  `cd "$d" && "$d/v/bin/python" -c 'import tagship_bench, sys; sys.exit(tagship_bench.__version__ != "1.0.0")'`,
  'rm -rf "$d"',
].join('\n');

try {
  const runs = 5;
  const tagship = timeCommand(process.execPath, [entry, index, python], { runs, warmup: 1 });
  const peer = timeCommand('bash', ['-c', recipe], { runs, warmup: 1 });
  report('verify-python', tagship, 'venv + pip recipe', peer, `verify-python: a pip-less venv installed into by the base pip, against a venv seeded by ensurepip (${runs} runs each, median)`);
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
