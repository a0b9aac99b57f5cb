// The road from a tag to published images: the critical path of the `needs:` graph of the example's
// workflow (examples/python-app, with tagship's reusable workflows it calls read from this repository),
// against the pipeline tagship replaces (the seed: a release workflow, then a docker workflow that builds
// arm64 after amd64 under QEMU). Job durations come from what each job's steps do, priced by the
// assumptions below (README.md, "Development", states them too); the release job's time is measured by
// running the demo. Prints `workflow: tagship <N> min, seed <M> min, <R>× shorter`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { tagPushDryRunEnv, timeCommand } from './lib.mjs';
import { criticalPath, flattenJobs, timeJobs } from './workflow-graph.mjs';

const EXAMPLE = 'examples/python-app';
const EXAMPLE_WORKFLOW = `${EXAMPLE}/.github/workflows/release.yml`;
const envMinutes = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);

// The assumptions, each with where it comes from.
const assumed = {
  // The seed's timelines give every workflow's first minute to start-up: "0:00 Tag pushed, 0:01 Checkout +
  // Python setup" and "0:00 Release event received, 0:01 Checkout + Buildx setup". Charged to every job that runs.
  runnerStart: envMinutes('WORKFLOW_RUNNER_START_MIN', 1),
  // A native image build: the seed's cold-cache amd64 build ("0:03 Start build (amd64)", "0:08 Complete amd64 build").
  nativeBuild: envMinutes('WORKFLOW_BUILD_MIN', 5),
  // An emulated build (QEMU user-mode on the other architecture's runner) is taken as 10× a native one.
  qemuFactor: envMinutes('WORKFLOW_QEMU_FACTOR', 10),
  // Writing the multi-arch index and tags over the registry API: `npm run bench fanout` does two platforms ×
  // four tags × two repositories in under a second at 20 ms a request; 0.1 min is a generous allowance.
  merge: envMinutes('WORKFLOW_MERGE_MIN', 0.1),
};

// The seed's shape as data (../shared/seeds/002_f3c6bbb5a31a48f2.txt, "Workflow Architecture Documentation"
// of Crawl4AI's split release pipeline): release.yml builds, uploads with twine and creates the GitHub
// release with softprops/action-gh-release; publishing that release ("Event: release.published (triggers
// Docker workflow)") starts docker-release.yml, a new run, hence a `needs` on the release job. Its one job
// sets up QEMU and buildx and builds linux/amd64, then linux/arm64 (its timeline: amd64 0:03–0:08, arm64
// 0:09–0:14; its state machine: Build amd64 → Build arm64) on an amd64 runner, then writes the manifests.
const SEED = {
  jobs: {
    release: {
      'runs-on': 'ubuntu-latest',
      steps: [
        { uses: 'actions/checkout@v4' },
        { uses: 'actions/setup-python@v5' },
        { name: 'Validate version', run: 'python -c "from crawl4ai.__version__ import __version__; print(__version__)"' },
        { run: 'python -m build' },
        { run: 'twine upload dist/*' },
        { uses: 'softprops/action-gh-release@v2' },
      ],
    },
    docker: {
      needs: 'release',
      'runs-on': 'ubuntu-latest',
      steps: [
        { uses: 'actions/checkout@v4' },
        { uses: 'docker/setup-qemu-action@v3' },
        { uses: 'docker/setup-buildx-action@v3' },
        { uses: 'docker/login-action@v3' },
        { uses: 'docker/build-push-action@v5', with: { platforms: 'linux/amd64', push: true } },
        { uses: 'docker/build-push-action@v5', with: { platforms: 'linux/arm64', push: true } },
        { name: 'Generate manifests and push all tags', run: 'docker buildx imagetools create -t unclecode/crawl4ai:1.2.3 …' },
      ],
    },
  },
};

const measured = { plan: planMinutes(), ...releaseMinutes() };
const costs = { ...assumed, ...measured };

// What the plan of the example's tag push v1.2.3 says: the build matrix, the stages with steps, the builds of a one-job build.
const plan = JSON.parse(
  run(process.execPath, ['dist/cli/index.js', 'plan', '--cwd', EXAMPLE, '--ref', 'refs/tags/v1.2.3', '--known-versions', '1.0.0,1.2.2', '--json']),
);
const dockerSteps = plan.stages.find((s) => s.name === 'docker')?.steps ?? [];
const runFacts = {
  matrix: plan.docker?.matrix?.include ?? [],
  stages: new Set(plan.stages.filter((s) => s.steps.length).map((s) => s.name)),
  singleBuilds: dockerSteps.filter((s) => s.kind === 'docker-build').map((s) => s.platforms),
};
const allStages = { matrix: [], stages: new Set(['release', 'docker', 'verify', 'deploy']), singleBuilds: [] };

const load = (path) => parse(readFileSync(resolve(path), 'utf8'));
const tagshipJobs = timeJobs(flattenJobs(load(EXAMPLE_WORKFLOW), load), costs, runFacts);
const seedJobs = timeJobs(flattenJobs(SEED, load), costs, allStages);

// The path ends when the images carry their tags: a job that writes them (a merge, or a one-job build).
const writesTags = (job) => /(^|\+)(merge|single)(\+|$)/.test(job.kind ?? '');
const tagship = criticalPath(tagshipJobs, writesTags);
const seed = criticalPath(seedJobs, writesTags);

console.log(
  `workflow: assumptions: runner start ${costs.runnerStart} min a job, native image build ${costs.nativeBuild} min, QEMU ${costs.qemuFactor}× slower, ` +
    `tags written in ${costs.merge} min; measured: planning ${fmt(costs.plan)} min, release stage ${fmt(costs.release)} min, verify stage ${fmt(costs.verify)} min (${measured.source})`,
);
for (const [name, result, jobs] of [
  [`tagship (${EXAMPLE_WORKFLOW})`, tagship, tagshipJobs],
  ['seed (release.yml, then docker-release.yml)', seed, seedJobs],
]) {
  console.log(`workflow: ${name}: ${jobs.filter((j) => j.kind !== 'call').length} jobs, critical path:`);
  for (const step of result.path.filter((s) => s.kind !== 'call')) {
    console.log(`  ${step.start.toFixed(2).padStart(6)} → ${(step.start + step.minutes).toFixed(2).padStart(6)} min  ${step.id} [${step.kind}] ${step.detail}`);
  }
  for (const job of jobs.filter((j) => j.kind === 'skipped')) console.log(`  skipped: ${job.id} (${job.detail})`);
}
const ratio = seed.minutes / tagship.minutes;
console.log(`workflow: tagship ${fmt(tagship.minutes)} min, seed ${fmt(seed.minutes)} min, ${ratio.toFixed(1)}× ${ratio >= 1 ? 'shorter' : 'longer'}`);

function fmt(minutes) {
  return minutes.toFixed(minutes < 0.1 ? 2 : 1);
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** The plan job's tagship step: the built action planning the example's tag push (dry run), median of 5. */
function planMinutes() {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-bench-workflow-'));
  try {
    const env = tagPushDryRunEnv(dir, EXAMPLE);
    return timeCommand(process.execPath, [resolve('dist/index.js')], { env, runs: 5 }) / 60_000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The release and verify stages as the demo measures them: `npm run demo` releases the example to local
 * PyPI and GitHub servers (build, upload, release; then the pip install check) and prints how long each took.
 * Local servers leave out the internet's latency, so the real jobs are longer; the seed's release job is
 * priced with the same number, so this favours neither side.
 */
function releaseMinutes() {
  const demo = spawnSync(process.execPath, ['scripts/demo.mjs'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = /run 1 took [\d.]+ s: plan and release stage ([\d.]+) s, verify stage ([\d.]+) s/.exec(demo.stdout ?? '');
  if (demo.status === 0 && line) return { release: Number(line[1]) / 60, verify: Number(line[2]) / 60, source: 'npm run demo' };
  // Without what the demo's full rehearsal needs (python3-build, -venv), the seed's own figures: "Package
  // build ~30 sec", "PyPI upload ~30-60 sec" (its Performance Characteristics table), and half a minute to install-check.
  console.log(`workflow: npm run demo could not time a release (exit ${demo.status}); using the seed's figures instead`);
  return { release: 1.5, verify: 0.5, source: "the seed's figures, the demo could not run" };
}
