// Which parts of the demo can run on this machine, and why not when one cannot: the Python release
// (a python3 with build, setuptools, wheel and venv), the images (buildah, skopeo, docker-registry and a
// static busybox per platform) and the Docker Engine part (a private dockerd: root, docker.io, and the
// images). Each missing part is named with the reason and how to get it; the demo runs the rest.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyboxPath, dockerdUnavailable } from '../lib/dockerd.mjs';
import { isStaticFor } from '../lib/elf.mjs';
import { missingPythonParts } from './python-probe.mjs';

/** Where scripts/fetch-busybox-arm64 puts Debian's static arm64 busybox (TAGSHIP_BUSYBOX_ARM64 overrides both). */
export const arm64Busybox = (env = process.env) => env.TAGSHIP_BUSYBOX_ARM64 || fileURLToPath(new URL('../../.tmp/tools/busybox-arm64', import.meta.url));

/**
 * @returns {{
 *   python: { path: string } | { why: string, install: string[] },
 *   images: { platforms: string[], busybox: Record<string, string>, note?: string } | { why: string },
 *   engine: { ok: true } | { why: string },
 * }}
 */
export function probeDemoTools(env = process.env) {
  const python = findPython(env);
  const images = imageTools(env);
  const engineWhy = 'why' in images ? `the images are not built (${images.why})` : dockerdUnavailable();
  return { python, images, engine: engineWhy ? { why: engineWhy } : { ok: true } };
}

/**
 * TAGSHIP_DEMO_PYTHON when set; otherwise the first python3 on PATH that has what the rehearsal needs,
 * then /usr/bin/python3 (a pyenv or venv python3 first on PATH often lacks Debian's python3-build).
 */
function findPython(env) {
  const chosen = env.TAGSHIP_DEMO_PYTHON;
  const candidates = chosen ? [chosen] : [...new Set([...onPath('python3', env), '/usr/bin/python3'])];
  let first;
  for (const path of candidates) {
    const missing = missingPythonParts(path);
    if (!missing.length) return { path };
    first ??= { path, missing };
  }
  const where = chosen ? `TAGSHIP_DEMO_PYTHON (${chosen})` : candidates.join(', ');
  if (!first || first.missing.includes('python3')) return { why: `there is no Python at ${where}`, install: first?.missing ?? ['python3'] };
  return { why: `no python3 with what the build and the install check need (${where} lacks ${first.missing.join(', ')})`, install: first.missing };
}

function imageTools(env) {
  const missing = [
    ['buildah', 'buildah'],
    ['skopeo', 'skopeo'],
    ['docker-registry', 'docker-registry'],
  ].filter(([command]) => !onPath(command, env).length);
  if (missing.length) return { why: `${missing.map(([c]) => c).join(', ')} not installed (Debian/Ubuntu: apt-get install ${missing.map(([, p]) => p).join(' ')})` };
  const amd64 = busyboxPath();
  if (!amd64 || !isStaticFor(amd64, 'amd64')) return { why: 'no static amd64 busybox at /bin/busybox (Debian/Ubuntu: apt-get install busybox-static)' };
  const arm64 = arm64Busybox(env);
  if (!isStaticFor(arm64, 'arm64')) {
    const what = existsSync(arm64) ? `${arm64} is not a static arm64 executable` : `there is no static arm64 busybox at ${arm64}`;
    return { platforms: ['linux/amd64'], busybox: { amd64 }, note: `linux/amd64 only: ${what} (run scripts/fetch-busybox-arm64); an arm64 image is never built from an amd64 binary` };
  }
  return { platforms: ['linux/amd64', 'linux/arm64'], busybox: { amd64, arm64 } };
}

function onPath(command, env) {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .filter((path) => existsSync(path));
}
