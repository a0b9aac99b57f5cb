import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatFileCommandSafe, neutralizeUntrusted } from './wc-helpers.js';

describe('workflow commands', () => {
  it('annotations escape the message and properties', () => {
    expect(formatAnnotation('error', 'line 1\nline 2 100%', { file: 'a,b:c.py', line: 3 })).toBe(
      '::error file=a%2Cb%3Ac.py,line=3::line 1%0Aline 2 100%25',
    );
  });

  it('untrusted text can never start a workflow command', () => {
    const hostile = 'feat: x\n::set-output name=a::b\n  ::add-mask::x\n##[error]boom\nfine :: here';
    const safe = neutralizeUntrusted(hostile);
    for (const line of safe.split('\n')) expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
    expect(safe.split('\n')[4]).toBe('fine :: here');
  });

  it('outputs use a heredoc whose delimiter cannot occur in the value', () => {
    expect(formatFileCommandSafe('plan', '{"a":1}', 'D')).toMatch(/^plan<<D\n\{"a":1\}\nD\n$/);
    expect(() => formatFileCommandSafe('plan', 'x\nD\ny', 'D')).toThrow(/delimiter/);
  });
});
