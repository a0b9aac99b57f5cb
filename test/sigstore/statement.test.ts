import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { Facts } from '../../src/plan/facts.js';
import { PUBLIC_GOOD, sigstoreInstanceFor } from '../../src/sigstore/instance.js';
import { rekorEntryUrl } from '../../src/sigstore/record.js';
import { inTotoStatement, runIdentity, slsaProvenancePredicate, SLSA_PROVENANCE_V1 } from '../../src/sigstore/statement.js';
import { expectedSigner } from '../../src/sigstore/verify.js';
import { userErrorOf } from '../support/user-error.js';

const load = (text?: string) => parseConfig({ file: '.github/tagship.yml', text });
const facts = (visibility?: Facts['visibility'], serverUrl?: string): Facts => ({
  project: {} as Facts['project'],
  knownVersions: [],
  ...(visibility ? { visibility } : {}),
  ...(serverUrl ? { serverUrl } : {}),
});

describe('SLSA provenance', () => {
  it('is the predicate @actions/attest builds, field for field (its own snapshot, GHE.com and a reusable workflow)', () => {
    // actions/toolkit packages/attest/__tests__/provenance.test.ts: the claims and the snapshot's `params`.
    const claims = {
      repository: 'owner/repo',
      ref: 'refs/heads/main',
      sha: 'babca52ab0c93ae16539e5923cb0d7403b9a093b',
      job_workflow_ref: 'owner/workflows/.github/workflows/publish.yml@main',
      workflow_ref: 'owner/repo/.github/workflows/main.yml@main',
      event_name: 'push',
      repository_id: 'repo-id',
      repository_owner_id: 'owner-id',
      run_id: 'run-id',
      run_attempt: 'run-attempt',
      runner_environment: 'github-hosted',
    };
    const predicate = slsaProvenancePredicate(runIdentity({ GITHUB_SERVER_URL: 'https://foo.ghe.com', GITHUB_REPOSITORY: 'owner/repo' }, claims));
    expect(JSON.parse(JSON.stringify(predicate))).toEqual({
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { path: '.github/workflows/main.yml', ref: 'refs/heads/main', repository: 'https://foo.ghe.com/owner/repo' } },
        internalParameters: { github: { event_name: 'push', repository_id: 'repo-id', repository_owner_id: 'owner-id', runner_environment: 'github-hosted' } },
        resolvedDependencies: [{ digest: { gitCommit: 'babca52ab0c93ae16539e5923cb0d7403b9a093b' }, uri: 'git+https://foo.ghe.com/owner/repo@refs/heads/main' }],
      },
      runDetails: {
        builder: { id: 'https://foo.ghe.com/owner/workflows/.github/workflows/publish.yml@main' },
        metadata: { invocationId: 'https://foo.ghe.com/owner/repo/actions/runs/run-id/attempts/run-attempt' },
      },
    });
  });

  it('reads the run from the runner environment when no token claims are given', () => {
    const run = runIdentity({
      GITHUB_REPOSITORY: 'octo/proj',
      GITHUB_REF: 'refs/tags/v1.0.0',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_WORKFLOW_REF: 'octo/proj/.github/workflows/release.yml@refs/tags/v1.0.0',
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY_ID: '5',
      GITHUB_REPOSITORY_OWNER_ID: '6',
      RUNNER_ENVIRONMENT: 'self-hosted',
    });
    const statement = inTotoStatement([{ name: 'app.tar.gz', digest: { sha256: 'd'.repeat(64) } }], SLSA_PROVENANCE_V1, slsaProvenancePredicate(run));
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: { externalParameters: { workflow: { repository: 'https://github.com/octo/proj', path: '.github/workflows/release.yml' } } },
        runDetails: {
          builder: { id: 'https://github.com/octo/proj/.github/workflows/release.yml@refs/tags/v1.0.0' },
          metadata: { invocationId: 'https://github.com/octo/proj/actions/runs/99/attempts/2' },
        },
      },
    });
  });
});

describe('which Sigstore instance signs', () => {
  it('public repositories and PyPI: public-good; private and internal repositories: GitHub’s instance', () => {
    const config = load();
    expect(sigstoreInstanceFor(config, facts('public'), 'assets')).toEqual(PUBLIC_GOOD);
    expect(sigstoreInstanceFor(config, facts('private'), 'pypi')).toEqual(PUBLIC_GOOD);
    expect(sigstoreInstanceFor(config, facts('private'), 'images')).toEqual({ name: 'github', fulcioUrl: 'https://fulcio.githubapp.com', tsaUrl: 'https://timestamp.githubapp.com' });
    expect(sigstoreInstanceFor(config, facts('internal', 'https://acme.ghe.com'), 'assets')).toEqual({
      name: 'github',
      fulcioUrl: 'https://fulcio.acme.ghe.com',
      tsaUrl: 'https://timestamp.acme.ghe.com',
    });
  });

  it('off when attestations or that use are off; the custom instance when configured', () => {
    expect(sigstoreInstanceFor(load('attestations:\n  enabled: false\n'), facts('public'), 'pypi')).toBeUndefined();
    expect(sigstoreInstanceFor(load('attestations:\n  images: false\n'), facts('public'), 'images')).toBeUndefined();
    const custom = load('attestations:\n  sigstore:\n    fulcio-url: https://fulcio.example\n    tsa-url: https://tsa.example\n    trusted-root: sigstore/root.json\n');
    expect(sigstoreInstanceFor(custom, facts('public'), 'pypi')).toEqual({ name: 'custom', fulcioUrl: 'https://fulcio.example', tsaUrl: 'https://tsa.example', trustedRoot: 'sigstore/root.json' });
  });

  it('a custom instance needs a log or a timestamp authority, and its trusted root', () => {
    expect(userErrorOf(() => load('attestations:\n  sigstore:\n    fulcio-url: https://fulcio.example\n    trusted-root: r.json\n')).message).toMatch(/give rekor-url or tsa-url/);
    expect(userErrorOf(() => load('attestations:\n  sigstore:\n    fulcio-url: https://fulcio.example\n    rekor-url: https://rekor.example\n')).message).toMatch(/attestations\.sigstore\.trusted-root/);
  });
});

describe('links and expected signers', () => {
  it('Rekor entries link to search.sigstore.dev for the public-good log only', () => {
    expect(rekorEntryUrl(PUBLIC_GOOD, '123456')).toBe('https://search.sigstore.dev/?logIndex=123456');
    expect(rekorEntryUrl(PUBLIC_GOOD, undefined)).toBeUndefined();
    expect(rekorEntryUrl({ name: 'custom', fulcioUrl: 'https://f', rekorUrl: 'https://r' }, '1')).toBeUndefined();
  });

  it('the signer is this repository and ref, from GitHub Actions’ issuer', () => {
    expect(expectedSigner({ GITHUB_REPOSITORY: 'octo/proj', GITHUB_REF: 'refs/tags/v1.0.0' })).toEqual({
      issuer: 'https://token.actions.githubusercontent.com',
      sourceRepository: 'https://github.com/octo/proj',
      sourceRef: 'refs/tags/v1.0.0',
    });
    expect(expectedSigner({ GITHUB_SERVER_URL: 'https://foo.ghe.com', GITHUB_REPOSITORY: 'o/r' }).issuer).toBe('https://token.actions.foo.ghe.com');
    expect(expectedSigner({ GITHUB_REPOSITORY: 'o/r', GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/release.yml@refs/tags/v1' }).workflow).toBe(
      'https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1',
    );
  });
});
