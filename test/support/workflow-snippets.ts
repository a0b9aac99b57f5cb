/**
 * The YAML users copy from README.md and docs/: every ```yaml block, split into its documents, each sorted
 * into what it is. The convention the docs follow (and the snippet tests enforce):
 *
 * - a **workflow**: a mapping with `jobs:`. It must be complete (`on:`, `jobs:`), actionlint-clean and pass
 *   the GitHub rules model (test/support/github-rules.ts).
 * - a **config** block, `.github/tagship.yml`: its first comment or the sentence just before the fence names
 *   `.github/tagship.yml`, or every top-level key is a tagship config key. It must pass the config schema.
 * - a **steps excerpt**: a list of steps, or a mapping holding only `steps:`. It is wrapped in a one-job
 *   workflow and must be actionlint-clean and pass the step-order rules (builder set-up); the job's
 *   permissions are not shown, so the permission rules do not apply to it.
 * - anything else is **unrecognised**, and fails: a block is never exempted silently.
 *
 * One fenced block may hold several files as YAML documents separated by `---`, each starting with a
 * comment naming its file.
 */
import { parseDocument } from 'yaml';

export type SnippetKind = 'workflow' | 'config' | 'steps' | 'unrecognised';

export interface Snippet {
  /** `docs/x.md:LINE` (the fence's line) and `#n` for a later document in the same block. */
  where: string;
  text: string;
  kind: SnippetKind;
  value: unknown;
  /** YAML syntax error, if any. */
  error?: string;
}

interface FencedBlock {
  line: number;
  text: string;
  /** The last non-blank prose line before the fence. */
  lead: string;
}

/** ```yaml / ```yml fenced blocks, de-indented by their fence's indentation (blocks inside list items). */
export function yamlBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(\S*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence![0]}{${fence!.length},}\\s*$`).test(lines[end]!)) end++;
    if (/^ya?ml$/i.test(lang!)) {
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent!) ? l.slice(indent!.length) : l.trimStart()));
      let lead = '';
      for (let j = i - 1; j >= 0 && lead === ''; j--) lead = lines[j]!.trim();
      blocks.push({ line: i + 1, text: body.join('\n') + '\n', lead });
    }
    i = end;
  }
  return blocks;
}

const CONFIG_FILE = /\.github\/tagship\.ya?ml/;

function leadingComment(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '');
  return first?.trim().startsWith('#') ? first.trim() : '';
}

export function classify(value: unknown, text: string, lead: string, configKeys: ReadonlySet<string>): SnippetKind {
  if (Array.isArray(value)) return value.every((s) => s && typeof s === 'object' && ('uses' in s || 'run' in s)) ? 'steps' : 'unrecognised';
  if (!value || typeof value !== 'object') return 'unrecognised';
  const keys = Object.keys(value);
  if (keys.includes('jobs')) return 'workflow';
  if (keys.length === 1 && keys[0] === 'steps' && Array.isArray((value as { steps: unknown }).steps)) return 'steps';
  if (CONFIG_FILE.test(leadingComment(text)) || CONFIG_FILE.test(lead) || keys.every((k) => configKeys.has(k))) return 'config';
  return 'unrecognised';
}

/** Every YAML document of every ```yaml block in one Markdown file. */
export function snippetsOf(file: string, markdown: string, configKeys: ReadonlySet<string>): Snippet[] {
  const snippets: Snippet[] = [];
  for (const block of yamlBlocks(markdown)) {
    // Split by hand rather than parseAllDocuments: each document keeps its own text (and comments) for actionlint.
    block.text.split(/^---[ \t]*$/m).forEach((text, n) => {
      const where = `${file}:${block.line}${n ? `#${n + 1}` : ''}`;
      const doc = parseDocument(text);
      if (doc.errors.length) {
        snippets.push({ where, text, kind: 'unrecognised', value: undefined, error: doc.errors[0]!.message.split('\n')[0] });
        return;
      }
      const value = doc.toJS() as unknown;
      // Only the first document is introduced by the prose before the fence.
      snippets.push({ where, text, kind: classify(value, text, n === 0 ? block.lead : '', configKeys), value });
    });
  }
  return snippets;
}

/** A steps excerpt as a complete one-job workflow, so actionlint and the step rules can read it. */
export function wrapSteps(value: unknown): { on: string; permissions: Record<string, never>; jobs: { excerpt: { 'runs-on': string; steps: unknown } } } {
  const steps = Array.isArray(value) ? value : (value as { steps: unknown }).steps;
  return { on: 'push', permissions: {}, jobs: { excerpt: { 'runs-on': 'ubuntu-24.04', steps } } };
}
