/**
 * `tagship plan` in a repository whose packages are released independently (`packages:`): each tag plans
 * its own package only, from its directory; released versions are that package's tags only, so `latest`,
 * the image aliases and GitHub's make_latest are decided per package. The released tags come from a real
 * origin remote (git ls-remote), as in a workflow.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import { packageNamed } from '../../src/config/packages.js';
import { buildPlan } from '../../src/plan/build.js';
import { resolveTrigger } from '../../src/trigger.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

const CONFIG = `
docker:
  platforms: [linux/amd64]
packages:
  core:
    path: core
    docker:
      images: [ghcr.io/acme/core]
  cli:
    path: tools/cli
    tag-prefix: cli@
    docker:
      images: [ghcr.io/acme/cli]
`;

/** Tags already pushed: every package and the root project have releases of their own. */
const RELEASED = ['core-v1.0.0', 'core-v1.1.0', 'cli@2.0.0', 'cli@2.1.0', 'v3.0.0', 'v0.9.0'];

let repo: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** Sets each package's version sources (the working tree is what plan checks). */
function versions(v: { core?: string; cli?: string; root?: string }): void {
  if (v.core) writeFileSync(join(repo, 'core/pyproject.toml'), `[project]\nname = "acme-core"\nversion = "${v.core}"\n`);
  if (v.cli) writeFileSync(join(repo, 'tools/cli/package.json'), JSON.stringify({ name: '@acme/cli', version: v.cli }, null, 2) + '\n');
  if (v.root) writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'acme', version: v.root, private: true }, null, 2) + '\n');
}

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'tagship-packages-'));
  const origin = join(base, 'origin.git');
  repo = join(base, 'work');
  mkdirSync(join(repo, '.github'), { recursive: true });
  mkdirSync(join(repo, 'core'));
  mkdirSync(join(repo, 'tools/cli'), { recursive: true });
  git(base, 'init', '-q', '--bare', origin);
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, '.github/tagship.yml'), CONFIG);
  versions({ core: '1.1.0', cli: '2.1.0', root: '3.0.0' });
  writeFileSync(join(repo, 'core/Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(repo, 'tools/cli/Dockerfile'), 'FROM scratch\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'initial');
  for (const tag of RELEASED) git(repo, 'tag', tag);
  git(repo, 'remote', 'add', 'origin', origin);
  git(repo, 'push', '-q', 'origin', 'main', '--tags');
  // Only the remote knows the releases: a workflow's clone has no tags.
  for (const tag of RELEASED) git(repo, 'tag', '-d', tag);
});

async function plan(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['plan', '--json', ...argv], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: repo, now: () => new Date('2026-12-02T00:00:00Z') });
  if (code !== 0) throw new Error(`plan ${argv.join(' ')} exited ${code}: ${err.join('\n')}`);
  const json = JSON.parse(out.join('\n'));
  const steps = (json.stages as Array<{ steps: Array<Record<string, any>> }>).flatMap((stage) => stage.steps);
  const images = Object.fromEntries(steps.filter((s) => s.kind === 'docker-merge').flatMap((s) => s.images.map((i: { repository: string; tags: string[] }) => [i.repository, i.tags])));
  const release = steps.find((s) => s.kind === 'github-release')!;
  return { json, steps, images, release, stderr: err.join('\n') };
}

describe('tagship plan with packages', () => {
  it("a package's new release is its latest, whatever the other packages' and the root's versions", async () => {
    versions({ core: '1.2.0' });
    const { json, images, release, steps } = await plan('--ref', 'refs/tags/core-v1.2.0');
    expect(json.version.normalized).toBe('1.2.0');
    expect(json.latest).toBe(true);
    expect(json.checks).toEqual([expect.objectContaining({ file: 'pyproject.toml', found: '1.2.0', ok: true })]);
    expect(images).toEqual({ 'ghcr.io/acme/core': ['1.2.0', '1.2', '1', 'latest'] });
    expect(release).toMatchObject({ tag: 'core-v1.2.0', name: 'core-v1.2.0', makeLatest: 'true', previousTag: 'core-v1.1.0', path: 'core' });
    // Built from the package's directory: its pyproject, its Dockerfile.
    expect(steps.find((s) => s.kind === 'pypi-upload')).toMatchObject({ project: 'acme-core', version: '1.2.0' });
  });

  it('a backport of one package moves no alias of another, nor its own latest', async () => {
    versions({ core: '1.0.1' });
    const { json, images, release } = await plan('--ref', 'refs/tags/core-v1.0.1');
    expect(json.latest).toBe(false);
    expect(images).toEqual({ 'ghcr.io/acme/core': ['1.0.1', '1.0'] });
    expect(release).toMatchObject({ makeLatest: 'false', previousTag: 'core-v1.0.0' });

    versions({ cli: '2.0.1' });
    const cli = await plan('--ref', 'refs/tags/cli@2.0.1');
    expect(cli.images).toEqual({ 'ghcr.io/acme/cli': ['2.0.1', '2.0'] });
    expect(cli.release).toMatchObject({ tag: 'cli@2.0.1', makeLatest: 'false', previousTag: 'cli@2.0.0', path: 'tools/cli' });
  });

  it('a package with a lower version than the root project is still its own latest; the root tag plans the root as before', async () => {
    versions({ cli: '2.2.0' });
    const cli = await plan('--ref', 'refs/tags/cli@2.2.0');
    expect(cli.json.latest).toBe(true);
    expect(cli.images).toEqual({ 'ghcr.io/acme/cli': ['2.2.0', '2.2', '2', 'latest'] });
    expect(cli.steps.find((s) => s.kind === 'npm-publish')).toMatchObject({ package: '@acme/cli', version: '2.2.0' });

    versions({ root: '3.0.1' });
    const root = await plan('--ref', 'refs/tags/v3.0.1');
    expect(root.json.latest).toBe(true);
    expect(root.images).toEqual({});
    expect(root.release).toMatchObject({ tag: 'v3.0.1', previousTag: 'v3.0.0', makeLatest: 'true' });
    expect(root.release).not.toHaveProperty('path');
  });

  it('rehearsal and rebuild tags of a package plan that package', async () => {
    versions({ core: '1.2.0' });
    const rehearsal = await plan('--ref', 'refs/tags/test-core-v1.2.0');
    expect(rehearsal.json.trigger).toMatchObject({ kind: 'rehearsal', tag: 'core-v1.2.0' });
    expect(rehearsal.images).toEqual({});
    versions({ core: '1.1.0' });
    const rebuild = await plan('--ref', 'refs/tags/docker-rebuild-core-v1.1.0', '--known-versions', '1.0.0,1.1.0');
    expect(rebuild.json.trigger).toMatchObject({ kind: 'docker-rebuild', tag: 'core-v1.1.0' });
    expect(Object.keys(rebuild.images)).toEqual(['ghcr.io/acme/core']);
  });

  it('a dispatch names the package by its tag or by --package; without a ref, --package plans its version', async () => {
    versions({ core: '1.2.0' });
    const byTag = await plan('--input', 'version=core-v1.2.0');
    expect(byTag.release).toMatchObject({ tag: 'core-v1.2.0' });
    const byName = await plan('--input', 'version=1.2.0', '--package', 'core');
    expect(byName.release).toMatchObject({ tag: 'core-v1.2.0' });
    const head = await plan('--package', 'core');
    expect(head.stderr).toBe("tagship: no --ref given; using refs/tags/core-v1.2.0 (no tag at HEAD; the project's version)");
    expect(head.release).toMatchObject({ tag: 'core-v1.2.0', path: 'core' });
  });

  it("without --ref, a package's tag at HEAD plans that package", async () => {
    versions({ core: '1.2.0' });
    git(repo, 'tag', 'core-v1.2.0');
    try {
      const head = await plan();
      expect(head.stderr).toBe('tagship: no --ref given; using refs/tags/core-v1.2.0 (the tag at HEAD)');
      expect(head.release).toMatchObject({ tag: 'core-v1.2.0', path: 'core' });
    } finally {
      git(repo, 'tag', '-d', 'core-v1.2.0');
    }
  });

  it('a version that does not match the package fails its guard with the package file named', async () => {
    versions({ core: '1.2.0' });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['plan', '--ref', 'refs/tags/core-v1.3.0'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: repo, now: () => new Date() });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/pyproject\.toml/);
    const unknown: string[] = [];
    expect(await runCli(['plan', '--package', 'kore'], { stdout: () => undefined, stderr: (t) => unknown.push(t), env: {}, cwd: repo, now: () => new Date() })).toBe(1);
    expect(unknown).toEqual(['tagship: No package "kore" in the config\'s packages: expected one of "core", "cli".']);
  });
});

describe("a package's Docker stage handed to another workflow", () => {
  it("dispatches it with the package's full tag, which selects the package again there", () => {
    const selected = packageNamed(parseConfig({ file: '.github/tagship.yml', text: 'github-release: { docker-workflow: docker.yml }\npackages:\n  core: { path: core, docker: { images: [ghcr.io/acme/core] } }\n' }), 'core');
    const trigger = resolveTrigger({ name: 'push', ref: 'refs/tags/core-v1.2.0', payload: { ref: 'refs/tags/core-v1.2.0' } }, { prefix: 'core-v', rehearsalPrefix: 'test-', rebuildPrefix: 'docker-rebuild-' });
    const plan = buildPlan({
      trigger,
      config: selected.config,
      facts: { project: { readings: [], npm: [], cargo: false }, knownVersions: [], repository: 'acme/widget', package: { name: 'core', path: 'core' } },
      now: new Date('2026-12-02T00:00:00Z'),
      dryRun: true,
      only: ['release'],
    });
    const dispatch = plan.stages.flatMap((stage) => stage.steps).find((step) => step.kind === 'workflow-dispatch');
    expect(dispatch).toMatchObject({ workflow: 'docker.yml', ref: 'core-v1.2.0', inputs: { version: 'core-v1.2.0', stages: 'docker' } });
  });
});
