import { applyEdits, findNodeAtLocation, modify, parseTree, type Node } from 'jsonc-parser';
import { lineAt } from '../../version/sources/reading.js';
import { refuse, withoutBom } from './text.js';

/**
 * Sets the string at `path` of a JSON file with jsonc-parser's `modify`: only the value's characters
 * change, so indentation, key order, comments and line endings stay as written. Refuses a key given
 * twice on the way (JSON.parse, which npm uses, takes the last; an editor could take either) and a
 * value that is not a string.
 */
export function replaceJsonString(text: string, path: readonly string[], value: string, file: string): string {
  return withoutBom(text, (body) => {
    const root = parseTree(body);
    if (!root) refuse(file, undefined, 'is not valid JSON', 'fix the file');
    let node: Node | undefined = root;
    for (const key of path) {
      const properties: Node[] = node?.type === 'object' ? (node.children ?? []).filter((p) => p.children?.[0]?.value === key) : [];
      if (properties.length > 1) refuse(file, lineAt(body, properties[1]!.offset), `"${key}" is given twice`, 'remove the duplicate key');
      node = properties[0]?.children?.[1];
    }
    const target = findNodeAtLocation(root, [...path]);
    if (!node || target !== node) refuse(file, undefined, `"${path.join('.')}" was not found`, 'add it');
    if (node.type !== 'string') refuse(file, lineAt(body, node.offset), `"${path.join('.')}" is not a string`, 'write the version as a string');
    const eol = body.includes('\r\n') ? '\r\n' : '\n';
    const edits = modify(body, [...path], value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
    return applyEdits(body, edits);
  });
}

/** Whether a JSON string exists at `path` (a lockfile entry to update). */
export function hasJsonString(text: string, path: readonly string[]): boolean {
  const root = parseTree(text.replace(/^\uFEFF/, ''));
  return root !== undefined && findNodeAtLocation(root, [...path])?.type === 'string';
}
