import type { OutcomeLink } from '../execute/types.js';
import { packumentUrl } from './packument.js';

export function onNpmjs(registry: string): boolean {
  return new URL(registry).hostname === 'registry.npmjs.org';
}

/** Where a person looks at a published version: its npmjs.com page, or the registry's document for it. */
export function versionLink(registry: string, name: string, version: string): OutcomeLink {
  const url = onNpmjs(registry) ? `https://www.npmjs.com/package/${name}/v/${version}` : packumentUrl(registry, name);
  return { label: `npm ${name}@${version}`, url };
}
