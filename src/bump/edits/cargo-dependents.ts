import { isDeepStrictEqual } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { stripBom } from '../../project/json.js';
import { withoutBom } from './text.js';

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);

const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'];

/** The dependency tables of a manifest, each with its path: `[dependencies]`, `[workspace.dependencies]`, `[target.'cfg(unix)'.dependencies]`. */
function dependencyTables(doc: Table): Array<{ path: string[]; deps: Table }> {
  const tables: Array<{ path: string[]; deps: Table }> = [];
  const collect = (at: string[], owner: unknown) => {
    if (!isTable(owner)) return;
    for (const name of DEPENDENCY_TABLES) if (isTable(owner[name])) tables.push({ path: [...at, name], deps: owner[name] as Table });
  };
  collect([], doc);
  if (isTable(doc.workspace) && isTable(doc.workspace.dependencies)) tables.push({ path: ['workspace', 'dependencies'], deps: doc.workspace.dependencies });
  if (isTable(doc.target)) for (const [cfg, owner] of Object.entries(doc.target)) collect(['target', cfg], owner);
  return tables;
}

/**
 * A path dependency on a bumped crate whose version requirement names the previous version
 * (`a = { path = "../a", version = "0.3.0" }`, also `^`, `=`, `~`) follows it, keeping the operator,
 * as cargo-release does: Cargo refuses a path dependency whose requirement its version does not meet
 * (`0.3.0` is `^0.3.0`, which 0.4.0 is not). Each change is made where the requirement is written
 * and checked by parsing: the manifest must differ in that requirement only, or it is left as it is.
 */
export function editCargoDependents(text: string, bumped: ReadonlyArray<{ name: string; previous: string }>, version: string): string {
  if (!bumped.length) return text;
  return withoutBom(text, (body) => {
    let current = body;
    const doc = parseToml(stripBom(current)) as Table;
    for (const { path, deps } of dependencyTables(doc)) {
      for (const [key, spec] of Object.entries(deps)) {
        if (!isTable(spec) || typeof spec.path !== 'string' || typeof spec.version !== 'string') continue;
        const crate = typeof spec.package === 'string' ? spec.package : key;
        const previous = bumped.find((b) => b.name === crate)?.previous;
        const requirement = /^\s*(=|\^|~)?\s*(.*?)\s*$/.exec(spec.version)!;
        if (previous === undefined || requirement[2] !== previous) continue;
        current = replaceRequirement(current, [...path, key, 'version'], spec.version, `${requirement[1] ?? ''}${version}`) ?? current;
      }
    }
    return current;
  });
}

/** The one occurrence of `version = "<old>"` whose replacement changes exactly `path` in the parsed document, or undefined. */
function replaceRequirement(text: string, path: readonly string[], old: string, next: string): string | undefined {
  const expected = parseToml(text) as Table;
  let node: Table = expected;
  for (const part of path.slice(0, -1)) node = node[part] as Table;
  node[path[path.length - 1]!] = next;
  const wanted = JSON.parse(JSON.stringify(expected));
  const pattern = new RegExp(`(\\bversion\\s*=\\s*)(["'])${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g');
  for (const match of text.matchAll(pattern)) {
    const start = match.index! + match[1]!.length + 1;
    const candidate = text.slice(0, start) + next + text.slice(start + old.length);
    try {
      if (isDeepStrictEqual(JSON.parse(JSON.stringify(parseToml(candidate))), wanted)) return candidate;
    } catch {
      // Not this occurrence.
    }
  }
  return undefined;
}
