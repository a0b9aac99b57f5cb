// Builds dist/ with @vercel/ncc: one self-contained ESM file per entry point (the action and the CLI),
// so a workflow run needs no `npm install`. CI rebuilds and fails when dist/ differs from the commit.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const entries = [
  { source: 'src/index.ts', out: '' },
  { source: 'src/cli/index.ts', out: 'cli', executable: true },
];
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const staging = join('.tmp', 'build');
const next = join(staging, 'dist');

rmSync(staging, { recursive: true, force: true });
// The two entry points build side by side (each ncc run is mostly single-threaded), into a staging
// directory: dist/ is replaced only once both have built, so a failed or interrupted build leaves the
// committed dist/ as it was.
await Promise.all(
  entries.map(async (entry, index) => {
    const tmp = join(staging, String(index));
    const { stderr } = await promisify(execFile)(process.execPath, [ncc, 'build', entry.source, '-o', tmp, '--target', 'es2022', '--quiet', '--no-source-map-register'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    if (stderr) process.stderr.write(stderr);
    const out = join(next, entry.out);
    mkdirSync(out, { recursive: true });
    const file = join(out, 'index.js');
    let code = readFileSync(join(tmp, 'index.js'), 'utf8');
    if (entry.executable && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
    writeFileSync(file, code);
    renameSync(join(tmp, 'package.json'), join(out, 'package.json'));
    // Lazily imported executors (src/execute/registry.ts) become chunks next to index.js.
    for (const chunk of readdirSync(tmp).filter((name) => name !== 'index.js' && name.endsWith('.js'))) copyFileSync(join(tmp, chunk), join(out, chunk));
    if (entry.executable) chmodSync(file, 0o755);
  }),
);
rmSync('dist', { recursive: true, force: true });
renameSync(next, 'dist');
rmSync(staging, { recursive: true, force: true });
