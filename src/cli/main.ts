import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, readConfigSource } from '../config/load.js';
import { describeCauses, isUserError, UsageError, UserError } from '../errors.js';
import { gatherFacts, readEventPayload } from '../gather.js';
import { projectDirectory } from '../project/files.js';
import { isJsonObject } from '../project/json.js';
import { parseList } from '../inputs.js';
import { buildPlan, failedChecks } from '../plan/build.js';
import { renderText } from '../plan/render.js';
import { resolveTrigger, type GithubEvent } from '../trigger.js';
import { stringifyForLog } from '../runtime/workflow-commands.js';
import { describeMismatch } from '../version/guard.js';

export const USAGE = `Usage:
  tagship plan [--cwd DIR] [--event-name NAME] [--ref REF] [--event FILE] [--input KEY=VALUE]...
               [--config FILE] [--known-versions V1,V2,...] [--json]

Works out what release the event means, checks the project's version sources against the tag, and
prints the release plan. Exit codes: 0 valid plan (including "nothing to do"), 1 a check failed,
2 usage error.

  --cwd DIR              project directory (default: .)
  --event-name NAME      GitHub event name: push, release, workflow_dispatch (default: push)
  --ref REF              the ref, e.g. refs/tags/v1.2.3 (default: the payload's ref)
  --event FILE           the webhook payload as JSON
  --input KEY=VALUE      a workflow_dispatch input (repeatable), e.g. --input version=1.2.3
  --config FILE          config file (default: .github/tagship.yml if present)
  --known-versions LIST  versions already released, comma-separated (default: the remote's tags, by
                         git ls-remote, else the GitHub API with GITHUB_TOKEN)
  --json                 print the plan as one JSON object`;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command !== 'plan') throw new UsageError(`unknown command ${JSON.stringify(command)}; expected 'plan'`);
    return await planCommand(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tagship: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isUserError(error)) {
      const where = error.location ? `${error.location.file}${error.location.line ? `:${error.location.line}` : ''}: ` : '';
      // A message that already starts with its file ("VERSION resolves to …", "a.json:3: …") is not prefixed again.
      io.stderr(`tagship: ${error.location && error.message.startsWith(error.location.file) ? '' : where}${error.message}`);
      return 1;
    }
    io.stderr(`tagship: unexpected failure (a bug, please report it): ${error instanceof Error ? error.message : String(error)}`);
    if (io.env.TAGSHIP_DEBUG) io.stderr(describeCauses(error));
    return 1;
  }
}

async function planCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        cwd: { type: 'string' },
        'event-name': { type: 'string' },
        ref: { type: 'string' },
        event: { type: 'string' },
        input: { type: 'string', multiple: true },
        config: { type: 'string' },
        'known-versions': { type: 'string' },
        json: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = parsed.values;
  const cwd = projectDirectory(resolve(io.cwd, options.cwd ?? '.'), '--cwd');
  const event = readEvent(options, io.cwd);
  const config = parseConfig(readConfigSource(cwd, options.config, io.cwd), {}, 'flag');
  const trigger = resolveTrigger(event, { prefix: config['tag-prefix'], rehearsalPrefix: config['rehearsal-prefix'], rebuildPrefix: config['rebuild-prefix'] });
  const knownVersions = options['known-versions'] !== undefined ? parseList(options['known-versions']) : undefined;
  const facts =
    trigger.kind === 'ignored'
      ? { project: { readings: [], npm: [], cargo: false }, knownVersions: [] }
      : await gatherFacts({ cwd, config, knownVersions, env: io.env, event, tags: io.env.GITHUB_TOKEN ? { githubToken: io.env.GITHUB_TOKEN } : {} });
  const plan = buildPlan({ trigger, config, facts, now: io.now(), dryRun: true });
  io.stdout(options.json ? stringifyForLog(plan) : renderText(plan));
  const failed = failedChecks(plan);
  if (failed.length) {
    io.stderr(failed.map((check) => `tagship: ${describeMismatch(check, plan.trigger.ref ?? '')}`).join('\n'));
    return 1;
  }
  return 0;
}

function readEvent(options: { 'event-name'?: string; ref?: string; event?: string; input?: string[] }, cwd: string): GithubEvent {
  let payload: Record<string, unknown> = options.event ? readEventPayload(resolve(cwd, options.event), `--event ${options.event}`) : {};
  const name = options['event-name'] ?? (options.input?.length ? 'workflow_dispatch' : 'push');
  if (options.input?.length) {
    const inputs: Record<string, string> = { ...(isJsonObject(payload.inputs) ? (payload.inputs as Record<string, string>) : {}) };
    for (const pair of options.input) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--input expects KEY=VALUE, got ${JSON.stringify(pair)}`);
      inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    payload = { ...payload, inputs };
  }
  const ref = options.ref ?? (typeof payload.ref === 'string' ? payload.ref : '');
  if (!ref && !options.event && name !== 'workflow_dispatch') throw new UsageError('give --ref (e.g. refs/tags/v1.2.3) or --event FILE');
  if (options.ref && name === 'push') payload = { ...payload, ref: options.ref };
  return { name, ref, payload };
}
