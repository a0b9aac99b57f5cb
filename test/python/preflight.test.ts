import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executePlan, type ExecutionReport } from '../../src/execute/run.js';
import { UserError } from '../../src/errors.js';
import { context, fastHttp, pythonPlan, registry, release } from './support/harness.js';
import { makeProject } from './support/project.js';
import { DIRECT_CALL, REUSABLE_CALL, startPypiIndex, type PypiIndex } from './support/pypi-server.js';

let index: PypiIndex;
beforeAll(async () => (index = await startPypiIndex()));
afterAll(() => index.close());
beforeEach(() => {
  index.reset();
  index.tokens.clear();
  index.oidc.publisher = true;
  index.oidc.claims = DIRECT_CALL;
  index.oidc.exchanges = 0;
});

/** A fresh, never built project released through the executor runner, as the action runs it. */
async function releaseFresh(options: { env?: NodeJS.ProcessEnv; token?: string }) {
  const dir = makeProject('tagship-fixture', '1.2.3');
  const plan = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl);
  const { ctx, lines } = context(plan, dir, options);
  let report: ExecutionReport | undefined;
  const error = await executePlan(registry({ http: fastHttp() }), ctx).then(
    (r) => void (report = r),
    (e: Error) => e,
  );
  return { dir, error, report, errors: lines.filter((line) => line.startsWith('::error::')).map((line) => line.slice('::error::'.length)), lines };
}

/** What a build backend leaves behind; none of it exists when the build never ran. */
const builtAnything = (dir: string) => existsSync(join(dir, 'dist')) || readdirSync(dir).some((name) => name.endsWith('.egg-info') || name === 'build');

describe('preflight: the OIDC token read before anything is built', () => {
  it('a direct call from the registered workflow builds and publishes, naming what the publisher must match', async () => {
    const dir = makeProject('tagship-fixture', '1.2.3');
    const plan = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl);
    index.oidc.issued.clear();
    const { report, lines, masked } = await release(plan, dir, { env: index.oidc.runnerEnv, http: fastHttp() });
    expect(report.failed).toBeUndefined();
    expect(index.counts.stored).toBe(2);
    // Preflight's ID token is masked and never exchanged; the upload mints with a fresh one.
    const issued = [...index.oidc.issued.entries()];
    expect(issued.map(([, token]) => token.used)).toEqual([false, true]);
    expect(masked).toEqual(expect.arrayContaining(issued.map(([value]) => value)));
    expect(lines).toContain(`Trusted publishing to ${index.url}: the token names repository \`octo/proj\`, workflow file \`release.yml\`, no environment (a publisher that names one needs \`environment:\` on this job); the project's trusted publisher must name the same.`);
  }, 120_000);

  it('a reusable workflow of another repository fails before the build, saying PyPI matches the called workflow', async () => {
    index.oidc.claims = REUSABLE_CALL;
    const { dir, error, errors } = await releaseFresh({ env: index.oidc.runnerEnv });
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toBe('Preflight: 1 check failed (listed above); nothing was built or published. Fix it and re-run the workflow.');
    expect(errors).toEqual([
      `pypi-upload: Trusted publishing to ${index.url} cannot work from this job: PyPI matches the called workflow \`tagship-org/tagship/.github/workflows/python.yml\` (called from \`release.yml\`) and refuses reusable workflows from another repository than \`octo/proj\`. Run the upload in a job of your own workflow (see docs/getting-started.md), or pass an API token in the 'pypi-token' input.`,
    ]);
    expect(builtAnything(dir)).toBe(false);
    expect(index.oidc.exchanges).toBe(0);
    expect(index.counts.uploads).toBe(0);
  });

  it('the same call with a pypi-token: a warning, and the token publishes', async () => {
    index.oidc.claims = REUSABLE_CALL;
    index.tokens.add('pypi-api-token');
    const { error, lines } = await releaseFresh({ env: index.oidc.runnerEnv, token: 'pypi-api-token' });
    expect(error).toBeUndefined();
    expect(lines.filter((line) => line.startsWith('::warning::'))).toEqual([expect.stringMatching(/^::warning::Trusted publishing to .* PyPI matches the called workflow .* Using the 'pypi-token' input instead\.$/)]);
    expect(index.oidc.exchanges).toBe(0);
    expect(index.counts.stored).toBe(2);
  }, 120_000);

  it('no OIDC (no id-token permission) and no token: one line, exit before the build', async () => {
    const { dir, error, errors } = await releaseFresh({ env: {} });
    expect(error).toBeInstanceOf(UserError);
    expect(errors).toEqual([
      `pypi-upload: no credentials for ${index.url}: give the job \`permissions: id-token: write\` and register a trusted publisher, or pass an API token in the 'pypi-token' input.`,
    ]);
    expect(builtAnything(dir)).toBe(false);
  });

  it('the runner refusing the ID token (id-token permission missing at run time): one line, nothing built', async () => {
    const { dir, errors } = await releaseFresh({ env: { ...index.oidc.runnerEnv, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-runner-token' } });
    expect(errors).toEqual([`pypi-upload: The runner refused an OIDC ID token for tagship-test-index (HTTP 401): give the job \`permissions: id-token: write\`.`]);
    expect(builtAnything(dir)).toBe(false);
  });

  it('the runner refusing the ID token while a pypi-token is given: preflight passes, the token publishes', async () => {
    index.tokens.add('pypi-api-token');
    const { error, errors } = await releaseFresh({ env: { ...index.oidc.runnerEnv, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-runner-token' }, token: 'pypi-api-token' });
    expect(error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(index.counts.stored).toBe(2);
  }, 120_000);

  it('a dry run shows the steps and asks the runner for no ID token', async () => {
    index.oidc.issued.clear();
    const dir = makeProject('tagship-fixture', '1.2.3');
    const plan = { ...pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl), dryRun: true };
    const { ctx } = context(plan, dir, { env: index.oidc.runnerEnv });
    const report = await executePlan(registry({ http: fastHttp() }), ctx);
    expect(report.outcomes.map((o) => o.status)).toEqual(['planned', 'planned']);
    expect(index.oidc.issued.size).toBe(0);
    expect(builtAnything(dir)).toBe(false);
  });

  it('a reusable workflow of the same repository, publisher registered on the caller: warned before the build, refused naming the called file', async () => {
    index.oidc.claims = { ...DIRECT_CALL, job_workflow_ref: 'octo/proj/.github/workflows/pypi.yml@refs/tags/v1.2.3' };
    const { error, errors, lines, report } = await releaseFresh({ env: index.oidc.runnerEnv });
    expect(error).toBeUndefined();
    expect(report?.outcomes.map((o) => o.id)).toEqual(['python-build']);
    expect(String(report?.failed?.error)).toContain('The token sent repository `octo/proj`, workflow file `pypi.yml`, no environment');
    expect(lines).toContain('::warning::PyPI matches the called workflow file `pypi.yml`, not `release.yml` that called it: the trusted publisher must name `pypi.yml`.');
    expect(errors).toEqual([]);
    expect(index.counts.uploads).toBe(0);
  }, 120_000);
});
