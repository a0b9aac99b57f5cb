import { describe, expect, it } from 'vitest';
import { decodeClaims, describePublisherClaims, parseWorkflowRef, pypiCalledWorkflowNote, pypiUnmatchable } from '../../src/runtime/oidc-claims.js';

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const caller = 'octo/proj/.github/workflows/release.yml@refs/tags/v1.2.3';

describe('the ID token claims the indexes match', () => {
  it('reads the payload of a JWT, and nothing from text that is not one', () => {
    expect(decodeClaims(jwt({ repository: 'octo/proj' }))).toEqual({ repository: 'octo/proj' });
    expect(decodeClaims('not-a-jwt')).toBeUndefined();
    expect(decodeClaims('a.%%%.c')).toBeUndefined();
  });

  it('splits a workflow ref into repository and file', () => {
    expect(parseWorkflowRef('octo/proj/.github/workflows/ci/release.yml@refs/heads/main')).toEqual({ repository: 'octo/proj', path: '.github/workflows/ci/release.yml', file: 'ci/release.yml' });
    expect(parseWorkflowRef('octo/proj@main')).toBeUndefined();
  });

  it('a reusable workflow of the same repository: PyPI names the called file, npm the calling one', () => {
    const claims = { repository: 'octo/proj', workflow_ref: caller, job_workflow_ref: 'octo/proj/.github/workflows/publish.yml@refs/tags/v1.2.3', environment: 'pypi' };
    expect(pypiUnmatchable(claims, 'https://pypi.org')).toBeUndefined();
    expect(pypiCalledWorkflowNote(claims)).toBe('PyPI matches the called workflow file `publish.yml`, not `release.yml` that called it: the trusted publisher must name `publish.yml`.');
    expect(describePublisherClaims(claims, 'pypi')).toBe('repository `octo/proj`, workflow file `publish.yml`, environment `pypi`');
    expect(describePublisherClaims(claims, 'npm')).toBe('repository `octo/proj`, workflow file `release.yml`, environment `pypi`');
  });

  it('a direct call: nothing to warn about', () => {
    const claims = { repository: 'octo/proj', workflow_ref: caller, job_workflow_ref: caller };
    expect(pypiUnmatchable(claims, 'https://pypi.org')).toBeUndefined();
    expect(pypiCalledWorkflowNote(claims)).toBeUndefined();
  });
});
