import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { SigstoreInstance } from '../../src/sigstore/instance.js';
import { sigstoreIdToken } from '../../src/sigstore/id-token.js';
import { signStatement } from '../../src/sigstore/sign.js';
import { inTotoStatement, PYPI_PUBLISH_V1, SLSA_PROVENANCE_V1 } from '../../src/sigstore/statement.js';
import { expectedSigner, loadTrustedRoot, verifyBundle, type Expectation } from '../../src/sigstore/verify.js';
import { startLocalSigstore, startRunnerOidc, startTufRepository, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';

const file = Buffer.from('wheel bytes');
const sha256 = createHash('sha256').update(file).digest('hex');
const subjects = [{ name: 'proj-1.2.3-py3-none-any.whl', digest: { sha256 } }];

let oidc: RunnerOidc;
let sigstore: LocalSigstore;
let instance: SigstoreInstance;

beforeAll(async () => {
  oidc = await startRunnerOidc();
  sigstore = await startLocalSigstore(oidc);
  instance = { name: 'custom', fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl, tsaUrl: sigstore.tsaUrl };
});
afterAll(async () => {
  await sigstore?.close();
  await oidc?.close();
});

async function sign(predicateType = PYPI_PUBLISH_V1, options: { timeoutMs?: number; retries?: number } = {}) {
  const idToken = await sigstoreIdToken(oidc.env);
  return signStatement(inTotoStatement(subjects, predicateType, {}), { instance, idToken, retryDelayMs: 10, ...options });
}

describe('signStatement against the local Fulcio, Rekor and TSA', () => {
  it('signs a statement that verifies independently, naming the workflow and the log entry', async () => {
    const entries = sigstore.counts.entries;
    const signed = await sign();
    expect(oidc.issued.at(-1)).toEqual({ audience: 'sigstore' });
    expect(signed.certificateIdentity).toBe('https://github.com/octo-org/octo-proj/.github/workflows/release.yml@refs/tags/v1.2.3');
    expect(signed.logIndex).toMatch(/^\d+$/);
    expect(signed.bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(sigstore.counts.entries).toBe(entries + 1);

    const verified = await verifyBundle(signed.bundle, { signer: expectedSigner(oidc.githubEnv), predicateType: PYPI_PUBLISH_V1, subjects }, sigstore.trustedRoot);
    expect(verified.statement.subject).toEqual(subjects);
    expect(verified.certificateIdentity).toBe(signed.certificateIdentity);
    expect(verified.logIndex).toBe(signed.logIndex);
  });

  it('verifies a bundle timestamped only (GitHub’s instance has no log)', async () => {
    const saved = instance;
    instance = { name: 'custom', fulcioUrl: sigstore.fulcioUrl, tsaUrl: sigstore.tsaUrl };
    try {
      const signed = await sign(SLSA_PROVENANCE_V1);
      expect(signed.logIndex).toBeUndefined();
      const verified = await verifyBundle(
        signed.bundle,
        { signer: expectedSigner(oidc.githubEnv), predicateType: SLSA_PROVENANCE_V1, subjects, instance: 'github' },
        sigstore.trustedRoot,
      );
      expect(verified.statement.predicateType).toBe(SLSA_PROVENANCE_V1);
    } finally {
      instance = saved;
    }
  });
});

describe('verifyBundle refuses a tampered or foreign bundle, naming the check', () => {
  type Bundle = { dsseEnvelope: { payload: string }; verificationMaterial: { tlogEntries: unknown[] } };
  const copy = (bundle: unknown) => structuredClone(bundle) as Bundle;
  const expectation = (): Expectation => ({ signer: expectedSigner(oidc.githubEnv), predicateType: PYPI_PUBLISH_V1, subjects });
  async function check(bundle: unknown, expect_ = expectation()): Promise<string> {
    const error = await verifyBundle(bundle, expect_, sigstore.trustedRoot).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }

  it('a changed payload', async () => {
    const { bundle } = await sign();
    const tampered = copy(bundle);
    const statement = JSON.parse(Buffer.from(tampered.dsseEnvelope.payload, 'base64').toString('utf8'));
    statement.subject[0].digest.sha256 = 'f'.repeat(64);
    tampered.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    expect(await check(tampered)).toMatch(/^Attestation check failed: transparency log \(the logged entry is not this envelope: payload or signature changed after signing\)/);
    // Without a log to compare with, the signature itself says so.
    tampered.verificationMaterial.tlogEntries = [];
    expect(await check(tampered, { ...expectation(), transparencyLog: false })).toMatch(/^Attestation check failed: signature \(the envelope was changed after signing\)/);
  });

  it('a subject digest other than the published file’s', async () => {
    const { bundle } = await sign();
    const message = await check(bundle, { ...expectation(), subjects: [{ name: subjects[0]!.name, digest: { sha256: 'e'.repeat(64) } }] });
    expect(message).toMatch(/^Attestation check failed: subject digest: no subject proj-1\.2\.3-py3-none-any\.whl with sha256:e{64}/);
  });

  it('another repository’s identity, or another ref', async () => {
    const { bundle } = await sign();
    const other = { ...expectation(), signer: expectedSigner({ ...oidc.githubEnv, GITHUB_REPOSITORY: 'mallory/octo-proj' }) };
    expect(await check(bundle, other)).toMatch(
      /^Attestation check failed: signer identity \(repository\): signed by a workflow of https:\/\/github\.com\/octo-org\/octo-proj, expected https:\/\/github\.com\/mallory\/octo-proj/,
    );
    const otherRef = { ...expectation(), signer: expectedSigner({ ...oidc.githubEnv, GITHUB_REF: 'refs/tags/v9.9.9' }) };
    expect(await check(bundle, otherRef)).toMatch(/^Attestation check failed: signer identity \(ref\): signed from refs\/tags\/v1\.2\.3, expected refs\/tags\/v9\.9\.9/);
    const otherWorkflow = { ...expectation(), signer: expectedSigner({ ...oidc.githubEnv, GITHUB_WORKFLOW_REF: 'octo-org/octo-proj/.github/workflows/other.yml@refs/tags/v1.2.3' }) };
    expect(await check(bundle, otherWorkflow)).toMatch(
      /^Attestation check failed: signer identity \(workflow\): signed by https:\/\/github\.com\/octo-org\/octo-proj\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.3, expected https:\/\/github\.com\/octo-org\/octo-proj\/\.github\/workflows\/other\.yml@/,
    );
  });

  it('a missing transparency-log entry', async () => {
    const { bundle } = await sign();
    const tampered = copy(bundle);
    tampered.verificationMaterial.tlogEntries = [];
    expect(await check(tampered)).toMatch(/^Attestation check failed: transparency log: the bundle carries no transparency-log entry/);
  });

  it('another predicate type, and a bundle from an untrusted instance', async () => {
    const { bundle } = await sign(SLSA_PROVENANCE_V1);
    expect(await check(bundle)).toMatch(/^Attestation check failed: predicate type: https:\/\/slsa\.dev\/provenance\/v1, expected https:\/\/docs\.pypi\.org\/attestations\/publish\/v1/);
    const foreignOidc = await startRunnerOidc();
    const foreign = await startLocalSigstore(foreignOidc);
    try {
      const foreignBundle = (
        await signStatement(inTotoStatement(subjects, PYPI_PUBLISH_V1, {}), {
          instance: { name: 'custom', fulcioUrl: foreign.fulcioUrl, rekorUrl: foreign.rekorUrl },
          idToken: await sigstoreIdToken(foreignOidc.env),
        })
      ).bundle;
      expect(await check(foreignBundle)).toMatch(/^Attestation check failed: (certificate chain|transparency log)/);
    } finally {
      await foreign.close();
      await foreignOidc.close();
    }
  });
});

describe('loadTrustedRoot for a custom instance', () => {
  it('reads trusted_root.json from inside the project, and nothing outside it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'tagship-root-'));
    try {
      const path = '.github/sigstore/trusted_root.json';
      sigstore.writeTrustedRoot(project, path);
      const custom: SigstoreInstance = { ...instance, trustedRoot: path };
      const root = await loadTrustedRoot(custom, project);
      const { bundle } = await sign();
      await expect(verifyBundle(bundle, { signer: expectedSigner(oidc.githubEnv), predicateType: PYPI_PUBLISH_V1, subjects }, root)).resolves.toMatchObject({ statement: { subject: subjects } });
      await expect(loadTrustedRoot({ ...custom, trustedRoot: '../trusted_root.json' }, project)).rejects.toThrow(/leads out of the project/);
      await expect(loadTrustedRoot({ ...custom, trustedRoot: 'missing.json' }, project)).rejects.toBeInstanceOf(UserError);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('loadTrustedRoot through TUF (public-good and GitHub’s instance)', () => {
  it('fetches trusted_root.json from the TUF repository, verified from its pinned root, and verifies with it', async () => {
    const repository = await startTufRepository({ 'trusted_root.json': JSON.stringify(sigstore.trustedRoot) });
    const runnerTemp = mkdtempSync(join(tmpdir(), 'tagship-tuf-'));
    try {
      const github: SigstoreInstance = { name: 'github', fulcioUrl: sigstore.fulcioUrl, tsaUrl: sigstore.tsaUrl };
      const root = await loadTrustedRoot(github, runnerTemp, { RUNNER_TEMP: runnerTemp }, { mirrorUrl: repository.url, root: repository.root });
      const { bundle } = await sign();
      await expect(verifyBundle(bundle, { signer: expectedSigner(oidc.githubEnv), predicateType: PYPI_PUBLISH_V1, subjects, instance: 'github' }, root)).resolves.toBeDefined();

      // A trusted root the repository's metadata does not sign is refused (a fresh cache: no copy from before).
      repository.targets['trusted_root.json'] = JSON.stringify({ ...(sigstore.trustedRoot as object), tlogs: [] });
      const elsewhere = mkdtempSync(join(tmpdir(), 'tagship-tuf-'));
      try {
        await expect(loadTrustedRoot(github, elsewhere, { RUNNER_TEMP: elsewhere }, { mirrorUrl: repository.url, root: repository.root })).rejects.toThrow(
          /^Could not fetch the trusted root of the github Sigstore instance/,
        );
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    } finally {
      await repository.close();
      rmSync(runnerTemp, { recursive: true, force: true });
    }
  });
});
