import { UserError } from '../../errors.js';

/**
 * The one line a bump says when it cannot rewrite a source safely: where, what is wrong, and what to
 * do. Nothing has been written when it is thrown (edits are planned in memory first).
 */
export function refuse(file: string, line: number | undefined, problem: string, todo?: string): never {
  const where = `${file}${line ? `:${line}` : ''}`;
  const what = todo ? `${todo}, or set the version there by hand` : 'set the version there by hand';
  throw new UserError(`${where}: ${problem}, so tagship bump cannot rewrite it safely; ${what}.`, { file, line });
}

/** 1-based numbers of the lines that differ between two texts with the same number of lines. */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lines: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) lines.push(i + 1);
  return lines;
}

/** Runs `edit` on the text without its UTF-8 byte order mark, and puts the mark back. */
export function withoutBom(text: string, edit: (text: string) => string): string {
  return text.startsWith('\uFEFF') ? `\uFEFF${edit(text.slice(1))}` : edit(text);
}

/** Offset of the first character of 1-based `line`. */
export function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** The 1-based line's text, without its line ending. */
export function lineText(text: string, line: number): string {
  const start = lineStart(text, line);
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}
