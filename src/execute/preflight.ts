import { UserError } from '../errors.js';
import { request } from '../net/http.js';
import type { GithubReleaseStep } from '../plan/steps/github-release.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import type { PypiUploadStep } from '../plan/steps/python.js';
import type { PlannedStep } from '../plan/types.js';
import { decodeClaims, describePublisherClaims, pypiCalledWorkflowNote, pypiUnmatchable, requestRunnerIdToken } from '../runtime/oidc-claims.js';
import { Authenticator } from '../oci/auth.js';
import { repositoryScope } from '../oci/challenge.js';
import { registryLogins } from '../oci/credentials.js';
import { parseImageName, registryBase } from '../oci/names.js';
import { canMintIdToken, sigstoreIdToken } from '../sigstore/id-token.js';
import { ATTESTATION_DESCRIPTIONS, plannedAttestations } from '../sigstore/instance.js';
import type { ExecutionContext } from './types.js';

type PreflightContext = Pick<ExecutionContext, 'plan' | 'env' | 'secrets' | 'runner' | 'signal'>;

/**
 * Checks, before the first step runs, what the planned publishing steps will need: credentials for
 * each index, and trusted-publishing claims an index can match. Returns one line per failed check
 * (all of them, so one re-run fixes everything), and logs what each index will match.
 */
export async function preflight(steps: readonly PlannedStep[], ctx: PreflightContext): Promise<string[]> {
  const failures: string[] = [];
  const checkedHosts = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'docker-merge' || step.kind === 'docker-build') {
      const repositories = step.kind === 'docker-merge' ? step.images.map((image) => image.repository) : step.repositories;
      for (const repository of repositories) {
        const { host, path } = parseImageName(repository);
        if (checkedHosts.has(host)) continue;
        checkedHosts.add(host);
        const failure = await checkRegistryLogin(host, path, ctx).catch((error: unknown) => (error instanceof UserError ? error.message : Promise.reject(error)));
        if (failure) failures.push(`${step.id}: ${failure}`);
      }
      continue;
    }
    try {
      const failure =
        step.kind === 'pypi-upload'
          ? await checkPypi(step, ctx)
          : step.kind === 'npm-publish'
            ? await checkNpm(step, ctx)
            : step.kind === 'github-release'
              ? await checkGithubRelease(step, ctx)
              : undefined;
      if (failure) failures.push(failure);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failures.push(`${step.id}: ${error.message}`);
    }
  }
  const attestations = await checkAttestations(steps, ctx);
  if (attestations) failures.push(attestations);
  return failures;
}

/**
 * Signing needs the job's OIDC token (audience `sigstore`). Asked for once here, so that a job
 * without `permissions: id-token: write` learns it before anything is built: with
 * `attestations.enabled: true` as a failure, with `auto` as one warning naming what will not be signed.
 */
async function checkAttestations(steps: readonly PlannedStep[], ctx: PreflightContext): Promise<string | undefined> {
  const planned = plannedAttestations(steps);
  if (!planned.length) return undefined;
  let reason: string | undefined;
  if (!canMintIdToken(ctx.env)) {
    reason = 'this job cannot get an OIDC token to sign with: give it `permissions: id-token: write`';
  } else {
    try {
      ctx.runner.mask(await sigstoreIdToken(ctx.env, ctx.signal));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reason = error.message.charAt(0).toLowerCase() + error.message.slice(1).replace(/\.$/, '');
    }
  }
  if (!reason) return undefined;
  const required = planned.filter(({ attestation }) => attestation.required);
  const uses = [...new Set((required.length ? required : planned).map(({ attestation }) => ATTESTATION_DESCRIPTIONS[attestation.use]))].join(', ');
  if (required.length) {
    return `attestations.enabled is true, but ${reason} (needed for the ${uses}), or set attestations.enabled to auto.`;
  }
  ctx.runner.warning(`No attestations this run (not made: ${uses}): ${reason}, or set attestations.enabled to false to silence this.`);
  return undefined;
}

const oidcAvailable = (env: NodeJS.ProcessEnv) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);

async function checkPypi(step: PypiUploadStep, ctx: PreflightContext): Promise<string | undefined> {
  const token = ctx.secrets['pypi-token'];
  if (!oidcAvailable(ctx.env)) {
    if (token) return undefined;
    return `${step.id}: no credentials for ${step.indexUrl}: give the job \`permissions: id-token: write\` and register a trusted publisher, or pass an API token in the 'pypi-token' input.`;
  }
  // The index's own audience, so the ID token read here is the one the upload will present.
  const audienceResponse = await request(`${step.indexUrl}/_/oidc/audience`, { headers: { accept: 'application/json' }, signal: ctx.signal, retry: { retries: 2 } });
  const { audience } = audienceResponse.ok ? ((await audienceResponse.json().catch(() => ({}))) as { audience?: string }) : (await audienceResponse.body?.cancel().catch(() => undefined), {});
  if (!audience) {
    if (token) return undefined;
    return `${step.id}: ${step.indexUrl} does not offer trusted publishing (GET /_/oidc/audience: HTTP ${audienceResponse.status}); pass an API token in the 'pypi-token' input.`;
  }
  // With a token at hand the upload falls back to it when the runner refuses an ID token: so does preflight.
  const idToken = await requestRunnerIdToken(ctx.env, audience, ctx.signal).catch((error: unknown) => (token && error instanceof UserError ? undefined : Promise.reject(error)));
  if (!idToken) return undefined;
  ctx.runner.mask(idToken);
  const claims = decodeClaims(idToken);
  if (!claims) return undefined;
  const unmatchable = pypiUnmatchable(claims, step.indexUrl);
  // With a token the upload falls back to it (and warns then); without one nothing can publish.
  if (unmatchable) return token ? undefined : `${step.id}: ${unmatchable}`;
  const note = pypiCalledWorkflowNote(claims);
  if (note) ctx.runner.warning(note);
  ctx.runner.info(`Trusted publishing to ${step.indexUrl}: the token names ${describePublisherClaims(claims, 'pypi')}; the project's trusted publisher must name the same.`);
  return undefined;
}

async function checkNpm(step: NpmPublishStep, ctx: PreflightContext): Promise<string | undefined> {
  const token = ctx.secrets['npm-token'];
  const oidc = oidcAvailable(ctx.env);
  if (step.provenance === true && !oidc) {
    return `${step.id}: npm.provenance is true, but this job cannot request an OIDC token: grant \`permissions: id-token: write\` to the job, or set npm.provenance to auto.`;
  }
  if (token) return undefined;
  if (!oidc) {
    return `${step.id}: publishing ${step.target} needs credentials: pass the npm-token input, or use npm trusted publishing (grant \`permissions: id-token: write\` and register this workflow as the package's trusted publisher).`;
  }
  const idToken = await requestRunnerIdToken(ctx.env, `npm:${new URL(step.registry).hostname}`, ctx.signal);
  ctx.runner.mask(idToken);
  const claims = decodeClaims(idToken);
  if (claims) ctx.runner.info(`Trusted publishing to ${step.registry}: npm matches the calling workflow; the token names ${describePublisherClaims(claims, 'npm')}; the package's trusted publisher must name the same.`);
  return undefined;
}

/**
 * The registry accepts the login the push will use: the registry's challenge answered with those
 * credentials (Basic, or a push-scoped Bearer token from its realm), then `/v2/` asked with the answer.
 * Without configured credentials nothing is checked (a registry may allow anonymous pushes).
 */
async function checkRegistryLogin(host: string, path: string, ctx: PreflightContext): Promise<string | undefined> {
  const credentials = await registryLogins(ctx.secrets, ctx.env)(host);
  if (!credentials) return undefined;
  const send = (url: string, init: Parameters<typeof request>[1] = {}) => request(url, { ...init, signal: ctx.signal, retry: { retries: 2 } });
  const base = registryBase(host);
  const probe = await send(`${base}/v2/`);
  await probe.body?.cancel().catch(() => undefined);
  if (probe.status !== 401) return undefined;
  const authenticator = new Authenticator({ credentials: () => credentials, send });
  const answer = await authenticator.refresh(host, [repositoryScope(path, 'push')], probe.headers.get('www-authenticate'), undefined);
  if (!answer) return undefined;
  const check = await send(`${base}/v2/`, { headers: { authorization: answer } });
  await check.body?.cancel().catch(() => undefined);
  if (check.status === 401 || check.status === 403) {
    return `${host} refused the login of '${credentials.username}' (GET /v2/: HTTP ${check.status}): check ${credentials.source ?? "that registry's line in the registry-credentials input (or the token behind it)"}.`;
  }
  return undefined;
}

/**
 * The GitHub token may write releases. GitHub tells no token its own permissions (GET /repos has no
 * `permissions` for an installation token such as GITHUB_TOKEN, and `X-Accepted-GitHub-Permissions`
 * names what a route needs, not what the token has), so the check asks a route that needs exactly
 * what creating a release needs and writes nothing: POST /releases/generate-notes requires
 * "Contents: write" for GitHub Apps and installation tokens, like POST /releases, and "the
 * generated release notes are not saved anywhere". A read-only token is refused with 403 ("Resource
 * not accessible by integration"), a bad one with 401. Any other answer (a tag GitHub does not know
 * yet, an outage) passes: the release step itself reports it, and preflight never stops a release
 * that could have worked.
 */
async function checkGithubRelease(step: GithubReleaseStep, ctx: PreflightContext): Promise<string | undefined> {
  const token = ctx.secrets['github-token'];
  if (!token) {
    return `${step.id}: no GitHub token to create the release with: keep the github-token input at its default (\${{ github.token }}) or pass one, and give the job \`permissions: contents: write\`.`;
  }
  const [owner, repo] = (ctx.plan.repository ?? '').split('/');
  if (!owner || !repo) return undefined;
  const api = (ctx.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const response = await request(`${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/releases/generate-notes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', 'x-github-api-version': '2022-11-28', 'user-agent': 'tagship' },
    body: JSON.stringify({ tag_name: step.tag, ...(step.commit ? { target_commitish: step.commit } : {}) }),
    signal: ctx.signal,
    retry: { retries: 1, timeoutMs: 20_000 },
  }).catch((error: unknown) => {
    if (ctx.signal?.aborted) throw error;
    // GitHub not reachable now: the release step retries longer and names it.
    ctx.runner.info(`Preflight could not ask GitHub whether the token can write releases (${error instanceof Error ? error.message : String(error)}); the release step will tell.`);
    return undefined;
  });
  if (!response) return undefined;
  const message = response.ok ? '' : (((await response.json().catch(() => ({}))) as { message?: unknown }).message ?? '');
  if (response.ok) await response.body?.cancel().catch(() => undefined);
  const detail = typeof message === 'string' && message ? ` ${message}` : '';
  if (response.status === 401) {
    return `${step.id}: GitHub rejected the token (POST /releases/generate-notes: HTTP 401${detail}): pass a valid token in the github-token input (the default is \${{ github.token }}).`;
  }
  // A rate limit is GitHub's, not the token's: the release step waits for it.
  if (response.status === 403 && !/rate limit/i.test(String(message))) {
    return `${step.id}: the GitHub token cannot write releases of ${owner}/${repo} (POST /releases/generate-notes: HTTP 403${detail}): give the job \`permissions: contents: write\`, or pass a token that has it in the github-token input.`;
  }
  return undefined;
}
