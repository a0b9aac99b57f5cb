import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { UserError } from '../errors.js';
import type { ExecutionContext, StepExecutor, StepOutcome } from '../execute/types.js';
import { backoffDelay, DEFAULT_RETRY, defaultDeps, type RetryPolicy } from '../net/http.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import { oidcAvailable, resolveAuth, wantsProvenance, type NpmAuth } from './auth.js';
import { classifyFailure, readNpmFailure, runNpm, streamUntilJson, type NpmFailure, type NpmRun } from './cli.js';
import { ensureDistTag, latestIsHigher } from './dist-tag.js';
import { versionLink } from './links.js';
import { readPublishManifest } from './manifest.js';
import { passedEnv } from '../runtime/passed-env.js';
import { mintNpmIdTokens } from './id-tokens.js';
import { TOKEN_VARIABLE, writeUserConfig } from './npmrc.js';
import { applyWorkspaceRanges } from './packed-manifest.js';
import { readPackument, type Packument, type PublishedVersion } from './packument.js';
import { packTarball, sameTarball, type PackedTarball } from './tarball.js';

export interface NpmPublishTuning {
  /** Attempts of `npm publish` when it fails transiently (5xx, 429, connection resets). */
  attempts?: number;
  /** Backoff between those attempts. */
  backoff?: Pick<RetryPolicy, 'minDelayMs' | 'maxDelayMs'>;
  /** Retry policy of the packument reads. */
  http?: Partial<RetryPolicy>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_BACKOFF = { minDelayMs: 2_000, maxDelayMs: 30_000 };

/**
 * One `npm-publish` step: pack the package, look the version up in the registry, and publish that
 * very tarball only when the registry does not have the version yet. A re-run finds it published
 * with the same integrity and reports `unchanged`; the same version with other contents is refused
 * (npm never lets a version be published twice).
 */
export function createNpmPublishExecutor(tuning: NpmPublishTuning = {}): StepExecutor<'npm-publish'> {
  return async (step, ctx) => {
    assertTagIsSafe(step, ctx);
    const token = ctx.secrets['npm-token'];
    const packageDir = resolve(ctx.cwd, step.dir);
    const manifest = readPublishManifest(packageDir, step);
    const work = mkdtempSync(join(tmpdir(), 'tagship-npm-'));
    const redact = (text: string) => (token ? text.split(token).join('***') : text);
    try {
      // Package code (prepublishOnly, and prepack/prepare/postpack under `npm pack`) runs here, with
      // the `npm` allow-list: no token, no OIDC request credentials. Only `npm publish` of the packed
      // tarball (which runs no scripts) and `npm dist-tag` get a credential.
      const plain: NpmRun = { cwd: packageDir, parentEnv: ctx.env, secretEnv: passedEnv(ctx, step.scriptEnv), signal: ctx.signal };
      const auth = await resolveAuth(step, token, ctx.env, { ...plain, cwd: work });
      const provenance = wantsProvenance(step, ctx.env);
      // The package's own scripts stream into the step's log group as they run (a long prepublishOnly
      // shows it is alive, a failure is read there); lines are untrusted and logged neutralised.
      const shown: NpmRun = { ...plain, onLine: streamUntilJson((line) => ctx.runner.info(redact(line))) };
      if (manifest.scripts?.prepublishOnly) await runScript('prepublishOnly', shown, step);
      // What npm packed, with pnpm/yarn `workspace:` specifiers made real versions (publish-time only).
      const tarball = applyWorkspaceRanges(await packTarball(packageDir, join(work, 'pack'), shown), step);
      const packumentOptions = { token, signal: ctx.signal, retry: tuning.http, onRetry: (reason: string) => ctx.runner.info(`${step.package}: registry read ${reason}`) };
      const read = () => readPackument(step.registry, step.package, packumentOptions);
      const before = await read();
      const { NPM_CONFIG_USERCONFIG } = writeUserConfig(work, step.registry, token);
      const authed: NpmRun = { cwd: work, parentEnv: ctx.env, tool: 'npm-publish', set: { NPM_CONFIG_USERCONFIG: NPM_CONFIG_USERCONFIG! }, secretEnv: token ? { [TOKEN_VARIABLE]: token } : {}, signal: ctx.signal };

      const existing = before?.versions[step.version];
      if (existing) return await alreadyPublished(step, tarball, before, auth, authed, ctx);
      const higher = latestIsHigher(step, before);
      if (higher) {
        throw new UserError(
          `${step.registry} already has ${step.package}@${higher} as latest, higher than ${step.version}; publishing it as latest would move latest backwards: push the tag of ${higher} (or list it in known-versions) so tagship plans another dist-tag. Nothing was published.`,
        );
      }
      if (!before && step.distTag !== 'latest') {
        ctx.runner.warning(`${step.package} is new on ${step.registry}: registries point latest at a package's first version whatever its tag, so latest will be ${step.version} until a stable version is published.`);
      }
      const published = await publishWithRetries(step, tarball, { auth, provenance, run: authed, read, ctx, tuning, redact });
      return published;
    } catch (error) {
      if (error instanceof UserError) throw new UserError(redact(error.message), error.location, { cause: error.cause });
      throw error;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };
}

export const executeNpmPublish = createNpmPublishExecutor();

/** A plan whose tag would make a prerelease or a rehearsal `latest` is a bug, not a user's mistake. */
function assertTagIsSafe(step: NpmPublishStep, ctx: ExecutionContext): void {
  const prerelease = (semver.parse(step.version)?.prerelease.length ?? 0) > 0;
  if (step.distTag === 'latest' && (prerelease || ctx.plan.rehearsal)) {
    throw new Error(`refusing to publish ${step.target} as latest: ${prerelease ? 'a prerelease' : 'a rehearsal'} never takes latest`);
  }
}

async function runScript(name: string, run: NpmRun, step: NpmPublishStep): Promise<void> {
  const result = await runNpm(['run', name], run);
  if (result.code !== 0) throw new UserError(`The ${name} script of ${step.package} failed: ${readNpmFailure(result).summary}. Nothing was published; fix it and re-run.`);
}

function differentContents(step: NpmPublishStep): UserError {
  return new UserError(
    `${step.target} is already published with different contents; npm never allows re-publishing a version: release a new version (a new tag). Nothing was published.`,
  );
}

/** The version is in the registry: ours (then make sure of the dist-tag) or someone else's contents. */
async function alreadyPublished(step: NpmPublishStep, tarball: PackedTarball, packument: Packument, auth: NpmAuth, run: NpmRun, ctx: ExecutionContext): Promise<StepOutcome> {
  if (!sameTarball(tarball, packument.versions[step.version]!)) throw differentContents(step);
  const tag = await ensureDistTag(step, packument, auth.kind === 'token', run);
  const links = [versionLink(step.registry, step.package, step.version)];
  if (tag.state === 'in-place') return { id: step.id, status: 'unchanged', detail: `${step.target} is already published, same contents, ${step.distTag} → ${step.version}`, links };
  if (tag.state === 'kept') {
    ctx.runner.warning(`${step.package}: latest stays at ${tag.current}, higher than ${step.version}; tagship never moves latest backwards.`);
    return { id: step.id, status: 'unchanged', detail: `${step.target} is already published, same contents; latest stays at ${tag.current}`, links };
  }
  return { id: step.id, status: 'done', detail: `${step.target} was already published; moved ${step.distTag} to it${tag.from ? ` from ${tag.from}` : ''}`, links };
}

interface PublishContext {
  auth: NpmAuth;
  provenance: boolean;
  run: NpmRun;
  read: () => Promise<Packument | undefined>;
  ctx: ExecutionContext;
  tuning: NpmPublishTuning;
  redact: (text: string) => string;
}

/**
 * `npm publish <tarball>`, retried when the registry fails transiently. A conflict (the version
 * exists) after a lost answer is success only when the registry's integrity is ours.
 */
async function publishWithRetries(step: NpmPublishStep, tarball: PackedTarball, p: PublishContext): Promise<StepOutcome> {
  const attempts = Math.max(1, p.tuning.attempts ?? 4);
  const backoff = { ...DEFAULT_RETRY, ...DEFAULT_BACKOFF, ...p.tuning.backoff };
  const sleep = p.tuning.sleep ?? defaultDeps.sleep;
  let provenance = p.provenance;
  const links = [versionLink(step.registry, step.package, step.version)];
  const how = () => [step.access ?? '', provenance ? 'with provenance' : '', p.auth.kind === 'oidc' ? 'via trusted publishing' : ''].filter(Boolean).join(', ');

  const wentThrough = (published: PublishedVersion): StepOutcome => {
    if (!sameTarball(tarball, published)) throw differentContents(step);
    p.ctx.runner.info(`${step.target}: the registry already has this exact tarball (an earlier attempt went through)`);
    return { id: step.id, status: 'done', detail: `published ${step.target} under ${step.distTag} to ${step.registry} (confirmed by integrity after a lost answer)`, links, produced: { integrity: tarball.integrity, provenance } };
  };

  for (let attempt = 1; ; attempt++) {
    // --ignore-scripts: npm runs no scripts for a tarball anyway; this process holds the credential.
    const args = ['publish', tarball.path, '--ignore-scripts', '--json', '--tag', step.distTag, '--registry', step.registry];
    // npm refuses provenance for a package it cannot see as public yet (any new one): an unscoped
    // package is public anyway, so say so.
    const access = step.access ?? (provenance ? 'public' : undefined);
    if (access) args.push('--access', access);
    args.push(provenance ? '--provenance' : '--no-provenance');
    const result = await runNpm(args, { ...(await withIdTokens(step, p, provenance)), onLine: streamUntilJson((line) => p.ctx.runner.info(p.redact(line))) });
    if (result.code === 0) {
      return { id: step.id, status: 'done', detail: `published ${step.target} under ${step.distTag}${how() ? ` (${how()})` : ''} to ${step.registry}`, links, produced: { integrity: tarball.integrity, provenance } };
    }
    const failure = readNpmFailure(result);
    const kind = classifyFailure(failure);
    if (kind === 'conflict') {
      const after = await settledVersion(step, p);
      if (!after) throw new UserError(`${step.registry} refuses ${step.target} as already published (${p.redact(failure.summary)}), yet does not list it: a version once published and unpublished can never be used again. Release a new version.`);
      return wentThrough(after);
    }
    let look: Look | undefined;
    if (kind === 'transient') {
      // The registry may have taken the tarball and lost only its answer: look before sending it again.
      // A look that fails too is no answer: the next attempt's conflict, if any, settles it.
      look = await lookUp(step, p);
      if (look.published) return wentThrough(look.published);
    }
    if (kind === 'auth') throw authError(step, failure, p);
    if (provenance && step.provenance === 'auto' && /provenance|sigstore|visibility/i.test(failure.summary)) {
      p.ctx.runner.warning(`${step.package}: npm could not attach provenance (${p.redact(failure.summary)}); publishing without it. Set npm.provenance to false to skip the attempt, or true to require it.`);
      provenance = false;
      continue;
    }
    if (kind === 'transient' && attempt < attempts) {
      const delayMs = backoffDelay(attempt - 1, backoff, Math.random);
      p.ctx.runner.warning(`${step.package}: npm publish failed transiently (${failure.code ?? 'no code'}: ${p.redact(failure.summary)}); attempt ${attempt + 1} of ${attempts} in ${Math.round(delayMs / 1000)} s.`);
      await sleep(delayMs, p.ctx.signal);
      continue;
    }
    const tries = kind === 'transient' ? ` after ${attempts} attempts` : '';
    // Said only after reading the registry back: a publish can go through and still fail on the way back.
    look ??= await lookUp(step, p);
    if (look.published) return wentThrough(look.published);
    const state = look.unreadable
      ? `Whether ${step.target} was published is unknown: reading ${step.registry} back failed too (${p.redact(look.unreadable)}); re-run: it compares by integrity before publishing.`
      : `${step.registry} does not list ${step.target} (read back after the failure); re-run to try again.`;
    throw new UserError(`npm publish of ${step.target} failed${tries}: ${failure.code ? `${failure.code} ` : ''}${p.redact(failure.summary)}. ${state}`);
  }
}

/** What the registry lists of the version right now, or why it could not be read. */
interface Look {
  published?: PublishedVersion;
  unreadable?: string;
}

async function lookUp(step: NpmPublishStep, p: PublishContext): Promise<Look> {
  try {
    const published = (await p.read())?.versions[step.version];
    return published ? { published } : {};
  } catch (error) {
    // The HTTP failure itself, not readPackument's advice to re-run, which the caller words.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { unreadable: cause instanceof Error ? cause.message : String(cause) };
  }
}

/**
 * The publish's credentials: the npmrc token, or ID tokens tagship minted for npm's exchange and for
 * provenance (never the runner's request token: see id-tokens.ts). Minted per attempt, as they expire.
 */
async function withIdTokens(step: NpmPublishStep, p: PublishContext, provenance: boolean): Promise<NpmRun> {
  const exchange = p.auth.kind === 'oidc';
  if (!exchange && !provenance) return p.run;
  const minted = await mintNpmIdTokens(step, p.ctx.env, { exchange, provenance }, p.ctx.signal);
  for (const value of Object.values(minted.secretEnv)) p.ctx.runner.mask(value);
  return { ...p.run, set: { ...p.run.set, ...minted.set }, secretEnv: { ...p.run.secretEnv, ...minted.secretEnv } };
}

/** The version as the registry lists it after a conflict; its document may lag a moment behind. */
async function settledVersion(step: NpmPublishStep, p: PublishContext) {
  const sleep = p.tuning.sleep ?? defaultDeps.sleep;
  for (let look = 0; look < 4; look++) {
    const found = (await p.read())?.versions[step.version];
    if (found) return found;
    await sleep(1_000 * (look + 1), p.ctx.signal);
  }
  return undefined;
}

function authError(step: NpmPublishStep, failure: NpmFailure, p: PublishContext): UserError {
  const said = `${failure.code ? `${failure.code}: ` : ''}${p.redact(failure.summary)}`;
  if (p.auth.kind === 'oidc') {
    return new UserError(
      `npm trusted publishing was refused for ${step.package} (${said}): register this repository and workflow as a trusted publisher of ${step.package} on npmjs.com${oidcAvailable(p.ctx.env) ? '' : ' and grant `id-token: write`'}, or pass the npm-token input. ${step.target} was not published.`,
    );
  }
  if (failure.code === 'E404') {
    return new UserError(`${step.registry} answered 404 to publishing ${step.package}: the scope does not exist or the npm token cannot publish to it (${said}). ${step.target} was not published.`);
  }
  if (failure.code === 'EOTP') {
    return new UserError(`The npm token needs a one-time password to publish ${step.package}: use a granular access token (or an automation token) that bypasses 2FA. ${step.target} was not published.`);
  }
  return new UserError(`The npm token is wrong or lacks publish rights for ${step.package} (${said}): check the secret behind npm-token. ${step.target} was not published.`);
}
