/**
 * Just enough of the tar format (POSIX ustar with pax and GNU long-name extensions, as npm's `tar`
 * writes it) to find one entry of a package tarball and swap its contents, keeping every other byte
 * as `npm pack` wrote it: the same modes, the fixed 1985 mtimes, the same order.
 */

const BLOCK = 512;

export interface TarEntry {
  /** Full path, after any pax `path` or GNU long-name record. */
  path: string;
  /** Offset of the entry's own header (after any extension headers that precede it). */
  headerOffset: number;
  size: number;
  type: string;
}

export function listTarEntries(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let longPath: string | undefined;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = readSize(header);
    const type = String.fromCharCode(header[156] || 0x30);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (type === 'x') longPath = paxPath(data) ?? longPath;
    else if (type === 'L') longPath = text(data);
    else if (type !== 'g') {
      const name = text(header.subarray(0, 100));
      const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? text(header.subarray(345, 500)) : '';
      entries.push({ path: longPath ?? (prefix ? `${prefix}/${name}` : name), headerOffset: offset, size, type });
      longPath = undefined;
    }
    offset += BLOCK + padded(size);
  }
  return entries;
}

export function entryData(tar: Buffer, entry: TarEntry): Buffer {
  return tar.subarray(entry.headerOffset + BLOCK, entry.headerOffset + BLOCK + entry.size);
}

/** The archive with `entry`'s contents replaced by `data`: its header gets the new size and checksum. */
export function replaceEntryData(tar: Buffer, entry: TarEntry, data: Buffer): Buffer {
  if (data.length > 0o77777777777) throw new Error('tar entry too large for an octal size field');
  const header = Buffer.from(tar.subarray(entry.headerOffset, entry.headerOffset + BLOCK));
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 12, 'latin1');
  header.fill(0x20, 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  const after = entry.headerOffset + BLOCK + padded(entry.size);
  return Buffer.concat([tar.subarray(0, entry.headerOffset), header, data, Buffer.alloc(padded(data.length) - data.length), tar.subarray(after)]);
}

function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

function readSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  // Base-256 (high bit set) for sizes past the octal field's 8 GiB.
  if (field[0]! & 0x80) return field.subarray(1).reduce((total, byte) => total * 256 + byte, field[0]! & 0x7f);
  const octal = text(field).trim();
  const size = octal ? Number.parseInt(octal, 8) : 0;
  if (!Number.isSafeInteger(size) || size < 0) throw new Error(`unreadable tar size field ${JSON.stringify(octal)}`);
  return size;
}

function text(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

/** The `path` of a pax extended header: records of `<length> <key>=<value>\n`. */
function paxPath(data: Buffer): string | undefined {
  let path: string | undefined;
  for (let offset = 0; offset < data.length; ) {
    const space = data.indexOf(0x20, offset);
    const length = Number.parseInt(data.subarray(offset, space).toString('latin1'), 10);
    if (space === -1 || !Number.isSafeInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (record.slice(0, equals) === 'path') path = record.slice(equals + 1);
    offset += length;
  }
  return path;
}
