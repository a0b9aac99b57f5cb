// Builds dist/ with @vercel/ncc: one self-contained ESM file per entry point (the action and the CLI),
// so a workflow run needs no `npm install`. CI rebuilds and fails when dist/ differs from the commit.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const entries = [
  { source: 'src/index.ts', out: 'dist' },
  { source: 'src/cli/index.ts', out: 'dist/cli', executable: true },
];
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

rmSync('dist', { recursive: true, force: true });
rmSync('.tmp/build', { recursive: true, force: true });
for (const [index, entry] of entries.entries()) {
  const tmp = join('.tmp', 'build', String(index));
  execFileSync(process.execPath, [ncc, 'build', entry.source, '-o', tmp, '--target', 'es2022', '--quiet', '--no-source-map-register'], {
    stdio: 'inherit',
  });
  mkdirSync(entry.out, { recursive: true });
  const file = join(entry.out, 'index.js');
  let code = readFileSync(join(tmp, 'index.js'), 'utf8');
  if (entry.executable && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
  writeFileSync(file, code);
  renameSync(join(tmp, 'package.json'), join(entry.out, 'package.json'));
  // Lazily imported executors (src/execute/registry.ts) become chunks next to index.js.
  for (const chunk of readdirSync(tmp).filter((name) => name !== 'index.js' && name.endsWith('.js'))) copyFileSync(join(tmp, chunk), join(entry.out, chunk));
  if (entry.executable) chmodSync(file, 0o755);
}
rmSync('.tmp/build', { recursive: true, force: true });
