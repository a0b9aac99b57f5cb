import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig, readConfigSource } from './config/load.js';
import { packageFacts, packageRun, selectPackage } from './config/packages.js';
import { UserError } from './errors.js';
import { gatherFacts, readGithubEvent } from './gather.js';
import { parseInputs, type InputName } from './inputs.js';
import { projectDirectory } from './project/files.js';
import { planOutputs } from './outputs.js';
import { buildPlan, failedChecks } from './plan/build.js';
import { renderSummary, renderText } from './plan/render.js';
import { reportFailure } from './report.js';
import { createRunner, readInput, type Runner } from './runtime/action-io.js';
import { resolveTrigger } from './trigger.js';
import { executors } from './execute/registry.js';
import { describeFailure, executePlan, PreflightFailure } from './execute/run.js';
import { renderOutcomes } from './execute/summary.js';
import { runOutputs } from './execute/outputs.js';
import { guardHeadline, preflightHeadline, runHeadline } from './execute/headline.js';
import { describeMismatch } from './version/guard.js';
import { notifyRun, type NotifyOptions, type RunRecord } from './notify/run.js';

/**
 * The action: read inputs → resolve the trigger → gather facts → plan → guard → outputs and summary.
 * Returns the process exit code; never throws.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, runner: Runner = createRunner(env), now: () => Date = () => new Date()): Promise<number> {
  // What the notifications at the end report; filled in as the run gets there.
  const record: RunRecord = { startedAt: now() };
  const notify: NotifyOptions = { runner, now, env };
  try {
    const inputs = parseInputs((name: InputName) => readInput(env, name));
    if (inputs.githubToken) runner.mask(inputs.githubToken);
    for (const line of inputs.registryCredentials?.split(/\r?\n/) ?? []) {
      const password = line.trim().split(/\s+/)[2];
      if (password) runner.mask(password);
    }
    if (inputs.npmToken) runner.mask(inputs.npmToken);
    if (inputs.pypiToken) runner.mask(inputs.pypiToken);
    for (const secret of Object.values(inputs.webhooks)) runner.mask(secret);
    notify.hooks = inputs.webhooks;
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const root = projectDirectory(resolve(workspace, inputs.workingDirectory), "input 'working-directory'", workspace);
    const rootConfig = parseConfig(readConfigSource(root, inputs.configFile, workspace), inputs.overrides);
    notify.config = rootConfig.notify;
    const event = readGithubEvent(
      inputs.replay ? { ...env, GITHUB_EVENT_NAME: inputs.replay.eventName, GITHUB_EVENT_PATH: resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.replay.eventPath) } : env,
    );
    // A package of the `packages:` map, selected by its tag: its directory and its config from here on.
    const { cwd, config, package: selected } = packageRun(root, rootConfig, selectPackage(rootConfig, event, { version: inputs.handoffVersion, name: inputs.packageName }));
    const packageFact = packageFacts(workspace, cwd, selected);
    // Annotations name files from the repository root; a package's checks name them from its directory.
    const inRepository = (file: string | undefined) => (file !== undefined && packageFact && packageFact.path !== '.' ? `${packageFact.path}/${file}` : file);
    const trigger = resolveTrigger(event, {
      prefix: config['tag-prefix'],
      rehearsalPrefix: config['rehearsal-prefix'],
      rebuildPrefix: config['rebuild-prefix'],
    }, { version: inputs.handoffVersion });
    const facts =
      trigger.kind === 'ignored'
        ? { project: { readings: [], npm: [], cargo: false }, knownVersions: [] }
        : await gatherFacts({
            cwd,
            config,
            knownVersions: inputs.knownVersions,
            // The commit the images are labelled with: the release tag's for a rebuild or dispatch.
            env: inputs.sourceCommit ? { ...env, GITHUB_SHA: inputs.sourceCommit } : env,
            event,
            ...(packageFact ? { package: packageFact } : {}),
            tags: {
              ...(inputs.githubToken ? { githubToken: inputs.githubToken } : {}),
              warn: (line: string) => runner.warning(line),
              // A build job pushes its platform by digest; the merge job decides and writes the tags.
              ...(inputs.dockerJob.job === 'build' ? { unreadable: (line: string) => runner.warning(line) } : {}),
            },
            // Registries' tags count as releases only for a run that publishes images.
            ...(trigger.stages.includes('docker') && (!inputs.stages || inputs.stages.includes('docker'))
              ? { registries: { secrets: { 'github-token': inputs.githubToken, 'registry-credentials': inputs.registryCredentials }, warn: (line: string) => runner.warning(line) } }
              : {}),
          });
    const temp = env.RUNNER_TEMP || tmpdir();
    const plan = (record.plan = buildPlan({
      trigger,
      config,
      facts,
      now: now(),
      dryRun: inputs.dryRun,
      only: inputs.stages,
      verifyOf: inputs.verifyOf,
      dockerJob: inputs.dockerJob,
      workDir: join(temp, 'tagship'),
      digestsDir: inputs.dockerDigestsDir ?? join(temp, 'tagship-digests'),
    }));

    runner.info(renderText(plan));
    const failed = failedChecks(plan);
    // The summary is written once the outcome is known: it opens with what happened.
    if (plan.trigger.kind === 'ignored') runner.appendSummary(renderSummary(plan));
    else if (failed.length) runner.appendSummary(renderSummary(plan, guardHeadline(plan, describeMismatch(failed[0]!, plan.trigger.ref ?? ''))));
    if (failed.length) {
      for (const check of failed.slice(1)) {
        runner.error(describeMismatch(check, plan.trigger.ref ?? ''), { file: inRepository(check.file), line: check.line });
      }
      const first = failed[0]!;
      throw new UserError(describeMismatch(first, plan.trigger.ref ?? ''), { file: inRepository(first.file)!, line: first.line });
    }
    for (const [name, value] of Object.entries(planOutputs(plan))) runner.setOutput(name, value);

    const secrets = {
      'github-token': inputs.githubToken,
      'registry-credentials': inputs.registryCredentials,
      'npm-token': inputs.npmToken,
      'pypi-token': inputs.pypiToken,
    };
    const report = (record.report = await executePlan(executors, { plan, cwd, runner, env, secrets }).catch((error: unknown) => {
      // Nothing ran, but the summary still opens with what stopped the run and what to change.
      if (error instanceof PreflightFailure) runner.appendSummary(renderSummary(plan, preflightHeadline(plan, error.checks)));
      throw error;
    }));
    // Before the failure is raised: what was published up to the failed step is still told.
    for (const [name, value] of Object.entries(runOutputs(plan, report))) runner.setOutput(name, value);
    if (plan.trigger.kind !== 'ignored') runner.appendSummary(renderSummary(plan, runHeadline(plan, report)) + '\n' + renderOutcomes(report, plan));
    if (report.failed) throw new UserError(describeFailure(report), undefined, { cause: report.failed.error });
    return 0;
  } catch (error) {
    record.error = error;
    return reportFailure(error, runner);
  } finally {
    await notifyRun(record, notify);
  }
}
