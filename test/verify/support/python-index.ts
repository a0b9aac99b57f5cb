import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startServer, type LocalServer } from './http-server.js';
import { usesTools } from '../../support/system-tools.js';

usesTools('python3');

/** Debian's python3 (with python3-build, python3-venv and setuptools), whatever `python3` is on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Builds a real wheel of a one-module project whose `__version__` is `moduleVersion`. */
export function buildWheel(name: string, version: string, moduleVersion = version): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-wheel-'));
  const module = name.replace(/-/g, '_');
  mkdirSync(join(dir, module));
  writeFileSync(join(dir, module, '__init__.py'), `__version__ = ${JSON.stringify(moduleVersion)}\n`);
  writeFileSync(
    join(dir, 'pyproject.toml'),
    `[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "${name}"\nversion = "${version}"\n\n[tool.setuptools]\npackages = ["${module}"]\n`,
  );
  execFileSync(SYSTEM_PYTHON, ['-m', 'build', '--wheel', '--no-isolation', '--outdir', join(dir, 'dist'), dir], { stdio: 'ignore' });
  const wheel = readdirSync(join(dir, 'dist')).find((file) => file.endsWith('.whl'))!;
  return join(dir, 'dist', wheel);
}

/**
 * A PEP 503 simple index on 127.0.0.1. `visible(file, n)` says whether the n-th request of a project page
 * lists a file: an index that lags behind an upload, as PyPI's CDN does.
 */
export async function startSimpleIndex(wheels: string[], visible: (file: string, request: number) => boolean = () => true): Promise<LocalServer & { index: string }> {
  const files = new Map(wheels.map((path) => [basename(path), readFileSync(path)]));
  let requests = 0;
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    const page = url.match(/^\/simple\/([^/]+)\/$/);
    if (page) {
      const n = requests++;
      const listed = [...files.keys()].filter((file) => file.toLowerCase().replace(/_/g, '-').startsWith(`${page[1]}-`) && visible(file, n));
      if (!listed.length) {
        res.statusCode = 404;
        return void res.end('not found');
      }
      res.setHeader('content-type', 'text/html');
      const links = listed.map((file) => `<a href="/files/${file}#sha256=${createHash('sha256').update(files.get(file)!).digest('hex')}">${file}</a><br/>`);
      return void res.end(`<!DOCTYPE html><html><body>\n${links.join('\n')}\n</body></html>`);
    }
    const file = url.match(/^\/files\/([^/?#]+)/)?.[1];
    if (file && files.has(file)) {
      res.setHeader('content-type', 'application/octet-stream');
      return void res.end(files.get(file));
    }
    res.statusCode = 404;
    res.end('not found');
  });
  return Object.assign(server, { index: `${server.url}/simple/` });
}
