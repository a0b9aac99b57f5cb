import { parse as parseToml } from 'smol-toml';
import { UserError } from '../../errors.js';
import { stripBom } from '../../project/json.js';
import { tomlKeyLine, type VersionReading } from './reading.js';

type Table = Record<string, unknown>;
const table = (value: unknown): Table => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {});

export function parseCargoToml(raw: string, file: string): VersionReading | undefined {
  // Cargo reads a manifest with a leading BOM (rust-lang/cargo#2031).
  const text = stripBom(raw);
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (error) {
    throw new UserError(`${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`, { file }, { cause: error });
  }
  const pkg = table(doc.package);
  if (typeof pkg.version === 'string') {
    return { source: `${file} [package].version`, file, line: tomlKeyLine(text, 'package', 'version'), ecosystem: 'cargo', value: pkg.version };
  }
  const workspacePackage = table(table(doc.workspace).package);
  if (typeof workspacePackage.version === 'string') {
    return {
      source: `${file} [workspace.package].version`,
      file,
      line: tomlKeyLine(text, 'workspace.package', 'version'),
      ecosystem: 'cargo',
      value: workspacePackage.version,
    };
  }
  return undefined;
}
