import { test } from 'vitest';
import { planRelease, releaseStep } from '../github/fixtures.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { createGithubClient } from '../../src/github/client.js';
test('dbg', async () => {
  const plan = planRelease({ known: ['1.2.2'] });
  console.log(JSON.stringify(releaseStep(plan), null, 1), plan.version);
  const s = await GithubApiServer.start();
  s.commit('x');
  const c = createGithubClient({ token: 'test-token', baseUrl: s.apiUrl, retryAfterUnitMs: 20, spaceWrites: false });
  await c.rest.repos.generateReleaseNotes({ owner: 'acme', repo: 'widget', tag_name: 'v9' }).catch((e) => console.log(e.status));
  console.log(s.requests.map((r) => r.status));
  await s.stop();
});
