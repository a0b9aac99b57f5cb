import { parseTree, type Edit, type Node } from 'jsonc-parser';
import { lineAt } from '../../version/sources/reading.js';
import { refuse, withoutBom } from './text.js';

export interface JsonStringChange {
  path: readonly string[];
  value: string;
}

/**
 * Sets strings of a JSON file in place: one jsonc-parser parse (a lockfile can hold megabytes) locates
 * each value, then only those characters are replaced, so indentation, key order, comments and line
 * endings stay as written. A key given twice on the way is refused (JSON.parse, which npm uses, takes
 * the last; an editor could take either), and so is a value that is not a string.
 */
export function replaceJsonStrings(text: string, changes: readonly JsonStringChange[], file: string): string {
  if (!changes.length) return text;
  return withoutBom(text, (body) => {
    const root = parseTree(body);
    if (!root) refuse(file, undefined, 'is not valid JSON', 'fix the file');
    const edits: Edit[] = changes.map(({ path, value }) => {
      const node = nodeAt(root, path, body, file);
      if (!node) refuse(file, undefined, `"${path.join('.')}" was not found`, 'add it');
      if (node.type !== 'string') refuse(file, lineAt(body, node.offset), `"${path.join('.')}" is not a string`, 'write the version as a string');
      return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
    });
    return spliceAll(body, edits);
  });
}

/**
 * The edits applied in one pass. jsonc-parser's `applyEdits` rebuilds the whole text once per edit,
 * which took seconds for a workspace's 50 lockfile entries in a 6 MB package-lock.json.
 */
function spliceAll(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    // Two changes of one value (a path listed twice) would overlap: the first wins, as they are equal.
    if (edit.offset < at) continue;
    parts.push(text.slice(at, edit.offset), edit.content);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function replaceJsonString(text: string, path: readonly string[], value: string, file: string): string {
  return replaceJsonStrings(text, [{ path, value }], file);
}

/** Each object's properties by key, built once per object (a lockfile's `packages` has thousands). */
const propertiesByKey = new WeakMap<Node, Map<string, Node[]>>();

function propertiesOf(node: Node, key: string): Node[] {
  let index = propertiesByKey.get(node);
  if (!index) {
    index = new Map();
    for (const property of node.children ?? []) {
      const name = String(property.children?.[0]?.value);
      const list = index.get(name);
      if (list) list.push(property);
      else index.set(name, [property]);
    }
    propertiesByKey.set(node, index);
  }
  return index.get(key) ?? [];
}

/** The value node at `path`, refusing a key on the way that the object gives twice. */
function nodeAt(root: Node, path: readonly string[], body: string, file: string): Node | undefined {
  let node: Node | undefined = root;
  for (const key of path) {
    const properties: Node[] = node?.type === 'object' ? propertiesOf(node, key) : [];
    if (properties.length > 1) refuse(file, lineAt(body, properties[1]!.offset), `"${key}" is given twice`, 'remove the duplicate key');
    node = properties[0]?.children?.[1];
  }
  return node;
}

/** The parsed value of a JSON text (BOM allowed), for deciding which strings to change. */
export function jsonValue(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    // Comments or trailing commas: let the tolerant reader below decide.
  }
  const root = parseTree(body);
  return root ? nodeValue(root) : undefined;
}

function nodeValue(node: Node): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) out[String(key.value)] = nodeValue(value);
    }
    return out;
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}
