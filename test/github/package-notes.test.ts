/**
 * A package's GitHub release (`packages:`): titled with its own tag, marked latest by its own releases, and
 * its notes list only the commits of the range that touch the package's path, as GitHub's list-commits
 * with `path` reports them (the stand-in filters as `git log -- <path>` does).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { packageNamed } from '../../src/config/packages.js';
import { createGithubReleaseExecutor } from '../../src/github/executor.js';
import { createGithubClient } from '../../src/github/client.js';
import { buildPlan } from '../../src/plan/build.js';
import { resolveTrigger } from '../../src/trigger.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { FAST, harness, projectWithDist, releaseStep } from './fixtures.js';

const execute = createGithubReleaseExecutor(FAST);
let server: GithubApiServer;

beforeEach(async () => {
  server = await GithubApiServer.start();
});
afterEach(async () => {
  await server.stop();
  expect(server.violations).toEqual([]);
});

const CONFIG = parseConfig({ file: '.github/tagship.yml', text: 'packages:\n  core: { path: packages/core }\n  cli: { path: packages/cli }\n' });

/** The plan the action makes for a push of `tag`, with the package's facts as main.ts gathers them. */
function packagePlan(tag: string, known: string[], name = 'core') {
  const selected = packageNamed(CONFIG, name);
  const config = selected.config;
  const trigger = resolveTrigger({ name: 'push', ref: `refs/tags/${tag}`, payload: { ref: `refs/tags/${tag}` } }, { prefix: config['tag-prefix'], rehearsalPrefix: 'test-', rebuildPrefix: 'docker-rebuild-' });
  return buildPlan({
    trigger,
    config,
    facts: { project: { readings: [], npm: [], cargo: false, python: { name: 'acme-core' } }, knownVersions: known, repository: 'acme/widget', package: { name, path: selected.path } },
    now: new Date('2026-12-02T00:00:00Z'),
    dryRun: false,
  });
}

async function release(tag: string, known: string[]) {
  const plan = packagePlan(tag, known);
  const outcome = await execute(releaseStep(plan), harness(plan, server, projectWithDist(tag.replace('core-v', ''))).ctx);
  expect(outcome.status).toBe('done');
  return server.releasesFor(tag)[0]!;
}

describe("a package's release notes", () => {
  it('list only the commits of the range that touch the package, grouped as usual', async () => {
    server.commit('feat(core): the first parser', undefined, ['packages/core/parser.py']);
    server.tag('core-v1.0.0');
    server.commit('feat(cli): a --json flag', undefined, ['packages/cli/main.ts']);
    server.commit('feat(core): streaming parse', undefined, ['packages/core/parser.py', 'packages/core/stream.py']);
    server.commit('fix: typo in the root README', undefined, ['README.md']);
    server.commit('fix(core-utils): not the core package', undefined, ['packages/core-utils/x.py']);
    server.commit('fix(core)!: reject empty input', undefined, ['packages/core/parser.py', 'packages/cli/main.ts']);
    server.commit('chore: release core 1.1.0', undefined, ['packages/core/pyproject.toml']);
    server.tag('core-v1.1.0');

    const made = await release('core-v1.1.0', ['1.0.0']);
    expect(made.name).toBe('core-v1.1.0');
    const body = made.body!;
    expect(body).toContain('## Changes since core-v1.0.0');
    for (const listed of ['streaming parse', 'reject empty input', 'release core']) expect(body).toContain(listed);
    for (const other of ['a --json flag', 'typo in the root README', 'not the core package', 'the first parser']) expect(body).not.toContain(other);
    expect(body).toMatch(/### ⚠ Breaking changes\n\n- \*\*core:\*\* reject empty input/);
    expect(body).toContain(`**Full changelog**: ${server.serverUrl}/acme/widget/compare/core-v1.0.0...core-v1.1.0`);
    // The listing asked GitHub for the package's path, from the release.
    expect(server.requestsFor('repos/list-commits').map((r) => [r.query.path, r.query.sha])).toEqual([['packages/core', 'core-v1.1.0']]);
    // GitHub's generated notes cover the whole repository: not asked.
    expect(server.requestsFor('repos/generate-release-notes')).toEqual([]);
  });

  it("without a previous release, list every commit that touched the package; a history that is not conventional is listed too", async () => {
    server.commit('Initial import of core', undefined, ['packages/core/parser.py']);
    server.commit('Add the CLI', undefined, ['packages/cli/main.ts']);
    server.commit('Tidy core', undefined, ['packages/core/parser.py']);
    server.tag('core-v0.1.0');
    const body = (await release('core-v0.1.0', [])).body!;
    expect(body).toContain('## Changes\n\n### Other changes\n\n- Tidy core');
    expect(body).toContain('Initial import of core');
    expect(body).not.toContain('Add the CLI');
  });

  it("read the package's history only as far back as the range: a long past costs no extra pages", async () => {
    for (let i = 0; i < 250; i++) server.commit(`fix(core): old change ${i}`, undefined, ['packages/core/old.py']);
    server.tag('core-v1.0.0');
    server.commit('feat(core): new change', undefined, ['packages/core/new.py']);
    server.tag('core-v1.1.0');
    const body = (await release('core-v1.1.0', ['1.0.0'])).body!;
    expect(body).toContain('new change');
    expect(body).not.toContain('old change');
    expect(server.requestsFor('repos/list-commits')).toHaveLength(1);
  });

  it('an empty range says so without listing the history', async () => {
    server.commit('feat(cli): only the cli changed', undefined, ['packages/cli/main.ts']);
    server.tag('core-v1.0.0');
    server.tag('core-v1.0.1');
    const body = (await release('core-v1.0.1', ['1.0.0'])).body!;
    expect(body).toContain('## Changes since core-v1.0.0\n\n_No changes._');
  });
});

describe("the GitHub stand-in's list-commits", () => {
  it('filters by path as git log -- <path> does: the directory and what is under it, newest first', async () => {
    const a = server.commit('a', undefined, ['core/x.py']);
    server.commit('b', undefined, ['core-utils/y.py']);
    const c = server.commit('c', undefined, ['core']);
    const d = server.commit('d', undefined, ['docs/core/z.md', 'core/deep/w.py']);
    const client = createGithubClient({ token: 'test-token', baseUrl: server.apiUrl, retries: 0, timeoutMs: 5_000 });
    const list = async (query: { path?: string; sha?: string; per_page?: number; page?: number }) =>
      (await client.rest.repos.listCommits({ owner: 'acme', repo: 'widget', ...query })).data.map((commit) => commit.sha);
    expect(await list({ path: 'core' })).toEqual([d, c, a]);
    expect(await list({ path: 'core/' })).toEqual([d, c, a]);
    expect(await list({ path: 'core/deep' })).toEqual([d]);
    expect(await list({ path: 'core', sha: c })).toEqual([c, a]);
    expect(await list({ path: 'core', per_page: 2, page: 2 })).toEqual([a]);
    expect((await list({})).length).toBe(4);
    await expect(list({ sha: 'no-such-branch' })).rejects.toMatchObject({ status: 404 });
  });
});
