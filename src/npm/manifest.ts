import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import { npmRecordedVersion } from '../version/scheme.js';
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
  const file = join(packageDir, 'package.json');
  let manifest: PublishManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as PublishManifest;
  } catch (error) {
    throw new UserError(`Cannot read ${join(step.dir, 'package.json')}: ${(error as Error).message}. Nothing was published.`, undefined, { cause: error });
  }
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
