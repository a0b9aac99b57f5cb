/**
 * examples/monorepo: two Python packages and one npm package in one repository, each released by its
 * own tag through the `packages:` map. Planned the way a user and the action plan them (`tagship plan`
 * and the action's dry run, from source), in a git repository whose tags are the releases so far: each
 * tag plans only its package, `latest` and the image aliases are decided from that package's tags
 * alone, and a backport of one package moves no alias of another.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { run } from '../src/main.js';
import type { ReleasePlan } from '../src/plan/types.js';
import { repoRoot } from './support/action-run.js';
import { tagPush } from './support/payloads.js';
import { usesTools } from './support/system-tools.js';
import { projectOf } from './support/workflow-files.js';
import { playWorkflow } from './support/workflow-run.js';
import { recordingRunner } from './verify/support/runner.js';

usesTools('git');

const example = join(repoRoot, 'examples/monorepo');
let repo: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: repo, GIT_AUTHOR_NAME: 'acme', GIT_AUTHOR_EMAIL: 'dev@acme.test', GIT_COMMITTER_NAME: 'acme', GIT_COMMITTER_EMAIL: 'dev@acme.test' } });
const setVersion = (file: string, from: string, to: string) => writeFileSync(join(repo, file), readFileSync(join(repo, file), 'utf8').replaceAll(`"${from}"`, `"${to}"`));

/**
 * The example's history: crawlkit 1.3.4, then the current tree (crawlkit 1.4.0, linkcheck 0.3.1,
 * client 2.1.0) with every package tagged, and a `crawlkit-1.3` maintenance branch whose head is the
 * backport crawlkit-v1.3.5. client's 2.1.0 and linkcheck's 5.0.0 (an old tag) are higher than any
 * crawlkit version: counted across packages, they would take crawlkit's `latest` away.
 */
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'tagship-monorepo-'));
  cpSync(example, repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  setVersion('crawlkit/pyproject.toml', '1.4.0', '1.3.4');
  setVersion('crawlkit/crawlkit/__version__.py', '1.4.0', '1.3.4');
  git('add', '-A');
  git('commit', '-qm', 'crawlkit 1.3.4');
  git('tag', 'crawlkit-v1.3.4');
  git('tag', 'linkcheck-v5.0.0');
  cpSync(example, repo, { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'crawlkit 1.4.0');
  for (const tag of ['crawlkit-v1.4.0', 'linkcheck-v0.3.0', 'client-v2.0.0', 'client-v2.1.0']) git('tag', tag);
  git('checkout', '-q', '-b', 'crawlkit-1.3', 'crawlkit-v1.3.4');
  setVersion('crawlkit/pyproject.toml', '1.3.4', '1.3.5');
  setVersion('crawlkit/crawlkit/__version__.py', '1.3.4', '1.3.5');
  git('commit', '-qam', 'crawlkit 1.3.5: backport a fix');
  git('tag', 'crawlkit-v1.3.5');
  git('checkout', '-q', 'main');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** `tagship plan --ref refs/tags/<tag> --json` in the repository at `checkout`. */
async function plan(tag: string, checkout = 'main'): Promise<{ code: number; plan: ReleasePlan; stderr: string }> {
  git('checkout', '-q', checkout);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['plan', '--cwd', repo, '--ref', `refs/tags/${tag}`, '--json'], {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { PATH: process.env.PATH, HOME: repo },
    cwd: repo,
    now: () => new Date('2026-12-01T12:00:00Z'),
  });
  return { code, plan: JSON.parse(out.join('\n')) as ReleasePlan, stderr: err.join('\n') };
}

const steps = (p: ReleasePlan) => p.stages.flatMap((stage) => stage.steps.map((step) => `${step.kind} ${step.target}`));
const imageTags = (p: ReleasePlan) => p.docker?.images.flatMap((image) => image.tags) ?? [];

describe('examples/monorepo: each tag releases its own package', () => {
  it('crawlkit-v1.4.0 plans crawlkit alone: PyPI, its release, its images under every alias', async () => {
    const { code, plan: p, stderr } = await plan('crawlkit-v1.4.0');
    expect(code, stderr).toBe(0);
    expect(p.checks.map((check) => `${check.file} ${check.found}`)).toEqual(['pyproject.toml 1.4.0', 'crawlkit/__version__.py 1.4.0']);
    expect(p.latest).toBe(true);
    expect(steps(p)).toEqual(
      expect.arrayContaining(['python-build dist/', 'github-release crawlkit-v1.4.0', 'verify-python crawlkit==1.4.0', 'docker-merge ghcr.io/acme/crawlkit:1.4.0,1.4,1,latest']),
    );
    expect(steps(p).filter((step) => /npm|linkcheck|client/.test(step))).toEqual([]);
    expect(imageTags(p)).toEqual(['ghcr.io/acme/crawlkit:1.4.0', 'ghcr.io/acme/crawlkit:1.4', 'ghcr.io/acme/crawlkit:1', 'ghcr.io/acme/crawlkit:latest']);
    const release = p.stages.flatMap((s) => s.steps).find((s) => s.kind === 'github-release') as { makeLatest: unknown; previousTag?: string };
    expect(release.makeLatest).toBe('true');
    // The notes compare with crawlkit's own previous release, not with whichever package tagged last.
    expect(release.previousTag).toBe('crawlkit-v1.3.5');
  });

  it('linkcheck-v0.3.1 plans linkcheck alone: no images, no npm, latest among linkcheck’s own versions only', async () => {
    const { code, plan: p, stderr } = await plan('linkcheck-v0.3.1');
    expect(code, stderr).toBe(0);
    expect(p.checks.map((check) => `${check.file} ${check.found}`)).toEqual(['pyproject.toml 0.3.1', 'linkcheck/__init__.py 0.3.1']);
    expect(steps(p)).toContain('verify-python linkcheck-acme==0.3.1');
    expect(steps(p).filter((step) => /docker|npm|crawlkit/.test(step))).toEqual([]);
    expect(p.docker).toBeUndefined();
    // linkcheck-v5.0.0 exists: 0.3.1 is not linkcheck's latest, whatever the other packages' versions.
    expect(p.latest).toBe(false);
  });

  it('client-v2.1.0 plans the npm package alone, under latest', async () => {
    const { code, plan: p, stderr } = await plan('client-v2.1.0');
    expect(code, stderr).toBe(0);
    expect(steps(p)).toEqual(['npm-publish @acme/crawlkit-client@2.1.0', 'github-release client-v2.1.0', 'verify-npm @acme/crawlkit-client@latest']);
    expect(p.stages.flatMap((s) => s.steps).find((s) => s.kind === 'npm-publish')).toMatchObject({ distTag: 'latest', dir: '.' });
    expect(p.latest).toBe(true);
  });

  it('a backport of crawlkit moves no alias: not 1, not latest, not the GitHub latest release, nothing of another package', async () => {
    const { code, plan: p, stderr } = await plan('crawlkit-v1.3.5', 'crawlkit-1.3');
    expect(code, stderr).toBe(0);
    expect(p.latest).toBe(false);
    expect(imageTags(p)).toEqual(['ghcr.io/acme/crawlkit:1.3.5', 'ghcr.io/acme/crawlkit:1.3']);
    const release = p.stages.flatMap((s) => s.steps).find((s) => s.kind === 'github-release') as { makeLatest: unknown };
    expect(release.makeLatest).toBe('false');
    expect(steps(p).filter((step) => /npm|linkcheck|client/.test(step))).toEqual([]);
  });

  it('a tag whose package files say another version stops at the guard, naming that package’s file', async () => {
    // crawlkit-v1.3.5 planned on main, where crawlkit says 1.4.0.
    const { code, stderr } = await plan('crawlkit-v1.3.5');
    expect(code).toBe(1);
    expect(stderr).toContain('pyproject.toml:7: version is "1.4.0" but tag crawlkit-v1.3.5 says "1.3.5"');
    expect(stderr).toContain('crawlkit/__version__.py:1: version is "1.4.0"');
  });

  it('the action selects the package from the pushed tag, and its outputs are that package’s', async () => {
    git('checkout', '-q', 'main');
    const dir = mkdtempSync(join(tmpdir(), 'tagship-monorepo-action-'));
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify(tagPush('client-v2.1.0')));
    const recorded = recordingRunner();
    const code = await run(
      {
        PATH: process.env.PATH,
        HOME: repo,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/tags/client-v2.1.0',
        GITHUB_EVENT_PATH: event,
        GITHUB_WORKSPACE: repo,
        GITHUB_REPOSITORY: 'acme/monorepo',
        'INPUT_DRY-RUN': 'true',
      },
      recorded.runner,
    );
    expect(code, [...recorded.lines, ...recorded.warnings].join('\n')).toBe(0);
    const outputs = recorded.outputs;
    expect(outputs.version).toBe('2.1.0');
    expect(outputs.latest).toBe('true');
    expect(JSON.parse(outputs.plan!).stages.flatMap((s: { steps: Array<{ id: string }> }) => s.steps.map((step) => step.id))).toContain('npm-publish:@acme/crawlkit-client');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the workflow is checked for what every package needs (the GitHub rules model reads the packages map)', () => {
    expect(projectOf(example)).toMatchObject({ python: true, npm: true, dockerImages: true, ghcrImages: true });
    const workflow = readFileSync(join(example, '.github/workflows/release.yml'), 'utf8');
    for (const prefix of ['crawlkit-v', 'linkcheck-v', 'client-v', 'test-crawlkit-v', 'docker-rebuild-crawlkit-v']) expect(workflow).toContain(`- '${prefix}*'`);
  });
});

describe('examples/monorepo: its workflow, played for each package’s tag through the built action', () => {
  const played = (tag: string, known: string) => {
    const runs = playWorkflow(join(example, '.github/workflows/release.yml'), { workspace: example, event: { name: 'push', payload: tagPush(tag) }, knownVersions: known })!;
    for (const r of runs) expect(r.run.status, `${r.job}: ${r.run.stdout}${r.run.stderr}`).toBe(0);
    return Object.fromEntries(runs.map((r) => [r.job, r.steps]));
  };

  it('crawlkit-v1.4.0: PyPI in the release job, then its images; nothing of the other packages', () => {
    expect(played('crawlkit-v1.4.0', '1.3.4')).toEqual({
      plan: [],
      release: ['python-build', 'pypi-upload', 'github-release', 'github-attest'],
      verify: ['verify-python:crawlkit', 'verify-assets'],
      'images/build[linux/amd64]': ['docker-build:linux/amd64'],
      'images/build[linux/arm64]': ['docker-build:linux/arm64'],
      'images-publish/merge': ['docker-scan', 'docker-merge', 'docker-attest'],
      'images-publish/verify': ['verify-images', 'verify-container'],
      'images-publish/deploy': [],
    });
  });

  it('linkcheck-v0.3.1 and client-v2.1.0: their own package, no image job starts', () => {
    expect(played('linkcheck-v0.3.1', '0.3.0')).toEqual({ plan: [], release: ['python-build', 'pypi-upload', 'github-release', 'github-attest'], verify: ['verify-python:linkcheck-acme', 'verify-assets'] });
    expect(played('client-v2.1.0', '2.0.0')).toEqual({ plan: [], release: ['npm-publish:@acme/crawlkit-client', 'github-release'], verify: ['verify-npm:@acme/crawlkit-client'] });
  });
});
