import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { UserError } from '../../src/errors.js';
import { executors } from '../../src/execute/registry.js';
import { describeFailure, executePlan } from '../../src/execute/run.js';
import type { ExecutorRegistry, StepOutcome } from '../../src/execute/types.js';
import { createGithubAttestExecutor } from '../../src/github/attest.js';
import { renderText } from '../../src/plan/render.js';
import type { StageName } from '../../src/plan/stages.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import { createRunner } from '../../src/runtime/action-io.js';
import type { AttestationRecord } from '../../src/sigstore/record.js';
import { SLSA_PROVENANCE_V1 } from '../../src/sigstore/statement.js';
import { expectedSigner, verifyBundle } from '../../src/sigstore/verify.js';
import { createVerifyAssetsExecutor } from '../../src/verify/assets.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { startLocalSigstore, startRunnerOidc, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';
import type { GithubAttestStep } from '../../src/plan/steps/github-attest.js';
import { FAST, harness, planRelease } from './fixtures.js';

// Release assets attested end to end: the real release executor uploads to the GitHub stand-in, the
// github-attest step signs one SLSA statement with the local Fulcio/Rekor/TSA and stores it through the
// attestations endpoints, and verify-assets reads it back by each asset's digest and verifies it.

let oidc: RunnerOidc;
let sigstore: LocalSigstore;
let server: GithubApiServer;

beforeAll(async () => {
  oidc = await startRunnerOidc({ repository: 'acme/widget' });
  sigstore = await startLocalSigstore(oidc);
});
afterAll(async () => {
  await sigstore?.close();
  await oidc?.close();
});
beforeEach(async () => {
  server = await GithubApiServer.start();
  server.commit('feat: first');
  server.tag('v1.2.3');
  oidc.refuse = false;
});
afterEach(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

const FAST_SIGN = { retries: 1, retryDelayMs: 10, timeoutMs: 2_000 };
const registry: ExecutorRegistry = {
  ...executors,
  'github-attest': async () => createGithubAttestExecutor(FAST, FAST_SIGN),
  'verify-assets': async () => createVerifyAssetsExecutor(FAST),
};

function project(files: Record<string, string> = { 'widget-1.2.3.tar.gz': 'sources', 'widget-1.2.3-linux.zip': 'binary' }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-attest-'));
  mkdirSync(join(dir, 'out'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'out', name), text);
  sigstore.writeTrustedRoot(dir);
  return dir;
}

function plan(options: { attestations?: Record<string, unknown>; only?: StageName[]; ref?: string } = {}): ReleasePlan {
  const config = {
    'github-release': { assets: ['out/*'], changelog: 'github' },
    verify: { python: { enabled: false } },
    attestations: { sigstore: sigstore.config(), ...options.attestations },
  };
  return planRelease({ config: stringify(config), python: false, only: options.only ?? ['release', 'verify'], ...(options.ref ? { ref: options.ref } : {}) });
}

interface RunOptions {
  token?: string;
  /** The job has `id-token: write` (default). */
  idToken?: boolean;
}

async function run(releasePlan: ReleasePlan, cwd: string, options: RunOptions = {}) {
  const lines: string[] = [];
  const env = {
    GITHUB_API_URL: server.apiUrl,
    ...oidc.githubEnv,
    ...(options.idToken === false ? {} : oidc.env),
  };
  const report = await executePlan(registry, {
    plan: releasePlan,
    cwd,
    runner: createRunner({}, (line) => lines.push(line)),
    env,
    secrets: { 'github-token': options.token ?? 'test-token' },
  });
  const outcome = (id: string) => report.outcomes.find((o) => o.id === id);
  return { report, lines, outcome };
}

const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const records = (outcome: StepOutcome | undefined) => (outcome?.produced?.attestations ?? []) as AttestationRecord[];

describe('a release with assets', () => {
  test('the plan shows github-attest after github-release, and verify-assets in the verify stage', () => {
    const text = renderText(plan());
    expect(text).toMatch(/- github-release {2}acme\/widget@v1\.2\.3.*\n\s+- github-attest {2}acme\/widget@v1\.2\.3 assets \+ SHA256SUMS {2}\(SLSA provenance, custom Sigstore, when the job can sign\)/);
    expect(text).toMatch(/verify\n\s+- verify-assets/);
    // Off, or nothing to attest: no step.
    const off = plan({ attestations: { assets: false } });
    expect(off.stages.flatMap((s) => s.steps).map((s) => s.kind)).not.toContain('github-attest');
    expect(off.stages.flatMap((s) => s.steps).map((s) => s.kind)).not.toContain('verify-assets');

    // GitHub Enterprise Server has no attestations API: nothing planned with `auto`, a config error with `true`.
    const kinds = (p: ReleasePlan) => p.stages.flatMap((s) => s.steps).map((s) => s.kind);
    const ghes = { config: stringify({ 'github-release': { assets: ['out/*'] } }), python: false, serverUrl: 'https://github.example.com' };
    expect(kinds(planRelease(ghes))).not.toContain('github-attest');
    expect(() => planRelease({ ...ghes, config: stringify({ 'github-release': { assets: ['out/*'] }, attestations: { enabled: true } }) })).toThrow(/GitHub Enterprise Server.*attestations\.assets to false/);
    expect(kinds(planRelease({ ...ghes, serverUrl: 'https://octocorp.ghe.com' }))).toContain('github-attest');
  });

  test('one statement covers every asset and SHA256SUMS; it verifies independently; the notes say how to verify', async () => {
    const cwd = project();
    const entries = sigstore.counts.entries;
    const { report, outcome } = await run(plan(), cwd);
    expect(report.failed).toBeUndefined();

    const [release] = server.releasesFor('v1.2.3');
    const digests = release!.assets.map((a) => a.digest!).sort();
    expect(release!.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'widget-1.2.3-linux.zip', 'widget-1.2.3.tar.gz']);
    expect(server.attestations).toHaveLength(1);
    expect([...server.attestations[0]!.subjects].sort()).toEqual(digests);
    expect(server.attestations[0]!.predicateType).toBe(SLSA_PROVENANCE_V1);
    expect(sigstore.counts.entries).toBe(entries + 1);
    expect(oidc.issued.at(-1)).toEqual({ audience: 'sigstore' });

    // Verified as `gh attestation verify` would, outside tagship's own code path.
    const verified = await verifyBundle(
      server.attestations[0]!.bundle,
      { signer: expectedSigner(oidc.githubEnv), predicateType: SLSA_PROVENANCE_V1, subjects: [{ name: 'widget-1.2.3.tar.gz', digest: { sha256: sha256('sources').slice(7) } }] },
      sigstore.trustedRoot,
    );
    expect(verified.statement.predicate).toMatchObject({ buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' } });

    const attest = outcome('github-attest')!;
    expect(attest.status).toBe('done');
    const id = String(server.attestations[0]!.id);
    expect(records(attest)).toHaveLength(3);
    expect(records(attest).every((r) => r.store === 'github' && r.attestationId === id && /^\d+$/.test(r.logIndex ?? ''))).toBe(true);
    expect(records(attest).find((r) => r.subject === 'widget-1.2.3.tar.gz')?.digest).toBe(sha256('sources'));
    expect(attest.links?.[0]?.url).toBe(`https://github.com/acme/widget/attestations/${id}`);

    expect(outcome('verify-assets')).toMatchObject({ status: 'done', detail: expect.stringContaining('3 assets of v1.2.3 verified') });
    expect(release!.body).toContain('## Verify');
    expect(release!.body).toContain('gh attestation verify <file> --repo acme/widget');
  });

  test('a re-run finds the attestation by digest and stores, signs and logs nothing', async () => {
    const cwd = project();
    await run(plan(), cwd);
    const before = { ...sigstore.counts };
    const { report, outcome } = await run(plan(), cwd);
    expect(report.failed).toBeUndefined();
    expect(outcome('github-attest')).toMatchObject({ status: 'unchanged', detail: 'all 3 assets of v1.2.3 already attested' });
    expect(records(outcome('github-attest'))).toHaveLength(3);
    expect(server.attestations).toHaveLength(1);
    expect(server.requestsFor('repos/create-attestation')).toHaveLength(1);
    expect(sigstore.counts).toEqual(before);
    expect(outcome('verify-assets')?.status).toBe('done');
  });

  test('a rebuilt asset is attested on its own (with the new SHA256SUMS); the others are not attested twice', async () => {
    const cwd = project();
    await run(plan(), cwd);
    writeFileSync(join(cwd, 'out', 'widget-1.2.3-linux.zip'), 'binary, rebuilt');
    const { report, outcome } = await run(plan(), cwd);
    expect(report.failed).toBeUndefined();
    expect(server.attestations).toHaveLength(2);
    expect(server.attestations[1]!.subjects.sort()).toEqual([sha256('binary, rebuilt'), server.releasesFor('v1.2.3')[0]!.assets.find((a) => a.name === 'SHA256SUMS')!.digest].sort());
    expect(outcome('github-attest')?.detail).toMatch(/attested 2 assets of v1\.2\.3 .*; 1 already attested/);
    expect(outcome('verify-assets')?.status).toBe('done');
  });
});

describe('when attesting fails, the release stays as it is and a re-run completes', () => {
  test('a job token without `attestations: write`: GitHub\'s 403 on storing, one line naming the permission, nothing claimed as attested', async () => {
    const cwd = project();
    server.grant('no-attest-write', { contents: 'write', attestations: 'read' });
    const { report, outcome } = await run(plan(), cwd, { token: 'no-attest-write' });
    expect(report.failed?.step.id).toBe('github-attest');
    const message = (report.failed!.error as Error).message;
    expect(report.failed!.error).toBeInstanceOf(UserError);
    expect(message).toMatch(/^Release v1\.2\.3 and its assets are in place, but the assets are not attested: .*storing the attestation .*403 Resource not accessible by integration.*permissions: attestations: write/);
    expect(message).not.toContain('\n');
    expect(outcome('github-release')?.status).toBe('done');
    expect(outcome('github-attest')).toBeUndefined();
    expect(report.notRun.map((s) => s.id)).toEqual(['verify-assets']);
    expect(describeFailure(report)).toContain('Done before it: github-release.');
    expect(server.releasesFor('v1.2.3')[0]!.draft).toBe(false);
    expect(server.attestations).toEqual([]);

    const again = await run(plan(), cwd);
    expect(again.report.failed).toBeUndefined();
    expect(again.outcome('github-attest')?.status).toBe('done');
    expect(again.outcome('verify-assets')?.status).toBe('done');
    expect(server.attestations).toHaveLength(1);
  });

  test('a job token with no attestations permission at all is refused before anything is signed', async () => {
    const cwd = project();
    server.grant('contents-only', { contents: 'write' });
    const before = { ...sigstore.counts };
    const { report } = await run(plan(), cwd, { token: 'contents-only' });
    expect(report.failed?.step.id).toBe('github-attest');
    expect((report.failed!.error as Error).message).toMatch(/not attested: .*403.*permissions: attestations: write/);
    expect(sigstore.counts).toEqual(before);
    expect(server.requestsFor('repos/create-attestation')).toEqual([]);
  });

  test('Fulcio down (503 after the retries): one line naming Fulcio and the re-run; nothing stored', async () => {
    const cwd = project();
    sigstore.faults.fulcio.push(503, 503);
    const { report } = await run(plan(), cwd);
    expect(report.failed?.step.id).toBe('github-attest');
    const message = (report.failed!.error as Error).message;
    expect(message).toMatch(/^Release v1\.2\.3 and its assets are in place, but the assets are not attested: .*Fulcio/);
    expect(message).not.toContain('\n');
    expect(server.attestations).toEqual([]);
    expect((await run(plan(), cwd)).report.failed).toBeUndefined();
    expect(server.attestations).toHaveLength(1);
  });

  test('Rekor failing with 500: nothing stored, and the re-run completes', async () => {
    const cwd = project();
    sigstore.faults.rekor.push(500, 500);
    const { report } = await run(plan(), cwd);
    expect(report.failed?.step.id).toBe('github-attest');
    expect((report.failed!.error as Error).message).toMatch(/Rekor/);
    expect(server.attestations).toEqual([]);
    expect((await run(plan(), cwd)).report.failed).toBeUndefined();
  });

  test('no `id-token: write` with attestations: auto: said once, no Verify section in the notes, verify-assets reports instead of failing', async () => {
    const cwd = project();
    const { report, lines, outcome } = await run(plan(), cwd, { idToken: false });
    expect(report.failed).toBeUndefined();
    expect(outcome('github-attest')).toMatchObject({ status: 'skipped', detail: expect.stringContaining('not attested') });
    expect(lines.filter((l) => l.startsWith('::warning::') && l.includes('id-token: write'))).toHaveLength(1);
    expect(server.releasesFor('v1.2.3')[0]!.body).not.toContain('gh attestation verify');
    expect(outcome('verify-assets')).toMatchObject({ status: 'skipped', detail: expect.stringContaining('not checked') });
    expect(server.attestations).toEqual([]);
  });

  test('no `id-token: write` with attestations: true: preflight stops the run before the release, naming the permission', async () => {
    const cwd = project();
    const lines: string[] = [];
    const failed = await executePlan(registry, {
      plan: plan({ attestations: { enabled: true } }),
      cwd,
      runner: createRunner({}, (line) => lines.push(line)),
      env: { GITHUB_API_URL: server.apiUrl, ...oidc.githubEnv },
      secrets: { 'github-token': 'test-token' },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(UserError);
    expect(lines.filter((l) => l.startsWith('::error::')).join('\n')).toMatch(/build provenance of the release assets[\s\S]*id-token: write|id-token: write[\s\S]*build provenance of the release assets/);
    expect(server.releases).toEqual([]);
    expect(server.attestations).toEqual([]);
  });
});

describe('github-attest on its own', () => {
  const attestStep = (p: ReleasePlan) => p.stages.flatMap((stage) => stage.steps).find((step): step is GithubAttestStep => step.kind === 'github-attest')!;

  test('without the release step in this run it reads the assets from the API, and attests them', async () => {
    const cwd = project();
    await run(plan({ only: ['release'] }), cwd, { idToken: false });
    expect(server.attestations).toEqual([]);
    const p = plan({ only: ['release'] });
    const h = harness(p, server, cwd, { env: { ...oidc.githubEnv, ...oidc.env, GITHUB_API_URL: server.apiUrl } });
    const outcome = await createGithubAttestExecutor(FAST, FAST_SIGN)(attestStep(p), h.ctx);
    expect(outcome.status).toBe('done');
    expect(server.attestations[0]!.subjects.sort()).toEqual(server.releasesFor('v1.2.3')[0]!.assets.map((a) => a.digest!).sort());
  });

  test('required, and the runner refuses the ID token at signing time: one line naming id-token: write; nothing stored', async () => {
    const cwd = project();
    await run(plan({ only: ['release'] }), cwd, { idToken: false });
    const p = plan({ only: ['release'], attestations: { enabled: true } });
    const h = harness(p, server, cwd, { env: { ...oidc.githubEnv, ...oidc.env, GITHUB_API_URL: server.apiUrl } });
    oidc.refuse = true;
    const error = await createGithubAttestExecutor(FAST, FAST_SIGN)(attestStep(p), h.ctx).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^Release v1\.2\.3 and its assets are in place, but the assets are not attested: .*id-token: write/);
    expect(server.attestations).toEqual([]);
  });
});

describe('verify-assets, from the outside', () => {
  async function verifyOnly(cwd: string, attestations?: Record<string, unknown>) {
    return run(plan({ only: ['verify'], ...(attestations ? { attestations } : {}) }), cwd);
  }

  test('an asset without an attestation fails with what to do', async () => {
    const cwd = project();
    await run(plan({ only: ['release'] }), cwd);
    server.attestations.length = 0;
    // `enabled: auto`: nothing attested at all is reported (the job could not sign); `true` requires them.
    expect((await verifyOnly(cwd)).outcome('verify-assets')).toMatchObject({ status: 'skipped', detail: 'not checked: no asset of v1.2.3 is attested' });
    const { report } = await verifyOnly(cwd, { enabled: true });
    expect(report.failed?.step.id).toBe('verify-assets');
    expect((report.failed!.error as Error).message).toMatch(/^Release v1\.2\.3: 3 assets have no build-provenance attestation in acme\/widget \(".+" \(sha256:[0-9a-f]{64}\), .*\): re-run the release stage; its github-attest step attests what is missing\.$/);
  });

  test('a tampered bundle does not verify: the run fails saying so', async () => {
    const cwd = project();
    await run(plan({ only: ['release'] }), cwd);
    const stored = server.attestations[0]!;
    const envelope = stored.bundle.dsseEnvelope as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    statement.predicate.runDetails.builder.id = 'https://example.com/evil';
    envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const { report } = await verifyOnly(cwd);
    expect(report.failed?.step.id).toBe('verify-assets');
    expect((report.failed!.error as Error).message).toMatch(/has 1 attestation and none verifies: Attestation check failed: .*signature/i);
  });

  test('an attestation signed for another ref does not count for this release', async () => {
    const cwd = project();
    await run(plan({ only: ['release'] }), cwd);
    // The verifying job runs for another tag: the stored attestation names refs/tags/v1.2.3.
    const saved = oidc.githubEnv.GITHUB_REF;
    oidc.githubEnv.GITHUB_REF = 'refs/tags/v9.9.9';
    try {
      const { report } = await verifyOnly(cwd);
      expect(report.failed?.step.id).toBe('verify-assets');
      expect((report.failed!.error as Error).message).toMatch(/none verifies: .*ref/i);
    } finally {
      oidc.githubEnv.GITHUB_REF = saved!;
    }
  });
});
