import { z } from 'zod/mini';
import { configSchema } from '../config/schema.js';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  pattern?: string;
}

/**
 * docs/configuration.md, generated from the zod schema so that it cannot drift from what the code
 * accepts (a test fails when the committed file is stale; `npm run docs` rewrites it).
 */
export function renderConfigReference(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: string[] = [];
  walk(schema, '', rows);
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run docs`. Do not edit by hand. -->',
    '',
    'tagship reads `.github/tagship.yml` (or `.yaml`), or the file named by the `config` input / `--config`.',
    'Every key is optional. An unknown key or a wrong type stops the run with the key, the expected form and',
    'the value received.',
    '',
    '| key | type | default | description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function walk(schema: JsonSchema, prefix: string, rows: string[]): void {
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const entry = typeof child.additionalProperties === 'object' ? child.additionalProperties : undefined;
    if (child.properties) {
      rows.push(`| \`${path}\` | section | | ${escape(child.description ?? '')} |`);
      walk(child, path, rows);
    } else if (entry?.properties) {
      // A map of named sections (`packages`): its entries' keys, under a placeholder name.
      rows.push(`| \`${path}\` | map of section | ${child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``} | ${escape(child.description ?? '')} |`);
      walk(entry, `${path}.<name>`, rows);
    } else {
      rows.push(`| \`${path}\` | ${typeOf(child)} | ${child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``} | ${escape(child.description ?? '')} |`);
    }
  }
}

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'any'}`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return `map of ${typeOf(schema.additionalProperties)}`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
