import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExecutionReport } from '../../src/execute/run.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import { codeSpan, escapeInline, escapeText, markdownLink } from '../../src/github/markdown.js';
import { repoRoot, runBuiltAction } from '../support/action-run.js';
import { HOSTILE_TEXT } from '../support/hostile-strings.js';
import { blockOpeners, markdownLines, markdownTables } from '../support/markdown-structure.js';
import { tagPush } from '../support/payloads.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** The text a reader sees in a cell: backslash escapes resolved. */
const rendered = (cell: string) => cell.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('job summary tables hold untrusted text in their cells', () => {
  it.each(HOSTILE_TEXT)('%s: the Results table keeps its rows and columns', (_label, text) => {
    const report = {
      outcomes: [{ id: text, status: 'done', detail: text, links: [{ label: text, url: `https://example.test/${text}` }] }],
      failed: { step: { id: text, target: text }, error: new Error(text) },
      notRun: [{ id: text, target: text }],
    } as unknown as ExecutionReport;
    const summary = renderOutcomes(report);
    expect(markdownLines(summary)).toHaveLength(4 + 3 + 1);
    const [table, ...others] = markdownTables(summary);
    expect(others).toEqual([]);
    expect(table!.rows).toHaveLength(3);
    for (const row of table!.rows) expect(row).toHaveLength(3);
    expect(blockOpeners(summary)).toEqual([]);
    // The step id reads as the text, with every line break a space.
    expect(rendered(table!.rows[0]![1]!)).toBe(text.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' ').replace(/[\ud800-\udfff]/g, '\ufffd').trimStart());
  });

  it('a lone CR in a cell no longer ends the table and lets later text swallow the summary', () => {
    const report = {
      outcomes: [{ id: 'npm-publish:widget\r```\r<details>', status: 'done', detail: 'ok' }, { id: 'github-release', status: 'done', detail: 'ok' }],
      notRun: [],
    } as unknown as ExecutionReport;
    const [table] = markdownTables(renderOutcomes(report));
    expect(table!.rows.map((row) => row[1])).toEqual(['npm-publish:widget \\`\\`\\` \\<details\\>', 'github-release']);
  });

  it('the built action: a package name with CR, LF and a fence keeps every summary table intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-hostile-md-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'widget\r| x | y |\n```\r~~~\u2028<script>', version: '1.2.3' }));
    const run = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: dir, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0' } });
    expect(run.status).toBe(0);
    const tables = markdownTables(run.summary);
    expect(tables.map((t) => [t.header.length, t.rows.length, ...t.rows.map((r) => r.length)])).toEqual([
      [5, 1, 5], // trigger
      [4, 1, 4], // version checks
      [3, 5, 3, 3, 3, 3, 3], // stages
      [3, 3, 3, 3, 3], // results
    ]);
    expect(blockOpeners(run.summary)).toEqual(['```mermaid', '```']);
  });
});

describe('Markdown helpers', () => {
  it('a code span survives backticks and pipes; nothing inside it is escaped by backslash', () => {
    expect(codeSpan('v1.2.3')).toBe('`v1.2.3`');
    expect(codeSpan('a`b``c')).toBe('```a`b``c```');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('a|b\r\nc')).toBe('`a\\|b c`');
    expect(codeSpan('')).toBe('');
  });

  it('prose text at the start of a line cannot open a list, heading or indented code block', () => {
    expect(escapeText('- x')).toBe('\\- x');
    expect(escapeText('1. x')).toBe('1\\. x');
    expect(escapeText('    code')).toBe('code');
    expect(escapeText('# h')).toBe('\\# h');
  });

  it('links: only http(s), and the URL cannot end the link or the cell early', () => {
    expect(markdownLink('a]b', 'https://e.test/x)(y|z w')).toBe('[a\\]b](https://e.test/x%29%28y%7Cz%20w)');
    expect(markdownLink('click', 'javascript:alert(1)')).toBe('click');
    expect(markdownLink('x', 'https://e.test/\ud800')).toBe('[x](https://e.test/\ufffd)');
  });

  it.each(HOSTILE_TEXT)('a changelog line with %s stays one list item with no markup', (_label, text) => {
    const item = `- ${escapeInline(text)} ([abc1234](https://github.com/acme/app/commit/abc1234))`;
    expect(markdownLines(item)).toHaveLength(1);
    expect(blockOpeners(item)).toEqual([]);
    // Every [ ] ( ) < > ` | from the text is escaped: only the commit link's own remain.
    expect(item.replace(/\\[!-/:-@[-`{-~]/g, '').match(/[[\]()<>`|]/g)).toEqual(['(', '[', ']', '(', ')', ')']);
  });

  it('changelog text folds U+0085, U+2028 and U+2029 too', () => {
    expect(escapeInline('a\u0085b\u2028c\u2029d\re')).toBe('a b c d e');
  });
});
