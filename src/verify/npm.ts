import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { request } from '../net/http.js';
import type { VerifyNpmStep } from '../plan/steps/verify.js';
import { runProcess, tail } from '../runtime/process.js';
import { seconds, waitFor, type Clock, type ProbeResult } from './wait.js';
import { packumentUrl } from '../npm/packument.js';
import type { PublishedByThisRun } from './npm-provenance.js';

export { packumentUrl };

export function distTagProbe(step: VerifyNpmStep, token?: string): () => Promise<ProbeResult> {
  const url = packumentUrl(step.registry, step.package);
  // The abbreviated ("corgi") document: dist-tags and versions without every readme.
  const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return async () => {
    const response = await request(url, { headers, retry: { retries: 2, timeoutMs: 30_000 } }).catch(() => undefined);
    if (!response) return { state: 'waiting', detail: `${url} does not answer` };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { state: 'waiting', detail: `${step.package}: HTTP ${response.status}` };
    }
    const doc = (await response.json()) as { 'dist-tags'?: Record<string, string>; versions?: Record<string, unknown> };
    const tagged = doc['dist-tags']?.[step.distTag];
    if (tagged === step.version && doc.versions?.[step.version]) return { state: 'ready', detail: `${step.package}@${step.distTag} is ${step.version}` };
    if (!doc.versions?.[step.version]) return { state: 'waiting', detail: `${step.package} has no ${step.version} yet` };
    return { state: 'waiting', detail: `${step.package}@${step.distTag} is ${tagged ?? 'not set'}, not ${step.version}` };
  };
}

export interface VerifyNpmDeps {
  env: NodeJS.ProcessEnv;
  token?: string;
  clock?: Clock;
  intervalMs?: number;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * The npm smoke test: the packument shows the version under the planned dist-tag (waiting for the
 * registry to catch up); with a configured check, install that version into a temp dir and run it.
 */
export async function verifyNpm(step: VerifyNpmStep, deps: VerifyNpmDeps): Promise<string> {
  const listed = await waitForVersion(step, deps);
  return step.command ? installAndCheck(step, step.command, deps) : listed;
}

/** Waits until the packument shows the version under its dist-tag; what it found, or one line why not. */
async function waitForVersion(step: VerifyNpmStep, deps: VerifyNpmDeps): Promise<string> {
  const waited = await waitFor(distTagProbe(step, deps.token), {
    timeoutMs: step.waitMs,
    intervalMs: deps.intervalMs ?? 5_000,
    clock: deps.clock,
    signal: deps.signal,
    onChange: (r) => deps.log?.(r.detail),
  });
  if (waited.outcome !== 'ready') {
    throw new UserError(
      `${step.package}@${step.version} was published, but within ${seconds(step.waitMs)}: ${waited.detail}. Nothing was unpublished; set the tag with \`npm dist-tag add ${step.package}@${step.version} ${step.distTag}\` or re-run the verify stage.`,
    );
  }
  return `${step.package}@${step.distTag} is ${step.version} on ${step.registry}`;
}

/** Installs the version into a temp dir and runs the configured check with its bin on PATH. */
async function installAndCheck(step: VerifyNpmStep, command: string[], deps: VerifyNpmDeps): Promise<string> {
  const published = `${step.package}@${step.version} was published, but`;
  const dir = mkdtempSync(join(tmpdir(), 'tagship-verify-npm-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tagship-verify', private: true }));
    // The install runs the package's (and its dependencies') install scripts: the npm allow-list, no token.
    const set = { TAGSHIP_VERSION: step.version, npm_config_registry: step.registry, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const installed = await runProcess('npm', ['install', '--no-package-lock', `${step.package}@${step.version}`], { parentEnv: deps.env, tool: 'npm', set, cwd: dir, signal: deps.signal, ...(deps.log ? { onLine: deps.log } : {}) });
    if (installed.code !== 0) throw new UserError(`${published} \`npm install\` fails: ${tail(installed, 3)}. Nothing was unpublished; fix it in a new version.`);
    const [program, ...args] = command;
    const path = `${join(dir, 'node_modules', '.bin')}${delimiter}${deps.env.PATH ?? ''}`;
    const checked = await runProcess(program!, args, { parentEnv: deps.env, tool: 'npm', set: { ...set, PATH: path }, cwd: dir, signal: deps.signal });
    if (checked.code !== 0) throw new UserError(`${published} the check \`${command.join(' ')}\` exited ${checked.code}: ${tail(checked)}. Nothing was unpublished; fix it in a new version.`);
    return `${step.package}@${step.distTag} is ${step.version}; \`${command.join(' ')}\` passed after install`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function executeVerifyNpm(step: VerifyNpmStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const token = ctx.secrets['npm-token'];
  const deps: VerifyNpmDeps = { env: ctx.env, token, log: (line) => ctx.runner.info(line), signal: ctx.signal };
  const listed = await waitForVersion(step, deps);
  // Provenance before the install: a version whose provenance does not verify is not installed (its scripts not run).
  // Loaded here, not at the top: the Sigstore verifier is for this check only.
  const { checkNpmProvenance } = await import('./npm-provenance.js');
  const provenance = await checkNpmProvenance(step, { env: ctx.env, cwd: ctx.cwd, token, signal: ctx.signal, published: publishedByThisRun(step, ctx) });
  if (provenance.state === 'absent' && provenance.warn) ctx.runner.warning(`${step.package}@${step.version}: ${provenance.line}.`);
  ctx.runner.info(`${step.package}@${step.version}: ${provenance.line}`);
  const detail = step.command ? await installAndCheck(step, step.command, deps) : listed;
  const onNpmjs = new URL(step.registry).hostname === 'registry.npmjs.org';
  const links = onNpmjs ? [{ label: `npm ${step.package}@${step.version}`, url: `https://www.npmjs.com/package/${step.package}/v/${step.version}` }] : [];
  const produced = provenance.state === 'verified' ? { produced: { attestations: [provenance.record] } } : {};
  return { id: step.id, status: 'done', detail: `${detail}; ${provenance.line}`, links, ...produced };
}

/** What this run's npm-publish step reported, when it ran in this job and published (not a re-run's `unchanged`). */
function publishedByThisRun(step: VerifyNpmStep, ctx: ExecutionContext): PublishedByThisRun | undefined {
  const outcome = ctx.outcomes.get(step.provenance.publishStep);
  if (outcome?.status !== 'done' || !outcome.produced) return undefined;
  const { provenance, integrity } = outcome.produced as { provenance?: unknown; integrity?: unknown };
  return {
    ...(typeof provenance === 'boolean' ? { provenance } : {}),
    ...(typeof integrity === 'string' ? { integrity } : {}),
  };
}
