import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The modules the action loads before its first step: everything src/index.ts reaches through static
 * imports. Dynamic `import()` (the executors, sign.ts, verify.ts) starts a chunk loaded only when used.
 */
async function startupClosure(entry: string): Promise<{ sources: string[]; packages: string[] }> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: repoRoot,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    metafile: true,
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    // Node loads every module imported, used or not: so does this closure.
    treeShaking: false,
  });
  const outputs = (result.metafile as Metafile).outputs;
  const entryOutput = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entry)!;
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of outputs[name]!.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else walk(imported.path);
    }
  };
  walk(entryOutput);
  return { sources: [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs)), packages: [...packages] };
}

describe('planning start-up', () => {
  it('loads no Sigstore library and neither sign.ts nor verify.ts: only the steps that sign do', async () => {
    for (const entry of ['src/index.ts', 'src/cli/index.ts']) {
      const { sources, packages } = await startupClosure(entry);
      expect(sources).toContain('src/config/sections/attestations.ts');
      expect(packages.filter((name) => name.startsWith('@sigstore/'))).toEqual([]);
      expect(sources.filter((source) => /src\/sigstore\/(sign|verify|github-tuf-root)\.ts$/.test(source))).toEqual([]);
    }
  });
});
