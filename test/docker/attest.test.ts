import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDockerAttest } from '../../src/docker/attest.js';
import { COSIGN_SIGN_V1, SIGSTORE_BUNDLE_V03 } from '../../src/docker/image-signatures.js';
import { executeDockerMerge } from '../../src/docker/merge.js';
import type { ExecutionContext, StepOutcome } from '../../src/execute/types.js';
import { OCI_INDEX, OCI_MANIFEST, sha256Digest } from '../../src/oci/media-types.js';
import { referrersTag } from '../../src/oci/referrers.js';
import type { DockerAttestStep } from '../../src/plan/steps/docker.js';
import type { VerifyImagesStep } from '../../src/plan/steps/verify.js';
import type { SigstoreInstance } from '../../src/sigstore/instance.js';
import { SLSA_PROVENANCE_V1, type InTotoStatement } from '../../src/sigstore/statement.js';
import { expectedSigner, verifyBundle } from '../../src/sigstore/verify.js';
import { executeVerifyImages } from '../../src/verify/images.js';
import { DEFAULT_TRUSTED_ROOT_PATH, startLocalSigstore, startRunnerOidc, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';
import { startReferrersRegistry, type ReferrersRegistry } from '../oci/support/referrers-registry.js';
import { pushIndex, startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { plan as releasePlan } from '../verify/support/plans.js';
import { recordingRunner } from '../verify/support/runner.js';
import { buildImages, inspectRaw, type BuiltImages } from './support/buildah.js';
import { mergeContext, mergeStep } from './support/context.js';
import { startProxy } from './support/proxy.js';
import { startTokenServer } from '../verify/support/token-server.js';

/**
 * docker-attest and verify-images against Debian's docker-registry (no referrers API: the referrers tag
 * is the real path), a registry with the referrers API, and the local Sigstore services (Fulcio,
 * Rekor, TSA) with a runner's OIDC issuer. Everything is read back over the distribution API and every
 * bundle verified independently.
 */
const BOTH = ['linux/amd64', 'linux/arm64'];

let registry: LocalRegistry;
let oidc: RunnerOidc;
let sigstore: LocalSigstore;
let project: string;
let instance: SigstoreInstance;
beforeAll(async () => {
  registry = await startRegistry();
  oidc = await startRunnerOidc();
  sigstore = await startLocalSigstore(oidc);
  project = mkdtempSync(join(tmpdir(), 'tagship-attest-'));
  sigstore.writeTrustedRoot(project);
  instance = { name: 'custom', fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl, tsaUrl: sigstore.tsaUrl, trustedRoot: DEFAULT_TRUSTED_ROOT_PATH };
});
afterAll(async () => {
  await sigstore?.close();
  await oidc?.close();
  await registry?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

const runnerEnv = (): NodeJS.ProcessEnv => ({ ...oidc.env, ...oidc.githubEnv });

function attestStep(repositories: string[], required = true): DockerAttestStep {
  return { kind: 'docker-attest', id: 'docker-attest', target: repositories.join(' '), repositories, attestation: { use: 'images', instance, required } };
}

function verifyStep(repository: string, tags = ['1.2.3']): VerifyImagesStep {
  return { kind: 'verify-images', id: 'verify-images', target: repository, images: [{ repository, tags }], platforms: BOTH, attestations: { instance, required: true } };
}

/** A job in which docker-merge pushed `digests` (repository → index digest). */
function context(digests: Record<string, string>, env = runnerEnv(), extra: StepOutcome[] = [], secrets: Record<string, string> = {}) {
  const recorded = recordingRunner();
  const outcomes = new Map<string, StepOutcome>([['docker-merge', { id: 'docker-merge', status: 'done', detail: '', produced: { digests } }], ...extra.map((o) => [o.id, o] as const)]);
  const ctx: ExecutionContext = { plan: { ...releasePlan('v1.2.3'), dryRun: false }, cwd: project, runner: recorded.runner, env, secrets, outcomes };
  return { ctx, lines: recorded.lines };
}

interface ReadBack {
  entries: Array<{ digest: string; artifactType?: string; annotations?: Record<string, string> }>;
  bundles: Map<string, unknown>;
}

/** The referrers tag and every bundle it lists, read with plain fetch over the distribution API. */
async function readBack(host: string, name: string, digest: string): Promise<ReadBack> {
  const tag = await fetch(`http://${host}/v2/${name}/manifests/${referrersTag(digest)}`, { headers: { accept: OCI_INDEX } });
  if (tag.status === 404) return { entries: [], bundles: new Map() };
  expect(tag.headers.get('content-type')).toBe(OCI_INDEX);
  const entries = ((await tag.json()) as { manifests: ReadBack['entries'] }).manifests;
  const bundles = new Map<string, unknown>();
  for (const entry of entries) {
    const manifest = (await (await fetch(`http://${host}/v2/${name}/manifests/${entry.digest}`, { headers: { accept: OCI_MANIFEST } })).json()) as {
      subject: { digest: string };
      layers: Array<{ digest: string; mediaType: string }>;
    };
    expect(manifest.subject.digest).toBe(digest);
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([SIGSTORE_BUNDLE_V03]);
    bundles.set(entry.digest, await (await fetch(`http://${host}/v2/${name}/blobs/${manifest.layers[0]!.digest}`)).json());
  }
  return { entries, bundles };
}

const statementOf = (bundle: unknown) => JSON.parse(Buffer.from((bundle as { dsseEnvelope: { payload: string } }).dsseEnvelope.payload, 'base64').toString()) as InTotoStatement;
const hex = (digest: string) => digest.split(':')[1]!;

describe('docker-attest on a registry without the referrers API', () => {
  it('signs the index and attaches SLSA provenance, both cosign-shaped, listed under the referrers tag and verifying independently', async () => {
    const index = await pushIndex(registry.host, 'acme/signed', ['1.2.3', 'latest'], BOTH);
    const repository = `${registry.host}/acme/signed`;
    const { ctx } = context({ [repository]: index });
    const outcome = await executeDockerAttest(attestStep([repository]), ctx);
    expect(outcome.status).toBe('done');
    expect(outcome.detail).toBe(`${repository}@${index}: attached signature and SLSA provenance (referrers tag)`);
    const records = (outcome.produced as { attestations: Array<Record<string, string>> }).attestations;
    expect(records.map((r) => [r.subject, r.digest, r.predicateType, r.store])).toEqual([
      [`${repository}@${index}`, index, COSIGN_SIGN_V1, 'registry'],
      [`${repository}@${index}`, index, SLSA_PROVENANCE_V1, 'registry'],
    ]);
    expect(records.every((r) => /^\d+$/.test(r.logIndex!))).toBe(true);

    const { entries, bundles } = await readBack(registry.host, 'acme/signed', index);
    expect(entries.map((e) => [e.artifactType, e.annotations?.['dev.sigstore.bundle.predicateType'], e.annotations?.['dev.sigstore.bundle.content']])).toEqual([
      [SIGSTORE_BUNDLE_V03, COSIGN_SIGN_V1, 'dsse-envelope'],
      [SIGSTORE_BUNDLE_V03, SLSA_PROVENANCE_V1, 'dsse-envelope'],
    ]);
    const [signature, provenance] = [...bundles.values()];
    expect(statementOf(signature)).toMatchObject({ subject: [{ name: repository, digest: { sha256: hex(index) } }], predicateType: COSIGN_SIGN_V1, predicate: {} });
    expect(statementOf(provenance)).toMatchObject({
      subject: [{ name: repository, digest: { sha256: hex(index) } }],
      predicateType: SLSA_PROVENANCE_V1,
      predicate: { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' } },
    });
    for (const [bundle, predicateType] of [
      [signature, COSIGN_SIGN_V1],
      [provenance, SLSA_PROVENANCE_V1],
    ] as const) {
      const verified = await verifyBundle(bundle, { signer: expectedSigner(runnerEnv()), predicateType, subjects: [{ digest: { sha256: hex(index) } }] }, sigstore.trustedRoot);
      expect(verified.statement.predicateType).toBe(predicateType);
    }
    expect((bundles.values().next().value as { mediaType: string }).mediaType).toBe(SIGSTORE_BUNDLE_V03);

    // The verify stage finds and checks both, from the outside.
    const verified = await executeVerifyImages(verifyStep(repository), context({}).ctx);
    expect((verified.produced as { attestations: Array<{ predicateType: string }> }).attestations.map((r) => r.predicateType)).toEqual([COSIGN_SIGN_V1, SLSA_PROVENANCE_V1]);
    expect(verified.detail).toContain('verified 2 attestations (signature + SLSA provenance)');
  });

  it('a re-run attaches nothing twice and mints no token', async () => {
    const index = await pushIndex(registry.host, 'acme/rerun', ['1.2.3'], BOTH);
    const repository = `${registry.host}/acme/rerun`;
    await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    const certificates = sigstore.counts.certificates;
    const tokens = oidc.issued.length;
    const again = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    expect(again.status).toBe('unchanged');
    expect(again.detail).toBe(`${repository}@${index}: already attached signature and SLSA provenance (referrers tag)`);
    expect((again.produced as { attestations: unknown[] }).attestations).toHaveLength(2);
    expect(sigstore.counts.certificates).toBe(certificates);
    expect(oidc.issued.length).toBe(tokens);
    expect((await readBack(registry.host, 'acme/rerun', index)).entries).toHaveLength(2);
  });

  it('without an OIDC token: auto says why and signs nothing; required fails in one line naming the permission', async () => {
    const index = await pushIndex(registry.host, 'acme/no-token', ['1.2.3'], BOTH);
    const repository = `${registry.host}/acme/no-token`;
    const env = { ...oidc.githubEnv };
    const skipped = await executeDockerAttest(attestStep([repository], false), context({ [repository]: index }, env).ctx);
    expect(skipped.status).toBe('skipped');
    expect(skipped.detail).toMatch(/^images not signed, this job cannot get an OIDC token \(attestations\.enabled: auto\)/);
    expect((skipped.produced as { attestations: unknown[] }).attestations).toEqual([]);
    await expect(executeDockerAttest(attestStep([repository]), context({ [repository]: index }, env).ctx)).rejects.toThrow(/permissions: id-token: write/);
    // A runner that refuses the token (a job without the permission on a runner that still sets the variables).
    oidc.refuse = true;
    try {
      const refused = await executeDockerAttest(attestStep([repository], false), context({ [repository]: index }).ctx);
      expect(refused).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^images not signed/) });
    } finally {
      oidc.refuse = false;
    }
    expect((await readBack(registry.host, 'acme/no-token', index)).entries).toEqual([]);
    // verify: auto and nothing signed in this run is reported, not failed; required fails.
    const auto = { ...verifyStep(repository), attestations: { instance, required: false } };
    await expect(executeVerifyImages(auto, context({}).ctx)).resolves.toMatchObject({ detail: expect.stringContaining(`not signed: ${repository}@${index}`) });
    await expect(executeVerifyImages(verifyStep(repository), context({}).ctx)).rejects.toThrow(
      `Image attestations missing or not verified: no signature of ${repository}@${index} in the referrers tag ${referrersTag(index)}; no SLSA provenance of ${repository}@${index} in the referrers tag ${referrersTag(index)}.`,
    );
  });

  it('Rekor down: one line, nothing attached or claimed; the re-run completes', async () => {
    const index = await pushIndex(registry.host, 'acme/rekor-down', ['1.2.3'], BOTH);
    const repository = `${registry.host}/acme/rekor-down`;
    sigstore.faults.rekor.push(...Array<503>(12).fill(503));
    const failed = executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    await expect(failed).rejects.toThrow(/Rekor/);
    await expect(failed).rejects.toThrow(new RegExp(`Not attached to ${escape(repository)}@${index}: signature and SLSA provenance\\. Attached: nothing\\. Re-run: what is attached is found and kept\\.$`));
    await failed.catch((error: Error) => expect(error.message).not.toContain('\n'));
    sigstore.faults.rekor.length = 0;
    expect((await readBack(registry.host, 'acme/rekor-down', index)).entries).toEqual([]);
    const rerun = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    expect(rerun.status).toBe('done');
    expect((await readBack(registry.host, 'acme/rekor-down', index)).entries).toHaveLength(2);
  }, 120_000);

  it('the registry refusing the second push: says what is attached and what is not; the re-run adds only what is missing', async () => {
    const index = await pushIndex(registry.host, 'acme/refused', ['1.2.3'], BOTH);
    let refuse = true;
    const proxy = await startProxy(registry.host, (req, seen) => {
      const tagWrites = seen.filter((r) => r.method === 'PUT' && r.path.includes(`/manifests/${referrersTag(index)}`) && r.outcome === 'forwarded');
      return refuse && req.method === 'PUT' && req.url!.includes(`/manifests/${referrersTag(index)}`) && tagWrites.length >= 1 ? { status: 403 } : undefined;
    });
    try {
      const repository = `${proxy.host}/acme/refused`;
      const failed = executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
      await expect(failed).rejects.toThrow(/^Registry .* answered HTTP 403 for writing tag/);
      await expect(failed).rejects.toThrow(`Not attached to ${repository}@${index}: SLSA provenance. Attached: signature on ${repository}@${index}. Re-run: what is attached is found and kept.`);
      const listed = await readBack(registry.host, 'acme/refused', index);
      expect(listed.entries.map((e) => e.annotations?.['dev.sigstore.bundle.predicateType'])).toEqual([COSIGN_SIGN_V1]);
      refuse = false;
      const certificates = sigstore.counts.certificates;
      const rerun = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
      expect(rerun.detail).toBe(`${repository}@${index}: attached SLSA provenance; already attached signature (referrers tag)`);
      expect(sigstore.counts.certificates).toBe(certificates + 1);
      expect((await readBack(registry.host, 'acme/refused', index)).entries.map((e) => e.annotations?.['dev.sigstore.bundle.predicateType'])).toEqual([COSIGN_SIGN_V1, SLSA_PROVENANCE_V1]);
    } finally {
      await proxy.close();
    }
  });

  it('a tampered bundle fails verification in one line; docker-attest attaches a good one next to it', async () => {
    const index = await pushIndex(registry.host, 'acme/tampered', ['1.2.3'], BOTH);
    const repository = `${registry.host}/acme/tampered`;
    // Another index's provenance, its statement rewritten to name this index: the signature no longer matches.
    const other = await pushIndex(registry.host, 'acme/tampered', ['other'], BOTH, 'other');
    await executeDockerAttest(attestStep([repository]), context({ [repository]: other }).ctx);
    const { bundles } = await readBack(registry.host, 'acme/tampered', other);
    const forged = structuredClone([...bundles.values()]) as Array<{ dsseEnvelope: { payload: string } }>;
    for (const bundle of forged) {
      bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify({ ...statementOf(bundle), subject: [{ name: repository, digest: { sha256: hex(index) } }] })).toString('base64');
    }
    const { attachArtifact } = await import('../../src/oci/referrers.js');
    const { bundleArtifact } = await import('../../src/docker/image-signatures.js');
    const { OciClient } = await import('../../src/oci/client.js');
    const client = new OciClient();
    const stored = (await client.getManifest(repository, index))!;
    for (const [i, bundle] of forged.entries()) {
      await attachArtifact(client, repository, { mediaType: stored.mediaType, digest: index, size: stored.bytes.length }, bundleArtifact(bundle, [COSIGN_SIGN_V1, SLSA_PROVENANCE_V1][i]!, new Date()));
    }
    const failed = executeVerifyImages(verifyStep(repository), context({}).ctx);
    await expect(failed).rejects.toThrow(/^Image attestations missing or not verified: the signature of .* does not verify \(sha256:.*\); the SLSA provenance of .* does not verify/);
    await failed.catch((error: Error) => expect(error.message).not.toContain('\n'));

    const repaired = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    expect(repaired.detail).toBe(`${repository}@${index}: attached signature and SLSA provenance (referrers tag)`);
    expect((await readBack(registry.host, 'acme/tampered', index)).entries).toHaveLength(4);
    await expect(executeVerifyImages(verifyStep(repository), context({}).ctx)).resolves.toMatchObject({ status: 'done' });
  });
});

describe('bundles signed by another repository', () => {
  it('do not count: docker-attest attaches this repository’s own, and verify accepts only those', async () => {
    const index = await pushIndex(registry.host, 'acme/shared', ['1.2.3'], BOTH);
    const repository = `${registry.host}/acme/shared`;
    // A fork's workflow signs the same digest (same registry repository, another GitHub repository).
    const saved = { ...oidc.claims };
    const workflowRef = 'octo-org/fork/.github/workflows/release.yml@refs/tags/v1.2.3';
    Object.assign(oidc.claims, { repository: 'octo-org/fork', repository_id: '9009', workflow_ref: workflowRef, job_workflow_ref: workflowRef, sub: 'repo:octo-org/fork:ref:refs/tags/v1.2.3' });
    const forkEnv = { ...runnerEnv(), GITHUB_REPOSITORY: 'octo-org/fork', GITHUB_WORKFLOW_REF: workflowRef };
    try {
      await executeDockerAttest(attestStep([repository]), context({ [repository]: index }, forkEnv).ctx);
    } finally {
      for (const key of Object.keys(oidc.claims)) delete oidc.claims[key];
      Object.assign(oidc.claims, saved);
    }
    await expect(executeVerifyImages(verifyStep(repository), context({}).ctx)).rejects.toThrow(/^Image attestations missing or not verified: the signature of .* does not verify/);
    const own = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    expect(own.detail).toBe(`${repository}@${index}: attached signature and SLSA provenance (referrers tag)`);
    expect((await readBack(registry.host, 'acme/shared', index)).entries).toHaveLength(4);
    await expect(executeVerifyImages(verifyStep(repository), context({}).ctx)).resolves.toMatchObject({ status: 'done' });
  });
});

describe('docker-attest on a registry with the referrers API', () => {
  let oci: ReferrersRegistry;
  beforeAll(async () => {
    oci = await startReferrersRegistry();
  });
  afterAll(async () => oci?.close());

  it('pushes the referrers, writes no referrers tag, and verify finds them through the API', async () => {
    const { OciClient } = await import('../../src/oci/client.js');
    const repository = `${oci.host}/acme/api`;
    const bytes = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] })) as Uint8Array<ArrayBuffer>;
    const index = await new OciClient().putManifest(repository, '1.2.3', bytes, OCI_INDEX);
    expect(index).toBe(sha256Digest(bytes));
    const outcome = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    expect(outcome.detail).toBe(`${repository}@${index}: attached signature and SLSA provenance (referrers API)`);
    expect(oci.requests.filter((r) => r.includes(referrersTag(index)))).toEqual([]);
    const listed = (await (await fetch(`http://${oci.host}/v2/acme/api/referrers/${index}?artifactType=${encodeURIComponent(SIGSTORE_BUNDLE_V03)}`)).json()) as { manifests: unknown[] };
    expect(listed.manifests).toHaveLength(2);
    const step = { ...verifyStep(repository), platforms: [] };
    const verified = await executeVerifyImages(step, context({}).ctx);
    expect(verified.detail).toContain('verified 2 attestations');
    const again = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx);
    expect(again.status).toBe('unchanged');
  });
});

describe('a registry with token auth (the ghcr.io flow)', () => {
  const basic = `Basic ${Buffer.from('ci:ghp_token').toString('base64')}`;
  let tokens: Awaited<ReturnType<typeof startTokenServer>>;
  let locked: LocalRegistry;
  beforeAll(async () => {
    tokens = await startTokenServer((req) => req.authorization === basic);
    locked = await startRegistry(tokens.auth);
  });
  afterAll(async () => {
    await locked?.stop();
    await tokens?.server.close();
  });

  it('signs with the registry-credentials docker-merge uses, asking push scope; verify reads with the same', async () => {
    const push = { authorization: `Bearer ${tokens.sign('repository:acme/private:pull,push')}` };
    const index = await pushIndex(locked.host, 'acme/private', ['1.2.3'], BOTH, 'private', push);
    const repository = `${locked.host}/acme/private`;
    const secrets = { 'registry-credentials': `${locked.host} ci ghp_token` };
    tokens.requests.length = 0;
    const outcome = await executeDockerAttest(attestStep([repository]), context({ [repository]: index }, runnerEnv(), [], secrets).ctx);
    expect(outcome.detail).toBe(`${repository}@${index}: attached signature and SLSA provenance (referrers tag)`);
    expect(new Set(tokens.requests.map((r) => r.scope))).toEqual(new Set(['repository:acme/private:pull,push']));
    await expect(executeDockerAttest(attestStep([repository]), context({ [repository]: index }).ctx)).rejects.toThrow(/^Registry .* refused a push token for acme\/private \(HTTP 401\)\. Give tagship credentials for /);
    const verified = await executeVerifyImages(verifyStep(`${repository}`), context({}, runnerEnv(), [], secrets).ctx);
    expect((verified.produced as { attestations: unknown[] }).attestations).toHaveLength(2);
  });
});

describe('a release built by buildah', () => {
  let built: BuiltImages;
  beforeAll(() => {
    built = buildImages(BOTH, 'signed by tagship');
  }, 180_000);
  afterAll(() => built?.remove());

  it('gets the same signature and provenance on the index docker-merge wrote, readable by skopeo', async () => {
    built.pushByDigest(registry.host, 'acme/buildah');
    const repository = `${registry.host}/acme/buildah`;
    const merged = await executeDockerMerge(mergeStep([repository]), mergeContext(built.digests).ctx);
    const digest = (merged.produced as { digests: Record<string, string> }).digests[repository]!;
    const outcome = await executeDockerAttest(attestStep([repository]), context({}, runnerEnv(), [merged]).ctx);
    expect(outcome.detail).toBe(`${repository}@${digest}: attached signature and SLSA provenance (referrers tag)`);
    // An outside client reads the referrers tag: an OCI index of two bundle manifests.
    const tagged = JSON.parse(inspectRaw(`${repository}:${referrersTag(digest)}`)) as { mediaType: string; manifests: Array<{ artifactType: string }> };
    expect(tagged.mediaType).toBe(OCI_INDEX);
    expect(tagged.manifests.map((m) => m.artifactType)).toEqual([SIGSTORE_BUNDLE_V03, SIGSTORE_BUNDLE_V03]);
    const verified = await executeVerifyImages(verifyStep(repository, ['1.2.3', '1.2', '1', 'latest']), context({}).ctx);
    expect((verified.produced as { attestations: unknown[] }).attestations).toHaveLength(2);
  }, 120_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
