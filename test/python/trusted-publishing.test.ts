import { beforeEach, describe, expect, it } from 'vitest';
import { createPypiUploadExecutor } from '../../src/python/publish.js';
import { context, fastHttp, pythonPlan, pythonSteps, useIndexAndBuiltProject } from './support/harness.js';
import { copyProject } from './support/project.js';
import { DIRECT_CALL, DIRECT_PUBLISHER, type PypiIndex } from './support/pypi-server.js';

const fixture = useIndexAndBuiltProject();
let index: PypiIndex;
let built: string;
beforeEach(() => {
  ({ index, built } = fixture);
  index.tokens.clear();
  index.oidc.publisher = true;
  index.oidc.claims = DIRECT_CALL;
  index.oidc.lifetime = 900;
  index.oidc.minted.length = 0;
  index.oidc.exchanges = 0;
});

async function upload(options: { token?: string; oidc?: boolean; now?: () => number } = {}) {
  const p = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl);
  const harness = context(p, copyProject(built), { token: options.token, env: options.oidc === false ? {} : index.oidc.runnerEnv });
  const outcome = createPypiUploadExecutor({ http: fastHttp(), now: options.now })(pythonSteps(p).upload, harness.ctx);
  return { outcome: await outcome.catch((e: Error) => e), ...harness };
}

describe('trusted publishing: the runner OIDC token exchanged for an upload token', () => {
  it('mints a token, uploads with it, and masks it', async () => {
    const { outcome, masked, lines } = await upload();
    expect(outcome).toMatchObject({ status: 'done', detail: expect.stringContaining('(trusted-publishing): uploaded') });
    expect(index.oidc.minted).toHaveLength(1);
    const idTokens = [...index.oidc.issued.keys()];
    expect(masked).toEqual([...idTokens, ...index.oidc.minted]);
    expect(lines.join('\n')).not.toContain(index.oidc.minted[0]);
    expect([...index.oidc.issued.values()]).toEqual([{ audience: 'tagship-test-index', used: true, claims: DIRECT_CALL }]);
    expect(index.counts.stored).toBe(2);
  });

  it('mints again, with a fresh ID token, before the short-lived token runs out', async () => {
    let clock = Date.now();
    index.onStored = () => (clock += 14 * 60_000);
    const { outcome, masked } = await upload({ now: () => clock });
    index.onStored = undefined;
    expect(outcome).toMatchObject({ status: 'done' });
    expect(index.oidc.exchanges).toBe(2);
    expect(new Set(index.oidc.minted).size).toBe(2);
    expect(masked.filter((s) => s.startsWith('pypi-'))).toEqual(index.oidc.minted);
    expect([...index.oidc.issued.values()].every((t) => t.used)).toBe(true);
  });

  it('no matching trusted publisher and no token: the claims that were sent and what to register', async () => {
    // Registered with an environment, while the job runs without one: PyPI refuses with invalid-publisher.
    index.oidc.publisher = { ...DIRECT_PUBLISHER, environment: 'pypi' };
    const { outcome } = await upload();
    expect(String(outcome)).toContain(
      `Trusted publishing was refused by ${index.url} (HTTP 422: Token request failed — invalid-publisher: valid token, but no corresponding publisher (Publisher with matching claims was not found)). The token sent repository \`octo/proj\`, workflow file \`release.yml\`, no environment (a publisher that names one needs \`environment:\` on this job): the project's trusted publisher on the index must name exactly these (owner and repository, workflow file, environment), or pass an API token in the 'pypi-token' input.`,
    );
    expect(index.counts.uploads).toBe(0);
  });

  it('falls back to the pypi-token input, with a warning, when the exchange is refused', async () => {
    index.oidc.publisher = false;
    index.tokens.add('pypi-fallback');
    const { outcome, warnings } = await upload({ token: 'pypi-fallback' });
    expect(outcome).toMatchObject({ status: 'done', detail: expect.stringContaining('(token): uploaded') });
    expect(warnings).toEqual([expect.stringMatching(/^Trusted publishing was refused .* Using the 'pypi-token' input instead\.$/)]);
  });

  it('without the id-token permission (no OIDC variables) and no token: the one clear error', async () => {
    const { outcome } = await upload({ oidc: false });
    expect(String(outcome)).toMatch("give the job `permissions: id-token: write` and configure this repository as a trusted publisher of the project on the index, or pass an API token in the 'pypi-token' input.");
    expect(index.oidc.exchanges).toBe(0);
  });

  it('a minted token the index then refuses (403) names trusted publishing as what to check', async () => {
    index.onStored = undefined;
    const p = pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl);
    const harness = context(p, copyProject(built), { env: index.oidc.runnerEnv });
    // The index forgets minted tokens at once: as if the publisher was removed mid-run.
    const tokens = index.tokens;
    index.tokens = { has: () => false, add: (t: string) => tokens.add(t), clear: () => tokens.clear() } as unknown as Set<string>;
    const error = await createPypiUploadExecutor({ http: fastHttp() })(pythonSteps(p).upload, harness.ctx).catch((e: Error) => e);
    index.tokens = tokens;
    expect(String(error)).toMatch("(HTTP 403: Invalid or non-existent authentication information. See http://localhost/help/#invalid-auth for more information.). It was made with a token minted by trusted publishing (check the project's trusted publisher");
  });
});
