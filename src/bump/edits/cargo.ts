import type { VersionReading } from '../../version/sources/reading.js';
import { withoutBom } from './text.js';
import { replaceTomlString } from './toml-span.js';

/** `[package].version` or `[workspace.package].version` of a Cargo.toml (Cargo reads a BOM, so it is kept). */
export function editCargoToml(text: string, reading: VersionReading, version: string): string {
  const path = reading.source.endsWith('[workspace.package].version') ? ['workspace', 'package', 'version'] : ['package', 'version'];
  return withoutBom(text, (body) => replaceTomlString(body, path, version, reading.file, reading.line));
}
