import { createScanner } from 'jsonc-parser';
import { UserError } from '../../errors.js';
import { describeJsonValue, isJsonObject, parseJsonText, stripBom } from '../../project/json.js';
import type { VersionReading } from './reading.js';

/** A package.json may be larger than other text sources (npm reads any size): 16 MiB. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface NpmManifest {
  name?: string;
  version?: string;
  private?: boolean;
  description?: string;
  license?: string;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * A package.json as npm reads it: a leading BOM is dropped, the top level must be an object, and the
 * fields tagship uses must have the types npm gives them (`name`, `version` strings, `workspaces` an
 * array of strings or `{ packages: [...] }`, dependency maps objects). Anything else names the file
 * and the field.
 */
export function parsePackageJson(raw: string, file: string): { manifest: NpmManifest; reading?: VersionReading } {
  const text = stripBom(raw);
  // Any nesting, as npm reads it: nothing below walks the value recursively.
  const value = parseJsonText(text, file, Number.POSITIVE_INFINITY);
  if (!isJsonObject(value)) throw new UserError(`${file}: expected a JSON object at the top level, got ${describeJsonValue(value)}.`, { file });
  const keyLines = topLevelKeyLines(text);
  // Messages point at the line of the top-level key the problem is under.
  const lineOf = (path: (string | number)[]) => keyLines.get(String(path[0]));
  const wrong = (path: (string | number)[], expected: string, got: unknown): UserError => {
    const line = lineOf(path);
    const key = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace('.[', '[');
    return new UserError(`${file}${line ? `:${line}` : ''}: "${key}" must be ${expected}, got ${describeJsonValue(got)}.`, { file, line });
  };
  for (const key of ['name', 'version', 'description'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') throw wrong([key], 'a string', value[key]);
  }
  if (value.private !== undefined && typeof value.private !== 'boolean') throw wrong(['private'], 'true or false', value.private);
  for (const key of DEPENDENCY_FIELDS) {
    if (value[key] !== undefined && !isJsonObject(value[key])) throw wrong([key], 'an object of package names to versions', value[key]);
  }
  checkWorkspaces(value.workspaces, wrong);
  const manifest = value as NpmManifest;
  if (typeof manifest.version !== 'string') return { manifest };
  return { manifest, reading: { source: file, file, line: lineOf(['version']), ecosystem: 'npm', value: manifest.version } };
}

/** The line of each top-level key, from the token stream: one pass, no recursion, any depth. */
function topLevelKeyLines(text: string): Map<string, number> {
  // jsonc-parser's SyntaxKind is an ambient const enum (not importable with isolatedModules): its values.
  const OPEN_BRACE = 1, CLOSE_BRACE = 2, OPEN_BRACKET = 3, CLOSE_BRACKET = 4, COMMA = 5, STRING = 10, EOF = 17;
  const scanner = createScanner(text, true);
  const lines = new Map<string, number>();
  let depth = 0;
  let keyNext = false;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      keyNext = depth === 1 && token === OPEN_BRACE;
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
    else if (token === COMMA) keyNext = depth === 1;
    else if (token === STRING && depth === 1 && keyNext) {
      if (!lines.has(scanner.getTokenValue())) lines.set(scanner.getTokenValue(), scanner.getTokenStartLine() + 1);
      keyNext = false;
    } else keyNext = false;
  }
  return lines;
}

/** `workspaces`: an array of glob strings, or an object whose `packages` is one (the yarn form npm also reads). */
function checkWorkspaces(workspaces: unknown, wrong: (path: (string | number)[], expected: string, got: unknown) => UserError): void {
  if (workspaces === undefined) return;
  const expected = 'an array of path globs, or an object with "packages": [...]';
  let list: unknown = workspaces;
  let path: (string | number)[] = ['workspaces'];
  if (isJsonObject(workspaces)) {
    list = workspaces.packages ?? [];
    path = ['workspaces', 'packages'];
  }
  if (!Array.isArray(list)) throw wrong(path, expected, list);
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item === '') throw wrong([...path, i], 'a path glob (a non-empty string)', item);
  });
}

export function workspacePatterns(manifest: NpmManifest): string[] {
  const { workspaces } = manifest;
  if (Array.isArray(workspaces)) return workspaces;
  return workspaces?.packages ?? [];
}
