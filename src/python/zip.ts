import { unzipSync } from 'fflate';

/**
 * Reads the entries of a zip archive (a wheel) whose names `wanted` accepts. Only the chosen entries are
 * inflated: a wheel's METADATA is one small file among many.
 */
export function readZipEntries(bytes: Buffer, wanted: (name: string) => boolean): Map<string, Buffer> {
  const files = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data)]));
}
