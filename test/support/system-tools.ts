/**
 * The system tools the tests drive (real registries, builders, Python, a Docker Engine, a browser), each
 * with a cheap probe and the Debian/Ubuntu packages `scripts/setup` installs for it.
 *
 * A test module that runs one calls `usesTools('…')` at its top (a support module may declare for every
 * file that imports it). Before any test file loads, the global setup (test/setup/system-tools.ts)
 * reads those declarations in the files vitest is about to run and in the test modules they import, and
 * stops the run with one line naming what is missing — so a subset that needs no tools runs anywhere.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The Python the tests build, upload and install with (test/python/support/project.ts). */
export const TEST_PYTHON = '/usr/bin/python3';

/**
 * The Chromium the headless browser tests launch: `chromium` on PATH (Debian's package at /usr/bin/chromium,
 * or the copy GitHub-hosted runners ship there), or null when there is none.
 */
export function chromiumPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && executable(join(dir, 'chromium'))) return join(dir, 'chromium');
  return null;
}

/** `missing`: what scripts/setup installs; `blocked`: a reason no install fixes (e.g. not root). */
export type Problem = { missing: string } | { blocked: string };

interface ToolSpec {
  /** Debian/Ubuntu packages that provide it (all listed in scripts/setup). */
  packages: readonly string[];
  /** What is missing here (a name `scripts/setup` installs), or why it cannot run here at all, or null when it can. */
  probe(): Problem | null | Promise<Problem | null>;
}

/** What the tests import from it: python3-build, -setuptools, -wheel, -venv (venv and ensurepip) and -pip. */
const PYTHON_MODULES = ['build', 'setuptools', 'wheel', 'venv', 'ensurepip', 'pip'];

export const SYSTEM_TOOLS = {
  git: { packages: ['git'], probe: () => onPath('git') },
  /** Debian's python3 with build, setuptools, wheel, venv (and ensurepip) and pip. */
  python3: { packages: ['python3-build', 'python3-setuptools', 'python3-wheel', 'python3-venv', 'python3-pip'], probe: probePython },
  twine: { packages: ['twine'], probe: () => (executable('/usr/bin/twine') ? null : { missing: 'twine (/usr/bin/twine)' }) },
  'docker-registry': { packages: ['docker-registry'], probe: () => onPath('docker-registry') },
  buildah: { packages: ['buildah'], probe: () => onPath('buildah') },
  skopeo: { packages: ['skopeo'], probe: () => onPath('skopeo') },
  openssl: { packages: ['openssl'], probe: () => onPath('openssl') },
  prlimit: { packages: ['util-linux'], probe: () => onPath('prlimit') },
  /** A private Docker Engine (scripts/lib/dockerd.mjs): dockerd, the docker client, a static busybox, root. */
  dockerd: { packages: ['docker.io', 'busybox-static'], probe: probeDockerd },
  /** A headless browser; launch the one chromiumPath() finds. */
  chromium: { packages: ['chromium'], probe: () => onPath('chromium') },
} satisfies Record<string, ToolSpec>;

export type SystemTool = keyof typeof SYSTEM_TOOLS;

/**
 * Declares that the calling module's tests run these tools. It does nothing when the module runs: the
 * global setup reads the call from the source before any test file loads: keep it a top-level statement
 * on a line of its own, with string literals.
 */
export function usesTools(...tools: SystemTool[]): void {
  void tools;
}

/** What stops `tools` from running here, in the order given (empty when nothing does). */
export async function toolProblems(tools: Iterable<SystemTool>): Promise<Problem[]> {
  const problems = await Promise.all([...tools].map((tool) => SYSTEM_TOOLS[tool].probe()));
  return problems.filter((problem): problem is Problem => problem !== null);
}

/** The one line a run stops with, or null when nothing is wrong. */
export function toolProblemsMessage(problems: readonly Problem[]): string | null {
  const missing = problems.flatMap((p) => ('missing' in p ? [p.missing] : []));
  const blocked = problems.flatMap((p) => ('blocked' in p ? [p.blocked] : []));
  const parts = [
    ...(missing.length ? [`tagship tests need: ${missing.join(', ')} (missing).`] : []),
    ...(blocked.length ? [`tagship tests cannot run here: ${blocked.join('; ')}.`] : []),
    ...(missing.length ? ['Run scripts/setup, then npm test again.'] : []),
  ];
  return parts.length ? parts.join(' ') : null;
}

/** A top-level statement `usesTools('a', 'b');` (a line of its own, so prose that mentions it does not count). */
const DECLARATION = /^usesTools\(([^)]*)\);?$/gm;
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The tools declared by `files` and by every test module they import (relative imports under test/),
 * in registry order. An undeclared tool name is an error naming the file.
 */
export function toolsDeclaredBy(files: Iterable<string>, testRoot = join(repoRoot, 'test')): SystemTool[] {
  const seen = new Set<string>();
  const declared = new Set<string>();
  const pending = [...files].map((file) => resolve(file));
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, args] of source.matchAll(DECLARATION)) {
      for (const [, name] of args!.matchAll(/['"]([^'"]+)['"]/g)) {
        if (!(name! in SYSTEM_TOOLS)) throw new Error(`${relative(repoRoot, file)} declares usesTools('${name}'), which test/support/system-tools.ts does not know`);
        declared.add(name!);
      }
    }
    for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), specifier!.replace(/\.js$/, '.ts'));
      if (target.startsWith(testRoot + sep)) pending.push(target);
    }
  }
  return (Object.keys(SYSTEM_TOOLS) as SystemTool[]).filter((tool) => declared.has(tool));
}

function onPath(command: string): Problem | null {
  const found = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, command)));
  return found ? null : { missing: command };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function probePython(): Problem | null {
  if (!executable(TEST_PYTHON)) return { missing: `python3 (${TEST_PYTHON})` };
  const probe = `import importlib.util as u; print(" ".join(m for m in ${JSON.stringify(PYTHON_MODULES)} if u.find_spec(m) is None))`;
  try {
    const absent = execFileSync(TEST_PYTHON, ['-c', probe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
    return absent ? { missing: `python3 modules [${absent.split(' ').join(', ')}]` } : null;
  } catch {
    return { missing: `a working python3 (${TEST_PYTHON})` };
  }
}

/**
 * The private engine of scripts/lib/dockerd.mjs: what to install, then whatever else its own check says
 * keeps it from starting (it needs root, which no install gives).
 */
async function probeDockerd(): Promise<Problem | null> {
  // A URL in a variable: the module is plain JavaScript, shared with the demo, and typed here by hand.
  const module = pathToFileURL(join(repoRoot, 'scripts/lib/dockerd.mjs')).href;
  const { dockerdUnavailable, busyboxPath } = (await import(module)) as { dockerdUnavailable(): string | null; busyboxPath(): string | null };
  const missing = [
    ...(onPath('dockerd') || onPath('docker') ? ['dockerd and docker (docker.io)'] : []),
    ...(busyboxPath() ? [] : ['a static busybox (busybox-static)']),
  ];
  if (missing.length) return { missing: missing.join(', ') };
  const why = dockerdUnavailable();
  return why ? { blocked: why } : null;
}
