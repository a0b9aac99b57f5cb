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
 * Untrusted text (commit subjects, tag names, release bodies) must never be read by the runner as a
 * workflow command. The runner trims leading whitespace and then looks for `::` (or the legacy
 * `##[`), so a word joiner (U+2060, not whitespace to .NET) is put in front of such a line.
 */
export function neutralizeUntrusted(text: string): string {
  return text.replace(/^([^\S\r\n]*)(::|##\[)/gm, '$1\u2060$2');
}
