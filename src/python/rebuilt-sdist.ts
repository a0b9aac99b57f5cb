import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { parseTar } from 'nanotar';
import type { Distribution } from './distributions.js';
import { send, type PypiHttp } from './http.js';

/**
 * The files inside an sdist, each as `type mode path sha256`, sorted: what it holds, without the
 * timestamps, owners and member order that make two builds of one commit differ byte for byte.
 */
export function sdistContents(bytes: Uint8Array): string[] {
  return parseTar(gunzipSync(bytes))
    .map((item) => `${item.type ?? 'file'} ${item.attrs?.mode ?? ''} ${item.name} ${item.data ? createHash('sha256').update(item.data).digest('hex') : '-'}`)
    .sort();
}

function sameContents(a: Uint8Array, b: Uint8Array): boolean {
  try {
    return sdistContents(a).join('\n') === sdistContents(b).join('\n');
  } catch {
    return false;
  }
}

/**
 * A re-run rebuilds the sdist, and setuptools (like most backends) writes new timestamps into it, so
 * it never matches the file already on the index. When the published sdist holds exactly the same
 * files, it is the same release: the published bytes replace the rebuilt file in the project (so the
 * GitHub release and SHA256SUMS carry what the index has) and the upload skips it. Otherwise, or when
 * the index cannot hand the file out, undefined: the caller refuses, as for any changed file.
 */
export async function adoptPublishedSdist(
  cwd: string,
  file: Distribution,
  published: { url: string; sha256: string },
  localBytes: Uint8Array,
  http: PypiHttp,
): Promise<Distribution | undefined> {
  const response = await send(http, published.url, { retry: { timeoutMs: 60_000 } }).catch(() => undefined);
  if (!response?.ok) {
    await response?.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== published.sha256 || !sameContents(bytes, localBytes)) return undefined;
  await writeFile(join(cwd, file.path), bytes);
  return {
    ...file,
    size: bytes.length,
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256,
    blake2_256: bytesToHex(blake2b(bytes, { dkLen: 32 })),
  };
}
