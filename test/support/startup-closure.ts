import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The modules an entry point loads before its first step: everything it reaches through static
 * imports. A dynamic `import()` (the executors, sign.ts, verify.ts, src/bump/) starts a chunk that loads
 * only when used. `bytes`: the source bytes of that closure.
 */
export async function startupClosure(entry: string): Promise<{ sources: string[]; packages: string[]; bytes: number }> {
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
  const metafile = result.metafile as Metafile;
  const outputs = metafile.outputs;
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
  const sources = [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs));
  return { sources, packages: [...packages], bytes: sources.reduce((sum, source) => sum + (metafile.inputs[source]?.bytes ?? 0), 0) };
}
