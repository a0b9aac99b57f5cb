// Secrets in every run (tokens as inputs, the runner's OIDC and cache tokens, a plain env var): none
// reaches a log, the summary, an output, a release body or the environment of a child process.
import { describeCases } from './support/describe-cases.js';
import { MARKER, npmProject, pythonProject, versionFile } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';

const BOTH = ['action', 'cli'] as const;
const WEBHOOK = 'http://127.0.0.1:9/hooks/SENTINELwebhookpath0008';
const HMAC = 'SENTINELwebhookhmac0009';
/** Lists tags with git (no known-versions), so a child process runs and its environment is recorded. */
const withGit = { 'known-versions': '' };
const childRan = (run: { childEnvs: string[] }) => (run.childEnvs.length ? [] : ['no child process ran: the case checks nothing about children']);

const cases: HostileCase[] = [
  { name: 'git, run to list tags, gets none of the secrets', inputs: withGit, cli: ['--known-versions', ''], exit: 0, check: childRan, via: [...BOTH] },
  { name: 'git in a Python project gets none of the secrets', files: pythonProject(), inputs: withGit, exit: 0, check: childRan },
  { name: 'git in an npm project gets none of the secrets', files: npmProject(), inputs: withGit, exit: 0, check: childRan },
  { name: 'git for a release event gets none of the secrets', event: { name: 'release', payload: { action: 'published', release: { tag_name: 'v1.2.3', body: '' } }, ref: 'refs/tags/v1.2.3' }, inputs: withGit, exit: 0, check: childRan },
  { name: 'git for a dispatch gets none of the secrets', event: { name: 'workflow_dispatch', payload: { inputs: { version: '1.2.3' } }, ref: 'refs/heads/main' }, inputs: withGit, exit: 0, check: childRan },
  {
    name: 'an unreachable image registry: the warning hides the registry password',
    config: 'docker:\n  images: ["127.0.0.1:9/acme/app"]\n',
    inputs: withGit,
    exit: 0,
  },
  { name: 'a Python dry run never prints the PyPI token', files: pythonProject(), exit: 0, via: [...BOTH] },
  { name: 'an npm dry run never prints the npm token', files: npmProject(), exit: 0, via: [...BOTH] },
  { name: 'a failed check with debug logging on shows no secret', files: versionFile('1.2.4'), env: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }, exit: 1 },
  { name: 'a null package.json with debug logging on: one line, no secret', files: { 'package.json': 'null' }, env: { RUNNER_DEBUG: '1' }, exit: 1 },
  ...(['slack-webhook-url', 'discord-webhook-url', 'webhook-url'] as const).map(
    (input): HostileCase => ({
      name: `a failed run notifying an unreachable ${input} never shows the URL`,
      files: versionFile('1.2.4'),
      inputs: { [input]: WEBHOOK, 'webhook-secret': HMAC },
      secrets: [WEBHOOK, HMAC, 'SENTINELwebhookpath0008'],
      exit: 1,
    }),
  ),
  { name: 'a webhook URL that is not a URL is named, not shown', inputs: { 'webhook-url': 'not-a-url-SENTINELbadurl0010' }, secrets: ['SENTINELbadurl0010'], exit: 1, message: /webhook-url/ },
  {
    name: 'a token holding a newline and a command is masked whole, never run',
    inputs: { 'pypi-token': `pypi-x\n::set-output name=version::${MARKER}` },
    secrets: [`pypi-x`],
    files: pythonProject(),
    exit: 0,
    check: (run) => (run.outputs.version === '1.2.3' ? [] : [`the version output is ${JSON.stringify(run.outputs.version)}`]),
  },
  {
    name: 'a real GitHub release run keeps every secret out of the notes and the log',
    files: versionFile(),
    inputs: { 'dry-run': 'false', stages: 'release' },
    github: (server) => {
      server.tag('v1.0.0', server.commit('chore: initial'));
      return server.commit('feat: something');
    },
    exit: 0,
    message: /Release notes for v1\.2\.3/,
  },
];

describeCases('secrets', cases);
