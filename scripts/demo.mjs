// `npm run demo`: a full local rehearsal of a release. It starts the tests' local PyPI index and GitHub
// API server, runs the built action (dist/index.js) as a workflow run would for the tag push v1.2.3 of
// a copy of examples/python-app (build, upload, GitHub release, pip install check), runs it again to
// show that a re-run finds everything done, and prints the logs and job summaries. The images need a
// Docker daemon and base-image pulls, so their part is shown as a dry-run plan. Without what the
// Python build and check need, it prints the dry-run plans and says what to install.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runAction } from './demo/action.mjs';
import { missingPythonParts } from './demo/python-probe.mjs';

const example = resolve('examples/python-app');
const python = process.env.TAGSHIP_DEMO_PYTHON || '/usr/bin/python3';
const owner = 'acme';
const repo = 'crawlkit';
const tokens = { github: 'demo-github-token', pypi: 'pypi-demo-token' };
// The repository's history, both in the copy's git and on the local GitHub server: v1.2.2 was released
// before, and v1.2.3 adds two commits (conventional, so the release notes group them).
const history = [
  { message: 'feat: crawlkit server with a /health endpoint', tag: 'v1.2.2' },
  { message: 'feat(server): answer /health with the version' },
  { message: 'fix: 404 for unknown paths', tag: 'v1.2.3' },
];

const PUBLISHING_STEPS = ['pypi-upload', 'github-release'];
const heading = (text) => console.log(`\n=== ${text} ===\n`);
const indent = (text) => text.replace(/^/gm, '  ');

const missing = missingPythonParts(python);
const code = missing.length ? await dryRunOnly(missing) : await fullRehearsal();
process.exitCode = code;

/** The fallback: the plans a tag push and a docker-rebuild tag make, executing nothing. */
async function dryRunOnly(missing) {
  const why = missing.includes('python3') ? `there is no Python at ${python}` : `${python} lacks what the full rehearsal needs (${missing.join(', ')})`;
  console.log(`tagship demo: dry run only: ${why}.`);
  for (const [title, ref] of [
    ['tag push v1.2.3 (dry run)', 'refs/tags/v1.2.3'],
    ['docker-rebuild-v1.2.3 (dry run)', 'refs/tags/docker-rebuild-v1.2.3'],
  ]) {
    heading(title);
    const run = await runAction({ workspace: example, ref, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0,1.1.0,1.2.2' } });
    console.log(run.log);
    console.log(`\n--- job summary ---\n${run.summary}`);
    if (run.code !== 0) return fail(`the dry run of ${ref} exited ${run.code}`);
  }
  console.log(
    `\nFor the full local rehearsal (build, upload to a local index, GitHub release, pip install check), install\n` +
      `the Python build and venv modules, then run \`npm run demo\` again:\n\n  sudo apt-get install ${missing.join(' ')}\n`,
  );
  return 0;
}

async function fullRehearsal() {
  const root = resolve('.tmp');
  mkdirSync(root, { recursive: true });
  // The bundle sits inside the repository so its imports (ajv, @octokit/openapi) resolve from node_modules.
  const bundleDir = mkdtempSync(join(root, 'demo-'));
  const work = mkdtempSync(join(tmpdir(), 'tagship-demo-'));
  let servers;
  try {
    const { build } = await import('esbuild');
    await build({ entryPoints: ['scripts/demo/servers.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(bundleDir, 'servers.mjs'), logLevel: 'warning' });
    const { startDemoServers } = await import(join(bundleDir, 'servers.mjs'));
    const project = copyExample(join(work, repo));
    servers = await startDemoServers({ owner, repo, githubToken: tokens.github, pypiToken: tokens.pypi, history: gitHistory(project) });
    configure(project, servers);
    console.log(`tagship demo: a full local rehearsal of the tag push v1.2.3 of examples/python-app (crawlkit).`);
    console.log(`  local PyPI index   ${servers.pypi.url} (upload API ${servers.pypi.uploadUrl}, simple index, JSON API)`);
    console.log(`  local GitHub API   ${servers.github.apiUrl} (repository ${owner}/${repo}, checked against GitHub's OpenAPI description)`);

    const run = () =>
      runAction({
        workspace: project,
        ref: 'refs/tags/v1.2.3',
        inputs: { 'github-token': tokens.github, 'pypi-token': tokens.pypi },
        env: {
          GITHUB_REPOSITORY: `${owner}/${repo}`,
          GITHUB_SHA: git(project, 'rev-parse', 'HEAD').trim(),
          GITHUB_API_URL: servers.github.apiUrl,
          GITHUB_SERVER_URL: servers.github.serverUrl,
        },
      });

    heading('run 1: tag push v1.2.3 (release, verify)');
    const first = await run();
    console.log(indent(first.log));
    if (first.code !== 0) return fail(`the first run exited ${first.code} (its log is above)`);
    console.log(`\n  ${stageTimes(first)}`);

    heading('run 2: the same tag again (a re-run of the workflow)');
    console.log('A re-run builds and checks again (that publishes nothing) and finds every publishing step already done.\n');
    const second = await run();
    console.log(indent(second.log));
    if (second.code !== 0) return fail(`the re-run exited ${second.code} (its log is above)`);

    heading('the image part, planned (dry run)');
    console.log(
      'Building the images needs a Docker daemon (or buildah) and pulls of the base image python:3.12-slim, so the\n' +
        'rehearsal leaves them out. With the example\'s own config (docker.images), the tag push would also run:\n',
    );
    const docker = await runAction({ workspace: example, ref: 'refs/tags/v1.2.3', inputs: { 'dry-run': 'true', stages: 'docker', 'known-versions': '1.0.0,1.1.0,1.2.2' } });
    if (docker.code !== 0) return fail(`the dry run of the docker stage exited ${docker.code}: ${docker.log}`);
    console.log(indent(docker.log));

    heading('job summary of run 1 (what the workflow run page shows)');
    console.log(first.summary);
    heading('job summary of run 2 (the re-run)');
    console.log(second.summary);

    const problems = checkRehearsal(first.summary, second.summary, servers);
    if (problems.length) return fail(problems.join('; '));
    const files = servers.pypi.files();
    console.log(
      `\ntagship demo: released crawlkit 1.2.3. The index at ${servers.pypi.url} lived only for this demo: its files\n` +
        `(${files.join(', ')}) were checked by pip installing crawlkit==1.2.3 into a fresh virtual environment from it.`,
    );
    return 0;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    await servers?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

/**
 * How long run 1 took, split where the first verify step began: in a workflow the release job runs the plan
 * and the release stage, and a job of its own the verify stage. `npm run bench workflow` reads this line.
 */
function stageTimes(run) {
  const verifyAt = run.groups.find((group) => group.name.startsWith('verify-'))?.atMs ?? run.elapsedMs;
  const s = (ms) => (ms / 1000).toFixed(1);
  return `run 1 took ${s(run.elapsedMs)} s: plan and release stage ${s(verifyAt)} s, verify stage ${s(run.elapsedMs - verifyAt)} s (local servers)`;
}

/** A copy of the example with its history in git. */
function copyExample(dir) {
  cpSync(example, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  for (const [i, { message, tag }] of history.entries()) {
    git(dir, 'commit', '-q', ...(i ? ['--allow-empty'] : []), '-m', message, '--date', `2025-10-0${i + 1}T12:00:00Z`);
    if (tag) git(dir, 'tag', tag);
  }
  return dir;
}

/** The commits of the copy, oldest first, with their tags: what the GitHub server serves. */
function gitHistory(dir) {
  const tags = new Map(git(dir, 'tag', '--list', '--format=%(objectname) %(refname:short)').trim().split('\n').map((line) => line.split(' ')));
  return git(dir, 'log', '--reverse', '--format=%H%x00%cI%x00%s')
    .trim()
    .split('\n')
    .map((line) => {
      const [sha, date, message] = line.split('\0');
      return { sha, date: new Date(date).toISOString(), message, ...(tags.has(sha) ? { tag: tags.get(sha) } : {}) };
    });
}

/** The config pointing the copy at the local servers (written in the copy's .github/tagship.yml). */
function configure(dir, servers) {
  const config = {
    python: {
      // No internet: build with the installed setuptools instead of an isolated environment.
      'build-command': [python, '-m', 'build', '--no-isolation'],
      'repository-url': servers.pypi.uploadUrl,
      'index-url': servers.pypi.url,
    },
    'github-release': { enabled: true },
    verify: { timeout: 30, python: { 'index-url': servers.pypi.simpleUrl, python } },
    // The images need a Docker daemon; their plan is printed separately from the example's own config.
    docker: { images: [] },
  };
  writeFileSync(join(dir, '.github', 'tagship.yml'), `# Written by npm run demo: the example, pointed at the demo's local servers.\n${JSON.stringify(config, null, 2)}\n`);
}

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=tagship demo', '-c', 'user.email=demo@example.org', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_COMMITTER_DATE: '2025-10-03T12:00:00Z' },
  });
}

/** What the user is told happened, checked against what the servers saw. */
function checkRehearsal(firstSummary, secondSummary, servers) {
  const problems = [];
  const files = servers.pypi.files().sort();
  if (files.length !== 2) problems.push(`the index holds ${files.length} files, not the sdist and the wheel`);
  const published = servers.github.releases().filter((r) => r.tag === 'v1.2.3' && !r.draft);
  if (published.length !== 1) problems.push(`the GitHub server has ${published.length} published releases of v1.2.3, not one`);
  if (servers.github.violations.length) problems.push(`requests outside GitHub's API description: ${servers.github.violations.slice(0, 3).join('; ')}`);
  const results = (summary) => summary.slice(summary.indexOf('#### Results'));
  if (!firstSummary.includes('#### Results') || /❌/.test(results(firstSummary))) problems.push('the first run did not report its results');
  // The build and the install check run again by design (they publish nothing); every publishing step must not.
  const rows = results(secondSummary).split('\n');
  for (const step of PUBLISHING_STEPS) {
    const row = rows.find((line) => line.split('|')[2]?.trim() === step);
    if (!row?.startsWith('| ✓ already there')) problems.push(`the re-run did not find ${step} already done: ${row ?? 'no such row'}`);
  }
  return problems;
}

function fail(reason) {
  console.error(`\ntagship demo: the rehearsal failed: ${reason}`);
  return 1;
}
