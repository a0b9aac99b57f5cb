// Start-up: the built action planning a tag push of the example project, against bare `node -e 0`.
// Every workflow run pays this, so planning must add little over Node itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { report, tagPushDryRunEnv, timeCommand } from './lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'tagship-bench-'));
const env = tagPushDryRunEnv(dir, 'examples/python-app');
const node = process.execPath;
const runs = 15;
const tagship = timeCommand(node, [resolve('dist/index.js')], { env, runs, warmup: 2 });
const bare = timeCommand(node, ['-e', '0'], { env, runs, warmup: 2 });
report('startup', tagship, 'node -e 0', bare, `startup: planning adds ${(tagship - bare).toFixed(0)} ms over bare Node ${process.version}`);
