// Untrusted text that tagship prints: commit subjects and pull-request titles in the release notes,
// versions, paths and names read from the project, event names. None may become a workflow command,
// and the step summary's tables keep their shape.
import { describeCases } from './support/describe-cases.js';
import { MARKER, npmProject, pythonProject, versionFile } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';
import type { GithubApiServer } from '../support/github-api-server.js';

const BOTH = ['action', 'cli'] as const;

/** Text shaped to become a command under each of the runner's rules, with the marker as its payload. */
const INJECTIONS: Array<[string, string]> = [
  ['::set-output at the start', `::set-output name=version::${MARKER}`],
  ['::add-mask at the start', `::add-mask::${MARKER}`],
  ['::error at the start', `::error::${MARKER}`],
  ['::stop-commands at the start', `::stop-commands::${MARKER}`],
  ['##[error] inside the text', `see ##[error]${MARKER}`],
  ['##[set-output] inside the text', `x ##[set-output name=version;]${MARKER}`],
  ['U+0085 then ::set-env', `\u0085::set-env name=NODE_OPTIONS::${MARKER}`],
  ['U+00A0 then ::add-path', `\u00a0::add-path::${MARKER}`],
  ['U+2028 then ::add-mask', `\u2028::add-mask::${MARKER}`],
  ['U+2029 then ::warning', `\u2029::warning::${MARKER}`],
  ['a tab then ::notice', `\t::notice::${MARKER}`],
];

/** A repository whose commits since v1.0.0 carry `subjects`; returns the released commit. */
const commits = (subjects: string[]) => (server: GithubApiServer) => {
  server.tag('v1.0.0', server.commit('chore: initial'));
  for (const subject of subjects) server.commit(subject);
  return server.commits.at(-1)!.sha;
};
/** A real (not dry) run of the GitHub release alone: the notes are printed and the summary written. */
const releaseRun = (name: string, subjects: string[]): HostileCase => ({
  name,
  files: versionFile(),
  inputs: { 'dry-run': 'false', stages: 'release' },
  github: commits(subjects),
  exit: 0,
  marker: MARKER,
  message: /Release notes for v1\.2\.3/,
});

const cases: HostileCase[] = [
  // Commit subjects in a conventional changelog, after a line break the runner sees (CR) or not.
  ...INJECTIONS.map(([what, text]) => releaseRun(`commit subject: ${what}`, [`feat: ${text}`, 'fix: a plain fix'])),
  ...INJECTIONS.map(([what, text]) => releaseRun(`commit subject after a lone CR: ${what}`, [`feat: first line\r${text}`, 'fix: a plain fix'])),
  releaseRun('commit body lines are not printed as commands', [`feat: ok\n\n::set-output name=x::${MARKER}\n##[error]${MARKER}`]),
  // Pull-request titles in GitHub's generated notes (a history that is not conventional).
  ...INJECTIONS.map(([what, text]) => releaseRun(`pull-request title: ${what}`, [`${text} (#12)`, 'Plain change (#13)'])),
  releaseRun('pull-request title with a lone CR then ::add-mask', [`Title\r\u0085::add-mask::${MARKER} (#14)`]),
  releaseRun('pull-request title with Markdown that would break a table', [`a | b | c \\| ${MARKER} (#15)`]),

  // Text read from the project and printed in the plan and the summary (a dry run, no server).
  ...INJECTIONS.map(([what, text]): HostileCase => ({ name: `VERSION file content: ${what}`, files: versionFile(`1.2.3${text}`), exit: 1, marker: MARKER, via: [...BOTH] })),
  ...INJECTIONS.map(([what, text]): HostileCase => ({
    name: `pyproject version after an escaped newline: ${what}`,
    files: pythonProject(`1.2.3\\n${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}`),
    exit: 1,
    marker: MARKER,
  })),
  ...INJECTIONS.slice(0, 6).map(([what, text]): HostileCase => ({
    name: `npm workspace directory name: ${what}`,
    files: {
      'package.json': JSON.stringify({ name: 'root', version: '1.2.3', private: true, workspaces: ['packages/*'] }),
      [`packages/${text.replace(/\//g, '_')}/package.json`]: JSON.stringify({ name: 'member', version: '1.2.3' }),
    },
    exit: 0,
    marker: MARKER,
    via: [...BOTH],
  })),
  ...INJECTIONS.slice(0, 6).map(([what, text]): HostileCase => ({
    name: `npm package name after a newline: ${what}`,
    files: npmProject('1.2.3', { 'package.json': JSON.stringify({ name: `widget\n${text}`, version: '1.2.3' }) }),
    exit: 0,
    marker: MARKER,
  })),
  ...INJECTIONS.slice(0, 4).map(([what, text]): HostileCase => ({
    name: `event name after a newline: ${what}`,
    event: { name: `push\n${text}`, payload: {}, ref: 'refs/tags/v1.2.3' },
    exit: 0,
    marker: MARKER,
    message: /^Nothing to do: /m,
  })),
  { name: 'event name with U+0085 after a newline', event: { name: `push\n\u0085::set-output name=x::${MARKER}`, payload: {}, ref: 'refs/tags/v1.2.3' }, exit: 0, marker: MARKER },
];

describeCases('untrusted text in logs and summary', cases);
