/**
 * The local index takes attestations the way the reference client sends them. twine ≥ 6 sends
 * `--attestations` as one more form field: `add_attestations` loads each `<dist>.*.attestation` file as
 * JSON and `metadata_dictionary` adds `data["attestations"] = json.dumps(self.attestations)`
 * (pypa/twine `twine/package.py`). Debian's twine is 4.0.2, without that flag: the two lines are grafted
 * onto it here, and the rest is real twine (its form, its multipart encoder, its basic auth, its
 * reading of the answer).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attestationFromBundle } from '../../src/python/attestation.js';
import { readDistributions } from '../../src/python/distributions.js';
import { signStatement } from '../../src/sigstore/sign.js';
import { inTotoStatement, PYPI_PUBLISH_V1 } from '../../src/sigstore/statement.js';
import { startLocalSigstore, startRunnerOidc, type LocalSigstore, type RunnerOidc } from '../support/sigstore.js';
import { usesTools } from '../support/system-tools.js';
import { useIndexAndBuiltProject } from './support/harness.js';
import { copyProject } from './support/project.js';
import type { PypiIndex } from './support/pypi-server.js';

usesTools('twine', 'python3');

const run = promisify(execFile);
const TWINE_WITH_ATTESTATIONS = `
import json, os, sys
import twine.package
plain = twine.package.PackageFile.metadata_dictionary
def with_attestations(self):
    data = plain(self)
    path = self.filename + ".publish.attestation"
    if os.path.exists(path):
        with open(path, "rb") as f:
            data["attestations"] = json.dumps([json.load(f)])
    return data
twine.package.PackageFile.metadata_dictionary = with_attestations
from twine.__main__ import main
sys.argv[0] = "twine"
sys.exit(main())
`;

const fixture = useIndexAndBuiltProject();
let index: PypiIndex;
let runner: RunnerOidc;
let sigstore: LocalSigstore;
beforeAll(async () => {
  runner = await startRunnerOidc({ repository: 'octo/proj', repository_owner_id: '4242' });
  sigstore = await startLocalSigstore(runner);
});
afterAll(async () => {
  await sigstore.close();
  await runner.close();
});
beforeEach(() => {
  index = fixture.index;
  index.oidc.publisher = true;
  index.oidc.trustRunner(runner);
  index.attestations.trustedRoot = sigstore.trustedRoot;
});

/** The upload token trusted publishing mints for this job. */
async function mintedToken(): Promise<string> {
  const { value } = (await (await fetch(`${runner.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${index.oidc.audience}`, { headers: { authorization: `Bearer ${runner.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } })).json()) as { value: string };
  return ((await (await fetch(`${index.url}/_/oidc/mint-token`, { method: 'POST', body: JSON.stringify({ token: value }) })).json()) as { token: string }).token;
}

const twine = (dir: string, password: string) =>
  run('/usr/bin/python3', ['-c', TWINE_WITH_ATTESTATIONS, 'upload', '--verbose', '--non-interactive', '--disable-progress-bar', '--repository-url', index.uploadUrl, '-u', '__token__', '-p', password, ...readdirSync(join(dir, 'dist')).filter((f) => !f.endsWith('.attestation')).map((f) => join(dir, 'dist', f))], {
    env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'tagship-home-')), PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring' },
  }).catch((error: { stdout?: string; stderr?: string }) => ({ failed: `${error.stdout}${error.stderr}` }));

describe('twine uploads attestations to the local index', () => {
  it('tagship’s attestation objects, sent by twine with a trusted-publishing token, are verified and stored', async () => {
    const dir = copyProject(fixture.built);
    const files = await readDistributions(dir, 'dist');
    const idToken = runner.token('sigstore');
    for (const file of files) {
      const signed = await signStatement(inTotoStatement([{ name: file.filename, digest: { sha256: file.sha256 } }], PYPI_PUBLISH_V1, {}), {
        instance: { name: 'custom', fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl, tsaUrl: sigstore.tsaUrl },
        idToken,
      });
      writeFileSync(join(dir, 'dist', `${file.filename}.publish.attestation`), JSON.stringify(attestationFromBundle(signed.bundle)));
    }
    const result = await twine(dir, await mintedToken());
    expect(result).not.toHaveProperty('failed');
    expect(index.attestations).toMatchObject({ received: 2, refused: [] });
    for (const file of files) expect(index.files.get(file.filename)?.provenance?.attestation_bundles[0]?.publisher).toMatchObject({ kind: 'GitHub', repository: 'octo/proj', workflow: 'release.yml' });
  }, 60_000);

  it('with an API token, twine gets PyPI’s refusal', async () => {
    const dir = copyProject(fixture.built);
    const files = await readDistributions(dir, 'dist');
    const signed = await signStatement(inTotoStatement([{ name: files[0]!.filename, digest: { sha256: files[0]!.sha256 } }], PYPI_PUBLISH_V1, {}), {
      instance: { name: 'custom', fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl },
      idToken: runner.token('sigstore'),
    });
    writeFileSync(join(dir, 'dist', `${files[0]!.filename}.publish.attestation`), JSON.stringify(attestationFromBundle(signed.bundle)));
    index.tokens.add('pypi-api-token');
    const result = await twine(dir, 'pypi-api-token');
    // twine --verbose prints the answer (rich wraps it): PyPI's reason, as warehouse words it.
    expect((result as { failed: string }).failed.replace(/\s+/g, ' ')).toContain('400 Invalid attestations supplied during upload: Attestations are only supported when using Trusted Publishing');
    expect(index.files.has(files[0]!.filename)).toBe(false);
  }, 60_000);
});
