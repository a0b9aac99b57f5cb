/**
 * Every shell command README.md and docs/getting-started.md tell a reader to run, run here the way the
 * page says, in the order it says, with the outcome the page promises; or, for those that cannot run
 * here, the reason. A command added to either page fails the first test until it is given one or the other.
 *
 * `npx --yes github:tagship/tagship#v0 ARGS` fetches this repository at the tag `v0` and runs its
 * package.json `bin` (dist/cli/index.js, committed). Here it runs this checkout's built CLI, the commit
 * `v0` will point at once released: `node dist/cli/index.js ARGS`. The first test checks the mapping
 * holds (the bin, its shebang, no build step on install).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/action-run.js';

const PAGES = ['README.md', 'docs/getting-started.md'];
const NPX_FROM_GITHUB = /^npx --yes github:tagship\/tagship#v0(?= |$)/;
const BUILT_CLI = join(repoRoot, 'dist/cli/index.js');

interface DocCommand {
  /** file:line */
  where: string;
  command: string;
  /** From a `sh` block, or an inline code span in the prose. */
  inline: boolean;
}

/** Programs whose inline code spans read as a command (`npm run build`), not a name (`docker.yml`). */
const INLINE_COMMAND = /^(npx|npm|node|tagship|bash|sh|git|python3?|pip3?|twine|skopeo|docker|scripts\/[\w./-]+) \S/;

/**
 * The commands of one page: each line of a ```sh / ```bash / ```shell block (indented in a list item
 * too), without its trailing `# comment` (a `#` inside a word, as in `#v0`, is not one), and each inline
 * code span in the prose that starts with a program and an argument.
 */
function docCommands(file: string, markdown: string): DocCommand[] {
  const out: DocCommand[] = [];
  let fence: { marker: string; shell: boolean } | null = null;
  markdown.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    const opener = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      if (opener && opener[1]!.startsWith(fence.marker) && !opener[2]) fence = null;
      else if (fence.shell && line.trim()) out.push({ where, command: line.replace(/\s+#\s.*$/, '').trim(), inline: false });
      return;
    }
    if (opener) {
      fence = { marker: opener[1]!, shell: ['sh', 'bash', 'shell', 'console'].includes(opener[2]!) };
      return;
    }
    for (const span of line.matchAll(/(?<!`)`([^`]+)`(?!`)/g)) if (INLINE_COMMAND.test(span[1]!)) out.push({ where, command: span[1]!, inline: true });
  });
  return out;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A reader's shell: bash, a home of its own, no token in the environment, the page's command as written. */
function shell(command: string, cwd: string): Run {
  const home = mkdtempSync(join(tmpdir(), 'tagship-doc-home-'));
  const result = spawnSync('bash', ['-c', command], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', GIT_AUTHOR_NAME: 'Reader', GIT_AUTHOR_EMAIL: 'reader@example.org', GIT_COMMITTER_NAME: 'Reader', GIT_COMMITTER_EMAIL: 'reader@example.org' },
  });
  rmSync(home, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const git = (cwd: string, ...args: string[]) => {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};

/**
 * "Your project": examples/python-app (pyproject.toml 1.2.3, a Dockerfile) without its workflow and
 * config, committed, with an `origin` the reader can push tags to (a bare repository beside it).
 */
function readersProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-reader-'));
  cpSync(join(repoRoot, 'examples/python-app'), dir, { recursive: true });
  rmSync(join(dir, '.github'), { recursive: true, force: true });
  const origin = mkdtempSync(join(tmpdir(), 'tagship-reader-origin-'));
  git(origin, 'init', '-q', '--bare');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'crawlkit 1.2.3');
  git(dir, 'remote', 'add', 'origin', origin);
  return dir;
}

/** The plan the built CLI makes for a tag in the project, as JSON (known versions from `origin`). */
function planFor(dir: string, tag: string) {
  const run = shell(`node ${BUILT_CLI} plan --ref refs/tags/${tag} --json`, dir);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { rehearsal: boolean; latest: boolean; version: { normalized: string }; stages: Array<{ name: string; steps: Array<Record<string, unknown>> }> };
}

const stepOf = (plan: ReturnType<typeof planFor>, kind: string) => plan.stages.flatMap((s) => s.steps).find((s) => s.kind === kind)!;

type Check = (run: Run & { command: string }, cwd: string) => void;

/** What each runnable command must do, by the command as the page writes it (npx mapped as above). */
const EXPECTED: Array<[pattern: RegExp, cwd: 'project' | 'repository', check: Check]> = [
  [/^npx\b.* --help$/, 'project', (run) => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('tagship init [--cwd DIR] [--dry-run]');
    expect(run.stdout).toContain('tagship plan [--cwd DIR]');
  }],
  [/^npx\b.* init --dry-run$/, 'project', (run, cwd) => {
    expect(run.status, run.stderr).toBe(0);
    // "the workflow and config it would write": both files, printed, nothing written.
    const [, workflow, config] = run.stdout.split(/^# --- /m);
    expect(workflow!.split('\n')[0]).toBe('.github/workflows/release.yml');
    expect(Object.keys(parse(workflow!.slice(workflow!.indexOf('\n'))) as object)).toEqual(expect.arrayContaining(['on', 'jobs', 'permissions']));
    expect(config!.split('\n')[0]).toBe('.github/tagship.yml');
    expect(existsSync(join(cwd, '.github'))).toBe(false);
  }],
  [/^npx\b.* init$/, 'project', (run, cwd) => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('wrote .github/workflows/release.yml\nwrote .github/tagship.yml');
    expect(existsSync(join(cwd, '.github/workflows/release.yml'))).toBe(true);
    // "Then it prints the trusted publisher to register (step 3) and the rehearsal tag to push (step 5)".
    expect(run.stdout).toMatch(/workflow release\.yml, environment pypi/);
    expect(run.stdout).toMatch(/Rehearse: git tag test-v1\.2\.3 && git push origin test-v1\.2\.3/);
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '-q', '-m', 'tagship init');
  }],
  [/^npx\b.* plan$/, 'project', (run) => {
    expect(run.status, run.stderr).toBe(0);
    // "the tag at HEAD, else the project's version": no tag at HEAD yet.
    expect(run.stderr).toContain('tagship: no --ref given; using refs/tags/v1.2.3 (no tag at HEAD; the project\'s version)');
    expect(run.stdout).toMatch(/^tagship plan \(dry run\): tag v1\.2\.3\n {2}version {3}1\.2\.3/);
  }],
  [/^npx\b.* plan --ref refs\/tags\/v1\.2\.3$/, 'project', (run) => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^tagship plan \(dry run\): tag v1\.2\.3\n {2}version {3}1\.2\.3 \(pep440, latest\)/);
    expect(run.stdout).toContain('ok   pyproject.toml:7  1.2.3');
  }],
  [/^node dist\/cli\/index\.js plan --cwd examples\/python-app --ref refs\/tags\/v1\.2\.3 --known-versions 1\.0\.0,1\.2\.2 --json$/, 'repository', (run) => {
    expect(run.status, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan).toMatchObject({ version: { normalized: '1.2.3' }, latest: true, rehearsal: false });
    expect(plan.stages.map((s: { name: string }) => s.name)).toEqual(['release', 'docker', 'verify', 'deploy']);
  }],
  [/^git tag (test-v\S+) && git push origin \1$/, 'project', (run, cwd) => {
    expect(run.status, run.stderr).toBe(0);
    const tag = /^git tag (\S+)/.exec(run.command)![1]!;
    expect(git(cwd, 'ls-remote', '--tags', 'origin')).toContain(`refs/tags/${tag}`);
    // "TestPyPI, …, draft release": the plan the pushed tag starts, version guard passed.
    const plan = planFor(cwd, tag);
    expect(plan.rehearsal).toBe(true);
    expect(stepOf(plan, 'pypi-upload').repositoryUrl).toBe('https://test.pypi.org/legacy/');
    expect(stepOf(plan, 'github-release')).toMatchObject({ draft: true });
  }],
  [/^git tag (v\S+) && git push origin \1$/, 'project', (run, cwd) => {
    expect(run.status, run.stderr).toBe(0);
    const tag = /^git tag (\S+)/.exec(run.command)![1]!;
    expect(git(cwd, 'ls-remote', '--tags', 'origin')).toContain(`refs/tags/${tag}`);
    const plan = planFor(cwd, tag);
    expect(plan).toMatchObject({ rehearsal: false, latest: true });
    expect(stepOf(plan, 'pypi-upload').repositoryUrl).toBe('https://upload.pypi.org/legacy/');
    expect(stepOf(plan, 'github-release')).toMatchObject({ draft: false });
    // And `plan` with no --ref now takes "the tag at HEAD".
    const atHead = shell(`node ${BUILT_CLI} plan`, cwd);
    expect(atHead.stderr).toContain(`using refs/tags/${tag} (the tag at HEAD)`);
  }],
];

/** Commands that do not run here, and why: matched by pattern, so a reworded line stays classified. */
const NOT_RUN_HERE: Array<[pattern: RegExp, reason: string]> = [
  [
    /^((npm ci|scripts\/setup) && )?npm (run demo|test)\b|^npm ci$|^npx vitest\b|^bash \.ci\/run$/,
    "CI's own commands: .ci/run runs the setup and the suite, test/demo.test.ts the demo; a test inside the suite cannot run the suite",
  ],
  [/^npm run build$/, 'rewrites dist/, which the other test files run in parallel; .ci/run builds and fails when dist/ differs from the commit'],
  [/^npm run bench( \w+)?$/, 'benchmarks: minutes of timed runs (the workflow one runs the demo); test/bench checks the workflow model'],
  [/^tagship tests need: /, 'a line the test run prints, quoted: not a command'],
  [/^npx tagship$/, 'the pages name it only to say never to run it: the name is not tagship’s on the npm registry'],
  [/^(python -m build|twine upload|skopeo copy --all|node -e 0|git remote get-url origin)$/, 'named as what tagship runs or is measured against, not a step the reader takes'],
];

function classify(command: DocCommand): { run: (typeof EXPECTED)[number] } | { reason: string } | null {
  const text = command.command;
  const runnable = EXPECTED.find(([pattern]) => pattern.test(text));
  if (runnable && !command.inline) return { run: runnable };
  const skipped = NOT_RUN_HERE.find(([pattern]) => pattern.test(text));
  return skipped ? { reason: skipped[1] } : null;
}

const commands = PAGES.flatMap((page) => docCommands(page, readFileSync(join(repoRoot, page), 'utf8')));

describe('README and getting-started commands', () => {
  it('each command is run below or says why it cannot run here; npx from GitHub runs the committed bin', () => {
    expect(commands.filter((c) => !classify(c)).map((c) => `${c.where}: ${c.command}`)).toEqual([]);
    expect(commands.filter((c) => !c.inline && 'run' in classify(c)!).length).toBeGreaterThanOrEqual(9);
    // The mapping above: npx installs the repository at v0 and runs package.json's bin, with no build.
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ tagship: 'dist/cli/index.js' });
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(readFileSync(BUILT_CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  for (const page of PAGES) {
    describe(page, () => {
      // One reader's project a page: its commands run in the page's order, each on what the last left.
      let project = '';
      beforeAll(() => {
        project = readersProject();
      });
      const runnable = commands.filter((c) => c.where.startsWith(`${page}:`)).map((c) => [c.where, c.command, classify(c)] as const);
      it.each(runnable.filter(([, , how]) => how && 'run' in how))('%s `%s` runs and does what the page says', (_where, command, how) => {
        const [, cwd, check] = (how as { run: (typeof EXPECTED)[number] }).run;
        const dir = cwd === 'repository' ? repoRoot : project;
        const run = shell(command.replace(NPX_FROM_GITHUB, `node ${BUILT_CLI}`), dir);
        check(Object.assign(run, { command }), dir);
      });
    });
  }
});

describe('the command reader', () => {
  it('reads indented sh blocks, drops trailing comments but not #v0, and picks commands out of the prose', () => {
    const md = [
      'Run `npm run build` first; see `docker.yml` and `tagship`.',
      '',
      '1. In your project:',
      '',
      '   ```sh',
      '   npx --yes github:tagship/tagship#v0 init   # --dry-run prints',
      '   ```',
      '',
      '```yaml',
      'run: npm test',
      '```',
    ].join('\n');
    expect(docCommands('x.md', md)).toEqual([
      { where: 'x.md:1', command: 'npm run build', inline: true },
      { where: 'x.md:6', command: 'npx --yes github:tagship/tagship#v0 init', inline: false },
    ]);
  });

  it('a command nobody classified is reported', () => {
    expect(classify({ where: 'x.md:1', command: 'npx --yes github:tagship/tagship#v0 publish --now', inline: false })).toBeNull();
    expect(classify({ where: 'x.md:1', command: 'scripts/setup && npm run demo', inline: false })).toMatchObject({ reason: expect.stringContaining('CI') });
  });
});
