import { stripBom } from '../../project/json.js';
import type { Ecosystem, VersionReading } from './reading.js';

/** A plain file holding just the version (`VERSION`), first non-empty line. */
export function parseVersionFile(text: string, file: string, ecosystem: Ecosystem = 'generic'): VersionReading | undefined {
  const lines = stripBom(text).split(/\r?\n/);
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return undefined;
  return { source: file, file, line: index + 1, ecosystem, value: lines[index]!.trim() };
}
