import { applyEdits, parseTree, type Edit, type Node } from 'jsonc-parser';
import { lineAt } from '../../version/sources/reading.js';
import { refuse, withoutBom } from './text.js';

export interface JsonStringChange {
  path: readonly string[];
  value: string;
}

/**
 * Sets strings of a JSON file in place: one parse (a lockfile can hold megabytes), then jsonc-parser
 * edits that replace only each value's characters, so indentation, key order, comments and line
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
    return applyEdits(body, edits);
  });
}

export function replaceJsonString(text: string, path: readonly string[], value: string, file: string): string {
  return replaceJsonStrings(text, [{ path, value }], file);
}

/** The value node at `path`, refusing a key on the way that the object gives twice. */
function nodeAt(root: Node, path: readonly string[], body: string, file: string): Node | undefined {
  let node: Node | undefined = root;
  for (const key of path) {
    const properties: Node[] = node?.type === 'object' ? (node.children ?? []).filter((p) => p.children?.[0]?.value === key) : [];
    if (properties.length > 1) refuse(file, lineAt(body, properties[1]!.offset), `"${key}" is given twice`, 'remove the duplicate key');
    node = properties[0]?.children?.[1];
  }
  return node;
}

/** The parsed value of a JSON text (BOM allowed), for deciding which strings to change. */
export function jsonValue(text: string): unknown {
  const root = parseTree(text.replace(/^\uFEFF/, ''));
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
