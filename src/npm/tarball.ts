import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { MAX_ASSET_BYTES, readNamedFile } from '../project/files.js';
import { readNpmFailure, runNpm, type NpmRun } from './cli.js';

/** The file `npm publish` will send, and the digests a registry records for it. */
export interface PackedTarball {
  path: string;
  filename: string;
  /** `sha512-<base64>`, as `dist.integrity` in the packument. */
  integrity: string;
  /** SHA-1 hex, as `dist.shasum` (the only digest very old versions have). */
  shasum: string;
}

/**
 * `npm pack` into an empty directory of our own (running the package's prepack/prepare scripts, as
 * `npm publish` would). The digests are computed from the file itself, so what is compared with the
 * registry is byte for byte what is then published.
 */
export async function packTarball(packageDir: string, destination: string, run: NpmRun): Promise<PackedTarball> {
  mkdirSync(destination, { recursive: true });
  const result = await runNpm(['pack', '--json', '--pack-destination', destination], { ...run, cwd: packageDir });
  if (result.code !== 0) {
    throw new UserError(`\`npm pack\` failed in ${packageDir}: ${readNpmFailure(result).summary}. Nothing was published; fix the package (or its prepack script) and re-run.`);
  }
  const files = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (files.length !== 1) throw new Error(`npm pack left ${files.length} tarballs in ${destination}, expected 1`);
  const filename = files[0]!;
  const bytes = readNamedFile(join(destination, filename), filename, { maxBytes: MAX_ASSET_BYTES });
  return describeTarball(join(destination, filename), filename, bytes);
}

/** The tarball at `path` with the digests of `bytes`, its contents. */
export function describeTarball(path: string, filename: string, bytes: Buffer): PackedTarball {
  return {
    path,
    filename,
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  };
}

/** Whether the registry's record of a version is this tarball. */
export function sameTarball(tarball: PackedTarball, published: { integrity?: string; shasum?: string }): boolean {
  if (published.integrity?.startsWith('sha512-')) return published.integrity === tarball.integrity;
  if (published.shasum) return published.shasum.toLowerCase() === tarball.shasum;
  return false;
}
