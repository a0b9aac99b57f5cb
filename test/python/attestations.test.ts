/**
 * PEP 740 end to end against local services: the signing runner's OIDC tokens (trusted publishing and
 * Fulcio both take them), the local Fulcio/Rekor/TSA, and the local index that verifies each attestation
 * as PyPI does before it stores the file. Every attestation the index took is verified again here,
 * independently, by the verify stage's check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { executePlan } from '../../src/execute/run.js';
import { executePythonBuild } from '../../src/python/build.js';
import { buildPlan } from '../../src/plan/build.js';
import { renderText } from '../../src/plan/render.js';
import { executeVerifyPython } from '../../src/verify/python.js';
import { recordingRunner } from '../verify/support/runner.js';
import type { VerifyPythonStep } from '../../src/plan/steps/verify.js';
import { createPypiUploadExecutor } from '../../src/python/publish.js';
import type { AttestationRecord } from '../../src/sigstore/record.js';
import { verifyPythonAttestations } from '../../src/verify/python-attestations.js';
import { startLocalSigstore, startRunnerOidc, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';
import { context, fastHttp, pythonPlan, pythonSteps, release, useIndexAndBuiltProject } from './support/harness.js';
import { BUILD_COMMAND, copyProject, SYSTEM_PYTHON } from './support/project.js';
import type { PypiIndex } from './support/pypi-server.js';

const SDIST = 'tagship-fixture-1.2.3.tar.gz';
const WHEEL = 'tagship_fixture-1.2.3-py3-none-any.whl';
const TOKEN = 'pypi-AgEIcHlwaS5vcmcattest';
const PUBLISH = 'https://docs.pypi.org/attestations/publish/v1';

const fixture = useIndexAndBuiltProject();
let index: PypiIndex;
let runner: RunnerOidc;
let sigstore: LocalSigstore;
beforeAll(async () => {
  // The claims of octo/proj's release.yml: the index's trusted publisher (DIRECT_PUBLISHER).
  runner = await startRunnerOidc({ repository: 'octo/proj', repository_owner_id: '4242' });
  sigstore = await startLocalSigstore(runner);
});
afterAll(async () => {
  await sigstore.close();
  await runner.close();
});
beforeEach(() => {
  index = fixture.index;
  index.tokens.clear();
  index.tokens.add(TOKEN);
  index.oidc.publisher = true;
  index.oidc.trustRunner(runner);
  index.attestations.trustedRoot = sigstore.trustedRoot;
  runner.refuse = false;
  sigstore.faults.fulcio.length = 0;
  sigstore.faults.rekor.length = 0;
});

const yaml = (enabled: 'auto' | 'true' = 'auto') =>
  `attestations:\n  enabled: ${enabled}\n  sigstore:\n${Object.entries(sigstore.config()).map(([k, v]) => `    ${k}: ${v}\n`).join('')}`;

async function upload(dir: string, options: { oidc?: boolean; token?: string; enabled?: 'auto' | 'true' } = {}) {
  const plan = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl, yaml(options.enabled));
  const env = { ...runner.githubEnv, ...(options.oidc === false ? {} : runner.env) };
  const harness = context(plan, dir, { token: options.token, env });
  const outcome = await createPypiUploadExecutor({ http: fastHttp(), signing: { retries: 1, retryDelayMs: 1 } })(pythonSteps(plan).upload, harness.ctx).catch((e: Error) => e);
  return { plan, outcome, ...harness };
}

/** The verify stage's check of what is on the index, for octo/proj at refs/tags/v1.2.3. */
async function verifyOnIndex(dir: string, attested: AttestationRecord[] = [], required = false, env: NodeJS.ProcessEnv = runner.githubEnv) {
  sigstore.writeTrustedRoot(dir);
  const upload = pythonSteps(pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl, yaml())).upload;
  const step = { kind: 'verify-python', project: 'tagship-fixture', version: '1.2.3', attestations: { indexUrl: index.url, instance: upload.attestation!.instance, required, uploadStep: 'pypi-upload' } } as VerifyPythonStep;
  return verifyPythonAttestations(step, { env, cwd: dir, attestedByThisRun: new Map(attested.map((r) => [r.subject, r.digest.slice(7)])) });
}

const sha256Of = (dir: string, name: string) => index.files.get(name)?.sha256 ?? readFileSync(join(dir, 'dist', name));

describe('PEP 740: each file uploaded with trusted publishing carries its publish attestation', () => {
  it('signs every file, sends it in the attestations field, and the index verifies and serves it', async () => {
    const dir = copyProject(fixture.built);
    const { plan, outcome, lines } = await upload(dir);
    expect(renderText(plan)).toMatch(/pypi-upload .*with PEP 740 attestations \(custom Sigstore, with trusted publishing\)/);
    expect(outcome).toMatchObject({ status: 'done', detail: `tagship-fixture 1.2.3 on ${new URL(index.url).host} (trusted-publishing): uploaded ${WHEEL}, ${SDIST}; with PEP 740 publish attestations: ${WHEEL}, ${SDIST}` });
    const records = (outcome as unknown as { produced: { attestations: AttestationRecord[] } }).produced.attestations;
    expect(records).toEqual(
      [WHEEL, SDIST].map((name) => ({
        subject: name,
        digest: `sha256:${sha256Of(dir, name)}`,
        predicateType: PUBLISH,
        store: 'pypi',
        logIndex: expect.stringMatching(/^\d+$/),
        url: `${index.url}/integrity/tagship-fixture/1.2.3/${name}/provenance`,
      })),
    );
    expect(index.attestations).toMatchObject({ received: 2, refused: [] });
    expect(sigstore.counts).toMatchObject({ certificates: 2, entries: 2 });
    expect(runner.issued.filter((t) => t.audience === 'sigstore')).toHaveLength(1);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^✓ uploaded ${SDIST.replace(/\./g, '\\.')} .*, with its publish attestation\\)$`))]));

    // What a user reads: the simple page points at the provenance, which names the trusted publisher.
    const page = await (await fetch(`${index.simpleUrl}tagship-fixture/`)).text();
    expect(page).toContain(`data-provenance="${index.url}/integrity/tagship-fixture/1.2.3/${WHEEL}/provenance"`);
    const provenance = (await (await fetch(records[0]!.url!, { headers: { accept: 'application/vnd.pypi.integrity.v1+json' } })).json()) as { attestation_bundles: Array<{ publisher: unknown; attestations: unknown[] }> };
    expect(provenance.attestation_bundles).toEqual([{ publisher: { kind: 'GitHub', repository: 'octo/proj', workflow: 'release.yml', environment: null, claims: null }, attestations: [expect.any(Object)] }]);

    // And the verify stage's independent check passes for both files.
    const verified = await verifyOnIndex(dir, records);
    expect(verified).toEqual({ verified: records.map((r) => ({ ...r, logIndex: r.logIndex })), unattested: [] });
  }, 60_000);

  it('a re-run uploads nothing and signs nothing: the files are there with their attestations', async () => {
    const dir = copyProject(fixture.built);
    await upload(dir);
    const before = { ...sigstore.counts, received: index.attestations.received, uploads: index.counts.uploads };
    const { outcome } = await upload(dir);
    expect(outcome).toMatchObject({ status: 'unchanged', produced: { uploaded: [], attestations: [] } });
    expect({ ...sigstore.counts, received: index.attestations.received, uploads: index.counts.uploads }).toEqual(before);
  }, 60_000);

  it('after an upload cut short, the re-run attests and uploads only the missing file', async () => {
    const dir = copyProject(fixture.built);
    index.faults.push(503, 503, 503, 503, 503, 503);
    const first = await upload(dir);
    expect(first.outcome).toBeInstanceOf(Error);
    expect(index.files.size).toBe(0);
    index.faults.length = 0;
    // Now only the wheel (the first file) gets through, then the index goes away.
    index.onStored = () => (index.down = true);
    const second = await upload(dir);
    index.onStored = undefined;
    index.down = false;
    expect(String(second.outcome)).toContain(`On ${new URL(index.url).host} now: ${WHEEL}; not uploaded: ${SDIST}.`);
    const certificates = sigstore.counts.certificates;
    const third = await upload(dir);
    expect(third.outcome).toMatchObject({ status: 'done', produced: { uploaded: [SDIST], unchanged: [WHEEL], attestations: [{ subject: SDIST }] } });
    expect(sigstore.counts.certificates).toBe(certificates + 1);
    expect([...index.files.values()].map((f) => Boolean(f.provenance))).toEqual([true, true]);
  }, 60_000);

  it('Fulcio down: the step fails naming it, before anything is uploaded; the re-run completes', async () => {
    const dir = copyProject(fixture.built);
    sigstore.faults.fulcio.push(503, 503, 503, 503);
    const { outcome } = await upload(dir);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/Fulcio/);
    expect((outcome as Error).message).toMatch(/re-run/i);
    expect(index.counts.uploads).toBe(0);
    sigstore.faults.fulcio.length = 0;
    expect((await upload(dir)).outcome).toMatchObject({ status: 'done', produced: { uploaded: [WHEEL, SDIST] } });
  }, 60_000);

  it('Rekor down: nothing uploaded either', async () => {
    const dir = copyProject(fixture.built);
    sigstore.faults.rekor.push(503, 503, 503, 503);
    const { outcome } = await upload(dir);
    expect((outcome as Error).message).toMatch(/Rekor/);
    expect(index.counts.uploads).toBe(0);
  }, 60_000);
});

describe('PEP 740 without trusted publishing', () => {
  it('with an API token and no OIDC: the run says once that nothing is attested (preflight), and uploads', async () => {
    const certificates = sigstore.counts.certificates;
    const plan = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl, yaml());
    const { report, warnings } = await release(plan, copyProject(fixture.built), { token: TOKEN, env: runner.githubEnv, http: fastHttp() });
    expect(report.failed).toBeUndefined();
    expect(report.outcomes.find((o) => o.id === 'pypi-upload')).toMatchObject({ status: 'done', produced: { uploaded: [WHEEL, SDIST], attestations: [] } });
    expect(warnings).toEqual([expect.stringMatching(/^No attestations this run \(not made: PEP 740 attestations of the PyPI uploads\): /)]);
    expect(sigstore.counts.certificates).toBe(certificates);
    expect(index.attestations.received).toBe(0);
  }, 120_000);

  it('OIDC, but the index refuses trusted publishing: the token uploads, and one warning says the files are not attested', async () => {
    index.oidc.publisher = false;
    const { outcome, warnings } = await upload(copyProject(fixture.built), { token: TOKEN });
    expect(outcome).toMatchObject({ status: 'done', produced: { uploaded: [WHEEL, SDIST], attestations: [] } });
    expect(warnings).toEqual([
      expect.stringMatching(/^Trusted publishing was refused .* Using the 'pypi-token' input instead\.$/),
      `PyPI takes PEP 740 attestations only with trusted publishing, and this upload uses the 'pypi-token' input: ${WHEEL}, ${SDIST} are uploaded without attestations. To attest them, configure this workflow as the project's trusted publisher on ${new URL(index.url).host} and give the job \`permissions: id-token: write\` (attestations.pypi: false silences this).`,
    ]);
    expect(index.attestations.received).toBe(0);
  });

  it('with attestations.enabled: true and a token: fails before uploading anything', async () => {
    const { outcome } = await upload(copyProject(fixture.built), { oidc: false, token: TOKEN, enabled: 'true' });
    expect((outcome as Error).message).toBe(
      `attestations.enabled is true, but PyPI takes PEP 740 attestations only with trusted publishing, and this upload uses the 'pypi-token' input: configure this workflow as the project's trusted publisher on ${new URL(index.url).host} and give the job \`permissions: id-token: write\`, or set attestations.pypi to false. Nothing was uploaded.`,
    );
    expect(index.counts.uploads).toBe(0);
  });
});

describe('attestations made in the build job (<dist>.publish.attestation, twine’s convention)', () => {
  it('are uploaded as they are, nothing signed again', async () => {
    const made = copyProject(fixture.built);
    const first = await upload(made);
    const provenance = (name: string) => index.files.get(name)!.provenance!.attestation_bundles[0]!.attestations[0]!;
    const saved = { [SDIST]: provenance(SDIST), [WHEEL]: provenance(WHEEL) };
    expect(first.outcome).toMatchObject({ status: 'done' });
    index.reset();
    const dir = copyProject(fixture.built);
    for (const [name, attestation] of Object.entries(saved)) writeFileSync(join(dir, 'dist', `${name}.publish.attestation`), JSON.stringify(attestation));
    const certificates = sigstore.counts.certificates;
    const { outcome } = await upload(dir);
    expect(outcome).toMatchObject({ status: 'done', produced: { uploaded: [WHEEL, SDIST], attestations: [{ subject: WHEEL }, { subject: SDIST }] } });
    expect(sigstore.counts.certificates).toBe(certificates);
    expect(index.files.get(WHEEL)!.provenance!.attestation_bundles[0]!.attestations[0]).toEqual(saved[WHEEL]);
  }, 60_000);

  it('one that attests another file stops the step before any upload', async () => {
    const made = copyProject(fixture.built);
    await upload(made);
    const wheelAttestation = index.files.get(WHEEL)!.provenance!.attestation_bundles[0]!.attestations[0]!;
    index.reset();
    const dir = copyProject(fixture.built);
    writeFileSync(join(dir, 'dist', `${SDIST}.publish.attestation`), JSON.stringify(wheelAttestation));
    const { outcome } = await upload(dir);
    expect((outcome as Error).message).toMatch(
      new RegExp(`^dist/${SDIST.replace(/\./g, '\\.')}\\.publish\\.attestation attests ${WHEEL.replace(/\./g, '\\.')} sha256 [0-9a-f]{64} \\(${PUBLISH.replace(/[./]/g, '\\$&')}\\), not this ${SDIST.replace(/\./g, '\\.')} .*nothing was uploaded\\.$`),
    );
    expect(index.counts.uploads).toBe(0);
  }, 60_000);

  it('a tampered one is refused by the index with PyPI’s reason, in one line that says what to do', async () => {
    const made = copyProject(fixture.built);
    await upload(made);
    const attestation = structuredClone(index.files.get(SDIST)!.provenance!.attestation_bundles[0]!.attestations[0]!);
    const signature = Buffer.from(attestation.envelope.signature, 'base64');
    signature[signature.length - 1]! ^= 1;
    attestation.envelope.signature = signature.toString('base64');
    index.reset();
    const dir = copyProject(fixture.built);
    writeFileSync(join(dir, 'dist', `${SDIST}.publish.attestation`), JSON.stringify(attestation));
    const { outcome } = await upload(dir);
    expect((outcome as Error).message).toMatch(
      /^Uploading tagship-fixture-1\.2\.3\.tar\.gz failed: 127\.0\.0\.1:\d+ refused the attestation of tagship-fixture-1\.2\.3\.tar\.gz \(Invalid attestations supplied during upload: Could not verify the uploaded artifact using the included attestation: Verification failed: .+\); the file was not uploaded\. PyPI checks the signer/,
    );
    // The wheel, first and with its own good attestation, went up; the sdist did not.
    expect([...index.files.keys()]).toEqual([WHEEL]);
  }, 60_000);
});

describe('verify stage: each file’s provenance checked from the outside', () => {
  const attestedUpload = async () => {
    const dir = copyProject(fixture.built);
    const { outcome } = await upload(dir);
    return { dir, records: (outcome as unknown as { produced: { attestations: AttestationRecord[] } }).produced.attestations };
  };

  it('another ref than this run’s: one line naming the check and what to do', async () => {
    const { dir, records } = await attestedUpload();
    const error = await verifyOnIndex(dir, records, false, { ...runner.githubEnv, GITHUB_REF: 'refs/tags/v9.9.9' }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`^tagship-fixture 1\\.2\\.3 was published, but the publish attestation of ${WHEEL.replace(/\./g, '\\.')} on 127\\.0\\.0\\.1:\\d+ does not verify \\(Attestation check failed: signer identity \\(ref\\): signed from refs/tags/v1\\.2\\.3, expected refs/tags/v9\\.9\\.9\\)\\. Do not trust this file; nothing was unpublished \\(files on an index never change\\): fix it in a new version\\.$`),
    );
  }, 60_000);

  it('another repository: refused', async () => {
    const { dir, records } = await attestedUpload();
    const error = await verifyOnIndex(dir, records, false, { ...runner.githubEnv, GITHUB_REPOSITORY: 'someone/else' }).catch((e: Error) => e);
    expect((error as Error).message).toContain('signer identity (repository): signed by a workflow of https://github.com/octo/proj, expected https://github.com/someone/else');
  }, 60_000);

  it('a file this run attested without provenance on the index: fails with what to do', async () => {
    const { dir, records } = await attestedUpload();
    delete index.files.get(SDIST)!.provenance;
    const error = await verifyOnIndex(dir, records).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`^tagship-fixture 1\\.2\\.3 was published, but 127\\.0\\.0\\.1:\\d+ has no PEP 740 provenance for ${SDIST.replace(/\./g, '\\.')} \\(GET ${index.url.replace(/\./g, '\\.')}/integrity/tagship-fixture/1\\.2\\.3/${SDIST.replace(/\./g, '\\.')}/provenance → 404\\)`),
    );
  }, 60_000);

  it('in a job of its own (nothing known of the upload), one file attested and another not: fails', async () => {
    const { dir } = await attestedUpload();
    delete index.files.get(SDIST)!.provenance;
    const error = await verifyOnIndex(dir).catch((e: Error) => e);
    expect((error as Error).message).toMatch(new RegExp(`^tagship-fixture 1\\.2\\.3 was published, but ${SDIST.replace(/\./g, '\\.')} on 127\\.0\\.0\\.1:\\d+ has no PEP 740 provenance while ${WHEEL.replace(/\./g, '\\.')} has a verified one\\. Nothing was unpublished`));
  }, 60_000);

  it('the index lists other bytes than this run uploaded: fails', async () => {
    const { dir, records } = await attestedUpload();
    const claimed = records.map((r) => (r.subject === WHEEL ? { ...r, digest: `sha256:${'0'.repeat(64)}` } : r));
    const error = await verifyOnIndex(dir, claimed).catch((e: Error) => e);
    expect((error as Error).message).toMatch(new RegExp(`lists ${WHEEL.replace(/\./g, '\\.')} with sha256 [0-9a-f]{64}, not the 0{64} this run uploaded and attested`));
  }, 60_000);

  it('files uploaded with a token: listed as not attested, or a failure when attestations are required', async () => {
    const dir = copyProject(fixture.built);
    index.oidc.publisher = false;
    await upload(dir, { token: TOKEN });
    expect(await verifyOnIndex(dir)).toEqual({ verified: [], unattested: [WHEEL, SDIST] });
    const error = await verifyOnIndex(dir, [], true).catch((e: Error) => e);
    expect((error as Error).message).toContain(`has no PEP 740 provenance for ${WHEEL}`);
  }, 60_000);
});

describe('the release and verify stages together, as the action runs them', () => {
  it('builds, attests and uploads, then pip installs the release and its attestations verify', async () => {
    const dir = copyProject(fixture.built);
    sigstore.writeTrustedRoot(dir);
    const text = `python:\n  build-command: ${JSON.stringify(BUILD_COMMAND)}\n  repository-url: ${index.uploadUrl}\n${yaml()}github-release: { enabled: false }\nverify:\n  python:\n    index-url: ${index.simpleUrl}\n    python: ${SYSTEM_PYTHON}\n`;
    const plan = buildPlan({
      trigger: { kind: 'tag', event: 'push', tag: 'v1.2.3', ref: 'refs/tags/v1.2.3', versionText: '1.2.3', stages: ['release', 'verify'], rehearsal: false },
      config: parseConfig({ file: '.github/tagship.yml', text }),
      facts: { project: { readings: [], npm: [], cargo: false, python: { name: 'tagship-fixture' } }, knownVersions: [] },
      now: new Date(),
      dryRun: false,
    });
    const { runner: recorded, warnings } = recordingRunner();
    const report = await executePlan(
      { 'python-build': async () => executePythonBuild, 'pypi-upload': async () => createPypiUploadExecutor({ http: fastHttp() }), 'verify-python': async () => executeVerifyPython },
      { plan, cwd: dir, runner: recorded, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...runner.githubEnv, ...runner.env }, secrets: {} },
    );
    expect(report.failed).toBeUndefined();
    expect(warnings).toEqual([]);
    const verified = report.outcomes.find((o) => o.id.startsWith('verify-python'))!;
    expect(verified.detail).toMatch(new RegExp(`installs from .*; tagship_fixture\\.__version__ is 1\\.2\\.3; publish attestations verified: ${WHEEL.replace(/\./g, '\\.')}, ${SDIST.replace(/\./g, '\\.')}$`));
    expect(verified.produced).toEqual({ attestations: [expect.objectContaining({ subject: WHEEL, store: 'pypi' }), expect.objectContaining({ subject: SDIST, store: 'pypi' })] });
    expect(index.attestations.provenanceRequests).toBe(2);
  }, 180_000);
});
