import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, readConfigSource } from '../config/load.js';
import { packageFacts, packageNamed, packageRun, selectPackage } from '../config/packages.js';
import { packagePrefixOf } from '../config/sections/packages.js';
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
import { detectProject } from '../version/sources/detect.js';
import { runProcess } from '../runtime/process.js';
import type { Config } from '../config/schema.js';

export const USAGE = `Usage:
  tagship init [--cwd DIR] [--dry-run] [--force]
  tagship plan [--cwd DIR] [--event-name NAME] [--ref REF] [--event FILE] [--input KEY=VALUE]...
               [--config FILE] [--known-versions V1,V2,...] [--package NAME] [--json]

Works out what release the event means, checks the project's version sources against the tag, and
prints the release plan. Exit codes: 0 valid plan (including "nothing to do"), 1 a check failed,
2 usage error.

  --cwd DIR              project directory (default: .)
  --event-name NAME      GitHub event name: push, release, workflow_dispatch (default: push)
  --ref REF              the ref, e.g. refs/tags/v1.2.3 (default: the payload's ref; with neither,
                         the tag at HEAD, else v<version>: see below)
  --event FILE           the webhook payload as JSON
  --input KEY=VALUE      a workflow_dispatch input (repeatable), e.g. --input version=1.2.3
  --config FILE          config file (default: .github/tagship.yml if present)
  --known-versions LIST  versions already released, comma-separated (default: the remote's tags, by
                         git ls-remote, else the GitHub API with GITHUB_TOKEN)
  --package NAME         the package of the config's packages: map to plan (default: the one whose
                         tag-prefix the tag has, else the root project)
  --json                 print the plan as one JSON object

Without --ref and --event, plan uses the tag at HEAD (git tag --points-at HEAD) or, with none, the
project's version as a tag (v<version>), and says which.

init detects the project (Python, npm, workspaces, a Dockerfile) and writes .github/workflows/release.yml
and .github/tagship.yml, then prints the trusted publisher to register. It refuses to overwrite either
file unless --force is given; --dry-run prints the files instead of writing them.`;

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
    if (command === 'init') return await initCommand(rest, io);
    if (command !== 'plan') throw new UsageError(`unknown command ${JSON.stringify(command)}; expected 'plan' or 'init'`);
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
        package: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = parsed.values;
  const root = projectDirectory(resolve(io.cwd, options.cwd ?? '.'), '--cwd');
  const rootConfig = parseConfig(readConfigSource(root, options.config, io.cwd), {}, 'flag');
  const defaultsToHead = options.ref === undefined && options.event === undefined && (options['event-name'] ?? 'push') === 'push' && !options.input?.length;
  if (defaultsToHead) {
    const named = options.package === undefined ? undefined : packageRun(root, rootConfig, packageNamed(rootConfig, options.package));
    const { ref, why } = await defaultRef(named?.cwd ?? root, named?.config ?? rootConfig, io.env, named === undefined);
    io.stderr(`tagship: no --ref given; using ${ref} (${why})`);
    options.ref = ref;
  }
  const event = readEvent(options, io.cwd);
  // A package of the `packages:` map, selected by its tag or --package: its directory and config from here on.
  const { cwd, config, package: selected } = packageRun(root, rootConfig, selectPackage(rootConfig, event, { ...(options.package !== undefined ? { name: options.package } : {}) }));
  const packageFact = selected ? packageFacts(await gitTopLevel(root, io.env), cwd, selected) : undefined;
  const trigger = resolveTrigger(event, { prefix: config['tag-prefix'], rehearsalPrefix: config['rehearsal-prefix'], rebuildPrefix: config['rebuild-prefix'] });
  const knownVersions = options['known-versions'] !== undefined ? parseList(options['known-versions']) : undefined;
  const facts =
    trigger.kind === 'ignored'
      ? { project: { readings: [], npm: [], cargo: false }, knownVersions: [] }
      : await gatherFacts({ cwd, config, knownVersions, env: io.env, event, ...(packageFact ? { package: packageFact } : {}), tags: { ...(io.env.GITHUB_TOKEN ? { githubToken: io.env.GITHUB_TOKEN } : {}), warn: (line) => io.stderr(`tagship: warning: ${line}`) } });
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

/** The repository's root (where commit paths start), or `dir` itself outside git. */
async function gitTopLevel(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runProcess('git', ['rev-parse', '--show-toplevel'], { parentEnv: env, tool: 'git', cwd: dir, timeoutMs: 10_000 }).catch(() => undefined);
  return result?.code === 0 && result.stdout.trim() ? result.stdout.trim() : dir;
}

/**
 * The ref `plan` checks when none is given: a release (or rehearsal, rebuild) tag at HEAD, else the tag
 * the project's current version would get.
 */
async function defaultRef(cwd: string, config: Config, env: NodeJS.ProcessEnv, anyPackage = false): Promise<{ ref: string; why: string }> {
  const result = await runProcess('git', ['tag', '--points-at', 'HEAD'], { parentEnv: env, tool: 'git', cwd, timeoutMs: 10_000 }).catch(() => undefined);
  // Without --package, a package's tag at HEAD counts too (it then selects its package), after the root's.
  const releasePrefixes = [config['tag-prefix'], ...(anyPackage ? Object.entries(config.packages).map(([name, settings]) => packagePrefixOf(name, settings)) : [])];
  const prefixes = [...releasePrefixes, ...releasePrefixes.flatMap((prefix) => [config['rehearsal-prefix'] + prefix, config['rebuild-prefix'] + prefix])];
  const tags = result?.code === 0 ? result.stdout.split('\n').map((t) => t.trim()).filter(Boolean) : [];
  // A release tag wins over a rehearsal or rebuild tag on the same commit.
  for (const prefix of prefixes) {
    const tag = tags.find((t) => t.startsWith(prefix) && /^\d/.test(t.slice(prefix.length)));
    if (tag) return { ref: `refs/tags/${tag}`, why: 'the tag at HEAD' };
  }
  const version = detectProject(cwd).readings.find((reading) => reading.value)?.value;
  if (!version) throw new UserError('give --ref (e.g. refs/tags/v1.2.3): no tag points at HEAD and the project states no version.');
  return { ref: `refs/tags/${config['tag-prefix']}${version}`, why: "no tag at HEAD; the project's version" };
}

async function initCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: false, options: { cwd: { type: 'string' }, 'dry-run': { type: 'boolean' }, force: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = parsed.values;
  const cwd = projectDirectory(resolve(io.cwd, options.cwd ?? '.'), '--cwd');
  // Loaded here: `plan` never pays for the templates.
  const { readInitFacts } = await import('../init/detect.js');
  const { renderInit } = await import('../init/templates.js');
  const facts = await readInitFacts(cwd, io.env);
  if (!facts.python && !facts.npmPackages.length && !facts.dockerfile) {
    throw new UserError(`found nothing to release in ${cwd}: no pyproject.toml or setup.cfg, no public package.json, no Dockerfile.`);
  }
  const { files, nextSteps } = renderInit(facts);
  if (options['dry-run']) {
    for (const file of files) io.stdout(`# --- ${file.path}\n${file.text}`);
    io.stdout(nextSteps);
    return 0;
  }
  const existing = files.filter((file) => existsSync(join(cwd, file.path))).map((file) => file.path);
  if (existing.length && !options.force) throw new UserError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}: move ${existing.length === 1 ? 'it' : 'them'} away or run init --force to overwrite.`);
  for (const file of files) {
    mkdirSync(dirname(join(cwd, file.path)), { recursive: true });
    writeFileSync(join(cwd, file.path), file.text, { flag: options.force ? 'w' : 'wx' });
    io.stdout(`wrote ${file.path}`);
  }
  io.stdout(nextSteps);
  return 0;
}
