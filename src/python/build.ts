import { UserError } from '../errors.js';
import { buildOutputRoots } from '../project/files.js';
import type { StepExecutor, StepOutcome } from '../execute/types.js';
import type { PythonBuildStep } from '../plan/steps/python.js';
import { passedEnv } from '../runtime/passed-env.js';
import { errorLine } from '../runtime/error-line.js';
import { runProcess } from '../runtime/process.js';
import { readDistributions, type Distribution } from './distributions.js';
import { selectDistributions, type Selection } from './select.js';

/** What the build hands to the upload step (`produced` of its outcome). */
export interface BuiltFiles {
  files: Distribution[];
  ignored: Selection['ignored'];
}

/**
 * The Python build: runs the configured command in the project, then reads every sdist and wheel it
 * left in the output directory, trusting only the metadata inside each file. Building is always
 * repeated on a re-run (it writes nothing outside the checkout); the upload step decides what is new.
 */
export const executePythonBuild: StepExecutor<'python-build'> = async (step, ctx) => {
  const [command, ...args] = step.command;
  // Files written from here on are this build's; a second of slack for coarse file-system clocks.
  const startedAt = Date.now() - 1000;
  // The build backend and everything it installs run here: the python-build allow-list, no token.
  // python.build-env adds what the project's own build reads besides the allow-list.
  const passed = passedEnv(ctx, step.env);
  // The build's output streams into the step's log group as it comes: a failure is read there, and
  // a long build shows it is alive.
  const result = await runProcess(command!, args, {
    parentEnv: ctx.env,
    tool: 'python-build',
    set: await reproducibleTimestamp(ctx),
    secretEnv: passed,
    cwd: ctx.cwd,
    signal: ctx.signal,
    onLine: (line) => ctx.runner.info(line),
  });
  if (result.code !== 0) {
    throw new UserError(
      `The build command \`${step.command.join(' ')}\` exited ${result.code}: ${errorLine(result)}. The build's output is in the log above. Fix the build (or python.build-command) and re-run; nothing was uploaded.`,
    );
  }
  return describeBuild(step, selectDistributions(await readDistributions(ctx.cwd, step.outDir, buildOutputRoots(ctx.env)), { project: step.project, version: step.version, dir: step.outDir, builtSince: startedAt }));
};

/**
 * SOURCE_DATE_EPOCH set to the commit's time, unless the workflow sets its own: wheel builders then
 * write the same bytes for the same commit, so a re-run after a part-way upload finds the files it
 * already uploaded unchanged instead of "different contents under an existing name".
 */
async function reproducibleTimestamp(ctx: Parameters<StepExecutor<'python-build'>>[1]): Promise<Record<string, string>> {
  if (ctx.env.SOURCE_DATE_EPOCH) return {};
  const git = await runProcess('git', ['log', '-1', '--format=%ct', 'HEAD'], { parentEnv: ctx.env, tool: 'git', cwd: ctx.cwd, signal: ctx.signal }).catch(() => undefined);
  const epoch = git?.code === 0 ? git.stdout.trim() : '';
  return /^\d+$/.test(epoch) ? { SOURCE_DATE_EPOCH: epoch } : {};
}

export function describeBuild(step: PythonBuildStep, selection: Selection): StepOutcome {
  const produced: BuiltFiles = { files: selection.files, ignored: selection.ignored };
  const name = selection.files[0]!.name;
  const ignored = selection.ignored.length ? `; ignored older files in ${step.outDir}/: ${selection.ignored.map((f) => `${f.filename} (${f.version})`).join(', ')}` : '';
  return {
    id: step.id,
    status: 'done',
    detail: `built ${name} ${step.version}: ${selection.files.map((f) => f.filename).join(', ')}${ignored}`,
    produced: produced as unknown as Record<string, unknown>,
  };
}
