/**
 * verify-npm reads provenance back as `npm audit signatures` does and checks it as a user would: the
 * packument's `dist.attestations`, the attestations endpoint, the SLSA bundle verified against the
 * trusted root (signature, certificate chain, transparency-log entry), its subject
 * (`pkg:npm/<name>@<version>` + the tarball's sha512) and its signer (this repository at this ref).
 *
 * The registry is a real Verdaccio; provenance is served by the stand-in in front of it (Verdaccio
 * stores none: the first test shows what it does with npm's bundle). Bundles are signed by the local
 * Sigstore (Fulcio, Rekor, TSA) with GitHub-shaped OIDC tokens.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { ExecutionContext, StepOutcome } from '../../src/execute/types.js';
import type { ReleasePlan } from '../../src/plan/types.js';
import type { VerifyNpmStep } from '../../src/plan/steps/verify.js';
import type { SigstoreInstance } from '../../src/sigstore/instance.js';
import { signStatement } from '../../src/sigstore/sign.js';
import { inTotoStatement, runIdentity, slsaProvenancePredicate, SLSA_PROVENANCE_V1 } from '../../src/sigstore/statement.js';
import { executeVerifyNpm } from '../../src/verify/npm.js';
import { checkNpmProvenance, npmPurl, type ProvenanceDeps } from '../../src/verify/npm-provenance.js';
import { DEFAULT_TRUSTED_ROOT_PATH, githubClaims, startLocalSigstore, startRunnerOidc, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';
import { startProvenanceRegistry, type ProvenanceRegistry } from './support/provenance-registry.js';
import { recordingRunner } from './support/runner.js';
import { parseConfig } from '../../src/config/load.js';
import { executePlan } from '../../src/execute/run.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import { createNpmPublishExecutor } from '../../src/npm/publish.js';
import { buildPlan } from '../../src/plan/build.js';
import { resolveTrigger } from '../../src/trigger.js';
import { DEFAULT_TAG_CONVENTIONS } from '../../src/version/tag.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { singleProject } from '../npm/support/packages.js';
import { tagPush } from '../support/payloads.js';
import { parseGfm } from '../support/gfm.js';
import { startVerdaccio, type LocalNpmRegistry } from './support/verdaccio.js';

let verdaccio: LocalNpmRegistry;
let registry: ProvenanceRegistry;
let oidc: RunnerOidc;
let sigstore: LocalSigstore;
let project: string;
let instance: SigstoreInstance;
const integrity = new Map<string, string>();

const CLAIMS = githubClaims({ repository: 'acme/widget', ref: 'refs/tags/v1.0.0' });

/** The packument's integrity of a version, as hex (what npm signs as the subject's sha512). */
const sha512Of = (spec: string) => Buffer.from(integrity.get(spec)!.slice('sha512-'.length), 'base64').toString('hex');

/** A bundle as npm's CLI makes it in GitHub Actions: the SLSA v1 statement over `pkg:npm/<name>@<version>`. */
async function provenanceBundle(name: string, version: string, sha512: string, claims: Record<string, string> = CLAIMS): Promise<{ bundle: unknown; logIndex?: string }> {
  Object.assign(oidc.claims, claims);
  try {
    const statement = inTotoStatement([{ name: npmPurl(name, version), digest: { sha512 } }], SLSA_PROVENANCE_V1, slsaProvenancePredicate(runIdentity(oidc.githubEnv)));
    return await signStatement(statement, { instance, idToken: oidc.token('sigstore') });
  } finally {
    Object.assign(oidc.claims, CLAIMS);
  }
}

async function publish(name: string, version: string, tag = 'latest'): Promise<void> {
  await verdaccio.publish(name, version, tag);
  const doc = (await (await fetch(`${registry.url}${name.replace('/', '%2f')}`)).json()) as { versions: Record<string, { dist: { integrity: string } }> };
  integrity.set(`${name}@${version}`, doc.versions[version]!.dist.integrity);
}

beforeAll(async () => {
  verdaccio = await startVerdaccio();
  registry = await startProvenanceRegistry(verdaccio);
  oidc = await startRunnerOidc(CLAIMS);
  sigstore = await startLocalSigstore(oidc);
  project = mkdtempSync(join(tmpdir(), 'tagship-npm-provenance-'));
  sigstore.writeTrustedRoot(project);
  instance = { name: 'custom', fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl, tsaUrl: sigstore.tsaUrl, trustedRoot: DEFAULT_TRUSTED_ROOT_PATH };

  // 1.0.0 last, so that it is latest; the others under tags of their own.
  for (const version of ['1.0.1', '1.0.2', '1.0.3', '1.0.4', '1.0.5']) await publish('tagship-prov', version, `p${version.at(-1)}`);
  await publish('tagship-prov', '1.0.0');
  await publish('@acme/prov-scoped', '2.0.0');
  for (const spec of ['tagship-prov@1.0.0', '@acme/prov-scoped@2.0.0']) {
    const [, name, version] = /^(.+)@([^@]+)$/.exec(spec)!;
    registry.attach(name!, version!, (await provenanceBundle(name!, version!, sha512Of(spec))).bundle);
  }
  // 1.0.1: published without provenance. 1.0.2: signed over other bytes. 1.0.3: signed by another repository.
  registry.attach('tagship-prov', '1.0.2', (await provenanceBundle('tagship-prov', '1.0.2', sha512Of('tagship-prov@1.0.0'))).bundle);
  const fork = githubClaims({ repository: 'mallory/widget-fork', ref: 'refs/tags/v1.0.0' });
  registry.attach('tagship-prov', '1.0.3', (await provenanceBundle('tagship-prov', '1.0.3', sha512Of('tagship-prov@1.0.3'), fork)).bundle);
  // 1.0.4: a valid bundle whose statement was changed afterwards (another builder named).
  const { bundle } = (await provenanceBundle('tagship-prov', '1.0.4', sha512Of('tagship-prov@1.0.4'))) as { bundle: { dsseEnvelope: { payload: string } } };
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as { predicate: { runDetails: { builder: { id: string } } } };
  statement.predicate.runDetails.builder.id = 'https://github.com/mallory/widget-fork/.github/workflows/x.yml@refs/heads/main';
  // 1.0.5: provenance of the older SLSA type (what npm writes outside GitHub Actions).
  registry.attach('tagship-prov', '1.0.5', (await provenanceBundle('tagship-prov', '1.0.5', sha512Of('tagship-prov@1.0.5'))).bundle, 'https://slsa.dev/provenance/v0.2');
  registry.attach('tagship-prov', '1.0.4', { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: Buffer.from(JSON.stringify(statement)).toString('base64') } });
}, 180_000);

afterAll(async () => {
  await registry?.close();
  await verdaccio?.stop();
  await sigstore?.close();
  await oidc?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

const step = (over: Partial<VerifyNpmStep> & { requested?: boolean | 'auto'; stored?: boolean } = {}): VerifyNpmStep => {
  const { requested = true, stored = true, ...rest } = over;
  return {
    kind: 'verify-npm',
    id: 'verify-npm:tagship-prov',
    target: 'tagship-prov@latest',
    package: 'tagship-prov',
    version: '1.0.0',
    distTag: 'latest',
    registry: registry.url,
    waitMs: 5_000,
    // `stored`: the stand-in plays the public registry (the one that stores provenance).
    provenance: { requested, stored, publishStep: 'npm-publish:tagship-prov', sigstore: instance },
    ...rest,
  };
};
const deps = (over: Partial<ProvenanceDeps> = {}): ProvenanceDeps => ({ env: { ...oidc.githubEnv, PATH: process.env.PATH }, cwd: project, ...over });

async function userError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof UserError)) throw error instanceof Error ? error : new Error(`expected a UserError, got ${String(error)}`);
  expect(error.message).not.toContain('\n');
  return error.message;
}

describe('what Verdaccio does with npm\'s provenance bundle', () => {
  it('refuses a publish that carries the `.sigstore` attachment (HTTP 400), and lists no such version', async () => {
    // The body libnpmpublish sends with --provenance: the tarball and `<name>-<version>.sigstore` attachments.
    const tarball = Buffer.from('tagship');
    const name = 'tagship-prov-attached';
    const bundle = JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' });
    const body = {
      _id: name,
      name,
      'dist-tags': { latest: '1.0.0' },
      versions: { '1.0.0': { name, version: '1.0.0', _id: `${name}@1.0.0`, dist: { integrity: 'sha512-x', shasum: 'x', tarball: `${verdaccio.url}${name}/-/${name}-1.0.0.tgz` } } },
      access: 'public',
      _attachments: {
        [`${name}-1.0.0.tgz`]: { content_type: 'application/octet-stream', data: tarball.toString('base64'), length: tarball.length },
        [`${name}-1.0.0.sigstore`]: { content_type: 'application/vnd.dev.sigstore.bundle.v0.3+json', data: bundle, length: bundle.length },
      },
    };
    const answer = await fetch(`${verdaccio.url}${name}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${verdaccio.token}` }, body: JSON.stringify(body) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: 'unsupported registry call' });
    const doc = (await (await fetch(`${verdaccio.url}${name}`)).json()) as { versions?: Record<string, unknown> };
    expect(Object.keys(doc.versions ?? {})).toEqual([]);
  });
});

describe('provenance present', () => {
  it('verifies the bundle the packument points to: subject, digest, signer, log entry', async () => {
    const result = await checkNpmProvenance(step(), deps());
    expect(result.state).toBe('verified');
    if (result.state !== 'verified') return;
    expect(result.line).toMatch(/^provenance verified: signed by https:\/\/github\.com\/acme\/widget\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.0\.0 \(transparency log entry \d+\)$/);
    expect(result.record).toEqual({
      subject: 'tagship-prov@1.0.0',
      digest: `sha512:${sha512Of('tagship-prov@1.0.0')}`,
      predicateType: SLSA_PROVENANCE_V1,
      store: 'npm',
      logIndex: expect.stringMatching(/^\d+$/),
      instance: 'custom',
      url: `${registry.url}-/npm/v1/attestations/tagship-prov@1.0.0`,
    });
    expect(registry.reads.at(-1)).toBe('/-/npm/v1/attestations/tagship-prov@1.0.0');
  });

  it('a scoped package: the attestations URL encodes the scope\'s slash, the subject its `@`', async () => {
    const scoped = step({ package: '@acme/prov-scoped', version: '2.0.0', id: 'verify-npm:@acme/prov-scoped' });
    const result = await checkNpmProvenance(scoped, deps());
    expect(result.state).toBe('verified');
    expect(registry.reads.at(-1)).toBe('/-/npm/v1/attestations/@acme%2fprov-scoped@2.0.0');
    expect(npmPurl('@acme/prov-scoped', '2.0.0')).toBe('pkg:npm/%40acme/prov-scoped@2.0.0');
  });

  it('the verify step reports it: detail, and the record the summary lists', async () => {
    const { runner, lines } = recordingRunner();
    const published: StepOutcome = { id: 'npm-publish:tagship-prov', status: 'done', detail: 'published', produced: { integrity: integrity.get('tagship-prov@1.0.0'), provenance: true } };
    const ctx: ExecutionContext = { plan: {} as ReleasePlan, cwd: project, runner, env: deps().env, secrets: {}, outcomes: new Map([[published.id, published]]) };
    const outcome = await executeVerifyNpm(step(), ctx);
    expect(outcome.detail).toMatch(new RegExp(`^tagship-prov@latest is 1\\.0\\.0 on ${registry.url.replace(/[.]/g, '\\.')}; provenance verified: signed by `));
    expect((outcome.produced as { attestations: Array<{ subject: string }> }).attestations.map((a) => a.subject)).toEqual(['tagship-prov@1.0.0']);
    expect(lines.some((line) => line.startsWith('tagship-prov@1.0.0: provenance verified'))).toBe(true);
  });
});

describe('provenance that does not verify fails the verify stage with one line', () => {
  it('a bundle over other bytes: the subject digest is not the tarball\'s', async () => {
    const message = await userError(checkNpmProvenance(step({ version: '1.0.2' }), deps()));
    expect(message).toMatch(new RegExp(`^The provenance of tagship-prov@1\\.0\\.2 on ${registry.url.replace(/[.]/g, '\\.')} does not verify: `));
    expect(message).toContain(`subject digest: no subject pkg:npm/tagship-prov@1.0.2 with sha512:${sha512Of('tagship-prov@1.0.2')}`);
    expect(message).toMatch(/Do not trust this version \(`npm deprecate tagship-prov@1\.0\.2 "provenance does not verify"`\) and release the next one from this workflow with provenance\.$/);
  });

  it('this repository, another ref: signed for another tag than this run releases', async () => {
    const message = await userError(checkNpmProvenance(step(), deps({ env: { ...oidc.githubEnv, GITHUB_REF: 'refs/tags/v9.9.9' } })));
    expect(message).toContain('signer identity (ref): signed from refs/tags/v1.0.0, expected refs/tags/v9.9.9');
  });

  it('a bundle whose statement was changed after signing', async () => {
    const message = await userError(checkNpmProvenance(step({ version: '1.0.4' }), deps()));
    expect(message).toMatch(/^The provenance of tagship-prov@1\.0\.4 on .* does not verify: (signature|transparency log)/);
  });

  it('a valid bundle signed by another repository\'s workflow', async () => {
    const message = await userError(checkNpmProvenance(step({ version: '1.0.3' }), deps()));
    expect(message).toMatch(/^The provenance of tagship-prov@1\.0\.3 on .* does not verify: /);
    expect(message).toContain('signed by a workflow of https://github.com/mallory/widget-fork, expected https://github.com/acme/widget');
  });

  it('provenance of another type than npm writes in GitHub Actions', async () => {
    const message = await userError(checkNpmProvenance(step({ version: '1.0.5' }), deps()));
    expect(message).toBe(
      `tagship-prov@1.0.5 on ${registry.url} lists provenance of type "https://slsa.dev/provenance/v0.2", not https://slsa.dev/provenance/v1 (what npm writes from GitHub Actions): publish from the GitHub Actions workflow with provenance.`,
    );
  });

  it('is checked before the install: a version whose provenance does not verify is not installed, its check not run', async () => {
    const marker = join(project, 'installed-and-ran');
    const { runner } = recordingRunner();
    const ctx: ExecutionContext = { plan: {} as ReleasePlan, cwd: project, runner, env: deps().env, secrets: {}, outcomes: new Map() };
    const command = ['node', '-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`];
    await expect(executeVerifyNpm(step({ version: '1.0.3', distTag: 'p3', command }), ctx)).rejects.toThrow(/^The provenance of tagship-prov@1\.0\.3 .* does not verify: signer identity \(repository\)/);
    expect(existsSync(marker)).toBe(false);
    // The same check for a version that verifies runs after the install.
    const outcome = await executeVerifyNpm(step({ command }), ctx);
    expect(existsSync(marker)).toBe(true);
    expect(outcome.detail).toMatch(/passed after install; provenance verified: signed by /);
  }, 60_000);

  it('the registry serves other bytes than this run published', async () => {
    const message = await userError(checkNpmProvenance(step(), deps({ published: { provenance: true, integrity: integrity.get('tagship-prov@1.0.1') } })));
    expect(message).toMatch(/^.* serves tagship-prov@1\.0\.0 with integrity sha512-.*, not the sha512-.* this run published: /);
  });
});

describe('no provenance on the version', () => {
  it('the public registry, provenance requested: fails, saying what happened and what to do', async () => {
    const message = await userError(checkNpmProvenance(step({ version: '1.0.1' }), deps()));
    expect(message).toBe(
      `tagship-prov@1.0.1 was published with provenance requested, but ${registry.url} shows no attestations for it: npm sent no provenance bundle with it. A version cannot be published again: see the npm-publish step's log for why, and release the next version with provenance.`,
    );
    // auto, and this run's publish asked npm for it: the same failure.
    await expect(checkNpmProvenance(step({ version: '1.0.1', requested: 'auto' }), deps({ published: { provenance: true } }))).rejects.toThrow(/was published with provenance requested/);
  });

  it('the public registry, provenance not asked for: a notice saying why there is none', async () => {
    await expect(checkNpmProvenance(step({ version: '1.0.1', requested: false }), deps())).resolves.toEqual({ state: 'absent', warn: false, line: 'no provenance: npm.provenance is false' });
    await expect(checkNpmProvenance(step({ version: '1.0.1', requested: 'auto' }), deps({ published: { provenance: false } }))).resolves.toEqual({
      state: 'absent',
      warn: false,
      line: 'no provenance: npm could not attach it (the npm-publish step warned why)',
    });
    await expect(checkNpmProvenance(step({ version: '1.0.1', requested: 'auto' }), deps())).resolves.toMatchObject({ state: 'absent', line: expect.stringMatching(/^no provenance: it was published without/) });
  });

  it('another registry (Verdaccio itself): it does not store provenance; a warning when it was asked for', async () => {
    const elsewhere = { registry: verdaccio.url, stored: false };
    await expect(checkNpmProvenance(step({ ...elsewhere, version: '1.0.1', requested: 'auto' }), deps())).resolves.toEqual({
      state: 'absent',
      warn: false,
      line: `no provenance to check: ${verdaccio.url} does not store it (only the public npm registry, registry.npmjs.org, does)`,
    });
    await expect(checkNpmProvenance(step({ ...elsewhere, version: '1.0.1', requested: true }), deps())).resolves.toMatchObject({ state: 'absent', warn: true });

    const { runner, warnings } = recordingRunner();
    const ctx: ExecutionContext = { plan: {} as ReleasePlan, cwd: project, runner, env: deps().env, secrets: {}, outcomes: new Map() };
    const outcome = await executeVerifyNpm(step({ ...elsewhere, version: '1.0.3', distTag: 'p3', requested: true }), ctx);
    expect(outcome.detail).toBe(`tagship-prov@p3 is 1.0.3 on ${verdaccio.url}; no provenance to check: ${verdaccio.url} does not store it (only the public npm registry, registry.npmjs.org, does)`);
    expect(outcome.produced).toBeUndefined();
    expect(warnings).toEqual([`tagship-prov@1.0.3: no provenance to check: ${verdaccio.url} does not store it (only the public npm registry, registry.npmjs.org, does).`]);
  });
});

describe('a release job: npm-publish, then verify-npm, then the summary', () => {
  it('the real planner\'s steps: the version is published, its provenance verified, and listed as verified under Attested', async () => {
    const name = 'tagship-prov-run';
    const dir = singleProject({ name, version: '2.0.0' });
    const home = mkdtempSync(join(tmpdir(), 'tagship-npm-home-'));
    try {
      sigstore.writeTrustedRoot(dir);
      const sigstoreBlock = Object.entries(sigstore.config()).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`).join('\n');
      const config = parseConfig({ file: '.github/tagship.yml', text: `npm:\n  registry: ${registry.url}\n  provenance: false\nattestations:\n  sigstore:\n${sigstoreBlock}\n` });
      const trigger = resolveTrigger({ name: 'push', ref: 'refs/tags/v2.0.0', payload: tagPush('v2.0.0') }, DEFAULT_TAG_CONVENTIONS);
      const planned = buildPlan({ trigger, config, facts: { project: detectProject(dir), knownVersions: [], repository: 'acme/widget' }, now: new Date('2026-12-02T12:00:00Z'), dryRun: false });
      const steps = planned.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'npm-publish' || step.kind === 'verify-npm');
      expect(steps.map((step) => step.id)).toEqual([`npm-publish:${name}`, `verify-npm:${name}`]);
      // The stand-in plays the public registry, the one that keeps provenance (the planner sees a local URL).
      const plan = { ...planned, stages: [{ name: 'release' as const, steps: steps.map((step) => (step.kind === 'verify-npm' ? { ...step, waitMs: 10_000, provenance: { ...step.provenance, stored: true } } : step)) }] };

      // npm cannot sign here (its Fulcio is the public one): the bundle it would send is stored as the registry would, right after the publish.
      const claims = githubClaims({ repository: 'acme/widget', ref: 'refs/tags/v2.0.0' });
      const publishExecutor = createNpmPublishExecutor();
      const executors = {
        'npm-publish': async () => async (step: Parameters<typeof publishExecutor>[0], ctx: ExecutionContext) => {
          const outcome = await publishExecutor(step, ctx);
          const sha512 = Buffer.from(String(outcome.produced!.integrity).slice('sha512-'.length), 'base64').toString('hex');
          registry.attach(step.package, step.version, (await provenanceBundle(step.package, step.version, sha512, claims)).bundle);
          return outcome;
        },
        'verify-npm': () => import('../../src/verify/npm.js').then((m) => m.executeVerifyNpm),
      };
      // The job's environment for the tag v2.0.0: the signer verify expects is this repository at this ref.
      const env = { ...oidc.githubEnv, GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_WORKFLOW_REF: claims.workflow_ref!, PATH: process.env.PATH, HOME: home, npm_config_update_notifier: 'false' };
      const { runner } = recordingRunner();
      const report = await executePlan(executors as never, { plan, cwd: dir, runner, env, secrets: { 'npm-token': verdaccio.token } });
      expect(report.failed?.error instanceof Error ? report.failed.error.message : undefined).toBeUndefined();
      expect(report.outcomes.map((o) => [o.id, o.status])).toEqual([
        [`npm-publish:${name}`, 'done'],
        [`verify-npm:${name}`, 'done'],
      ]);

      const doc = parseGfm(renderOutcomes(report, plan));
      expect(doc.headings).toEqual(['Results', 'Attested']);
      const attested = doc.tables.at(-1)!;
      expect(attested.rows).toHaveLength(1);
      const [mark, what, digest, kind, store, links] = attested.rows[0]!;
      expect([mark, what, kind, store]).toEqual(['✅ verified', `${name}@2.0.0`, 'SLSA provenance', 'npm registry']);
      expect(digest).toMatch(/^sha512:[0-9a-f]{12}…$/);
      // A private instance's log has no public viewer: the entry is named, the registry's copy linked.
      expect(links).toMatch(/^log entry \d+ · on npm registry$/);
      expect(doc.links.map((l) => l.url)).toContain(`${registry.url}-/npm/v1/attestations/${name}@2.0.0`);
    } finally {
      rmSync(home, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
