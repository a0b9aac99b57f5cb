/**
 * Reads Markdown's block structure the way CommonMark/GFM does, enough to tell whether untrusted text
 * changed it: lines end at `\n`, `\r\n` or a lone `\r`; a table is a header row, a delimiter row and
 * the rows after it up to a line that is not a row; cells split at pipes not escaped by a backslash.
 */
export function markdownLines(markdown: string): string[] {
  return markdown.split(/\r\n|\r|\n/);
}

export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && i + 1 < row.length) {
      current += c + row[++i];
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else current += c;
  }
  cells.push(current);
  // A leading and a trailing pipe delimit the row; they do not make empty cells.
  if (row.trimStart().startsWith('|')) cells.shift();
  if (row.trimEnd().endsWith('|') && !row.trimEnd().endsWith('\\|')) cells.pop();
  return cells.map((cell) => cell.trim());
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function markdownTables(markdown: string): MarkdownTable[] {
  const lines = markdownLines(markdown);
  const tables: MarkdownTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.includes('|') || !DELIMITER_ROW.test(lines[i + 1]!)) continue;
    const table: MarkdownTable = { header: tableCells(lines[i]!), rows: [] };
    i += 2;
    while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|')) table.rows.push(tableCells(lines[i++]!));
    tables.push(table);
  }
  return tables;
}

/** Lines that open a block untrusted text must never open: a code fence or an HTML block. */
export function blockOpeners(markdown: string): string[] {
  return markdownLines(markdown).filter((line) => /^ {0,3}(`{3,}|~{3,}|<[A-Za-z/!?])/.test(line));
}
