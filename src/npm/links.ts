import type { OutcomeLink } from '../execute/types.js';

/** The packument URL: a scoped name keeps its `@` and encodes the slash (`@scope%2Fname`). */
export function packumentUrl(registry: string, name: string): string {
  return `${registry.replace(/\/?$/, '/')}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
}

export function onNpmjs(registry: string): boolean {
  return new URL(registry).hostname === 'registry.npmjs.org';
}

/** Where a person looks at a published version: its npmjs.com page, or the registry's document for it. */
export function versionLink(registry: string, name: string, version: string): OutcomeLink {
  const url = onNpmjs(registry) ? `https://www.npmjs.com/package/${name}/v/${version}` : packumentUrl(registry, name);
  return { label: `npm ${name}@${version}`, url };
}
