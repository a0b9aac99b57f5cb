import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/bump/diff.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

/** git's own unified diff of the two texts, from its hunk headers on. */
function gitDiff(before: string, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-diff-'));
  writeFileSync(join(dir, 'a'), before);
  writeFileSync(join(dir, 'b'), after);
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--diff-algorithm=myers', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    const out = (error as { stdout: string }).stdout;
    return out.slice(out.indexOf('@@')).replace(/^(@@ [^@]+ @@).*$/gm, '$1');
  }
}

const ours = (before: string | undefined, after: string) => {
  const diff = unifiedDiff('f', before, after);
  return diff.slice(diff.indexOf('@@'));
};

describe('unifiedDiff (what --dry-run prints) says what git diff says', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
  const cases: Array<[string, string, string]> = [
    ['two far-apart edits: two hunks', `${lines(30).join('\n')}\n`, `${lines(30).map((l, i) => (i === 3 || i === 25 ? `${l}!` : l)).join('\n')}\n`],
    ['two near edits: one hunk', `${lines(12).join('\n')}\n`, `${lines(12).map((l, i) => (i === 2 || i === 7 ? `${l}!` : l)).join('\n')}\n`],
    ['a section inserted below a title', '# Changelog\n\n## 1.0.0\n\n- a\n', '# Changelog\n\n## 1.1.0\n\n- b\n\n## 1.0.0\n\n- a\n'],
    ['lines appended', '1\n2\n3\n', '1\n2\n3\n4\n5\n'],
    ['a one-line file', '__version__ = "1.2.3"\n', '__version__ = "1.3.0"\n'],
    ['a one-line file grows', '# Changelog\n', '# Changelog\n\n## 1.3.0\n'],
    ['first line changed', '{\n  "version": "1.0.0"\n}\n', '{\n  "version": "1.0.1"\n}\n'],
  ];
  for (const [name, before, after] of cases) {
    it(name, () => expect(ours(before, after)).toBe(gitDiff(before, after)));
  }

  it('a new file is diffed against /dev/null; no change is no diff', () => {
    expect(unifiedDiff('CHANGELOG.md', undefined, 'a\nb\n')).toBe('--- /dev/null\n+++ b/CHANGELOG.md\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('VERSION', undefined, '1.0.0\n')).toBe('--- /dev/null\n+++ b/VERSION\n@@ -0,0 +1 @@\n+1.0.0\n');
    expect(unifiedDiff('x', 'same\n', 'same\n')).toBe('');
  });

  it('a version line in a large lockfile: one small hunk', () => {
    const big = `${lines(20000).join('\n')}\n`;
    const diff = unifiedDiff('package-lock.json', big, big.replace('line 10000\n', 'line 10000 bumped\n'));
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -9997,7 +9997,7 @@']);
  });
});
