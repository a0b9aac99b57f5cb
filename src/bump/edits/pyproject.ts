import type { VersionReading } from '../../version/sources/reading.js';
import { refuse } from './text.js';
import { replaceTomlString } from './toml-span.js';

/** PEP 621 `[project].version` or Poetry's `[tool.poetry].version`: the located value span only. */
export function editPyproject(text: string, reading: VersionReading, version: string): string {
  const path = reading.source.endsWith('[tool.poetry].version') ? ['tool', 'poetry', 'version'] : reading.source.endsWith('[project].version') ? ['project', 'version'] : undefined;
  if (!path) refuse(reading.file, reading.line, `${reading.source} is not a version tagship knows how to rewrite`, 'set the version in [project].version');
  return replaceTomlString(text, path, version, reading.file, reading.line);
}
