/**
 * The action and the CLI load nothing of src/bump/ before their first step: the one-click path
 * (src/main.ts) and `tagship bump` (src/cli/main.ts) import it on demand, so planning start-up does not grow.
 */
import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The source files `entry` reaches through static imports (Node loads each of them at start-up). */
async function staticClosure(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], absWorkingDir: repoRoot, bundle: true, splitting: true, format: 'esm', platform: 'node', packages: 'external', metafile: true, write: false, outdir: 'out', logLevel: 'silent', treeShaking: false });
  const outputs = (result.metafile as Metafile).outputs;
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of outputs[name]!.imports) if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
  };
  walk(Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entry)!);
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs));
}

describe('start-up', () => {
  it.each(['src/index.ts', 'src/cli/index.ts'])('%s loads no module of src/bump/', async (entry) => {
    const sources = await staticClosure(entry);
    expect(sources).toContain('src/trigger.ts');
    expect(sources.filter((source) => source.startsWith('src/bump/'))).toEqual([]);
  });
});
