import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { executors } from '../../src/execute/registry.js';
import { executePlan } from '../../src/execute/run.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { harness, planRelease, projectWithDist } from '../github/fixtures.js';

let server: GithubApiServer;

beforeEach(async () => {
  server = await GithubApiServer.start();
  server.commit('feat: first version');
  server.tag('v1.2.2');
  server.commit('fix: handle empty config files (#7)');
  server.tag('v1.2.3');
  server.tokens.set('read-only', false);
});

afterEach(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

/** The release plan run the way the action runs it: preflight, then the steps. */
async function run(token: string | undefined) {
  const plan = planRelease({ known: ['1.2.2'], python: false });
  const h = harness(plan, server, projectWithDist(), { token });
  const result = await executePlan(executors, h.ctx).then(
    (report) => ({ report, error: undefined }),
    (error: Error) => ({ report: undefined, error }),
  );
  return { ...result, errors: h.lines.filter((line) => line.startsWith('::error::')).map((line) => line.slice('::error::'.length)) };
}

describe('preflight: a GitHub token that can write releases', () => {
  it('a read-only token (permissions: contents: read) stops the run before any step, naming the permission', async () => {
    const { error, errors, report } = await run('read-only');
    expect(error).toBeInstanceOf(UserError);
    expect(report).toBeUndefined();
    expect(errors).toEqual([
      'github-release: the GitHub token cannot write releases of acme/widget (POST /releases/generate-notes: HTTP 403 Resource not accessible by integration): give the job `permissions: contents: write`, or pass a token that has it in the github-token input.',
    ]);
    expect(server.requestsFor('repos/create-release')).toEqual([]);
    expect(server.releases).toEqual([]);
  });

  it('a token that can write passes, and the check itself stores nothing: the release is the only write', async () => {
    const { error, errors, report } = await run('test-token');
    expect(error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(report?.outcomes.map((o) => o.id)).toEqual(['github-release']);
    // The check went first, with the tag the release will carry.
    expect(server.requests[0]).toMatchObject({ operationId: 'repos/generate-release-notes', status: 200, json: { tag_name: 'v1.2.3' } });
    expect(server.successfulWrites.map((r) => r.operationId)).toEqual(['repos/create-release']);
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
  });

  it('a token GitHub does not accept: one line saying to pass a valid one', async () => {
    const { errors } = await run('expired-token');
    expect(errors).toEqual([
      'github-release: GitHub rejected the token (POST /releases/generate-notes: HTTP 401 Bad credentials): pass a valid token in the github-token input (the default is ${{ github.token }}).',
    ]);
    expect(server.releases).toEqual([]);
  });

  it('no token at all: one line, and GitHub is not asked', async () => {
    const { errors } = await run(undefined);
    expect(errors).toEqual([
      'github-release: no GitHub token to create the release with: keep the github-token input at its default (${{ github.token }}) or pass one, and give the job `permissions: contents: write`.',
    ]);
    expect(server.requests).toEqual([]);
  });
});
