import { isDeepStrictEqual } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { lineAt } from '../../version/sources/reading.js';
import { refuse } from './text.js';

/**
 * Where a TOML string value sits in the text, so a bump replaces those characters and nothing else
 * (comments, spacing, quotes and line endings stay). A small scanner over the statements: table
 * headers, `key = value` with bare, quoted and dotted keys; other values (multi-line strings, arrays,
 * inline tables) are skipped whole so nothing inside them is mistaken for a key. The scanner is only
 * trusted as far as {@link replaceTomlString} checks it: the edited file must parse to the same
 * document with only the one value changed.
 */
export interface TomlStringSpan {
  /** Offsets of the string's content, inside the quotes. */
  start: number;
  end: number;
  line: number;
}

type Located = { span: TomlStringSpan } | { problem: string; line: number } | undefined;

export function locateTomlString(text: string, path: readonly string[]): Located {
  const scanner = new Scanner(text);
  let table: string[] = [];
  let found: Located;
  while (!scanner.done()) {
    scanner.skipBlank();
    if (scanner.done()) break;
    const ch = scanner.peek();
    if (ch === '#') {
      scanner.skipComment();
      continue;
    }
    if (ch === '[') {
      const array = scanner.peek(1) === '[';
      scanner.pos += array ? 2 : 1;
      const header = scanner.readKey();
      scanner.skipInline();
      scanner.pos += array ? 2 : 1;
      // A value under an array of tables (`[[bin]]`) is never the version we look for.
      table = array ? ['\0array', ...header] : header;
      scanner.skipRestOfLine();
      continue;
    }
    const keyStart = scanner.pos;
    const key = [...table, ...scanner.readKey()];
    scanner.skipInline();
    if (scanner.peek() !== '=') return { problem: 'is not valid TOML here', line: lineAt(text, keyStart) };
    scanner.pos++;
    scanner.skipInline();
    const valueStart = scanner.pos;
    if (isDeepStrictEqual(key, path)) {
      if (found) return { problem: 'is set twice', line: lineAt(text, keyStart) };
      found = stringSpan(text, valueStart) ?? { problem: 'is not a plain one-line string', line: lineAt(text, valueStart) };
    } else if (isPrefix(key, path) || isPrefix(path, key)) {
      // `project = { version = "1.2.3" }` or `version.workspace = true` style: not a string we can locate.
      if (isPrefix(key, path) && !found) found = { problem: 'is inside an inline table', line: lineAt(text, keyStart) };
    }
    scanner.skipValue();
    scanner.skipRestOfLine();
  }
  return found;
}

function isPrefix(short: readonly string[], long: readonly string[]): boolean {
  return short.length < long.length && short.every((part, i) => long[i] === part);
}

/** A one-line basic string without escapes (`"1.2.3"`) or a literal string (`'1.2.3'`). */
function stringSpan(text: string, at: number): { span: TomlStringSpan } | undefined {
  const quote = text[at];
  if (quote !== '"' && quote !== "'") return undefined;
  if (text.startsWith(quote.repeat(3), at)) return undefined;
  const close = text.indexOf(quote, at + 1);
  const newline = text.indexOf('\n', at + 1);
  if (close < 0 || (newline >= 0 && newline < close)) return undefined;
  const content = text.slice(at + 1, close);
  if (quote === '"' && content.includes('\\')) return undefined;
  return { span: { start: at + 1, end: close, line: lineAt(text, at) } };
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(ahead = 0): string | undefined {
    return this.text[this.pos + ahead];
  }

  skipBlank(): void {
    while (!this.done() && /[ \t\r\n]/.test(this.text[this.pos]!)) this.pos++;
  }

  skipInline(): void {
    while (!this.done() && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
  }

  skipComment(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
  }

  skipRestOfLine(): void {
    this.skipComment();
  }

  /** A dotted key: `a`, `"a b"`, `'a'`, `a . "b" .c`. Quoted parts are returned unquoted (escapes kept literally). */
  readKey(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipInline();
      const ch = this.peek();
      if (ch === '"' || ch === "'") {
        const close = this.findStringEnd(this.pos, ch, false);
        parts.push(this.text.slice(this.pos + 1, close - 1));
        this.pos = close;
      } else {
        const start = this.pos;
        while (!this.done() && /[A-Za-z0-9_-]/.test(this.text[this.pos]!)) this.pos++;
        parts.push(this.text.slice(start, this.pos));
        if (start === this.pos) return parts;
      }
      this.skipInline();
      if (this.peek() !== '.') return parts;
      this.pos++;
    }
  }

  /** Past a value of any kind, including multi-line strings, arrays and inline tables over several lines. */
  skipValue(): void {
    let depth = 0;
    while (!this.done()) {
      const ch = this.text[this.pos]!;
      if (ch === '"' || ch === "'") {
        const multi = this.text.startsWith(ch.repeat(3), this.pos);
        this.pos = this.findStringEnd(this.pos, ch, multi);
        continue;
      }
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth--;
      else if (ch === '#') {
        // A comment ends the value on this line; inside an array the value goes on.
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end;
        if (depth <= 0) return;
        continue;
      } else if (ch === '\n' && depth <= 0) return;
      this.pos++;
    }
  }

  /** Offset just past the closing quote(s) of the string opening at `at`. */
  private findStringEnd(at: number, quote: string, multi: boolean): number {
    if (multi) {
      let i = at + 3;
      for (;;) {
        const close = this.text.indexOf(quote.repeat(3), i);
        if (close < 0) return this.text.length;
        if (quote === '"' && isEscaped(this.text, close)) {
          i = close + 1;
          continue;
        }
        // Up to two more quotes may belong to the content (`"""a"""""`).
        let end = close + 3;
        while (this.text[end] === quote && end - close < 5) end++;
        return end;
      }
    }
    for (let i = at + 1; i < this.text.length; i++) {
      const ch = this.text[i];
      if (ch === '\n') return i;
      if (quote === '"' && ch === '\\') {
        i++;
        continue;
      }
      if (ch === quote) return i + 1;
    }
    return this.text.length;
  }
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Replaces the string at `path` with `value`, keeping its quotes. Refuses (one line, file:line) when
 * the value is not a plain string we can locate, and checks the result: parsed, it must be the same
 * document as before but for that one value.
 */
export function replaceTomlString(text: string, path: readonly string[], value: string, file: string, fallbackLine?: number): string {
  const label = `${path.length > 1 ? `[${path.slice(0, -1).join('.')}].` : ''}${path[path.length - 1]}`;
  const located = locateTomlString(text, path);
  if (!located) refuse(file, fallbackLine, `${label} was not found where tagship can rewrite it`, `write it as ${path[path.length - 1]} = "…" under [${path.slice(0, -1).join('.')}]`);
  if ('problem' in located) refuse(file, located.line, `${label} ${located.problem}`, `write it as ${path[path.length - 1]} = "…" on one line`);
  const { start, end } = located.span;
  const after = text.slice(0, start) + value + text.slice(end);
  checkSameDocument(text, after, path, value, file, located.span.line);
  return after;
}

export function checkSameDocument(before: string, after: string, path: readonly string[], value: string, file: string, line: number): void {
  const expected = parseToml(before) as Record<string, unknown>;
  let node: Record<string, unknown> = expected;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  let parsed: unknown;
  try {
    parsed = parseToml(after);
  } catch {
    parsed = undefined;
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed ?? null)), JSON.parse(JSON.stringify(expected)))) {
    refuse(file, line, `rewriting ${path.join('.')} would change more than the version`);
  }
}
