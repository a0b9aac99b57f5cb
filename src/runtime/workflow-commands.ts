/**
 * GitHub Actions workflow commands, written by hand rather than through @actions/core: the protocol is
 * a few lines of escaping, and skipping that dependency (and the HTTP client it pulls in) keeps the
 * action's start-up cost near bare Node.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

/** Escapes a command's message (data after the second `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value (`file=…,line=…`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
}

export function formatCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function formatAnnotation(
  level: 'error' | 'warning' | 'notice',
  message: string,
  properties: AnnotationProperties = {},
): string {
  return formatCommand(level, { title: properties.title, file: properties.file, line: properties.line }, message);
}

export function formatMask(secret: string): string {
  return formatCommand('add-mask', {}, secret);
}

/**
 * The runner reads a step's stdout and stderr with .NET's `StreamReader.ReadLine`, which ends a line
 * at `\n`, `\r` or `\r\n` (and at nothing else: U+0085, U+2028 and U+2029 stay inside a line).
 * Every one of those lines is offered to two parsers (actions/runner, ActionCommand.cs):
 * - `TryParseV2`: `line.TrimStart()` (which drops every `Char.IsWhiteSpace` character, U+0085 and
 *   U+00A0 included), then the line must start with `::`;
 * - `TryParse` (the legacy form): `##[` anywhere in the line.
 */
const LINE_CONTENT = /[^\r\n]+/g;

/** `Char.IsWhiteSpace` (what `TrimStart()` removes), plus U+180E, which older .NET counted too. */
const DOTNET_WHITESPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_COMMAND_KEY = new RegExp(`^([${DOTNET_WHITESPACE}]*):(?=:)`);
const WORD_JOINER = '\u2060';

/**
 * Untrusted text (commit subjects, tag names, package names, release bodies, error messages) as it
 * must be written to stdout: on every line the runner will see, a word joiner (U+2060: not whitespace
 * to .NET, invisible in the log) goes between the two characters of a leading `::` and of every `##[`.
 * Between, not in front: the runner compares with culture-sensitive `StartsWith`/`IndexOf`, which may
 * skip an ignorable character like U+2060, but then takes the command name from a fixed offset (2, or
 * 3 past `##[`), and that offset now lands on `:` or `[`, never on a command name.
 * Line terminators are kept as they are, so the text reads the same.
 */
export function neutralizeUntrusted(text: string): string {
  return text.replace(LINE_CONTENT, neutralizeLine);
}

function neutralizeLine(line: string): string {
  return line.replaceAll('##[', `#${WORD_JOINER}#[`).replace(LEADING_COMMAND_KEY, `$1:${WORD_JOINER}`);
}

/**
 * JSON for stdout that the runner cannot read as a command yet parses to the same value: JSON puts
 * `\n` and `\r` only between tokens (never at a `::`), and `##[` can occur only inside a string, where
 * `#\u0023[` means the same characters.
 */
export function stringifyForLog(value: unknown): string {
  return JSON.stringify(value, null, 2).replaceAll('##[', '#\\u0023[');
}
