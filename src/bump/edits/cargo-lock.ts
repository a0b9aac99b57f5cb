import { isDeepStrictEqual } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { refuse } from './text.js';

/**
 * `version = "…"` of the `[[package]]` entries of a Cargo.lock naming the bumped crates, local ones only
 * (an entry with a `source` is a crate of the same name from a registry or git). Cargo writes this
 * file itself, one `key = value` a line; the result is checked to differ only in those versions.
 */
export function editCargoLock(text: string, file: string, crates: readonly string[], version: string): string {
  const lines = text.split('\n');
  const blocks: Array<{ name?: string; versionLine?: number; source: boolean }> = [];
  let block: (typeof blocks)[number] | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*\[\[\s*package\s*\]\]\s*$/.test(line)) blocks.push((block = { source: false }));
    else if (/^\s*\[/.test(line)) block = undefined;
    else if (block) {
      const pair = /^\s*(name|version|source)\s*=\s*"([^"\\]*)"\s*$/.exec(line);
      if (pair?.[1] === 'name') block.name = pair[2];
      else if (pair?.[1] === 'version') block.versionLine = i;
      else if (pair?.[1] === 'source') block.source = true;
    }
  });
  const changed: string[] = [];
  for (const entry of blocks) {
    if (entry.source || !entry.name || !crates.includes(entry.name) || entry.versionLine === undefined) continue;
    lines[entry.versionLine] = lines[entry.versionLine]!.replace(/"[^"]*"/, JSON.stringify(version));
    changed.push(entry.name);
  }
  const after = lines.join('\n');
  if (after === text) return text;
  const expected = parseToml(text) as { package?: Array<Record<string, unknown>> };
  for (const pkg of expected.package ?? []) if (typeof pkg.name === 'string' && changed.includes(pkg.name) && pkg.source === undefined) pkg.version = version;
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parseToml(after))), JSON.parse(JSON.stringify(expected)))) {
    refuse(file, undefined, 'its [[package]] entries are not in the form Cargo writes', 'run cargo update --workspace after the bump');
  }
  return after;
}
