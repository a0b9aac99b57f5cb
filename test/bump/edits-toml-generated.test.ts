/**
 * The TOML locator against generated pyproject.toml files: look-alike lines hidden in comments,
 * multi-line strings, arrays, inline tables and other tables, in random order, LF or CRLF. A plain
 * `version = "…"` under [project] must always be found and be the only thing that changes.
 */
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { replaceTomlString } from '../../src/bump/edits/toml-span.js';

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Statements that may stand before or after the version line inside [project] (each a complete TOML statement).
const INSIDE: string[] = [
  'name = "demo"',
  '# version = "0.0.0"',
  'description = """\n[project]\nversion = "9.9.9"\n"""',
  "readme = '''\nversion = '9.9.9'\n'''",
  'keywords = [\n  "version = \\"9\\"",  # version = "9"\n  "]",\n]',
  'authors = [{ name = "A", email = "a@example.com" }]',
  'urls.version = "https://example.com/version"',
  '"entry-points" = { x = { version = "y" } }',
  'classifiers = ["Version :: 9"]   # ]]',
  'dependencies = [\n  """x\n  ]\n  """,\n]',
];
// Tables that may come before or after [project].
const TABLES: string[] = [
  '[tool.poetry]\nversion = "8.8.8"',
  '[[tool.mypy.overrides]]\nversion = "7.7.7"',
  '[project.optional-dependencies]\nversion = ["x"]',
  '[tool.x]\ns = "[project]"\nversion = "6.6.6"',
  '# [project]\n# version = "5.5.5"',
];

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function generate(seed: number): { text: string; versionLine: string } {
  const next = random(seed);
  const pick = (items: string[]) => shuffle(items, next).slice(0, Math.floor(next() * items.length));
  const quote = next() < 0.5 ? '"' : "'";
  const versionLine = `${next() < 0.3 ? '"version"' : 'version'}${' '.repeat(Math.floor(next() * 3))}=${' '.repeat(1 + Math.floor(next() * 3))}${quote}1.0.0${quote}${next() < 0.5 ? '  # the release' : ''}`;
  const inside = pick(INSIDE);
  inside.splice(Math.floor(next() * (inside.length + 1)), 0, versionLine);
  const tables = pick(TABLES);
  const header = next() < 0.2 ? '[ "project" ]' : '[project]';
  tables.splice(Math.floor(next() * (tables.length + 1)), 0, [header, ...inside].join('\n'));
  const text = `${tables.join('\n\n')}\n`;
  return { text: next() < 0.5 ? text.replace(/\n/g, '\r\n') : text, versionLine };
}

describe('locating [project].version in generated pyproject.toml files', () => {
  it('finds it in 300 generated files and changes nothing else', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { text, versionLine } = generate(seed);
      const before = parseToml(text) as { project: Record<string, unknown> };
      expect(before.project.version, `seed ${seed}`).toBe('1.0.0');
      const after = replaceTomlString(text, ['project', 'version'], '2.0.0rc1', 'pyproject.toml');
      expect(after, `seed ${seed}`).toBe(text.replace(versionLine, versionLine.replace('1.0.0', '2.0.0rc1')));
    }
  });
});
