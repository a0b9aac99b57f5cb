import { join } from 'node:path';
import { UserError } from '../errors.js';
import { readContained } from '../project/files.js';
import { describeJsonValue, isJsonObject, parseJsonText } from '../project/json.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import { npmRecordedVersion } from '../version/scheme.js';
import { MAX_MANIFEST_BYTES } from '../version/sources/package-json.js';
import { registryKey } from './npmrc.js';

export interface PublishManifest {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  publishConfig?: { registry?: string };
}

/**
 * The package.json about to be packed, checked against the plan: the package and version the plan
 * names, and no `publishConfig.registry` that would have sent it somewhere else before tagship.
 */
export function readPublishManifest(packageDir: string, step: NpmPublishStep): PublishManifest {
  // Read under the same rules as at planning time (src/project/files.ts): a regular file inside the package.
  const file = join(step.dir, 'package.json').replaceAll('\\', '/');
  const text = readContained(join(packageDir, 'package.json'), file, [packageDir], { maxBytes: MAX_MANIFEST_BYTES }).toString('utf8');
  const value = parseJsonText(text, file, Number.POSITIVE_INFINITY);
  if (!isJsonObject(value)) throw new UserError(`${file}: expected a JSON object at the top level, got ${describeJsonValue(value)}. Nothing was published.`, { file });
  const manifest = value as PublishManifest;
  // npm publishes `v1.2.3` as 1.2.3: compare the version npm will record (the guard's rule too).
  if (manifest.name !== step.package || npmRecordedVersion(manifest.version ?? '') !== npmRecordedVersion(step.version)) {
    throw new UserError(
      `${join(step.dir, 'package.json')} now says ${manifest.name}@${manifest.version}, but the plan publishes ${step.target}: something changed it after planning. Nothing was published; re-run from a clean checkout.`,
    );
  }
  const elsewhere = manifest.publishConfig?.registry;
  if (elsewhere && registryKey(elsewhere) !== registryKey(step.registry)) {
    throw new UserError(
      `${join(step.dir, 'package.json')} has publishConfig.registry ${elsewhere}, but tagship publishes to ${step.registry} (npm.registry): set npm.registry to ${elsewhere} in the tagship config, or remove publishConfig.registry. Nothing was published.`,
    );
  }
  return manifest;
}
