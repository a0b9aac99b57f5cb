// Hostile tag names and refs: every one either plans cleanly, is ignored with a reason, or is refused
// with one line; none reaches a workflow command, a shell or the summary's structure.
import { describeCases } from './support/describe-cases.js';
import { MARKER, npmProject, pythonProject, versionFile } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';

const BOTH = ['action', 'cli'] as const;
const refused = (name: string, tag: string, files = versionFile()): HostileCase => ({ name, tag, files, exit: 1, via: [...BOTH], marker: MARKER, message: /not a version tag|at most 128|is not a (semver|PEP 440) version/ });
const ignored = (name: string, tag: string): HostileCase => ({ name, tag, exit: 0, via: [...BOTH], marker: MARKER, message: /^Nothing to do: /m });
/** The same text in the payload only: the action reads the payload's ref, a NUL cannot be in argv. */
const refusedInPayload = (name: string, tag: string): HostileCase => ({ ...refused(name, tag), via: ['action'] });

const cases: HostileCase[] = [
  { name: 'baseline v1.2.3 plans', tag: 'v1.2.3', exit: 0, via: [...BOTH], message: /version\s+1\.2\.3/ },
  refused('overlong tag (300 characters)', `v1.2.3-${'a'.repeat(293)}`),
  refused('overlong tag (129 characters)', `v1.2.3-${'a'.repeat(122)}`),
  { name: 'tag of exactly 128 characters plans', tag: `v1.2.3-${'a'.repeat(121)}`, files: npmProject(`1.2.3-${'a'.repeat(121)}`), exit: 0, via: [...BOTH] },
  refused('overlong tag of 100 000 characters', `v1.${'9'.repeat(100_000)}`),
  refused('shell: semicolon', 'v1.2.3;rm -rf /'),
  refused('shell: command substitution', 'v1.2.3$(id)'),
  refused('shell: backticks', 'v1.2.3`id`'),
  refused('shell: pipe', 'v1.2.3|cat /etc/passwd'),
  refused('shell: and-list', 'v1.2.3&&curl x'),
  refused('shell: single quote', "v1.2.3'x"),
  refused('shell: double quote', 'v1.2.3"x'),
  refused('shell: redirect', 'v1.2.3>/tmp/pwned'),
  refused('space', 'v1.2.3 x'),
  refused('tab', 'v1.2.3\tx'),
  refused('newline then ::set-output', `v1.2.3\n::set-output name=version::${MARKER}`),
  refused('CR then ::add-mask', `v1.2.3\r::add-mask::${MARKER}`),
  refused('CRLF then ::error', `v1.2.3\r\n::error::${MARKER}`),
  refused('lone CR then ::warning', `v1.2.3\r::warning::${MARKER}`),
  refused('##[error] inside the tag', `v1.2.3##[error]${MARKER}`),
  refused('##[set-output] inside the tag', `v1.2.3##[set-output name=x;]${MARKER}`),
  refused('U+0085 then ::set-env', `v1.2.3\u0085::set-env name=X::${MARKER}`),
  refused('U+2028 then ::add-path', `v1.2.3\u2028::add-path::${MARKER}`),
  refused('U+2029 then ::stop-commands', `v1.2.3\u2029::stop-commands::${MARKER}`),
  refusedInPayload('NUL byte', `v1.2.3\u0000::add-mask::${MARKER}`),
  refused('escape sequence (ANSI)', 'v1.2.3\u001b[31mred'),
  refused('zero-width space', 'v1.2\u200b.3'),
  refused('right-to-left override', 'v1.2.3\u202e3.2.1'),
  refused('fullwidth digits', 'v１.２.３'),
  refused('Arabic-Indic digits', 'v١.٢.٣'),
  refused('emoji suffix', 'v1.2.3-🚀'),
  refused('dot-dot path in the version', 'v1/../../etc/passwd'),
  refused('trailing slash path', 'v1.2.3/../../x'),
  ignored('dot-dot without a number', 'v../../etc/passwd'),
  ignored('a tag that is not a version', 'vendor-sync'),
  ignored('an empty tag name', ''),
  refused('v1.2 is not semver (npm)', 'v1.2', npmProject()),
  refused('leading zeros in semver', 'v01.2.3', npmProject()),
  { ...refused('2^53+1 major (npm) is refused, naming the number', 'v9007199254740993.0.0', npmProject('9007199254740993.0.0')), message: /9007199254740993/ },
  { name: '2^53+1 major (Python) is exact or refused', tag: 'v9007199254740993.0.0', files: pythonProject('9007199254740992.0.0'), exit: 1, via: [...BOTH] },
  { name: 'v1.0+ubuntu.1 in a Python project: one clear line', tag: 'v1.0+ubuntu.1', files: pythonProject('1.0'), exit: 1, via: [...BOTH] },
  { name: 'v1.0+ubuntu.1 with the same local version: refused, indexes refuse local versions', tag: 'v1.0+ubuntu.1', files: pythonProject('1.0+ubuntu.1'), exit: 1, via: [...BOTH], message: /local/i },
  { name: 'rehearsal tag plans a rehearsal', tag: 'test-v1.2.3rc1', files: pythonProject('1.2.3rc1'), exit: 0, via: [...BOTH], message: /rehearsal/ },
  refused('rehearsal tag with a hostile suffix', `test-v1.2.3\n::set-output name=x::${MARKER}`),
  { name: 'rebuild tag plans images only', tag: 'docker-rebuild-v1.2.3', exit: 0, via: [...BOTH], message: /docker-rebuild/ },
  refused('rebuild tag with a hostile suffix', `docker-rebuild-v1.2.3##[error]${MARKER}`),
  ignored('double prefix vv1.2.3', 'vv1.2.3'),
  { name: 'a branch push is ignored', event: { name: 'push', payload: { ref: `refs/heads/main\n::set-output name=x::${MARKER}` }, ref: 'refs/heads/main' }, exit: 0, marker: MARKER, message: /^Nothing to do: branch/m },
  { name: 'a deleted tag is ignored', event: { name: 'push', payload: { ref: 'refs/tags/v1.2.3', deleted: true }, ref: 'refs/tags/v1.2.3' }, exit: 0, message: /deleted/ },
  { name: 'a ref outside refs/ in the payload', event: { name: 'push', payload: { ref: `::add-mask::${MARKER}` }, ref: `::add-mask::${MARKER}` }, exit: 0, marker: MARKER, via: [...BOTH] },
  { name: 'tag prefix input with shell text is refused', tag: 'v1.2.3', inputs: { 'tag-prefix': '$(id)' }, exit: 1, message: /tag-prefix/ },
  { name: 'empty tag prefix config, bare tag plans', tag: '1.2.3', config: "tag-prefix: ''\n", exit: 0, via: [...BOTH] },
  refused('prerelease tag with a newline in the pre-release part', `v1.2.3-rc.1\n${MARKER}`),
  { name: 'semver build metadata with dots plans', tag: 'v1.2.3+build.7', files: npmProject('1.2.3+build.7'), exit: 0, via: [...BOTH] },
];

describeCases('hostile tags and refs', cases);
