import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { UserError } from '../../errors.js';
import { describeJsonValue, isJsonObject, parseJsonText, stripBom } from '../../project/json.js';
import { lineAt, type VersionReading } from './reading.js';

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
  const value = parseJsonText(text, file);
  if (!isJsonObject(value)) throw new UserError(`${file}: expected a JSON object at the top level, got ${describeJsonValue(value)}.`, { file });
  const tree = parseTree(text);
  const lineOf = (path: (string | number)[]) => {
    const node = tree && findNodeAtLocation(tree, path);
    return node ? lineAt(text, node.offset) : undefined;
  };
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
