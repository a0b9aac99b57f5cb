import { describe, expect, it } from 'vitest';
import { locateTomlString, replaceTomlString } from '../../src/bump/edits/toml-span.js';
import { UserError } from '../../src/errors.js';

const PATH = ['project', 'version'];

describe('locating a TOML string value', () => {
  it('skips what only looks like the key: comments, multi-line strings, arrays and other tables', () => {
    const text = [
      '# [project]',
      '# version = "0"',
      'title = """',
      '[project]',
      'version = "0"',
      '"""',
      "literal = '''",
      '[project]',
      "version = '0'",
      "'''",
      'list = [',
      '  "]", # ] in a comment',
      '  """',
      'version = "0"',
      '  """,',
      ']',
      '[[project.urls]]',
      'version = "0"',
      '[project.optional]',
      'version = "0"',
      '["project"]   # the real one',
      'name = "x"',
      "inline = { version = '0', nested = [ '[project]' ] }",
      '"version" = "1.2.3"   # here',
      '',
    ].join('\n');
    const located = locateTomlString(text, PATH);
    expect(located).toMatchObject({ span: { line: 24 } });
    expect(replaceTomlString(text, PATH, '2.0.0', 'pyproject.toml')).toBe(text.replace('"version" = "1.2.3"', '"version" = "2.0.0"'));
  });

  it('finds a dotted key at the top level and keeps a literal string literal', () => {
    expect(replaceTomlString("project.name = 'x'\nproject.version = '1.0'\n", PATH, '1.1', 'pyproject.toml')).toBe("project.name = 'x'\nproject.version = '1.1'\n");
  });

  it('an escaped quote inside a multi-line basic string does not end it', () => {
    const text = 'a = """ \\""" [project]\nversion = "9" """\n[project]\nversion = "1.0"\n';
    expect(replaceTomlString(text, PATH, '1.1', 'pyproject.toml')).toBe(text.replace('version = "1.0"', 'version = "1.1"'));
  });

  it('refuses what it cannot rewrite in place, naming file:line', () => {
    const refusal = (text: string) => {
      try {
        replaceTomlString(text, PATH, '2.0', 'pyproject.toml', 1);
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return (error as Error).message;
      }
      return 'no refusal';
    };
    expect(refusal('[project]\nversion = """1.0"""\n')).toMatch(/^pyproject.toml:2: \[project\].version is not a plain one-line string/);
    expect(refusal("[project]\nversion = '''1.0'''\n")).toMatch(/^pyproject.toml:2: \[project\].version is not a plain one-line string/);
    expect(refusal('[project]\nversion = "1.\\u0030"\n')).toMatch(/^pyproject.toml:2: /);
    expect(refusal('[project]\nname = "x"\n')).toMatch(/^pyproject.toml:1: \[project\].version was not found where tagship can rewrite it/);
    expect(refusal('[project]\nversion.major = "1"\n')).toMatch(/^pyproject.toml:1: \[project\].version was not found/);
  });
});
