import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { glob } from 'tinyglobby';
import { UserError } from '../errors.js';
import { checkGlobPatterns, containedGlobOptions, MAX_ASSET_BYTES, readProjectBytes } from '../project/files.js';

/** A file to attach to the release, read into memory (release assets are small: dists, checksums). */
export interface ReleaseAsset {
  name: string;
  data: Uint8Array;
  /** `sha256:<hex>`, the form the API reports as an asset's `digest`. */
  digest: string;
  contentType: string;
}

export const CHECKSUMS_NAME = 'SHA256SUMS';

/**
 * Resolves the asset globs in `cwd` and reads the files. Done before any write to GitHub, so a
 * missing file stops the run before a release exists. `required`: every glob must match.
 * Assets are public: only files inside the project are attached. An absolute or `..` pattern is
 * refused, globbing does not enter symlinked directories, and a symlinked file that leads out of the
 * project stops the run (see src/project/files.ts).
 */
export async function collectAssets(cwd: string, globs: readonly string[], options: { required: boolean; checksums: boolean }): Promise<ReleaseAsset[]> {
  const paths: string[] = [];
  for (const pattern of checkGlobPatterns(globs, 'github-release.assets')) {
    const matched = (await glob(pattern, { ...containedGlobOptions(cwd), onlyFiles: true })).sort();
    if (!matched.length && options.required) {
      throw new UserError(
        `No file matches the release asset pattern ${JSON.stringify(pattern)} in ${cwd}: build the files first, or change github-release.assets.`,
      );
    }
    for (const path of matched) if (!paths.includes(path)) paths.push(path);
  }
  const assets: ReleaseAsset[] = [];
  for (const path of paths) {
    const name = basename(path);
    if (assets.some((a) => a.name === name)) {
      throw new UserError(`Two release assets are named ${JSON.stringify(name)}: a release holds one file per name. Narrow github-release.assets.`);
    }
    if (name === CHECKSUMS_NAME && options.checksums) {
      throw new UserError(`${CHECKSUMS_NAME} is written by tagship; remove it from github-release.assets or set checksums: false.`);
    }
    assets.push(makeAsset(name, new Uint8Array(readProjectBytes(cwd, path, { maxBytes: MAX_ASSET_BYTES }))));
  }
  if (options.checksums && assets.length) assets.push(makeAsset(CHECKSUMS_NAME, new TextEncoder().encode(checksumsFile(assets))));
  return assets;
}

export function makeAsset(name: string, data: Uint8Array): ReleaseAsset {
  return { name, data, digest: `sha256:${createHash('sha256').update(data).digest('hex')}`, contentType: contentTypeFor(name) };
}

/** The `sha256sum` format, so `sha256sum -c SHA256SUMS` checks the downloads. */
export function checksumsFile(assets: readonly ReleaseAsset[]): string {
  return assets.map((a) => `${a.digest.slice('sha256:'.length)}  ${a.name}\n`).join('');
}

const CONTENT_TYPES: Record<string, string> = {
  '.whl': 'application/zip',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.tgz': 'application/gzip',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

function contentTypeFor(name: string): string {
  if (name === CHECKSUMS_NAME) return 'text/plain';
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}
