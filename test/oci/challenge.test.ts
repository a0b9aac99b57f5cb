import { describe, expect, it } from 'vitest';
import { parseChallenge, repositoryScope } from '../../src/oci/challenge.js';

describe('WWW-Authenticate challenges', () => {
  it.each([
    ['Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/app:pull"', { scheme: 'bearer', realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/app:pull' }],
    ['Bearer realm="https://auth.docker.io/token",service="registry.docker.io"', { scheme: 'bearer', realm: 'https://auth.docker.io/token', service: 'registry.docker.io' }],
    ['bearer realm=https://r.example/token, service=reg', { scheme: 'bearer', realm: 'https://r.example/token', service: 'reg' }],
    ['Bearer realm="https://r.example/t",scope="repository:a/b:pull,push"', { scheme: 'bearer', realm: 'https://r.example/t', scope: 'repository:a/b:pull,push' }],
    ['Basic realm="tagship-test"', { scheme: 'basic' }],
    ['Bearer service="no-realm"', { scheme: 'unknown' }],
    ['', { scheme: 'unknown' }],
  ])('%s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });

  it('asks for pull, or pull and push, on one repository', () => {
    expect(repositoryScope('acme/app', 'pull')).toBe('repository:acme/app:pull');
    expect(repositoryScope('acme/app', 'push')).toBe('repository:acme/app:pull,push');
  });
});
