// The pure half of `npm run bench workflow`: a workflow's `needs:` graph (reusable workflows flattened into
// their jobs), what each job does (read from its steps, never from its name), and the critical path.
// No I/O here: the bench passes in the files it read, the plan and the measured durations.

/** The repository-relative file a `uses:` of a reusable workflow names; tagship's own are files of this repository. */
export function calledWorkflowPath(uses) {
  const local = /^\.\/(\.github\/workflows\/[^@]+\.ya?ml)$/.exec(uses);
  if (local) return local[1];
  const tagship = /^tagship\/tagship\/(\.github\/workflows\/[^@]+\.ya?ml)@.+$/.exec(uses);
  if (tagship) return tagship[1];
  throw new Error(`${uses}: only tagship's own reusable workflows (./.github/workflows/… or tagship/tagship/.github/workflows/…@ref) can be read`);
}

const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The jobs of a workflow, with reusable-workflow calls replaced by the called jobs. A called job without
 * `needs` waits for what the calling job needs; a job that needs the calling job waits for every called job
 * (GitHub runs a caller's dependents after the whole called workflow), so the call becomes a join with no
 * work of its own.
 * @param {any} doc parsed workflow
 * @param {(path: string) => any} load parsed workflow of a repository-relative path
 * @returns {Array<{ id: string, needs: string[], job: any, inputs: Record<string, unknown> }>}
 */
export function flattenJobs(doc, load, { prefix = '', outerNeeds = [], inputs = {} } = {}) {
  const jobs = [];
  const ids = Object.keys(doc.jobs ?? {});
  for (const name of ids) {
    const job = doc.jobs[name];
    const id = prefix + name;
    const needs = asList(job.needs).map((need) => {
      if (!ids.includes(need)) throw new Error(`${id} needs ${need}, which is not a job of the same workflow`);
      return prefix + need;
    });
    const waitsFor = needs.length ? needs : outerNeeds;
    if (job.uses) {
      const called = load(calledWorkflowPath(job.uses));
      const calledInputs = inputValues(called, job.with ?? {});
      const inner = flattenJobs(called, load, { prefix: `${id}/`, outerNeeds: waitsFor, inputs: calledInputs });
      jobs.push(...inner, { id, needs: inner.map((j) => j.id), job: { steps: [] }, inputs: {}, call: true });
    } else {
      jobs.push({ id, needs: waitsFor, job, inputs });
    }
  }
  return jobs;
}

/** A called workflow's inputs: what the caller passes, else the declared default. */
function inputValues(called, passed) {
  const declared = called.on?.workflow_call?.inputs ?? {};
  const values = {};
  for (const [name, spec] of Object.entries(declared)) values[name] = name in passed ? passed[name] : spec?.default;
  return values;
}

/** `${{ inputs.x }}` → the input's value; other expressions stay as written (unknown to the bench). */
function resolve(value, inputs) {
  if (typeof value !== 'string') return value;
  const input = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(value.trim());
  return input ? inputs[input[1]] : value;
}

/** tagship's action: `tagship/tagship@ref` (not a workflow file) or a local action (`./`, `./.tagship`, …). */
export function isTagshipStep(step) {
  const uses = step.uses ?? '';
  return (/^tagship\/tagship@/.test(uses) || /^\.\/(?!\.github\/workflows\/)/.test(uses) || uses === './');
}

const STAGE_NAMES = ['release', 'docker', 'verify', 'deploy'];

/**
 * What a job does, read from its steps: a list of work items, in step order.
 * tagship steps by their inputs (`dry-run: true` plans; `stages`; `docker-job: build | merge`), other steps
 * by the tool they run (a Python build/upload or a GitHub release action is release work; a
 * docker/build-push-action is an image build of its `platforms`; `imagetools create` writes tags).
 * @returns {Array<{ work: 'plan' | 'release' | 'verify' | 'verify-docker' | 'deploy' | 'build-matrix' | 'build' | 'merge' | 'single' | 'unknown', platforms?: string[], note?: string, tagship?: true }>}
 */
export function jobWork(job, inputs = {}) {
  const items = [];
  let releaseSeen = false;
  for (const step of job.steps ?? []) {
    if (isTagshipStep(step)) {
      const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, resolve(v, inputs)]));
      const push = (item) => items.push({ ...item, tagship: true });
      if (w['dry-run'] === true || w['dry-run'] === 'true') {
        push({ work: 'plan' });
        continue;
      }
      if (w['docker-job'] === 'build') {
        push({ work: 'build-matrix' });
        continue;
      }
      if (w['docker-job'] === 'merge') {
        push({ work: 'merge' });
        continue;
      }
      const stages = w.stages === undefined || w.stages === '' ? STAGE_NAMES : String(w.stages).split(/[\s,]+/).filter(Boolean);
      if (stages.some((s) => s.includes('${{'))) {
        push({ work: 'unknown', note: `stages: ${w.stages}` });
        continue;
      }
      // A job running several stages runs them in this order (the plan's order).
      if (stages.includes('release')) push({ work: 'release' });
      if (stages.includes('docker')) push({ work: 'single' });
      if (stages.includes('verify')) push({ work: w['verify-of'] === 'docker' ? 'verify-docker' : 'verify' });
      if (stages.includes('deploy')) push({ work: 'deploy' });
      continue;
    }
    const uses = step.uses ?? '';
    const run = step.run ?? '';
    if (/^docker\/build-push-action@/.test(uses)) {
      const platforms = String(step.with?.platforms ?? 'linux/amd64').split(/[\s,]+/).filter(Boolean);
      items.push({ work: 'build', platforms });
    } else if (/imagetools create/.test(run)) {
      items.push({ work: 'merge' });
    } else if (!releaseSeen && (/python3? -m build|twine upload|uv publish|npm publish/.test(run) || /^(pypa\/gh-action-pypi-publish|softprops\/action-gh-release)@/.test(uses))) {
      // The release work (build, upload, GitHub release) is measured as one piece.
      releaseSeen = true;
      items.push({ work: 'release' });
    }
  }
  return items;
}

/** The architecture a hosted runner label runs on: GitHub's arm64 labels end in `-arm`. */
export function runnerArch(label) {
  return /-arm$/.test(String(label)) ? 'arm64' : 'amd64';
}

/** Minutes to build one platform on a runner: native, or under QEMU `qemuFactor` times slower. */
export function buildMinutes(platform, runnerLabel, { nativeBuild, qemuFactor }) {
  const arch = platform.split('/')[1];
  return arch === runnerArch(runnerLabel) ? nativeBuild : nativeBuild * qemuFactor;
}

/**
 * Minutes each job takes, from its work items and the plan of the run being modelled.
 * @param {ReturnType<typeof flattenJobs>} jobs
 * @param {{ runnerStart: number, plan: number, release: number, verify: number, merge: number, nativeBuild: number, qemuFactor: number }} costs
 * @param {{ matrix: Array<{ platform: string, runner: string }>, stages: Set<string>, singleBuilds: string[][] }} run
 *   the plan's facts: the build matrix, the stages that have steps, the platforms of each build step of a one-job build
 */
export function timeJobs(jobs, costs, run) {
  return jobs.map(({ id, needs, job, inputs, call }) => {
    if (call) return { id, needs, minutes: 0, kind: 'call', detail: 'the called workflow, done' };
    // A job whose every piece of work the plan leaves out is skipped: no runner, no time.
    const all = jobWork(job, inputs);
    const items = all.filter((item) => !skipReason(item, run));
    if (all.length && !items.length) return { id, needs, minutes: 0, kind: 'skipped', detail: skipReason(all[0], run) };
    let minutes = costs.runnerStart;
    const parts = [`runner ${costs.runnerStart}`];
    for (const item of items) {
      let m, what;
      try {
        [m, what] = itemMinutes(item, job, costs, run);
      } catch (error) {
        throw new Error(`${id}: ${error.message}`);
      }
      minutes += m;
      parts.push(`${what} ${round(m)}`);
    }
    const kind = items.map((i) => i.work).join('+') || 'other';
    return { id, needs, minutes, kind, detail: parts.join(' + ') };
  });
}

/** Why the plan makes a tagship job skip (its `if:` is not evaluated; the plan says the same). */
function skipReason(item, run) {
  if (!item.tagship) return undefined;
  const hasBuilds = run.matrix.length > 0;
  if ((item.work === 'build-matrix' || item.work === 'merge') && !hasBuilds) return 'the plan builds every platform in one job';
  if (item.work === 'single' && hasBuilds) return 'the plan builds one job per platform';
  for (const stage of ['release', 'deploy']) if (item.work === stage && !run.stages.has(stage)) return `the plan has no ${stage} steps`;
  if ((item.work === 'verify' || item.work === 'verify-docker') && !run.stages.has('verify')) return 'the plan has no verify steps';
  return undefined;
}

function itemMinutes(item, job, costs, run) {
  switch (item.work) {
    case 'plan':
      return [costs.plan, 'plan'];
    case 'release':
      return [costs.release, 'release'];
    case 'verify':
      return [costs.verify, 'verify'];
    case 'merge':
      return [costs.merge, 'merge'];
    case 'build-matrix': {
      // Matrix jobs run side by side, each on its own runner: the slowest platform is the job.
      const each = run.matrix.map((entry) => buildMinutes(entry.platform, entry.runner, costs));
      const slowest = Math.max(...each);
      return [slowest, `build ${run.matrix.map((e, i) => `${e.platform}@${e.runner}=${round(each[i])}`).join(' ‖ ')}:`];
    }
    case 'build': {
      // One build step of several platforms builds them side by side on this job's runner.
      const each = item.platforms.map((p) => buildMinutes(p, job['runs-on'], costs));
      return [Math.max(...each), `build ${item.platforms.join('+')}@${job['runs-on']}`];
    }
    case 'single': {
      // Every platform in this job; steps one after another, a step's platforms side by side; then the tags.
      const steps = run.singleBuilds.map((platforms) => Math.max(...platforms.map((p) => buildMinutes(p, job['runs-on'], costs))));
      return [steps.reduce((a, b) => a + b, 0) + costs.merge, `build+tags ${run.singleBuilds.map((p) => p.join('+')).join(', ')}`];
    }
    case 'unknown':
      // Pricing it as nothing would shorten the path that contains it: refuse instead.
      throw new Error(`cannot tell what a tagship step does from ${item.note}`);
    default:
      return [0, item.work];
  }
}

const round = (m) => Math.round(m * 100) / 100;

/**
 * The critical path of a job graph: each job starts when the last job it needs has finished. Returns the
 * longest chain ending at a job `isEnd` accepts (every job by default), with each job's start time.
 * @param {Array<{ id: string, needs: string[], minutes: number }>} jobs
 * @param {(job: { id: string, kind?: string }) => boolean} [isEnd]
 */
export function criticalPath(jobs, isEnd = () => true) {
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const finish = new Map();
  const via = new Map();
  const visiting = new Set();
  const finishOf = (id) => {
    if (finish.has(id)) return finish.get(id);
    const job = byId.get(id);
    if (!job) throw new Error(`a job needs ${id}, which does not exist`);
    if (visiting.has(id)) throw new Error(`the needs of ${id} form a cycle`);
    visiting.add(id);
    let start = 0;
    let before;
    for (const need of job.needs) {
      const f = finishOf(need);
      if (before === undefined || f > start) [start, before] = [f, need];
    }
    visiting.delete(id);
    via.set(id, before);
    finish.set(id, start + job.minutes);
    return start + job.minutes;
  };
  let last;
  for (const job of jobs) {
    const f = finishOf(job.id);
    if (isEnd(job) && (last === undefined || f > finish.get(last))) last = job.id;
  }
  if (last === undefined) throw new Error('no job ends the path');
  const path = [];
  for (let id = last; id !== undefined; id = via.get(id)) {
    const job = byId.get(id);
    path.unshift({ id, start: finish.get(id) - job.minutes, minutes: job.minutes, kind: job.kind, detail: job.detail });
  }
  return { minutes: finish.get(last), path };
}
