// The detector the hostile suite relies on, checked against what the runner's own parser does with
// each line (actions/runner ActionCommand.TryParseV2 / TryParse, read line by line like ProcessInvoker).
import { describe, expect, it } from 'vitest';
import { parseRunnerCommand, runnerCommands } from './support/runner-commands.js';
import { formatAnnotation, formatMask, neutralizeUntrusted } from '../../src/runtime/workflow-commands.js';

const rows: Array<{ line: string; command?: string; why: string }> = [
  { line: '::set-output name=x::1', command: 'set-output', why: 'a v2 command at the start of a line' },
  { line: '   ::add-mask::s', command: 'add-mask', why: 'TrimStart removes spaces' },
  { line: '\t\v\f::debug::d', command: 'debug', why: 'TrimStart removes tab, VT and FF' },
  { line: '\u0085::set-env name=A::b', command: 'set-env', why: 'U+0085 is white space to .NET' },
  { line: '\u00a0\u2000\u3000::add-path::/x', command: 'add-path', why: 'NBSP and Zs spaces are white space to .NET' },
  { line: '\u2028\u2029::error::e', command: 'error', why: 'U+2028/U+2029 are white space, not line ends, to the runner' },
  { line: '::SET-OUTPUT name=x::1', command: 'set-output', why: 'command names match ignoring case' },
  { line: 'text ##[error]boom', command: 'error', why: 'the legacy form is found anywhere in a line' },
  { line: '##[set-output name=x;]1', command: 'set-output', why: 'the legacy form with properties' },
  { line: '::unknown::x', why: 'an unregistered name is plain text' },
  { line: 'text ::error::x', why: 'a v2 command must open the line' },
  { line: '::error x', why: 'no second :: ends the command info' },
  { line: '\u2060::add-mask::x', why: 'after a word joiner the command info starts one character late (":add-mask")' },
  { line: 'x ##[notacommand]y', why: 'an unregistered legacy name' },
];

describe('runner command detector', () => {
  it.each(rows)('$why', ({ line, command }) => {
    expect(parseRunnerCommand(line)?.name).toBe(command);
  });

  it('splits output at \\n, \\r\\n and a lone \\r, as StreamReader.ReadLine does', () => {
    expect(runnerCommands('a\r::add-mask::x\r\n::error::y\nz').map((c) => c.name)).toEqual(['add-mask', 'error']);
  });

  it('reads the data and properties unescaped', () => {
    const [command] = runnerCommands(formatAnnotation('error', 'a\nb%', { file: 'x:y,z', line: 3 }));
    expect(command).toMatchObject({ name: 'error', data: 'a\nb%', properties: ' file=x:y,z,line=3' });
    expect(runnerCommands(formatMask('p\nq'))[0]).toMatchObject({ name: 'add-mask', data: 'p\nq' });
  });

  it("tagship's neutralizer keeps a plain `::` line from being a command", () => {
    expect(runnerCommands(neutralizeUntrusted('x\n::set-output name=a::b\r::add-mask::c'))).toEqual([]);
  });
});
