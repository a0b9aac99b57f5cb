import { parse as parseIni } from 'ini';
import { stripBom } from '../../project/json.js';
import type { VersionReading } from './reading.js';

export interface SetupCfgVersion {
  name?: string;
  reading?: VersionReading;
  /** `version = attr: pkg.__version__` */
  referencedModule?: string;
  /** `version = file: VERSION` */
  referencedFile?: string;
}

export function parseSetupCfg(raw: string, file: string): SetupCfgVersion {
  // With a BOM the first section header would not be recognised and [metadata] silently missed.
  const text = stripBom(raw);
  const metadata = (parseIni(text).metadata ?? {}) as Record<string, unknown>;
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  const version = typeof metadata.version === 'string' ? metadata.version.trim() : undefined;
  if (!version) return { name };
  const attr = /^attr:\s*(\S+)$/.exec(version);
  if (attr) return { name, referencedModule: attr[1]!.replace(/\.__version__$|\.VERSION$|\.version$/, '') };
  const fileRef = /^file:\s*(\S+)$/.exec(version);
  if (fileRef) return { name, referencedFile: fileRef[1] };
  const index = text.split(/\r?\n/).findIndex((line) => /^\s*version\s*=/.test(line));
  return {
    name,
    reading: { source: `${file} [metadata].version`, file, line: index >= 0 ? index + 1 : undefined, ecosystem: 'python', value: version },
  };
}
