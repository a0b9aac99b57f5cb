/**
 * Which lines of a step's output the GitHub Actions runner would execute as workflow commands, modelled
 * on actions/runner (src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs,
 * src/Runner.Sdk/ProcessInvoker.cs):
 *
 * - ProcessInvoker reads the output with StreamReader.ReadLine, which ends a line at `\n`, `\r` or `\r\n`
 *   (not at U+0085, U+2028 or U+2029).
 * - TryParseV2: `message.TrimStart()` (.NET's Char.IsWhiteSpace set), then `StartsWith("::")`, then the
 *   command info runs from index 2 to the next `IndexOf("::", 2)`; the name ends at the first space.
 * - TryParse (legacy): `IndexOf("##[")` anywhere in the line, then up to the next `]`.
 * - Both string searches are culture-sensitive, and on Linux .NET compares with ICU, where
 *   "completely ignorable" characters (U+2060, U+200B, most C0 controls, U+FEFF, …) are skipped: a
 *   word joiner in front of `::` does not stop StartsWith from matching.
 * - Only registered names are commands (OrdinalIgnoreCase).
 */

/** Command names the runner registers (ActionCommandManager and its extensions). */
export const RUNNER_COMMANDS = new Set([
  'stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher',
  'remove-matcher', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo',
]);

export interface RunnerCommand {
  /** Lower-cased command name. */
  name: string;
  /** Properties (`file=…,line=…`, V1: `k=v;…`) and data (after the second `::` or the `]`), unescaped. */
  properties: string;
  data: string;
  /** Both, for searching. */
  text: string;
  line: string;
}

/** .NET Char.IsWhiteSpace: Unicode Zs, Zl, Zp, plus U+0009–U+000D, U+0085, U+00A0. */
function isDotnetWhiteSpace(ch: string): boolean {
  return /[\t\n\v\f\r\u0085\u00a0\p{Zs}\u2028\u2029]/u.test(ch);
}

const collator = new Intl.Collator('en-US');
const ignorable = new Map<string, boolean>();
/** ICU: a character with no collation weight, which culture-sensitive StartsWith/IndexOf skip. */
function isIgnorable(ch: string): boolean {
  let known = ignorable.get(ch);
  if (known === undefined) ignorable.set(ch, (known = collator.compare(`${ch}x`, 'x') === 0));
  return known;
}

/** Culture-sensitive IndexOf(needle, from), ignorable characters skipped inside the match. */
function cultureIndexOf(text: string, needle: string, from = 0): number {
  for (let start = from; start < text.length; start++) {
    if (text[start] !== needle[0]) continue;
    let i = start + 1;
    let matched = 1;
    while (matched < needle.length && i < text.length) {
      if (text[i] === needle[matched]) matched++;
      else if (!isIgnorable(text[i]!)) break;
      i++;
    }
    if (matched === needle.length) return start;
  }
  return -1;
}

function cultureStartsWith(text: string, prefix: string): boolean {
  let i = 0;
  while (i < text.length && isIgnorable(text[i]!)) i++;
  return cultureIndexOf(text, prefix, i) === i;
}

function unescape(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%3B/gi, ';').replace(/%5D/gi, ']').replace(/%25/g, '%');
}

function command(name: string, properties: string, data: string, line: string): RunnerCommand {
  const unescaped = { properties: unescape(properties), data: unescape(data) };
  return { name, ...unescaped, text: `${unescaped.properties} ${unescaped.data}`, line };
}

/** Splits output into lines the way StreamReader.ReadLine does. */
export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

/** TryParseV2, then TryParse, as ActionCommandManager.TryProcessCommand tries them. */
export function parseRunnerCommand(line: string): RunnerCommand | undefined {
  let start = 0;
  while (start < line.length && isDotnetWhiteSpace(line[start]!)) start++;
  const message = line.slice(start);
  if (cultureStartsWith(message, '::')) {
    const end = cultureIndexOf(message, '::', 2);
    if (end >= 0) {
      const info = message.slice(2, end);
      const name = info.split(' ')[0]!.toLowerCase();
      if (RUNNER_COMMANDS.has(name)) return command(name, info.slice(name.length), message.slice(end + 2), line);
    }
  }
  const prefix = cultureIndexOf(line, '##[');
  if (prefix >= 0) {
    const bracket = line.indexOf(']', prefix);
    if (bracket >= 0) {
      const info = line.slice(prefix + 3, bracket);
      const name = info.split(' ')[0]!.toLowerCase();
      if (RUNNER_COMMANDS.has(name)) return command(name, info.slice(name.length), line.slice(bracket + 1), line);
    }
  }
  return undefined;
}

/** Every workflow command the runner would execute from this output. */
export function runnerCommands(output: string): RunnerCommand[] {
  return runnerLines(output).flatMap((line) => parseRunnerCommand(line) ?? []);
}
