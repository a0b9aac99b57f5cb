/**
 * Runs one hostile case against the built entry points (dist/index.js as the runner starts it,
 * dist/cli/index.js as a user does) and lists every way the run broke a promise tagship makes.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseOutputFile, repoRoot } from '../../support/action-run.js';
import { GithubApiServer } from '../../support/github-api-server.js';
import { tagPush } from '../../support/payloads.js';
import { parseRunnerCommand, runnerCommands, runnerLines, type RunnerCommand } from './runner-commands.js';
import { createSandbox, OUTSIDE_VERSION, snapshot, snapshotChanges, type ProjectFiles, type Sandbox } from './sandbox.js';
import { usesTools } from '../../support/system-tools.js';

usesTools('git', 'prlimit');

/** The password in every run's `registry-credentials` input. */
export const REGISTRY_PASSWORD = 'SENTINELregistrypassword0007';

/** Every run holds these (environment variable → value); none may show up anywhere (see SENTINELS). */
export const SECRETS = {
  'INPUT_PYPI-TOKEN': 'pypi-AgSENTINELpypitoken0001',
  'INPUT_NPM-TOKEN': 'npm_SENTINELnpmtoken0002',
  'INPUT_GITHUB-TOKEN': 'ghs_SENTINELgithubtoken0003',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'SENTINELoidcrequest0004',
  ACTIONS_RUNTIME_TOKEN: 'SENTINELruntimetoken0005',
  SECRET_SENTINEL: 'SENTINELplainenv0006',
  'INPUT_REGISTRY-CREDENTIALS': `127.0.0.1:9 ci ${REGISTRY_PASSWORD}`,
} as const;

/** What must never be seen: each secret, and of the registry line its password (host and user are not secret). */
const SENTINELS: Array<[string, string]> = [
  ...Object.entries(SECRETS).filter(([name]) => name !== 'INPUT_REGISTRY-CREDENTIALS'),
  ['the registry password', REGISTRY_PASSWORD],
];

/** Commands tagship itself writes; any other command in its output came from untrusted text. */
const OWN_COMMANDS = new Set(['add-mask', 'group', 'endgroup', 'error', 'warning', 'notice', 'debug']);

/** The default project: a VERSION file agreeing with the default tag v1.2.3. */
const DEFAULT_FILES: ProjectFiles = { VERSION: '1.2.3\n' };

export type Entry = 'action' | 'cli';
type ExitCode = 0 | 1 | 2;

export interface HostileCase {
  name: string;
  /** Which entry points run the case (default: the action). */
  via?: Entry[];
  /** A push of this tag (a real push payload moved to it). Default v1.2.3 when no `event` is given. */
  tag?: string;
  /** Any other event; `raw` is the payload file's exact text. */
  event?: { name: string; payload?: unknown; raw?: string; ref?: string };
  files?: ProjectFiles;
  /** `.github/tagship.yml`. */
  config?: string;
  /** Action inputs on top of the defaults (dry-run, known-versions 1.0.0). */
  inputs?: Record<string, string>;
  /** CLI arguments after the defaults (later flags win). */
  cli?: string[];
  env?: Record<string, string>;
  /** The exit code; a list only where either outcome is honest (a plan, or one line refusing). */
  exit: ExitCode | ExitCode[];
  /** The one error line (failures) or the log (success) must match. */
  message?: RegExp;
  /** The hostile text of this case: no workflow command may carry it. */
  marker?: string;
  /**
   * Runs against a local GitHub API (test/support/github-api-server.ts) that this seeds; returns the
   * commit being released (GITHUB_SHA). The sentinel github-token is a valid token there.
   */
  github?: (server: GithubApiServer) => string;
  /** More secret values this case passes (webhook URLs, …); checked like SECRETS. */
  secrets?: string[];
  /** Extra checks on a finished run; each returns problems. */
  check?: (run: EntryRun) => string[];
}

export interface EntryRun {
  entry: Entry;
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputFile: string;
  outputs: Record<string, string>;
  childEnvs: string[];
  sandbox: Sandbox;
  /** Files written or changed outside the runner's area. */
  outsideWrites: string[];
  projectWrites: string[];
  /** What the local GitHub API server saw wrong, for cases that use one. */
  serverProblems: string[];
}

const actionDefaults = (() => {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '')]));
})();
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** A `git` on PATH that records its environment, so what tagship hands a child can be read back. */
function childRecorder(sandbox: Sandbox): string {
  const bin = join(sandbox.runnerDir, 'bin');
  mkdirSync(join(sandbox.runnerDir, 'child-env'), { recursive: true });
  mkdirSync(bin);
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nenv > '${sandbox.runnerDir}/child-env/git.'$$\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
}

/** A run that blocks (a FIFO read) is killed after this; the case then fails on its exit code. */
const RUN_TIMEOUT_MS = 15_000;

/**
 * Runs node under a 1 GB data limit: a reader that slurps /dev/zero or a sparse file then fails in
 * seconds instead of taking the machine's memory with it. prlimit rather than `sh -c ulimit`: dash
 * drops variables whose names are not shell identifiers, and `INPUT_DRY-RUN` is one of them.
 */
function spawnNode(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('prlimit', ['--data=1000000000', process.execPath, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

export async function runEntry(c: HostileCase, entry: Entry, extraEnv: Record<string, string> = {}): Promise<EntryRun> {
  if (!c.github) return runSandboxed(c, entry, extraEnv);
  const server = await GithubApiServer.start();
  try {
    server.tokens.set(SECRETS['INPUT_GITHUB-TOKEN'], true);
    const sha = c.github(server);
    const run = await runSandboxed(c, entry, { ...extraEnv, GITHUB_API_URL: server.apiUrl, GITHUB_SERVER_URL: server.serverUrl, GITHUB_REPOSITORY: `${server.owner}/${server.repo}`, GITHUB_SHA: sha });
    const bodies = server.releases.map((release) => release.body ?? '').join('\n');
    if (server.violations.length) run.serverProblems.push(...server.violations.map((v) => `the GitHub API server saw a request GitHub would refuse: ${v}`));
    for (const [name, value] of SENTINELS) if (bodies.includes(value)) run.serverProblems.push(`the secret ${name} is in a release body`);
    return run;
  } finally {
    await server.stop();
  }
}

async function runSandboxed(c: HostileCase, entry: Entry, extraEnv: Record<string, string>): Promise<EntryRun> {
  const files = c.files ?? DEFAULT_FILES;
  const sandbox = createSandbox(c.config === undefined ? files : { ...files, '.github/tagship.yml': c.config });
  const { root, project, runnerDir } = sandbox;
  const paths = { event: join(runnerDir, 'event.json'), output: join(runnerDir, 'output'), summary: join(runnerDir, 'summary') };
  const tag = c.tag ?? (c.event ? undefined : 'v1.2.3');
  const event = c.event ?? { name: 'push', payload: tagPush(tag!), ref: `refs/tags/${tag}` };
  writeFileSync(paths.event, event.raw ?? JSON.stringify(event.payload ?? {}));
  writeFileSync(paths.output, '');
  writeFileSync(paths.summary, '');
  const outsideRunner = (path: string) => path === runnerDir;
  const before = snapshot(root, outsideRunner);

  const env: NodeJS.ProcessEnv = {
    PATH: `${childRecorder(sandbox)}:${process.env.PATH ?? ''}`,
    HOME: join(runnerDir, 'home'),
    TMPDIR: join(runnerDir, 'tmp'),
    RUNNER_TEMP: join(runnerDir, 'temp'),
    GIT_CONFIG_NOSYSTEM: '1',
    ...SECRETS,
  };
  let result;
  if (entry === 'action') {
    const inputs: Record<string, string> = {
      ...actionDefaults,
      'github-token': SECRETS['INPUT_GITHUB-TOKEN'],
      'docker-digests-dir': join(runnerDir, 'temp', 'tagship-digests'),
      'pypi-token': SECRETS['INPUT_PYPI-TOKEN'],
      'npm-token': SECRETS['INPUT_NPM-TOKEN'],
      'registry-credentials': SECRETS['INPUT_REGISTRY-CREDENTIALS'],
      'dry-run': 'true',
      'known-versions': '1.0.0',
      ...c.inputs,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event.name,
      // An environment variable cannot hold NUL; the payload's ref still can.
      GITHUB_REF: (event.ref ?? '').replace(/\0/g, ''),
      GITHUB_EVENT_PATH: paths.event,
      GITHUB_WORKSPACE: project,
      GITHUB_OUTPUT: paths.output,
      GITHUB_STEP_SUMMARY: paths.summary,
      GITHUB_REPOSITORY: 'acme/widget',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      ...extraEnv,
      ...c.env,
    });
    result = await spawnNode([join(repoRoot, 'dist/index.js')], env, project);
  } else {
    // With an event file the CLI takes the ref from it, as a user replaying a payload would.
    const eventArgs = c.event ? ['--event-name', event.name, '--event', paths.event] : ['--ref', `refs/tags/${tag}`];
    Object.assign(env, extraEnv, c.env);
    result = await spawnNode([join(repoRoot, 'dist/cli/index.js'), 'plan', '--cwd', project, ...eventArgs, '--known-versions', '1.0.0', ...(c.cli ?? [])], env, runnerDir);
  }
  const childDir = join(runnerDir, 'child-env');
  const outputFile = readFileSync(paths.output, 'utf8');
  const changes = snapshotChanges(before, snapshot(root, outsideRunner));
  const inProject = (change: string) => change.endsWith(project) || change.includes(`${project}/`);
  return {
    entry,
    ...result,
    summary: readFileSync(paths.summary, 'utf8'),
    outputFile,
    outputs: parseOutputFile(outputFile),
    childEnvs: readdirSync(childDir).map((name) => readFileSync(join(childDir, name), 'utf8')),
    sandbox,
    outsideWrites: changes.filter((change) => !inProject(change)),
    projectWrites: changes.filter(inProject),
    serverProblems: [],
  };
}

/**
 * Whether a command the runner would run was made from the hostile text rather than by tagship. An
 * annotation's message may quote untrusted text (escaped, on one line: an error naming a bad tag must
 * show it), so there the marker counts only where it opens the message or sits in a property; a mask,
 * group title or debug line never has a reason to carry it.
 */
function carriesMarker(command: RunnerCommand, marker: string): boolean {
  if (!['error', 'warning', 'notice'].includes(command.name)) return command.text.includes(marker);
  return command.properties.includes(marker) || command.data.trimStart().startsWith(marker);
}

/** Every broken promise in one run, as lines naming what was seen. */
export function problemsOf(c: HostileCase, run: EntryRun): string[] {
  const problems: string[] = [];
  const shown = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
  const exits: number[] = [c.exit].flat();
  if (!exits.includes(run.status ?? -1)) problems.push(`exit ${run.status}, expected ${exits.join(' or ')}; stdout ${shown(run.stdout)} stderr ${shown(run.stderr)}`);
  const failed = run.status === null ? exits[0] !== 0 : run.status !== 0;

  const commands = [...runnerCommands(run.stdout), ...runnerCommands(run.stderr)];
  for (const command of commands) {
    if (!OWN_COMMANDS.has(command.name)) problems.push(`the runner would execute ::${command.name}:: from the line ${shown(command.line)}`);
    else if (c.marker && carriesMarker(command, c.marker)) problems.push(`the hostile text became a ::${command.name}:: command: ${shown(command.line)}`);
  }
  if (/failed unexpectedly|unexpected failure/i.test(run.stdout + run.stderr)) problems.push(`reported as an unexpected failure: ${shown(run.stdout + run.stderr)}`);

  const errors = run.entry === 'action' ? commands.filter((command) => command.name === 'error').map((command) => command.line) : run.stderr.split('\n').filter(Boolean);
  if (failed) {
    if (errors.length !== 1) problems.push(`expected one error line, got ${errors.length}: ${shown(errors.join('\n') || run.stdout + run.stderr)}`);
    if (run.entry === 'cli' && runnerLines(run.stderr.replace(/\n$/, '')).length !== 1) problems.push(`stderr is not one line: ${shown(run.stderr)}`);
    if (run.entry === 'cli' && errors[0] && !errors[0].startsWith('tagship: ')) problems.push(`the error line does not start with "tagship: ": ${shown(errors[0])}`);
  } else if (errors.length) {
    problems.push(`a successful run reported errors: ${shown(errors.join('\n'))}`);
  }
  const matched = failed ? (errors[0] ?? '') : run.stdout;
  if (c.message && !c.message.test(matched)) problems.push(`${failed ? 'the error line' : 'the log'} does not match ${c.message}: ${shown(matched)}`);

  // A secret may appear in stdout only as the payload of the ::add-mask:: that hides it.
  const unmaskedStdout = runnerLines(run.stdout)
    .filter((line) => parseRunnerCommand(line)?.name !== 'add-mask')
    .join('\n');
  const places = { stdout: unmaskedStdout, stderr: run.stderr, 'the step summary': run.summary, 'the outputs file': run.outputFile };
  for (const [name, value] of [...SENTINELS, ...(c.secrets ?? []).map((value, i) => [`case secret ${i}`, value] as const)]) {
    for (const [place, text] of Object.entries(places)) if (text.includes(value)) problems.push(`the secret ${name} appears in ${place}`);
    for (const childEnv of run.childEnvs) if (childEnv.includes(value)) problems.push(`the secret ${name} is in a child process's environment`);
  }
  for (const childEnv of run.childEnvs) {
    const names = childEnv.split('\n').map((line) => line.split('=')[0]!).filter((n) => /^(INPUT_|ACTIONS_ID_TOKEN_REQUEST_)/.test(n));
    if (names.length) problems.push(`a child process inherited ${names.join(', ')}`);
  }
  if (`${run.stdout}${run.stderr}${run.summary}${run.outputFile}`.includes(OUTSIDE_VERSION)) problems.push(`read a file outside the project (its version ${OUTSIDE_VERSION} is in the output)`);
  problems.push(...run.outsideWrites.map((change) => `wrote outside the project and the runner's directories: ${change}`));
  problems.push(...run.projectWrites.map((change) => `changed the project during a planning run: ${change}`));
  problems.push(...brokenTables(run.summary));
  problems.push(...run.serverProblems);
  problems.push(...(c.check?.(run) ?? []));
  return problems.map((problem) => `[${run.entry}] ${problem}`);
}

/**
 * A Markdown table in the step summary keeps its shape: every row opens and closes with `|` and has
 * as many unescaped `|` as its header, so no untrusted cell can add columns or end the table.
 */
export function brokenTables(summary: string): string[] {
  const problems: string[] = [];
  const pipes = (line: string) => line.match(/(?<!\\)\|/g)?.length ?? 0;
  let header: number | undefined;
  for (const line of summary.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    if (!line.trimEnd().endsWith('|') || line.trimEnd().endsWith('\\|')) problems.push(`a summary table row does not end with "|": ${JSON.stringify(line)}`);
    header ??= pipes(line);
    if (pipes(line) !== header) problems.push(`a summary table row has ${pipes(line) - 1} cells, its header ${header - 1}: ${JSON.stringify(line)}`);
  }
  return problems;
}

/** Runs every case through its entry points, `limit` processes at a time; problems by case name. */
export async function runCases(cases: HostileCase[], limit = 6): Promise<Map<string, string[]>> {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`two cases are named ${JSON.stringify(c.name)}`);
    names.add(c.name);
  }
  const jobs = cases.flatMap((c) => (c.via ?? ['action']).map((entry) => ({ c, entry })));
  const results = new Map<string, string[]>(cases.map((c) => [c.name, []]));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { c, entry } = jobs[next++]!;
      let run: EntryRun | undefined;
      try {
        run = await runEntry(c, entry);
        results.get(c.name)!.push(...problemsOf(c, run));
      } catch (error) {
        results.get(c.name)!.push(`[${entry}] the harness failed: ${(error as Error).stack}`);
      } finally {
        if (run && !process.env.TAGSHIP_HOSTILE_KEEP) rmSync(run.sandbox.root, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
