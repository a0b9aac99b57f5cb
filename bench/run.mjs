// `npm run bench`: runs every bench/*.bench.mjs in its own process, one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => !only.length || only.some((name) => file.startsWith(name)))
  .sort();
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [new URL(file, import.meta.url).pathname], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`bench: ${file} failed (exit ${result.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
