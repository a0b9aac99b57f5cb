import { describe, expect, it } from 'vitest';
import { classifyFailure, readNpmFailure } from '../../src/npm/cli.js';

const failed = (stdout: string, stderr = '') => ({ code: 1, stdout, stderr });

describe('reading npm failures', () => {
  it('reads the JSON error npm prints with --json, after whatever scripts printed', () => {
    const stdout = '> pkg@1.0.0 prepack\nbuilding {not json}\n{\n  "error": {\n    "code": "E409",\n    "summary": "409 Conflict - PUT http://r/pkg - this package is already present",\n    "detail": ""\n  }\n}\n';
    expect(readNpmFailure(failed(stdout))).toEqual({ code: 'E409', summary: '409 Conflict - PUT http://r/pkg - this package is already present' });
  });

  it('joins summary and detail on one line', () => {
    const stdout = JSON.stringify({ error: { code: 'E401', summary: 'Unable to authenticate.', detail: 'To correct this:\n  npm login' } }, null, 2);
    expect(readNpmFailure(failed(stdout))).toEqual({ code: 'E401', summary: 'Unable to authenticate. To correct this: npm login' });
  });

  it('falls back to the `npm error` lines on stderr', () => {
    const stderr = 'npm error code E503\nnpm error 503 Service Unavailable - PUT http://r/pkg\nnpm error A complete log of this run can be found in: /x.log\n';
    expect(readNpmFailure(failed('', stderr))).toEqual({ code: 'E503', summary: '503 Service Unavailable - PUT http://r/pkg' });
  });

  it.each([
    { failure: { code: 'E409', summary: 'this package is already present' }, kind: 'conflict' },
    { failure: { code: 'E403', summary: 'You cannot publish over the previously published versions: 1.0.0.' }, kind: 'conflict' },
    { failure: { code: 'E403', summary: 'You do not have permission to publish "pkg".' }, kind: 'auth' },
    { failure: { code: 'E401', summary: 'Unable to authenticate' }, kind: 'auth' },
    { failure: { code: 'ENEEDAUTH', summary: 'This command requires you to be logged in' }, kind: 'auth' },
    { failure: { code: 'EOTP', summary: 'This operation requires a one-time password' }, kind: 'auth' },
    { failure: { code: 'E500', summary: 'Internal Server Error' }, kind: 'transient' },
    { failure: { code: 'E429', summary: 'Too Many Requests' }, kind: 'transient' },
    { failure: { code: 'ECONNRESET', summary: 'socket hang up' }, kind: 'transient' },
    { failure: { summary: 'socket hang up' }, kind: 'transient' },
    { failure: { code: 'E400', summary: 'Bad Request' }, kind: 'other' },
  ])('$failure.code $failure.summary → $kind', ({ failure, kind }) => {
    expect(classifyFailure(failure)).toBe(kind);
  });
});
