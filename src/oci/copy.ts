import type { OciClient } from './client.js';
import { isIndexType } from './media-types.js';
import { parseImageName } from './names.js';

/** How a manifest got into a repository: already there, or copied (layers mounted or uploaded). */
export interface CopyReport {
  manifests: number;
  mounted: number;
  uploaded: number;
}

/**
 * Makes `digest` exist in `target` by copying it from `source` with everything it references: for an
 * index its manifests, for an image its config and layers. Blobs on the same registry are mounted
 * (no bytes move); across registries they are downloaded and uploaded. Children go first, so the
 * registry never sees a manifest whose parts are missing. Only what the target lacks is copied.
 */
export async function copyManifest(client: OciClient, source: string, target: string, digest: string, report: CopyReport = { manifests: 0, mounted: 0, uploaded: 0 }): Promise<CopyReport> {
  const manifest = await client.getManifest(source, digest);
  if (!manifest) throw new Error(`${source}@${digest} vanished while being copied`);
  if (isIndexType(manifest.mediaType) || manifest.json.manifests) {
    for (const child of manifest.json.manifests ?? []) {
      if (!(await client.headManifest(target, child.digest, 'push'))) await copyManifest(client, source, target, child.digest, report);
    }
  } else {
    const blobs = [manifest.json.config, ...(manifest.json.layers ?? [])].filter((b) => b !== undefined);
    await Promise.all(blobs.map((blob) => copyBlob(client, source, target, blob.digest, report)));
  }
  await client.putManifest(target, digest, manifest.bytes, manifest.mediaType);
  report.manifests++;
  return report;
}

async function copyBlob(client: OciClient, source: string, target: string, digest: string, report: CopyReport): Promise<void> {
  if (await client.hasBlob(target, digest, 'push')) return;
  let upload: string;
  if (parseImageName(source).host === parseImageName(target).host) {
    const mounted = await client.mountBlob(target, digest, source);
    if (mounted === true) {
      report.mounted++;
      return;
    }
    upload = mounted;
  } else {
    upload = await client.startUpload(target, digest);
  }
  await client.uploadBlob(target, digest, upload, await client.getBlob(source, digest));
  report.uploaded++;
}
