import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPypiIndex, type PypiIndex } from './support/pypi-server.js';

/**
 * The local index refuses attestations the way PyPI's upload API does (warehouse `forklift/legacy.py`
 * and `attestations/services.py`; test/python/support/pypi-attestations.ts cites each rule): status
 * 400 and the reason in the status line, nothing stored.
 */
const SDIST = 'tagship_fixture-1.2.3.tar.gz';
const API_TOKEN = 'pypi-api-token';

let index: PypiIndex;
beforeAll(async () => {
  index = await startPypiIndex();
});
afterAll(() => index.close());
beforeEach(() => {
  index.reset();
  index.tokens.clear();
  index.tokens.add(API_TOKEN);
  index.oidc.publisher = true;
});

/** A token minted by trusted publishing, the way a publishing job gets one. */
async function mintedToken(): Promise<string> {
  const { value } = (await (await fetch(`${index.oidc.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${index.oidc.audience}`, { headers: { authorization: `bearer ${index.oidc.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } })).json()) as { value: string };
  const minted = (await (await fetch(`${index.url}/_/oidc/mint-token`, { method: 'POST', body: JSON.stringify({ token: value }) })).json()) as { token: string };
  return minted.token;
}

/** The form twine sends (fields of `PackageFile.metadata_dictionary`, then `content`), with `attestations` as twine ≥ 6 adds it. */
async function upload(token: string, attestations?: string, bytes = Buffer.from('sdist bytes')) {
  const form = new FormData();
  for (const [key, value] of Object.entries({ ':action': 'file_upload', protocol_version: '1', metadata_version: '2.1', name: 'tagship-fixture', version: '1.2.3', filetype: 'sdist', pyversion: 'source' })) form.append(key, value);
  form.append('sha256_digest', createHash('sha256').update(bytes).digest('hex'));
  if (attestations !== undefined) form.append('attestations', attestations);
  form.append('content', new Blob([bytes]), SDIST);
  const response = await fetch(index.uploadUrl, { method: 'POST', body: form, headers: { authorization: `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}` } });
  await response.body?.cancel();
  return { status: response.status, reason: response.statusText };
}

const shaped = (over: Record<string, unknown> = {}) => ({
  version: 1,
  verification_material: { certificate: Buffer.from('not a certificate').toString('base64'), transparency_entries: [{ logIndex: '1' }] },
  envelope: { statement: Buffer.from('{}').toString('base64'), signature: Buffer.from('sig').toString('base64') },
  ...over,
});

describe('the local index refuses attestations as PyPI does', () => {
  it('with an API token: attestations need trusted publishing', async () => {
    expect(await upload(API_TOKEN, JSON.stringify([shaped()]))).toEqual({ status: 400, reason: 'Invalid attestations supplied during upload: Attestations are only supported when using Trusted Publishing' });
    expect(index.files.size).toBe(0);
  });

  it('malformed, empty, or more than one per predicate type allows', async () => {
    const token = await mintedToken();
    const cases: Array<[string, RegExp]> = [
      ['not json', /^Invalid attestations supplied during upload: Malformed attestations: 1 validation error for list\[Attestation\]/],
      [JSON.stringify({ version: 1 }), /^Invalid attestations supplied during upload: Malformed attestations: 1 validation error for list\[Attestation\]/],
      [JSON.stringify([shaped({ version: 2 })]), /^Invalid attestations supplied during upload: Malformed attestations: 1 validation error for list\[Attestation\] 0\.version/],
      [JSON.stringify([shaped({ verification_material: { certificate: 'AAAA', transparency_entries: [] } })]), /transparency_entries List should have at least 1 item after validation, not 0$/],
      [JSON.stringify([shaped({ envelope: { statement: 'not base64!', signature: 'AAAA' } })]), /0\.envelope\.statement Base64 decoding error$/],
      [JSON.stringify([]), /^Invalid attestations supplied during upload: Malformed attestations: an empty attestation set is not permitted$/],
      [JSON.stringify([shaped(), shaped(), shaped()]), /^Invalid attestations supplied during upload: A maximum of 2 attestations per file are supported$/],
    ];
    for (const [field, reason] of cases) {
      const answer = await upload(token, field);
      expect(answer.status).toBe(400);
      expect(answer.reason.replace(/\s+/g, ' ')).toMatch(reason);
    }
    expect(index.files.size).toBe(0);
    expect(index.attestations.refused).toHaveLength(cases.length);
  });

  it('a certificate that does not parse is an "unknown error", as pypi-attestations raises a ConversionError for it', async () => {
    const answer = await upload(await mintedToken(), JSON.stringify([shaped()]));
    expect(answer).toEqual({ status: 400, reason: 'Invalid attestations supplied during upload: Unknown error while trying to verify included attestations: invalid X.509 certificate' });
  });

  it('the Integrity API: 404 with PyPI’s message for a file without provenance, 406 for an Accept it does not offer', async () => {
    expect((await upload(API_TOKEN)).status).toBe(200);
    const url = `${index.url}/integrity/tagship-fixture/1.2.3/${SDIST}/provenance`;
    const missing = await fetch(url, { headers: { accept: 'application/vnd.pypi.integrity.v1+json' } });
    expect([missing.status, await missing.json()]).toEqual([404, { message: `No provenance available for ${SDIST}` }]);
    const html = await fetch(url, { headers: { accept: 'text/html' } });
    expect([html.status, await html.json()]).toEqual([406, { message: 'Request not acceptable' }]);
    const page = await (await fetch(`${index.simpleUrl}tagship-fixture/`)).text();
    expect(page).not.toContain('data-provenance');
  });
});
