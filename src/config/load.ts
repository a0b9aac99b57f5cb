import { isAlias, isCollection, isPair, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod/mini';
import { UserError } from '../errors.js';
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectEntryExists, readContained, readProjectText } from '../project/files.js';
import { configSchema, type Config } from './schema.js';
import { prefixOverlapIssues } from './sections/packages.js';

export const DEFAULT_CONFIG_FILES = ['.github/tagship.yml', '.github/tagship.yaml'];

/** Where the config came from; `text` is undefined when no file exists and defaults apply. */
export interface ConfigSource {
  file: string;
  text?: string;
}

/** Aliases a config may expand; YAML's own default, far above any real config, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100;
/** Nesting a config may have; the deepest real setting is four levels down. */
const MAX_DEPTH = 32;

/**
 * Finds and reads the config file under the project-file rules (src/project/files.ts). The default
 * locations are inside the project; `explicit` (the `config` input / `--config`, relative to the
 * project) must exist and may lie anywhere in `workspace` (the repository: a monorepo package keeps
 * using the root's `.github/tagship.yml`), never outside it.
 */
export function readConfigSource(cwd: string, explicit?: string, workspace: string = cwd): ConfigSource {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!lstatSync(path, { throwIfNoEntry: false })) throw new UserError(`Config file ${explicit} does not exist (relative to ${cwd}). Fix the 'config' input or create the file.`);
    return { file: explicit, text: readContained(path, explicit, [workspace, cwd]).toString('utf8') };
  }
  const found = DEFAULT_CONFIG_FILES.find((file) => projectEntryExists(cwd, file));
  return found ? { file: found, text: readProjectText(cwd, found) } : { file: DEFAULT_CONFIG_FILES[0]! };
}

/**
 * Validates the config file and applies overrides (action inputs, which win). Pure. Errors name the key,
 * the expected form and the value received, and point at the file and line.
 */
export function parseConfig(source: ConfigSource, overrides: Record<string, unknown> = {}, overrideLabel = 'input'): Config {
  const lineCounter = new LineCounter();
  const doc = source.text === undefined ? undefined : parseDocument(source.text, { lineCounter, prettyErrors: true });
  if (doc?.errors.length) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    // yaml reports a stack overflow of its own parser as RESOURCE_EXHAUSTION: say what it means.
    if (first.code === 'RESOURCE_EXHAUSTION') throw new UserError(`${source.file}${line ? `:${line}` : ''}: nested too deeply to read; a tagship config needs four levels.`, { file: source.file, line });
    throw new UserError(`${source.file}${line ? `:${line}` : ''}: not valid YAML: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}.`, { file: source.file, line });
  }
  const fromFile = ((doc ? toPlainData(doc, source.file, lineCounter) : undefined) ?? {}) as unknown;
  if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    throw new UserError(`${source.file}: expected a mapping of settings at the top level, got ${describe(fromFile)}.`, { file: source.file });
  }
  // Overrides are validated on their own first, so an error names the input rather than the file.
  // Most runs have none, and `{}` always passes the partial schema: skip building it (start-up time).
  if (Object.keys(overrides).length) {
    const overrideResult = z.partial(configSchema).safeParse(overrides, { reportInput: true });
    if (!overrideResult.success) throw configError(overrideResult.error, overrideLabel);
  }

  const merged = { ...(fromFile as Record<string, unknown>), ...stripUndefined(overrides) };
  const result = configSchema.safeParse(merged, { reportInput: true });
  const lineOf = (path: PropertyKey[]) => {
    const node = doc?.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  if (!result.success) throw configError(result.error, source.file, lineOf);
  // Across keys, so not in the schema (whose partial form validates the inputs): a tag selects one package, never two.
  const overlap = prefixOverlapIssues(result.data)[0];
  if (overlap) {
    const line = lineOf(overlap.path);
    throw new UserError(`${source.file}${line ? `:${line}` : ''}: ${JSON.stringify(formatPath(overlap.path))}: ${overlap.message}.`, { file: source.file, line });
  }
  return result.data;
}

/**
 * The document as plain data, refusing what YAML allows but a config never needs: nesting deeper than
 * {@link MAX_DEPTH}, an alias inside the node it names (a cycle no validator or message can print),
 * and more than {@link MAX_ALIAS_COUNT} alias expansions (an "alias bomb").
 */
function toPlainData(doc: Document, file: string, lineCounter: LineCounter): unknown {
  const fail = (message: string, offset?: number): never => {
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    throw new UserError(`${file}${line ? `:${line}` : ''}: ${message}`, { file, line });
  };
  // An explicit stack, not recursion: the point is to survive documents built to exhaust one.
  const stack: { node: unknown; depth: number; ancestors: readonly unknown[] }[] = [{ node: doc.contents, depth: 0, ancestors: [] }];
  while (stack.length) {
    const { node, depth, ancestors } = stack.pop()!;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) fail(`alias *${node.source} names no anchor.`, node.range?.[0]);
      if (ancestors.includes(target)) fail(`alias *${node.source} refers to a node that contains it (a recursive anchor); write the value out.`, node.range?.[0]);
      continue;
    }
    if (isPair(node)) {
      stack.push({ node: node.key, depth, ancestors }, { node: node.value, depth, ancestors });
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth >= MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep; a tagship config needs four.`, node.range?.[0]);
    for (const item of node.items) stack.push({ node: item, depth: depth + 1, ancestors: [...ancestors, node] });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount.
    if (error instanceof ReferenceError) fail(`its aliases expand to more than ${MAX_ALIAS_COUNT} copies (an "alias bomb"); write the values out.`);
    throw error;
  }
}

function configError(error: z.core.$ZodError, where: string, lineOf?: (path: PropertyKey[]) => number | undefined): UserError {
  const issue = error.issues[0]!;
  const path = issue.path;
  const key = formatPath(path);
  let message: string;
  switch (issue.code) {
    case 'unrecognized_keys':
      message = `unknown key ${JSON.stringify(formatPath([...path, issue.keys[0]!]))}${knownKeysHint(path)}`;
      break;
    case 'invalid_type':
      message = `${JSON.stringify(key)} must be ${issue.expected}, got ${describe(issue.input)}`;
      break;
    case 'invalid_value':
      message = `${JSON.stringify(key)} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(issue.input)}`;
      break;
    case 'invalid_union':
      message = `${JSON.stringify(key)} has the wrong form (${describeSchemaAt(path)}), got ${describe(issue.input)}`;
      break;
    case 'invalid_key':
      // A map's key (a package name): what the key must be, from the key's own check.
      message = `${JSON.stringify(key)}: not ${issue.issues[0]?.message ?? 'a valid key'}`;
      break;
    default:
      message = `${JSON.stringify(key)}: ${issue.message}, got ${describe(issue.input)}`;
  }
  const line = lineOf?.(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path);
  return new UserError(`${where}${line ? `:${line}` : ''}: ${message}.`, lineOf ? { file: where, line } : undefined);
}

function knownKeysHint(path: PropertyKey[]): string {
  let schema: unknown = configSchema;
  for (const segment of path) schema = unwrap(schema)?.shape?.[segment as string];
  const keys = Object.keys(unwrap(schema)?.shape ?? {});
  return keys.length ? ` (expected one of: ${keys.join(', ')})` : '';
}

function describeSchemaAt(path: PropertyKey[]): string {
  let schema: unknown = configSchema;
  for (const segment of path) schema = unwrap(schema)?.shape?.[segment as string];
  const description = schema ? z.globalRegistry.get(schema as z.core.$ZodType)?.description : undefined;
  return description ? description.split('. ')[0]!.replace(/\.$/, '') : 'see docs/configuration.md';
}

function unwrap(schema: unknown): { shape?: Record<string, unknown> } | undefined {
  let current = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown } } | undefined;
  for (let i = 0; i < 5 && current && !current.shape && current.def?.innerType; i++) current = current.def.innerType as typeof current;
  return current;
}

function formatPath(path: PropertyKey[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${String(segment)}`)).join('') || '(top level)';
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
