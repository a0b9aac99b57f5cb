import type { VersionReading } from '../../version/sources/reading.js';
import { lineStart, lineText, refuse, withoutBom } from './text.js';

// The reader's pattern (src/version/sources/python-module.ts), with the string's parts captured.
const ASSIGNMENT = /^(__version__|VERSION|version)(\s*(?::\s*[A-Za-z_][\w.[\]]*\s*)?=\s*)(?:"([^"\\\n]*)"|'([^'\\\n]*)')/;

/**
 * `__version__ = "1.2.3"` (or the `VERSION`/`version` a config points at) on the line the guard read:
 * the string's content changes, its quotes and the rest of the line stay. A later assignment to the
 * same name would win when Python runs the module, so it is refused rather than left behind.
 */
export function editPythonModule(text: string, reading: VersionReading, version: string): string {
  const { file, line } = reading;
  if (!line) refuse(file, undefined, 'the version line was not found', 'write __version__ = "…"');
  return withoutBom(text, (body) => {
    const match = ASSIGNMENT.exec(lineText(body, line));
    if (!match) refuse(file, line, 'the version is not a plain string literal', 'write __version__ = "…"');
    const name = match[1]!;
    const lines = body.split(/\r?\n/);
    const assigns = new RegExp(`^\\s*${name}\\s*(?::[^=]*)?=[^=]|\\bimport\\b.*\\bas\\s+${name}\\b`);
    const again = lines.findIndex((other, i) => i >= line && assigns.test(other));
    if (again >= 0) refuse(file, again + 1, `${name} is assigned again`, `keep one ${name} = "…" line`);
    const start = lineStart(body, line) + match[1]!.length + match[2]!.length + 1;
    const old = match[3] ?? match[4]!;
    return body.slice(0, start) + version + body.slice(start + old.length);
  });
}
