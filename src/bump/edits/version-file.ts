import type { VersionReading } from '../../version/sources/reading.js';
import { lineStart, lineText, refuse, withoutBom } from './text.js';

/** A plain version file (`VERSION`, or one setup.cfg names with `file:`): its first non-empty line, surrounding spaces kept. */
export function editVersionFile(text: string, reading: VersionReading, version: string): string {
  const { file, line } = reading;
  if (!line || reading.value === undefined) refuse(file, line, 'the version line was not found', 'write the version on the first line');
  return withoutBom(text, (body) => {
    const current = lineText(body, line);
    const at = current.indexOf(reading.value!);
    if (at < 0 || current.trim() !== reading.value) refuse(file, line, 'the version is not written as read', 'write the version alone on the first line');
    const start = lineStart(body, line) + at;
    return body.slice(0, start) + version + body.slice(start + reading.value!.length);
  });
}
