import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { request } from '../net/http.js';
import type { VerifyPythonStep } from '../plan/steps/verify.js';
import { samePublishedVersion } from '../version/scheme.js';
import { runProcess, tail } from '../runtime/process.js';
import type { AttestationRecord } from '../sigstore/record.js';
import { verifyPythonAttestations } from './python-attestations.js';
import { seconds, waitFor, type Clock, type ProbeResult } from './wait.js';

/** PEP 503 name normalisation: the project page's path. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Whether a PEP 503 project page lists a file of `version` (wheel `name-1.2.3-…whl` or sdist `name-1.2.3.tar.gz`). */
export function pageListsVersion(html: string, version: string): boolean {
  const files = [...html.matchAll(/<a\b[^>]*>([^<]+)<\/a>/gi)].map((m) => m[1]!.trim());
  return files.some((file) => file.includes(`-${version}-`) || file.endsWith(`-${version}.tar.gz`) || file.endsWith(`-${version}.zip`));
}

export function projectPageProbe(indexUrl: string, project: string, version: string): () => Promise<ProbeResult> {
  const url = `${indexUrl.replace(/\/?$/, '/')}${normalizeProjectName(project)}/`;
  return async () => {
    const response = await request(url, { headers: { accept: 'text/html' }, retry: { retries: 2, timeoutMs: 30_000 } }).catch(() => undefined);
    if (!response) return { state: 'waiting', detail: `${url} does not answer` };
    const html = response.ok ? await response.text() : (await response.body?.cancel().catch(() => undefined), '');
    if (response.ok && pageListsVersion(html, version)) return { state: 'ready', detail: `${project} ${version} is on ${url}` };
    return { state: 'waiting', detail: response.ok ? `${url} does not list ${version} yet` : `${url} → HTTP ${response.status}` };
  };
}

/** Prints the module's `__version__` and the installed distribution's version as JSON. */
const VERSION_SCRIPT = `
import importlib, importlib.metadata, json, sys
module = importlib.import_module(sys.argv[1])
try:
    dist = importlib.metadata.version(sys.argv[2])
except Exception:
    dist = None
print(json.dumps({"module": getattr(module, "__version__", None), "file": getattr(module, "__file__", None), "dist": dist}))
`;

export interface VerifyPythonDeps {
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  intervalMs?: number;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * The Python smoke test: wait until the index lists the version, install exactly it into a fresh virtual
 * environment (in a temp dir, so the checkout cannot shadow it), run the check, remove the environment.
 */
export async function verifyPython(step: VerifyPythonStep, deps: VerifyPythonDeps): Promise<string> {
  const what = `${step.project} ${step.version}`;
  const published = `${what} was published, but`;
  const keep = 'Nothing was unpublished; fix it in a new version (an index never takes the same version twice), or re-run the verify stage if the index was only slow.';
  const waited = await waitFor(projectPageProbe(step.indexUrl, step.project, step.version), {
    timeoutMs: step.waitMs,
    intervalMs: deps.intervalMs ?? 10_000,
    clock: deps.clock,
    signal: deps.signal,
    onChange: (r) => deps.log?.(r.detail),
  });
  if (waited.outcome !== 'ready') {
    throw new UserError(`${published} ${step.indexUrl} did not list it within ${seconds(step.waitMs)} (${waited.detail}). Re-run the verify stage once the index has caught up (verify.timeout waits longer).`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'tagship-verify-py-'));
  try {
    const venv = join(dir, 'venv');
    // A venv without pip is made in milliseconds; seeding pip into it (ensurepip) takes seconds. So the
    // base interpreter's own pip installs into the venv (`pip --python`, pip ≥ 22.3) when it can.
    const basePip = await pipVersion(step.python, deps);
    const created = await runProcess(step.python, ['-m', 'venv', '--without-pip', venv], { parentEnv: deps.env, tool: 'python', signal: deps.signal });
    if (created.code !== 0) throw new UserError(`Cannot create a virtual environment with ${step.python}: ${tail(created)}. Install python3-venv or set verify.python.python.`);
    const bin = join(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
    // pip, the installed distributions (a `.pth` file runs at every interpreter start) and the check
    // run with the python allow-list: nothing of tagship's credentials.
    const set = { VIRTUAL_ENV: venv, PATH: `${bin}${delimiter}${deps.env.PATH ?? ''}`, PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', TAGSHIP_VERSION: step.version };
    const inVenv = { parentEnv: deps.env, tool: 'python' as const, set, cwd: dir, signal: deps.signal };
    const python = join(bin, 'python');
    let pip = [python, '-m', 'pip'];
    if (basePip && (basePip[0]! > 22 || (basePip[0] === 22 && basePip[1]! >= 3))) {
      pip = [step.python, '-m', 'pip', '--python', python];
    } else {
      const seeded = await runProcess(python, ['-m', 'ensurepip', '--default-pip'], inVenv);
      if (seeded.code !== 0) throw new UserError(`Cannot put pip into a virtual environment made by ${step.python}: ${tail(seeded)}. Install python3-pip or set verify.python.python.`);
    }
    const install = [...pip.slice(1), 'install', '--no-cache-dir', '--index-url', step.indexUrl, ...(step.extraIndexUrl ? ['--extra-index-url', step.extraIndexUrl] : []), `${step.project}==${step.version}`];
    // pip's progress streams into the step's log group (an install can take minutes); untrusted lines, logged neutralised.
    const installed = await runProcess(pip[0]!, install, { ...inVenv, ...(deps.log ? { onLine: deps.log } : {}) });
    if (installed.code !== 0) throw new UserError(`${published} pip cannot install it from ${step.indexUrl}: ${tail(installed, 3)}. ${keep}`);

    if (step.command) {
      const [command, ...args] = step.command;
      const checked = await runProcess(command!, args, inVenv);
      if (checked.code !== 0) throw new UserError(`${published} the check \`${step.command.join(' ')}\` exited ${checked.code}: ${tail(checked)}. ${keep}`);
      return `${what} installs from ${step.indexUrl}; \`${step.command.join(' ')}\` passed`;
    }
    const probed = await runProcess(python, ['-c', VERSION_SCRIPT, step.importName, step.project], inVenv);
    if (probed.code !== 0) throw new UserError(`${published} \`import ${step.importName}\` fails after installing it: ${tail(probed, 3)}. ${keep} (verify.python.import names another module.)`);
    const found = JSON.parse(probed.stdout.trim().split('\n').at(-1)!) as { module: string | null; dist: string | null };
    if (found.module === null) {
      throw new UserError(`${published} ${step.importName} has no __version__ to compare with ${step.version} (installed distribution: ${found.dist ?? 'unknown'}). Add __version__, or set verify.python.command to your own check.`);
    }
    // The guard let `__version__ = "v1.2.3"` through (PEP 440 reads it as 1.2.3): the same rule here.
    if (!samePublishedVersion('python', 'pep440', String(found.module), step.version)) {
      throw new UserError(`${published} ${step.importName}.__version__ says ${JSON.stringify(found.module)} after installing ${step.version}. ${keep}`);
    }
    return `${what} installs from ${step.indexUrl}; ${step.importName}.__version__ is ${found.module}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `[major, minor]` of the interpreter's pip, or undefined without one. */
async function pipVersion(python: string, deps: VerifyPythonDeps): Promise<[number, number] | undefined> {
  const result = await runProcess(python, ['-m', 'pip', '--version'], { parentEnv: deps.env, tool: 'python', signal: deps.signal }).catch(() => undefined);
  const match = result?.code === 0 ? result.stdout.match(/^pip (\d+)\.(\d+)/) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export async function executeVerifyPython(step: VerifyPythonStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const detail = await verifyPython(step, { env: ctx.env, log: (line) => ctx.runner.info(line), signal: ctx.signal });
  if (!step.attestations) return { id: step.id, status: 'done', detail };
  // What the upload step of this job attested, by file: those must be on the index with that digest.
  const records = (ctx.outcomes.get(step.attestations.uploadStep)?.produced?.attestations ?? []) as AttestationRecord[];
  const attestedByThisRun = new Map(records.map((r) => [r.subject, r.digest.replace(/^sha256:/, '')]));
  const { verified, unattested } = await verifyPythonAttestations(step, { env: ctx.env, cwd: ctx.cwd, attestedByThisRun, signal: ctx.signal });
  const parts = [detail, verified.length ? `publish attestations verified: ${verified.map((r) => r.subject).join(', ')}` : '', unattested.length ? `not attested (uploaded without trusted publishing): ${unattested.join(', ')}` : ''];
  return { id: step.id, status: 'done', detail: parts.filter(Boolean).join('; '), produced: { attestations: verified } };
}
