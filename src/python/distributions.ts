import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { gunzipSync } from 'node:zlib';
import { parseTar } from 'nanotar';
import { UserError } from '../errors.js';
import { checkRelativePath, MAX_ASSET_BYTES, readProjectBytes } from '../project/files.js';
import { field, parseMetadata, type CoreMetadata } from './metadata.js';
import { readZipEntries } from './zip.js';

/** One built file, read from its own bytes: what an upload sends and what an index is compared with. */
export interface Distribution {
  /** Path relative to the project root. */
  path: string;
  filename: string;
  filetype: 'sdist' | 'bdist_wheel';
  /** `source` for an sdist, the wheel's python tag (`py3`, `cp312`) for a wheel. */
  pyversion: string;
  size: number;
  md5: string;
  sha256: string;
  blake2_256: string;
  name: string;
  version: string;
  metadata: CoreMetadata;
  mtimeMs: number;
}

/** PEP 503 normalised project name: what two spellings of one project share. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Whether a file name is a distribution this step uploads. */
export function distributionType(filename: string): Distribution['filetype'] | undefined {
  if (filename.endsWith('.whl')) return 'bdist_wheel';
  if (filename.endsWith('.tar.gz')) return 'sdist';
  return undefined;
}

/**
 * Every sdist and wheel in `dir` (relative to the project), each with the metadata inside it and its
 * digests. Each file must resolve inside the project or `alsoWithin` (RUNNER_TEMP): see src/project/files.ts.
 */
export async function readDistributions(cwd: string, outDir: string, alsoWithin: readonly string[] = [], namedBy = 'python.out-dir'): Promise<Distribution[]> {
  const dir = checkRelativePath(outDir, namedBy);
  const absolute = join(cwd, dir);
  const names = await readdir(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const found: Distribution[] = [];
  for (const filename of names.sort()) {
    const filetype = distributionType(filename);
    if (!filetype) continue;
    const path = join(absolute, filename);
    const bytes = readProjectBytes(cwd, `${dir}/${filename}`, { maxBytes: MAX_ASSET_BYTES, alsoWithin });
    const info = statSync(path);
    const metadata = filetype === 'bdist_wheel' ? wheelMetadata(filename, bytes) : sdistMetadata(filename, bytes);
    const name = field(metadata, 'Name');
    const version = field(metadata, 'Version');
    if (!name || !version) throw new UserError(`${filename}: its metadata has no ${name ? 'Version' : 'Name'}; rebuild it with a current build backend.`);
    found.push({
      path: relative(cwd, path),
      filename,
      filetype,
      pyversion: filetype === 'sdist' ? 'source' : wheelPythonTag(filename),
      size: bytes.length,
      md5: createHash('md5').update(bytes).digest('hex'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      blake2_256: bytesToHex(blake2b(bytes, { dkLen: 32 })),
      name,
      version,
      metadata,
      mtimeMs: info.mtimeMs,
    });
  }
  return found;
}

/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` → the python tag. */
export function wheelPythonTag(filename: string): string {
  const parts = filename.slice(0, -'.whl'.length).split('-');
  if (parts.length < 5 || parts.length > 6) throw new UserError(`${filename} is not a valid wheel file name (name-version-python-abi-platform.whl).`);
  return parts.at(-3)!;
}

/** A wheel's `*.dist-info/METADATA`: the one at the archive root, named after the wheel. */
function wheelMetadata(filename: string, bytes: Buffer): CoreMetadata {
  let entries: Map<string, Buffer>;
  try {
    entries = readZipEntries(bytes, (name) => /^[^/]+\.dist-info\/METADATA$/.test(name));
  } catch (error) {
    throw new UserError(`${filename} is not a readable zip archive: rebuild it.`, undefined, { cause: error });
  }
  const found = [...entries.keys()];
  if (found.length !== 1) throw new UserError(`${filename} has ${found.length ? 'several' : 'no'} *.dist-info/METADATA: not a valid wheel; rebuild it.`);
  return parseMetadata(entries.get(found[0]!)!.toString('utf8'));
}

/** An sdist's `PKG-INFO` at the archive root (`name-version/PKG-INFO`). */
function sdistMetadata(filename: string, bytes: Buffer): CoreMetadata {
  let items: Array<{ name: string; data?: Uint8Array }>;
  try {
    // zlib's gunzip rather than nanotar's DecompressionStream: web streams cost tens of ms to start.
    items = parseTar(gunzipSync(bytes), { filter: (item) => /^(\.\/)?[^/]+\/PKG-INFO$/.test(item.name) });
  } catch (error) {
    throw new UserError(`${filename} is not a readable .tar.gz archive: rebuild it.`, undefined, { cause: error });
  }
  const pkgInfo = items.find((item) => item.data);
  if (!pkgInfo) throw new UserError(`${filename} has no PKG-INFO at its root: not a valid sdist (PEP 625); rebuild it with \`python -m build --sdist\`.`);
  return parseMetadata(new TextDecoder().decode(pkgInfo.data));
}
