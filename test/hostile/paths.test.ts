// Hostile or broken paths: `working-directory` (action) and `--cwd` (CLI) must name a directory; the
// action's never leaves the workspace. A wrong one is one line, never a plan of an empty project.
import { describeCases } from './support/describe-cases.js';
import { MARKER, versionFile } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';

const notCompared = /^(?![\s\S]*version is ")/;
const inWorkspace = (name: string, dir: string, exit: 0 | 1, extra: Partial<HostileCase> = {}): HostileCase => ({
  name: `working-directory ${name}`,
  files: versionFile('1.2.3', { 'sub/VERSION': '1.2.3\n', 'a-file': 'x\n', 'fifo': { fifo: true }, 'out-link': { symlink: '../sentinel' } }),
  inputs: { 'working-directory': dir },
  exit,
  ...extra,
});
const cwd = (name: string, dir: string, exit: 0 | 1, extra: Partial<HostileCase> = {}): HostileCase => ({
  name: `--cwd ${name}`,
  files: versionFile('1.2.3', { 'sub/VERSION': '1.2.3\n', 'a-file': 'x\n', 'fifo': { fifo: true } }),
  cli: ['--cwd', dir],
  via: ['cli'],
  exit,
  ...extra,
});

const cases: HostileCase[] = [
  inWorkspace('that does not exist', 'missing', 1, { message: /working-directory|missing/ }),
  inWorkspace('that is a file', 'a-file', 1, { message: /working-directory|a-file/ }),
  inWorkspace('that is a FIFO', 'fifo', 1),
  inWorkspace('that is /dev/null', '/dev/null', 1),
  inWorkspace('"../sentinel", outside the workspace', '../sentinel', 1, { message: notCompared }),
  inWorkspace('"..", the workspace\'s parent', '..', 1),
  inWorkspace('an absolute path outside (/etc)', '/etc', 1),
  inWorkspace('/proc/self', '/proc/self', 1),
  inWorkspace('a link inside the workspace to a directory outside', 'out-link', 1, { message: notCompared }),
  inWorkspace('"sub/../../sentinel"', 'sub/../../sentinel', 1, { message: notCompared }),
  inWorkspace('"~" (no shell expands it)', '~', 1),
  inWorkspace('with a newline and a command, missing', `missing\n::set-output name=x::${MARKER}`, 1, { marker: MARKER }),
  inWorkspace('with ##[error], missing', `missing##[error]${MARKER}`, 1, { marker: MARKER }),
  inWorkspace('"sub" plans', 'sub', 0),
  inWorkspace('"sub/../sub" plans', 'sub/../sub', 0),
  inWorkspace('"./sub/" plans', './sub/', 0),
  inWorkspace('with spaces around it plans', '  sub  ', 0),
  { name: 'GITHUB_WORKSPACE that does not exist', env: { GITHUB_WORKSPACE: '/nonexistent/workspace' }, exit: 1 },
  cwd('that does not exist', 'missing', 1, { message: /missing/ }),
  cwd('that is a file', 'a-file', 1, { message: /a-file/ }),
  cwd('that is a FIFO', 'fifo', 1),
  cwd('that is /dev/null', '/dev/null', 1),
  cwd('with ##[error], missing', `missing##[error]${MARKER}`, 1, { marker: MARKER }),
  cwd('"sub" (relative to where the CLI runs) plans', '../project/sub', 0),
];

describeCases('hostile paths', cases);
