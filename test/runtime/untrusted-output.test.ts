import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../src/runtime/action-io.js';
import { neutralizeUntrusted, stringifyForLog } from '../../src/runtime/workflow-commands.js';
import { repoRoot, runBuiltAction } from '../support/action-run.js';
import { HOSTILE_TEXT } from '../support/hostile-strings.js';
import { tagPush } from '../support/payloads.js';
import { commandsRunnerWouldExecute, parseRunnerCommands, runnerLines } from '../support/runner-commands.js';

const WORD_JOINER = /\u2060/g;
/** argv and the environment cannot carry NUL: those cases reach the built entry points only through files. */
const HOSTILE_ARGS = HOSTILE_TEXT.filter(([, text]) => !text.includes('\u0000'));

describe('the runner model (test/support/runner-commands.ts) finds what the runner would run', () => {
  it.each([
    ['a plain command', '::set-output name=a::b', 'set-output'],
    ['after spaces and tabs', ' \t::error::x', 'error'],
    ['after U+0085, which TrimStart removes', '\u0085::add-mask::x', 'add-mask'],
    ['after U+00A0 and U+2028', '\u00a0\u2028::warning::x', 'warning'],
    ['on the line after a lone CR', 'progress\r::error::x', 'error'],
    ['legacy ##[ in the middle of a line', 'PR title ##[error]x', 'error'],
    ['legacy ##[ after an ignorable joiner (ICU may report the match there)', '\u2060##[debug]x', 'debug'],
    ['an upper-case name', '::ERROR::x', 'ERROR'],
    ['any name, since stop-commands registers tokens', '::my-token::', 'my-token'],
  ])('%s', (_label, output, command) => {
    expect(parseRunnerCommands(output).map((c) => c.command)).toEqual([command]);
  });

  it.each([
    ['text that mentions ::', 'fine :: here'],
    ['a colon pair not at the start', 'a ::error::x'],
    ['one hash', '#[error]x'],
    ['the key broken by a joiner between its characters', ':\u2060:error::x'],
    ['U+2028 is not a line break to the runner', 'a\u2028::error::x'],
  ])('not %s', (_label, output) => {
    expect(commandsRunnerWouldExecute(output)).toEqual([]);
  });

  it('splits lines as StreamReader.ReadLine does: \\n, \\r, \\r\\n; U+0085/U+2028/U+2029 stay inside', () => {
    expect(runnerLines('a\nb\r\nc\rd\u0085e\u2028f\u2029g\n')).toEqual(['a', 'b', 'c', 'd\u0085e\u2028f\u2029g']);
    expect(runnerLines('a\n\rb')).toEqual(['a', '', 'b']);
  });
});

describe('neutralizeUntrusted', () => {
  it.each(HOSTILE_TEXT)('%s: no line runs, and the text reads the same', (_label, text) => {
    const safe = neutralizeUntrusted(text);
    expect(commandsRunnerWouldExecute(safe)).toEqual([]);
    expect(safe.replace(WORD_JOINER, '')).toBe(text.replace(WORD_JOINER, ''));
    expect(runnerLines(safe)).toHaveLength(runnerLines(text).length);
  });

  it('printed raw, the hostile table does reach the runner: all but these cases are live commands', () => {
    const inert = HOSTILE_TEXT.filter(([, text]) => commandsRunnerWouldExecute(text).length === 0).map(([label]) => label);
    expect(inert).toEqual([
      'U+0085 inside a line, then ::', // not a line break to the runner, and `name` comes first
      'U+2060 already in front of ::', // matched by ICU, but the name is read at offset 2: ':error'
      'zero-width space between the colons',
      'soft hyphen inside ##[',
      '%0A escape sequences', // the runner unescapes only a command's own data
      'NUL and controls',
      'pipe, fence and backticks', // the rest aim at Markdown
      'HTML block opener',
      'link and image',
      'heading and list markers',
      'lone surrogate',
    ]);
  });

  it('JSON for the log parses to the same value and holds no command', () => {
    const value = { reason: 'branch "##[error]x" is not a tag', lines: HOSTILE_TEXT.map(([, text]) => text) };
    const json = stringifyForLog(value);
    expect(commandsRunnerWouldExecute(json)).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('Runner: every message is safe, tagship’s own commands still work', () => {
  function capture(env: NodeJS.ProcessEnv = {}) {
    const lines: string[] = [];
    return { runner: createRunner(env, (line) => lines.push(line)), output: () => lines.map((l) => `${l}\n`).join('') };
  }

  it.each(HOSTILE_TEXT)('%s', async (_label, text) => {
    const { runner, output } = capture({ RUNNER_DEBUG: '1' });
    runner.info(text);
    runner.debug(text);
    runner.warning(text, { title: text, file: text, line: 3 });
    runner.error(text);
    await runner.group(text, async () => runner.info(text));
    const commands = parseRunnerCommands(output());
    expect(commands.map((c) => [c.form, c.matching, c.command])).toEqual(
      ['debug', 'warning', 'error', 'group', 'endgroup'].map((name) => ['v2', 'ordinal', name]),
    );
    // The runner unescapes each message back to the exact text, properties included.
    expect(commands.slice(0, 4).map((c) => c.data)).toEqual([text, text, text, text]);
    expect(commands[1]!.properties).toEqual({ title: text, file: text, line: '3' });
  });

  it('info keeps the text readable: only word joiners are added', () => {
    const { runner, output } = capture();
    runner.info('· npm-publish:widget\n::set-output name=pwned::1');
    expect(output()).toBe('· npm-publish:widget\n:\u2060:set-output name=pwned::1\n');
  });

  it('add-mask is still a command, with the secret intact', () => {
    const { runner, output } = capture();
    runner.mask('s3cr3t%0A::x');
    expect(parseRunnerCommands(output())).toEqual([expect.objectContaining({ command: 'add-mask', data: 's3cr3t%0A::x' })]);
  });
});

describe('the built CLI (dist/cli/index.js) prints nothing the runner would run', () => {
  const cliEntry = join(repoRoot, 'dist/cli/index.js');
  const seed = join(repoRoot, 'test/fixtures/projects/python-seed');
  const run = (...args: string[]) => spawnSync(process.execPath, [cliEntry, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

  it.each(HOSTILE_ARGS)('%s as the ref, a branch name and a dispatch version', (_label, text) => {
    for (const args of [
      ['--ref', `refs/tags/v1.2.3${text}`],
      ['--ref', `refs/heads/${text}`],
      ['--ref', `refs/heads/${text}`, '--json'],
      ['--input', `version=${text}`],
    ]) {
      const result = run('plan', '--cwd', seed, '--known-versions', '', ...args);
      expect(result.status === 0 || result.status === 1, result.stderr).toBe(true);
      expect(commandsRunnerWouldExecute(result.stdout)).toEqual([]);
      expect(commandsRunnerWouldExecute(result.stderr)).toEqual([]);
    }
  });

  it('--json stays exact JSON: a branch name with ##[ round-trips', () => {
    const result = run('plan', '--cwd', seed, '--ref', 'refs/heads/x##[error]y', '--json');
    expect(commandsRunnerWouldExecute(result.stdout)).toEqual([]);
    expect(JSON.parse(result.stdout).trigger.reason).toContain('"x##[error]y"');
  });
});

describe('the built action (dist/index.js) with hostile input', () => {
  const seed = join(repoRoot, 'test/fixtures/projects/python-seed');

  it.each(HOSTILE_ARGS)('%s in the tag and in a branch name: no command but the one error annotation', (_label, text) => {
    const tag = `v1.2.3${text}`;
    const tagRun = runBuiltAction({ eventName: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag), workspace: seed, inputs: { 'known-versions': '' } });
    expect(parseRunnerCommands(tagRun.stdout).map((c) => c.command)).toEqual(tagRun.status === 0 ? [] : ['error']);
    expect(commandsRunnerWouldExecute(tagRun.stderr)).toEqual([]);
    const branch = { ...tagPush('v1.2.3'), ref: `refs/heads/${text}` };
    const branchRun = runBuiltAction({ eventName: 'push', ref: branch.ref, payload: branch, workspace: seed });
    expect(branchRun.status).toBe(0);
    expect(commandsRunnerWouldExecute(branchRun.stdout)).toEqual([]);
  });

  it('a package name with a newline, a lone CR and ##[ (the per-step progress line): nothing runs', () => {
    const name = 'widget\n::set-output name=pwned::1\r::error::x ##[warning]y\u0085::add-mask::z';
    const dir = mkdtempSync(join(tmpdir(), 'tagship-hostile-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.2.3' }));
    const run = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: dir, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0' } });
    expect(run.status).toBe(0);
    // The name is printed (plan, and each step's progress line), neutralised.
    expect(run.stdout).toContain('· npm-publish:widget\n:\u2060:set-output name=pwned::1\r:\u2060:error::x #\u2060#[warning]y');
    expect(commandsRunnerWouldExecute(run.stdout)).toEqual([]);
    expect(run.outputs).not.toHaveProperty('pwned');
  });
});
