/** The ecosystem whose rules decide what a source's version means. */
export type Ecosystem = 'npm' | 'python' | 'cargo' | 'generic';

/**
 * One place the project states its version, as read from disk. `value` is absent when the version is
 * dynamic (it comes from the tag at build time); `dynamic` then says how.
 */
export interface VersionReading {
  /** Human label: `package.json`, `pyproject.toml [project].version`, `crawl4ai/__version__.py`. */
  source: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  ecosystem: Ecosystem;
  value?: string;
  dynamic?: string;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Line of `key = …` inside `[table]` of a TOML file. The value itself always comes from the TOML
 * parser; this scan only finds where to point the annotation.
 */
export function tomlKeyLine(text: string, table: string, key: string): number | undefined {
  let current = '';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const header = /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (header && !line.startsWith('[[')) {
      current = header[1]!.replace(/\s+/g, '').replace(/"/g, '');
      continue;
    }
    if (current === table && new RegExp(`^["']?${key.replace(/\./g, '\\.')}["']?\\s*=`).test(line)) return i + 1;
  }
  return undefined;
}
