/**
 * What the GitHub Actions runner would do with a step's output, modelled on its source
 * (actions/runner: Runner.Sdk/ProcessInvoker.cs, Runner.Worker/Handlers/OutputManager.cs,
 * Runner.Common/ActionCommand.cs), so tests can ask: would any line of this stdout run as a command?
 *
 * - Lines: `StreamReader.ReadLine` ends a line at `\n`, `\r` or `\r\n`, at nothing else. stdout and
 *   stderr are both read this way and both go through the command parser.
 * - `TryParseV2`: `line.TrimStart()` (every `Char.IsWhiteSpace` character), then `StartsWith("::")`,
 *   the data separator is `IndexOf("::", 2)`, the command info is `Substring(2, …)`, the name ends at
 *   the first space, properties are `k=v` split on `,`.
 * - `TryParse` (legacy): `IndexOf("##[")` anywhere, info up to the next `]`, name at `prefix + 3`,
 *   properties split on `;`.
 * - `StartsWith`/`IndexOf(string)` are culture-sensitive and the runner runs with ICU, which may skip
 *   ignorable characters (U+2060, U+200B, U+00AD, C0 controls…) while matching. The model therefore
 *   tries both: ordinal matching, and matching that skips ignorables, with the name still taken at
 *   the runner's fixed offsets.
 * - A command runs only if its name is registered (case-insensitively). `::stop-commands::TOKEN`
 *   registers any TOKEN, so under ordinal matching every non-empty name counts; under the ICU-style
 *   matching (only reachable through characters the text itself holds) the runner's own names count.
 */

/** The commands the runner registers (ActionCommandManager and its extensions). */
export const RUNNER_COMMANDS = [
  'add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'internal-set-repo-path',
  'notice', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'stop-commands', 'warning',
] as const;

/** `Char.IsWhiteSpace`, which `String.TrimStart()` removes (U+180E: older .NET counted it too). */
const DOTNET_WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const dotnetTrim = (text: string) => text.replace(new RegExp(`^${DOTNET_WHITESPACE.source}+|${DOTNET_WHITESPACE.source}+$`, 'g'), '');
/** Characters ICU collation may skip while matching: default-ignorable code points and C0/C1 controls. */
const ICU_IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/u;

export interface RunnerCommand {
  /** The line as the runner read it. */
  line: string;
  form: 'v2' | 'v1';
  /** How the key was found: plain comparison, or skipping ICU-ignorable characters. */
  matching: 'ordinal' | 'icu';
  command: string;
  properties: Record<string, string>;
  /** The command's data, unescaped the way the runner unescapes it. */
  data: string;
}

/** The lines the runner reads from a stream, exactly as `StreamReader.ReadLine` returns them. */
export function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/);
  // A terminator at the very end does not start another (empty) line.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Every command the runner would execute from this output, in order. */
export function parseRunnerCommands(output: string): RunnerCommand[] {
  return runnerLines(output).flatMap((line) => {
    const found = parseLine(line);
    return found ? [found] : [];
  });
}

/** The lines of `stdout` (or stderr) the runner would execute as workflow commands; [] when none. */
export function commandsRunnerWouldExecute(stdout: string): string[] {
  return parseRunnerCommands(stdout).map((c) => c.line);
}

function parseLine(line: string): RunnerCommand | undefined {
  for (const matching of ['ordinal', 'icu'] as const) {
    const accepts = (name: string) =>
      matching === 'ordinal' ? name.length > 0 : (RUNNER_COMMANDS as readonly string[]).includes(name.toLowerCase());
    const v2 = parseV2(line, matching);
    if (v2 && accepts(v2.command)) return { line, form: 'v2', matching, ...v2 };
    for (const v1 of parseV1(line, matching)) if (accepts(v1.command)) return { line, form: 'v1', matching, ...v1 };
  }
  return undefined;
}

type Parsed = Pick<RunnerCommand, 'command' | 'properties' | 'data'>;

function parseV2(line: string, matching: 'ordinal' | 'icu'): Parsed | undefined {
  let start = 0;
  while (start < line.length && DOTNET_WHITESPACE.test(line[start]!)) start++;
  const message = line.slice(start);
  if (!startsWithKey(message, '::', matching)) return undefined;
  const end = indexOfKey(message, '::', 2, matching);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of dotnetTrim(info.slice(space + 1)).split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), PROPERTY_ESCAPES);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), DATA_ESCAPES) };
}

function parseV1(line: string, matching: 'ordinal' | 'icu'): Parsed[] {
  const at = indexOfKey(line, '##[', 0, matching);
  if (at < 0) return [];
  // ICU may report the match from the ignorables before it; try every start it could report.
  const starts = [at];
  for (let i = at - 1; i >= 0 && matching === 'icu' && ICU_IGNORABLE.test(line[i]!); i--) starts.push(i);
  return starts.flatMap((prefix) => {
    const close = line.indexOf(']', prefix);
    if (close < 0 || close < prefix + 3) return [];
    const info = line.slice(prefix + 3, close);
    const space = info.indexOf(' ');
    const command = space < 0 ? info : info.slice(0, space);
    const properties: Record<string, string> = {};
    if (space > 0) {
      for (const pair of info.slice(space + 1).split(';').filter(Boolean)) {
        const eq = pair.indexOf('=');
        if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), LEGACY_ESCAPES);
      }
    }
    return [{ command, properties, data: unescape(line.slice(close + 1), LEGACY_ESCAPES) }];
  });
}

/** Where `key` starts at or after `from`; with 'icu', ignorable characters inside the match are skipped. */
function indexOfKey(text: string, key: string, from: number, matching: 'ordinal' | 'icu'): number {
  if (matching === 'ordinal') return text.indexOf(key, from);
  for (let i = from; i < text.length; i++) {
    if (text[i] !== key[0]) continue;
    let k = 0;
    for (let j = i; j < text.length && k < key.length; j++) {
      if (text[j] === key[k]) k++;
      else if (!ICU_IGNORABLE.test(text[j]!)) break;
    }
    if (k === key.length) return i;
  }
  return -1;
}

/** `StartsWith(key)`: ordinal, or (ICU) with only ignorable characters before the key. */
function startsWithKey(text: string, key: string, matching: 'ordinal' | 'icu'): boolean {
  const at = indexOfKey(text, key, 0, matching);
  return at === 0 || (at > 0 && matching === 'icu' && [...text.slice(0, at)].every((c) => ICU_IGNORABLE.test(c)));
}

const DATA_ESCAPES: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']];
const PROPERTY_ESCAPES: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']];
const LEGACY_ESCAPES: [string, string][] = [['%3B', ';'], ['%0D', '\r'], ['%0A', '\n'], ['%5D', ']'], ['%25', '%']];

/** The runner's unescaping: each mapping replaced in turn over the whole string, `%25` last. */
function unescape(text: string, mappings: [string, string][]): string {
  return mappings.reduce((value, [escaped, plain]) => value.replaceAll(escaped, plain), text);
}
