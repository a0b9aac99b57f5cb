import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listAttestations, nextLink, storeAttestation } from '../../src/github/attestations.js';
import { createGithubClient } from '../../src/github/client.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { UserError } from '../../src/errors.js';

// The attestations endpoints of the GitHub stand-in, driven through tagship's own client: the
// permission GitHub asks for, what it accepts, how it finds attestations by digest, and paging.
let server: GithubApiServer;
const repository = { owner: 'acme', repo: 'widget' };

beforeEach(async () => {
  server = await GithubApiServer.start();
});
afterEach(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

async function expectUserError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const client = (token = 'test-token') => createGithubClient({ token, baseUrl: server.apiUrl, retries: 0, timeoutMs: 5_000 });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A bundle shaped as Sigstore writes it (the stand-in checks shape, not the signature). */
function bundle(subjects: Array<{ name: string; text: string }>, predicateType = 'https://slsa.dev/provenance/v1') {
  const statement = { _type: 'https://in-toto.io/Statement/v1', subject: subjects.map((s) => ({ name: s.name, digest: { sha256: sha256(s.text) } })), predicateType, predicate: {} };
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { certificate: { rawBytes: Buffer.from('certificate').toString('base64') }, tlogEntries: [], timestampVerificationData: {} },
    dsseEnvelope: { payload: Buffer.from(JSON.stringify(statement)).toString('base64'), payloadType: 'application/vnd.in-toto+json', signatures: [{ sig: 'c2ln', keyid: '' }] },
  };
}

describe('storing an attestation', () => {
  test('answers its id, and one multi-subject statement is found under each subject digest', async () => {
    const id = await storeAttestation(client(), repository, bundle([{ name: 'a.whl', text: 'a' }, { name: 'SHA256SUMS', text: 'sums' }]), 'the release assets');
    expect(id).toEqual(expect.any(Number));
    for (const text of ['a', 'sums']) {
      const found = await listAttestations(client(), repository, `sha256:${sha256(text)}`);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ repositoryId: server.repositoryId, bundle: { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' } });
    }
    // The digest reaches the server in GitHub's `sha256:<hex>` form.
    expect(server.requestsFor('repos/list-attestations')[0]!.path).toMatch(/\/attestations\/sha256(:|%3A)[0-9a-f]{64}$/);
  });

  test('a job token without `attestations: write` gets GitHub\'s 403, and the line says which permission to grant', async () => {
    server.grant('contents-only', { contents: 'write' });
    const error = await expectUserError(storeAttestation(client('contents-only'), repository, bundle([{ name: 'a', text: 'a' }]), 'the release assets'));
    expect(error.message).toMatch(/403 Resource not accessible by integration/);
    expect(error.message).toContain('permissions: attestations: write');
    expect(server.attestations).toEqual([]);
  });

  test('listing needs `attestations: read`: a job token without it gets the 403 and the permission to grant', async () => {
    server.grant('contents-read', { contents: 'read' });
    server.grant('attestations-read', { contents: 'read', attestations: 'read' });
    const error = await expectUserError(listAttestations(client('contents-read'), repository, `sha256:${sha256('a')}`));
    expect(error.message).toContain('permissions: attestations: read');
    expect(await listAttestations(client('attestations-read'), repository, `sha256:${sha256('a')}`)).toEqual([]);
  });

  test('the same token may still write releases: the two permissions are separate', async () => {
    server.grant('attest-only', { attestations: 'write' });
    await storeAttestation(client('attest-only'), repository, bundle([{ name: 'a', text: 'a' }]), 'x');
    const refused = await fetch(`${server.apiUrl}/repos/acme/widget/releases`, {
      method: 'POST',
      headers: { authorization: 'token attest-only', 'content-type': 'application/json' },
      body: JSON.stringify({ tag_name: 'v1.0.0' }),
    });
    expect(refused.status).toBe(403);
  });

  test('a bundle that is not a signed DSSE in-toto statement is refused with 422', async () => {
    const unsigned = bundle([{ name: 'a', text: 'a' }]);
    unsigned.dsseEnvelope.signatures = [];
    const error = await expectUserError(storeAttestation(client(), repository, unsigned, 'the release assets'));
    expect(error.message).toMatch(/422/);
    const noDigest = bundle([{ name: 'a', text: 'a' }]);
    noDigest.dsseEnvelope.payload = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a', digest: { sha512: 'ab' } }], predicateType: 'x', predicate: {} })).toString('base64');
    await expectUserError(storeAttestation(client(), repository, noDigest, 'the release assets'));
    expect(server.attestations).toEqual([]);
  });

  test('GitHub keeps every attestation it is sent: storing twice makes two records', async () => {
    const same = bundle([{ name: 'a', text: 'a' }]);
    await storeAttestation(client(), repository, same, 'a');
    await storeAttestation(client(), repository, same, 'a');
    expect(await listAttestations(client(), repository, `sha256:${sha256('a')}`)).toHaveLength(2);
  });
});

describe('listing attestations by digest', () => {
  test('a digest with none is an empty list (GitHub answers 404)', async () => {
    expect(await listAttestations(client(), repository, `sha256:${sha256('nothing')}`)).toEqual([]);
    expect(server.requestsFor('repos/list-attestations')[0]!.status).toBe(404);
  });

  test('predicate_type filters by the short name or the full URI', async () => {
    await storeAttestation(client(), repository, bundle([{ name: 'a', text: 'a' }]), 'a');
    await storeAttestation(client(), repository, bundle([{ name: 'a', text: 'a' }], 'https://spdx.dev/Document/v2.3'), 'a');
    const digest = `sha256:${sha256('a')}`;
    expect(await listAttestations(client(), repository, digest)).toHaveLength(2);
    expect(await listAttestations(client(), repository, digest, 'provenance')).toHaveLength(1);
    expect(await listAttestations(client(), repository, digest, 'https://slsa.dev/provenance/v1')).toHaveLength(1);
    expect(await listAttestations(client(), repository, digest, 'https://example.com/other')).toEqual([]);
  });

  test('pages follow the Link header cursor until every attestation is read', async () => {
    for (let i = 0; i < 130; i++) await storeAttestation(client(), repository, bundle([{ name: 'a', text: 'a' }]), 'a');
    const found = await listAttestations(client(), repository, `sha256:${sha256('a')}`);
    expect(found).toHaveLength(130);
    const pages = server.requestsFor('repos/list-attestations');
    expect(pages).toHaveLength(2);
    expect(pages[1]!.query).toMatchObject({ per_page: '100', after: expect.any(String) });
  });

  test('another repository\'s attestations are not listed', async () => {
    await storeAttestation(client(), repository, bundle([{ name: 'a', text: 'a' }]), 'a');
    const error = await listAttestations(client(), { owner: 'acme', repo: 'other' }, `sha256:${sha256('a')}`);
    expect(error).toEqual([]);
  });
});

test('nextLink reads the rel="next" URL among others', () => {
  expect(nextLink('<https://x/a?after=1>; rel="next", <https://x/a?before=0>; rel="prev"')).toBe('https://x/a?after=1');
  expect(nextLink('<https://x/a?before=0>; rel="prev"')).toBeUndefined();
  expect(nextLink(undefined)).toBeUndefined();
});
