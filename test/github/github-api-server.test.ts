import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { OpenApiValidator } from '../support/github-openapi.js';
import { GithubApiServer } from '../support/github-api-server.js';

// The test server is only as good as its checks: these show that it refuses and reports what
// GitHub's description does not allow, in requests and in its own responses.
let server: GithubApiServer;
const auth = { authorization: 'token test-token', 'content-type': 'application/json' };

beforeEach(async () => {
  server = await GithubApiServer.start();
  server.commit('feat: one');
  server.tag('v1.0.0');
});
afterEach(() => server.stop());

async function post(path: string, body: unknown) {
  return fetch(`${server.apiUrl}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
}

describe('requests are checked against the OpenAPI description', () => {
  test('an unknown field is a violation and is refused', async () => {
    const response = await post('/repos/acme/widget/releases', { tag_name: 'v1.0.0', colour: 'red' });
    expect(response.status).toBe(422);
    expect(server.violations).toEqual([expect.stringContaining('must NOT have unevaluated properties (colour)')]);
    expect(server.releases).toEqual([]);
  });

  test('a wrong type is a violation', async () => {
    await post('/repos/acme/widget/releases', { tag_name: 'v1.0.0', make_latest: true });
    expect(server.violations.join('\n')).toMatch(/make_latest must be string/);
  });

  test('an unknown query parameter and an unknown endpoint are violations', async () => {
    await fetch(`${server.apiUrl}/repos/acme/widget/releases?include_drafts=1`, { headers: auth });
    await fetch(`${server.apiUrl}/repos/acme/widget/releases/by-name/x/y`, { headers: auth });
    expect(server.violations).toEqual([
      expect.stringContaining('unknown query parameter include_drafts'),
      expect.stringContaining('no such operation'),
    ]);
  });
});

describe("the server's responses are checked too", () => {
  test('its release JSON is valid, and a field GitHub does not send or a wrong type is caught', async () => {
    const response = await post('/repos/acme/widget/releases', { tag_name: 'v1.0.0', draft: true });
    expect(response.status).toBe(201);
    const validator = OpenApiValidator.shared();
    const match = validator.match('POST', '/repos/acme/widget/releases')!;
    const release = server.releaseJson(server.releases[0]!);
    expect(validator.validateResponse(match, 201, release)).toEqual([]);
    expect(validator.validateResponse(match, 201, { ...release, latest: true }).join()).toContain('(latest)');
    expect(validator.validateResponse(match, 201, { ...release, id: String(release.id) }).join()).toContain('/id must be integer');
    expect(validator.validateResponse(match, 201, { ...release, assets: [{ ...release.assets[0], name: 'x' }] })).not.toEqual([]);
    expect(server.violations).toEqual([]);
  });
});

describe('GitHub behaviour tagship relies on', () => {
  test('get-release-by-tag does not return drafts; listing does', async () => {
    await post('/repos/acme/widget/releases', { tag_name: 'v1.0.0', draft: true });
    const byTag = await fetch(`${server.apiUrl}/repos/acme/widget/releases/tags/v1.0.0`, { headers: auth });
    const list = (await (await fetch(`${server.apiUrl}/repos/acme/widget/releases`, { headers: auth })).json()) as unknown[];
    expect(byTag.status).toBe(404);
    expect(list).toHaveLength(1);
    expect(server.violations).toEqual([]);
  });

  test('a second published release for a tag is refused with already_exists', async () => {
    await post('/repos/acme/widget/releases', { tag_name: 'v1.0.0' });
    const second = await post('/repos/acme/widget/releases', { tag_name: 'v1.0.0' });
    expect(second.status).toBe(422);
    expect(await second.json()).toMatchObject({ errors: [{ code: 'already_exists', field: 'tag_name' }] });
    expect(server.violations).toEqual([]);
  });

  test('a bad token gets 401', async () => {
    const response = await fetch(`${server.apiUrl}/repos/acme/widget/releases`, { headers: { authorization: 'token nope' } });
    expect(response.status).toBe(401);
    expect(server.violations).toEqual([]);
  });
});
