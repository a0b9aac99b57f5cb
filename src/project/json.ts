import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UserError } from '../errors.js';

/** Deeper than any manifest or webhook payload; the code walking a parsed document recurses. */
export const MAX_JSON_DEPTH = 256;

const BOM = '\uFEFF';

/** Drops a leading UTF-8 byte order mark, as npm does for package.json (json-parse-even-better-errors). */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * A JSON file's value, every failure a `UserError` naming the file (and the line where the parser
 * gives one). A leading BOM is accepted (npm accepts it). Nesting is checked before parsing: a file of
 * 200,000 `[` parses with JSON.parse but overflows the stack of anything that walks it afterwards.
 */
export function parseJsonText(text: string, file: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const body = stripBom(text);
  const tooDeep = firstOffsetDeeperThan(body, maxDepth);
  if (tooDeep !== undefined) {
    const line = lineOf(body, tooDeep);
    throw new UserError(`${file}:${line}: JSON nested more than ${maxDepth} levels deep.`, { file, line });
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    // JSON.parse's message may quote the file's text; the strict jsonc scanner gives a position and a name instead.
    // (jsonc-parser recurses: past MAX_JSON_DEPTH the position is not worth a stack overflow.)
    const errors: ParseError[] = [];
    if (firstOffsetDeeperThan(body, MAX_JSON_DEPTH) === undefined) parseJsonc(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const line = first ? lineOf(body, first.offset) : undefined;
    const reason = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'unexpected end';
    throw new UserError(`${file}${line ? `:${line}` : ''}: not valid JSON (${reason}).`, { file, line }, { cause: error });
  }
}

/** Offset of the first bracket that opens level `maxDepth + 1`, skipping strings; one pass, no recursion. */
function firstOffsetDeeperThan(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `null`, `[]`, `"x"`, `3` as a message says it: what was found where an object belongs. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 37))}...` : JSON.stringify(value);
  return String(value);
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
