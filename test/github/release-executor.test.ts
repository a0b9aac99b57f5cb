import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { createGithubReleaseExecutor } from '../../src/github/executor.js';
import { isTagshipRelease, TAGSHIP_NOTES_BEGIN, TAGSHIP_RELEASE_MARKER } from '../../src/github/marker.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { FAST, harness, planRelease, projectWithDist, recordedWaits, releaseStep } from './fixtures.js';

const execute = createGithubReleaseExecutor(FAST);
let server: GithubApiServer;

/** A repository with a release history: v1.2.2 (stable) then conventional commits for 1.2.3. */
function seedHistory(s: GithubApiServer): void {
  s.commit('feat: first version');
  s.tag('v1.2.2');
  s.commit('feat(cli): add --json output (#12)');
  s.commit('fix: handle empty config files');
  s.commit('docs: explain the tag prefix');
  s.tag('v1.2.3');
}

beforeEach(async () => {
  server = await GithubApiServer.start();
  seedHistory(server);
});

afterEach(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

describe('first release', () => {
  test('creates a draft, uploads the dist files and SHA256SUMS, then publishes it as latest', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const h = harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] });
    const outcome = await execute(releaseStep(plan), h.ctx);

    expect(outcome.status).toBe('done');
    const [release, ...others] = server.releasesFor('v1.2.3');
    expect(others).toEqual([]);
    expect(release).toMatchObject({ draft: false, prerelease: false, name: 'v1.2.3' });
    expect(release!.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'crawlkit-1.2.3-py3-none-any.whl', 'crawlkit-1.2.3.tar.gz']);
    expect(server.latestReleaseId).toBe(release!.id);

    // Draft first, files second, publication last: a published release never lacks its files.
    const writes = server.successfulWrites.map((r) => r.operationId);
    expect(writes[0]).toBe('repos/create-release');
    expect(server.requestsFor('repos/create-release')[0]!.json).toMatchObject({ draft: true });
    expect(writes.at(-1)).toBe('repos/update-release');
    expect(server.requestsFor('repos/update-release').at(-1)!.json).toMatchObject({ draft: false, make_latest: 'true' });

    const sums = release!.assets.find((a) => a.name === 'SHA256SUMS')!.data.toString();
    const wheel = release!.assets.find((a) => a.name.endsWith('.whl'))!;
    expect(sums).toContain(`${wheel.digest!.slice(7)}  ${wheel.name}\n`);

    expect(release!.body).toContain('pip install crawlkit==1.2.3');
    expect(release!.body).toContain('## Changes since v1.2.2');
    expect(outcome.links?.[0]?.url).toContain('/releases/tag/v1.2.3');
  });

  test('without assets the release is created published in one request', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    const h = harness(plan, server, projectWithDist());
    await execute(releaseStep(plan), h.ctx);
    expect(server.successfulWrites.map((r) => r.operationId)).toEqual(['repos/create-release']);
    expect(server.requestsFor('repos/create-release')[0]!.json).toMatchObject({ draft: false, make_latest: 'true' });
  });
});

describe('re-run', () => {
  test('updates the one release, keeps equal assets and reports unchanged the second time', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const dir = projectWithDist();
    await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx);
    const uploadsBefore = server.requestsFor('repos/upload-release-asset').length;

    const again = await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx);
    expect(again.status).toBe('unchanged');
    expect(again.detail).toContain('3 unchanged');
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
    expect(server.requestsFor('repos/upload-release-asset')).toHaveLength(uploadsBefore);
    expect(server.requestsFor('repos/create-release')).toHaveLength(1);
  });

  test('replaces only the asset whose digest differs', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const dir = projectWithDist();
    await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx);
    const wheelBefore = server.releasesFor('v1.2.3')[0]!.assets.find((a) => a.name.endsWith('.whl'))!;

    writeFileSync(join(dir, 'dist', 'crawlkit-1.2.3.tar.gz'), 'a rebuilt sdist');
    const again = await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx);

    expect(again.status).toBe('done');
    const release = server.releasesFor('v1.2.3')[0]!;
    expect(release.assets.find((a) => a.name.endsWith('.tar.gz'))!.data.toString()).toBe('a rebuilt sdist');
    expect(release.assets.find((a) => a.name.endsWith('.whl'))!.id).toBe(wheelBefore.id);
    // The sdist and the checksums file changed; the wheel did not.
    expect(again.detail).toContain('2 replaced');
    expect(again.detail).toContain('1 unchanged');
  });

  test('an immutable release whose file differs is not touched: one line says why', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const dir = projectWithDist();
    await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx);
    server.releasesFor('v1.2.3')[0]!.immutable = true;
    writeFileSync(join(dir, 'dist', 'crawlkit-1.2.3.tar.gz'), 'a rebuilt sdist');
    const error = await execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/immutable .*crawlkit-1\.2\.3\.tar\.gz.* Release a new version/);
    expect(server.requestsFor('repos/delete-release-asset')).toEqual([]);
  });

  test('finds a draft left by a failed run (get-by-tag cannot) and finishes it', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const left = server.addRelease({ tag: 'v1.2.3', draft: true, body: 'half made' });
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    expect(server.releasesFor('v1.2.3').map((r) => [r.id, r.draft])).toEqual([[left.id, false]]);
    expect(server.requestsFor('repos/create-release')).toHaveLength(0);
  });

  test('updates a release a person published by hand, without a second one', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    const manual = server.addRelease({ tag: 'v1.2.3', body: 'written by hand' });
    const outcome = await execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(outcome.status).toBe('done');
    expect(server.releasesFor('v1.2.3').map((r) => r.id)).toEqual([manual.id]);
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    // Their notes stay on top; tagship's section (install lines, changelog) follows.
    expect(body.startsWith('written by hand\n\n')).toBe(true);
    expect(body).toContain('## Changes since v1.2.2');
    expect(isTagshipRelease(body)).toBe(true);
  });

  test("a re-run keeps what a person added above and below tagship's section, and rewrites only the section", async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    const [release] = server.releasesFor('v1.2.3');
    const written = release!.body!;
    // Edited on github.com, which stores the text with CRLF line ends; one edit lands inside the section.
    const edited = `**Highlights**: the --json output.\n\n${written.replace('## Changes since v1.2.2', '## Changes since v1.2.2\n\nEDITED INSIDE')}\nThanks to everyone who tested the rc.\n`.replace(/\n/g, '\r\n');
    const response = await fetch(`${server.apiUrl}/repos/acme/widget/releases/${release!.id}`, {
      method: 'PATCH',
      headers: { authorization: 'token test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ body: edited }),
    });
    expect(response.status).toBe(200);

    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    expect(body).toBe(`**Highlights**: the --json output.\n\n${written}\nThanks to everyone who tested the rc.\n`);
    expect(isTagshipRelease(body)).toBe(true);

    // A third run finds nothing to change: the body is left alone.
    const updates = server.requestsFor('repos/update-release').length;
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    expect(server.requestsFor('repos/update-release')).toHaveLength(updates);
  });

  test("a body an earlier tagship wrote (only the closing marker) is all tagship's: rewritten whole", async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.addRelease({ tag: 'v1.2.3', body: `# v1.2.3\n\nold notes\n\n${TAGSHIP_RELEASE_MARKER}\n` });
    await execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    const body = server.releasesFor('v1.2.3')[0]!.body!;
    expect(body).not.toContain('old notes');
    expect(body.startsWith(`${TAGSHIP_NOTES_BEGIN}\n`)).toBe(true);
  });
});

describe('races', () => {
  test('two executors releasing the same tag at once end with one release and one set of assets', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const dir = projectWithDist();
    // Both look for the release before either creates it.
    server.barrier('repos/list-releases', 2);
    const [a, b] = await Promise.all([
      execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx),
      execute(releaseStep(plan), harness(plan, server, dir, { finished: ['pypi-upload'] }).ctx),
    ]);
    expect(server.requestsFor('repos/create-release')).toHaveLength(2);
    const releases = server.releasesFor('v1.2.3');
    expect(releases).toHaveLength(1);
    expect(releases[0]!.draft).toBe(false);
    expect(releases[0]!.assets.map((x) => x.name).sort()).toEqual(['SHA256SUMS', 'crawlkit-1.2.3-py3-none-any.whl', 'crawlkit-1.2.3.tar.gz']);
    expect(releases[0]!.assets.every((x) => x.state === 'uploaded')).toBe(true);
    // Both drafts were created; the later one removed itself and both runs finished the same release.
    expect(server.requestsFor('repos/delete-release').map((r) => r.status)).toEqual([204]);
    expect(a.links?.[0]?.url).toMatch(/\/releases\/tag\/v1\.2\.3$/);
    expect(b.links?.[0]?.url).toBe(a.links?.[0]?.url);
  });

  test('a 422 already_exists on creation means: fetch the release and update it', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.barrier('repos/list-releases', 2);
    await Promise.all([
      execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx),
      execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx),
    ]);
    const creations = server.requestsFor('repos/create-release').map((r) => r.status).sort();
    expect(creations).toEqual([201, 422]);
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
  });
});

describe('latest and prereleases', () => {
  test('a backport (1.1.5 after 1.2.0) is published with make_latest "false" and leaves latest alone', async () => {
    server.commit('fix: backported fix');
    server.tag('v1.1.5');
    const plan = planRelease({ ref: 'refs/tags/v1.1.5', known: ['1.1.4', '1.2.0'], python: false });
    const current = server.addRelease({ tag: 'v1.2.0' });
    server.latestReleaseId = current.id;
    expect(releaseStep(plan).makeLatest).toBe('false');
    await execute(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(server.requestsFor('repos/create-release')[0]!.json).toMatchObject({ make_latest: 'false' });
    expect(server.latestReleaseId).toBe(current.id);
  });

  test('a prerelease is marked prerelease and never latest', async () => {
    server.tag('v1.3.0rc1');
    const plan = planRelease({ ref: 'refs/tags/v1.3.0rc1', known: ['1.2.2'] });
    const step = releaseStep(plan);
    await execute(step, harness(plan, server, projectWithDist('1.3.0rc1'), { finished: ['pypi-upload'] }).ctx);
    const [release] = server.releasesFor('v1.3.0rc1');
    expect(release).toMatchObject({ prerelease: true, draft: false });
    expect(server.requestsFor('repos/update-release').at(-1)!.json).toMatchObject({ make_latest: 'false' });
    expect(server.latestReleaseId).toBeUndefined();
  });
});

describe('failures', () => {
  const secondaryLimit = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest' };

  test('a 403 secondary rate limit is retried after the Retry-After it gives', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.fail({ operationId: 'repos/create-release', status: 403, headers: { 'retry-after': '3' }, body: secondaryLimit });
    const clock = recordedWaits();
    const h = harness(plan, server, projectWithDist());
    await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), h.ctx);
    expect(server.requestsFor('repos/create-release').map((r) => r.status)).toEqual([403, 201]);
    expect(clock.waits).toEqual([3000]);
    expect(h.lines).toContain('::warning::GitHub secondary rate limit on POST /repos/acme/widget/releases: retrying after 3 s (at 05:00:03 UTC).');
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
  });

  test('a 429 with Retry-After waits that long, not a backoff second', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.fail({ operationId: 'repos/list-releases', status: 429, headers: { 'retry-after': '45' }, body: { message: 'Too many requests', documentation_url: 'https://docs.github.com/rest' } });
    const clock = recordedWaits();
    await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(server.requestsFor('repos/list-releases').slice(0, 2).map((r) => r.status)).toEqual([429, 200]);
    expect(clock.waits).toEqual([45_000]);
  });

  test('a 429 asking for an hour fails at once with one line saying when to re-run, and sends nothing more', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.fail({ operationId: 'repos/list-releases', status: 429, headers: { 'retry-after': '3600' }, body: secondaryLimit });
    const clock = recordedWaits();
    const error = await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), harness(plan, server, projectWithDist()).ctx).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(
      "GitHub's secondary rate limit stopped GET /repos/acme/widget/releases (HTTP 429) and asks to wait 3600 s, longer than tagship waits in a job (120 s): re-run the workflow after 06:00:00 UTC; a re-run resumes.",
    );
    expect(clock.waits).toEqual([]);
    expect(server.requestsFor('repos/list-releases')).toHaveLength(1);
    expect(server.releases).toEqual([]);
  });

  test('a 403 primary rate limit (x-ratelimit-remaining 0) waits until one second past the reset', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    const clock = recordedWaits();
    server.fail({
      operationId: 'repos/list-releases',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '5000', 'x-ratelimit-reset': String(clock.now / 1000 + 20) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' },
    });
    const h = harness(plan, server, projectWithDist());
    await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), h.ctx);
    expect(server.requestsFor('repos/list-releases').slice(0, 2).map((r) => r.status)).toEqual([403, 200]);
    expect(clock.waits).toEqual([21_000]);
    expect(h.lines.some((l) => l.startsWith('::warning::') && l.includes('primary rate limit'))).toBe(true);
  });

  test('a primary limit that resets in 50 minutes fails with the reset time; a secondary one without headers waits a minute, then two', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    const clock = recordedWaits();
    server.fail({
      operationId: 'repos/list-releases',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.now / 1000 + 3000) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest' },
    });
    const error = await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), harness(plan, server, projectWithDist()).ctx).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^GitHub's primary rate limit stopped GET \/repos\/acme\/widget\/releases \(HTTP 403\) and asks to wait 3001 s, .*: re-run the workflow after 05:50:01 UTC; a re-run resumes\.$/);

    server.fail({ operationId: 'repos/create-release', status: 403, body: secondaryLimit, times: 2 });
    await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(clock.waits).toEqual([60_000, 120_000]);
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
  });

  test('a 403 that is not a rate limit (no permission) is not retried', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.fail({ operationId: 'repos/create-release', status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const clock = recordedWaits();
    const error = await createGithubReleaseExecutor(clock.tuning)(releaseStep(plan), harness(plan, server, projectWithDist()).ctx).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^The token may not do this/);
    expect(clock.waits).toEqual([]);
    expect(server.requestsFor('repos/create-release')).toHaveLength(1);
  });

  test('a request without an answer times out and is retried', async () => {
    const plan = planRelease({ known: ['1.2.2'], python: false });
    server.fail({ operationId: 'repos/list-releases', stallMs: 1_000 });
    const started = performance.now();
    await createGithubReleaseExecutor({ ...FAST, timeoutMs: 200 })(releaseStep(plan), harness(plan, server, projectWithDist()).ctx);
    expect(performance.now() - started).toBeLessThan(1_000);
    const [first, second] = server.requestsFor('repos/list-releases');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(190);
    expect(server.releasesFor('v1.2.3')).toHaveLength(1);
  });

  test('an asset upload whose answer stalls fails the attempt after the idle timeout and is retried; large assets log progress', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    server.fail({ operationId: 'repos/upload-release-asset', stallMs: 5_000 });
    const h = harness(plan, server, projectWithDist('1.2.3', { 'crawlkit-1.2.3-py3-none-any.whl': 'w'.repeat(2 * 1024 * 1024), 'crawlkit-1.2.3.tar.gz': 'sdist' }), { finished: ['pypi-upload'] });
    await createGithubReleaseExecutor({ ...FAST, idleTimeoutMs: 200 })(releaseStep(plan), h.ctx);
    expect(h.lines).toContainEqual(expect.stringMatching(/^::warning::GitHub answered nothing \(.*the whole body \(2\.0 MiB\) was sent, then no answer for 0\.2 s\) to POST \/(uploads\/)?repos\/acme\/widget\/releases\/\d+\/assets: retrying in/));
    expect(h.lines.filter((l) => l.startsWith('Uploading crawlkit-1.2.3-py3-none-any.whl: '))).toContain('Uploading crawlkit-1.2.3-py3-none-any.whl: 100% (2.0 MiB of 2.0 MiB) sent');
    const [release] = server.releasesFor('v1.2.3');
    expect(release!.assets.find((a) => a.name.endsWith('.whl'))!.data.length).toBe(2 * 1024 * 1024);
  });

  test('a 502 on an asset upload is retried, and a half-made asset it left is replaced', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    server.fail({ operationId: 'repos/upload-release-asset', status: 502, body: { message: 'Bad Gateway' }, leaveOpenAsset: true });
    await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
    const statuses = server.requestsFor('repos/upload-release-asset').map((r) => r.status);
    expect(statuses.slice(0, 2)).toEqual([502, 422]);
    const [release] = server.releasesFor('v1.2.3');
    expect(release!.draft).toBe(false);
    expect(release!.assets).toHaveLength(3);
    expect(release!.assets.every((a) => a.state === 'uploaded' && a.digest?.startsWith('sha256:'))).toBe(true);
  });

  test('an invalid token fails with one clear line and creates nothing', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const error = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { token: 'expired', finished: ['pypi-upload'] }).ctx).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/GitHub rejected the token .*401 Bad credentials.*github-token/);
    expect((error as Error).message).not.toContain('\n');
    expect(server.releases).toEqual([]);
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('a read-only token is told which permission it lacks, and nothing is created', async () => {
    server.tokens.set('read-only', false);
    const plan = planRelease({ known: ['1.2.2'] });
    const error = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { token: 'read-only', finished: ['pypi-upload'] }).ctx).catch((e: unknown) => e);
    expect((error as Error).message).toContain('permissions: contents: write');
    expect(server.releases).toEqual([]);
  });

  test('a missing token is a user error before any request', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const error = await execute(releaseStep(plan), harness(plan, server, projectWithDist(), { token: undefined }).ctx).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('github-token');
    expect(server.requests).toEqual([]);
  });

  test('a missing dist file stops the step before anything is written', async () => {
    const plan = planRelease({ known: ['1.2.2'] });
    const error = await execute(releaseStep(plan), harness(plan, server, projectWithDist('1.2.3', {}), { finished: ['pypi-upload'] }).ctx).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/No file matches the release asset pattern "dist\/\*\.whl"/);
    expect(server.requests).toEqual([]);
  });
});

describe('GitHub Enterprise Server', () => {
  test('talks to GITHUB_API_URL (/api/v3) and uploads through the release upload_url', async () => {
    const ghes = await GithubApiServer.start({ apiPrefix: '/api/v3' });
    try {
      seedHistory(ghes);
      const plan = planRelease({ known: ['1.2.2'] });
      await execute(releaseStep(plan), harness(plan, ghes, projectWithDist(), { finished: ['pypi-upload'] }).ctx);
      expect(ghes.releasesFor('v1.2.3')[0]!.assets).toHaveLength(3);
      expect(ghes.violations).toEqual([]);
    } finally {
      await ghes.stop();
    }
  });
});
