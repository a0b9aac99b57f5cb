import { inflateRawSync } from 'node:zlib';

/**
 * Reads chosen entries of a zip archive (a wheel) through its central directory, inflating with
 * Node's own zlib. A wheel's METADATA is one small entry, and a general unzip library costs more
 * to load (its tables are built at import) than this whole read takes.
 */
export function readZipEntries(bytes: Buffer, wanted: (name: string) => boolean): Map<string, Buffer> {
  const eocd = findEndOfCentralDirectory(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = zip64Directory(bytes, eocd));
  const found = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = bytes.readUInt16LE(offset + 10);
    let compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    let localHeader = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) {
      // Zip64: the real values are in the extra field 0x0001, in this order, only those that overflowed.
      const extra = zip64Extra(bytes, offset + 46 + nameLength, extraLength);
      let at = size === 0xffffffff ? 8 : 0;
      if (compressedSize === 0xffffffff) (compressedSize = Number(extra.readBigUInt64LE(at)), (at += 8));
      if (localHeader === 0xffffffff) localHeader = Number(extra.readBigUInt64LE(at));
    }
    if (wanted(name)) {
      if (bytes.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`corrupt zip entry ${name}`);
      const start = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
      const raw = bytes.subarray(start, start + compressedSize);
      if (method !== 0 && method !== 8) throw new Error(`zip entry ${name} uses compression method ${method}; wheels use deflate`);
      found.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

function zip64Extra(bytes: Buffer, start: number, length: number): Buffer {
  for (let at = start; at + 4 <= start + length; at += 4 + bytes.readUInt16LE(at + 2)) {
    if (bytes.readUInt16LE(at) === 0x0001) return bytes.subarray(at + 4, at + 4 + bytes.readUInt16LE(at + 2));
  }
  throw new Error('corrupt zip64 entry (no zip64 extra field)');
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new Error('not a zip archive (no end of central directory)');
}

function zip64Directory(bytes: Buffer, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) throw new Error('corrupt zip64 archive');
  const record = Number(bytes.readBigUInt64LE(locator + 8));
  if (bytes.readUInt32LE(record) !== 0x06064b50) throw new Error('corrupt zip64 end of central directory');
  return { count: Number(bytes.readBigUInt64LE(record + 32)), offset: Number(bytes.readBigUInt64LE(record + 48)) };
}
