// Start-up: the built action planning a tag push of the example project, against bare `node -e 0`.
// Every workflow run pays this, so planning must add little over Node itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { report, timeCommand } from './lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'tagship-bench-'));
writeFileSync(join(dir, 'event.json'), JSON.stringify({ ref: 'refs/tags/v1.2.3', deleted: false }));
const env = {
  PATH: process.env.PATH,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_EVENT_PATH: join(dir, 'event.json'),
  GITHUB_WORKSPACE: resolve('examples/python-app'),
  GITHUB_OUTPUT: join(dir, 'output'),
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  'INPUT_DRY-RUN': 'true',
  'INPUT_KNOWN-VERSIONS': '1.0.0,1.2.2',
};
const node = process.execPath;
const runs = 15;
const tagship = timeCommand(node, [resolve('dist/index.js')], { env, runs, warmup: 2 });
const bare = timeCommand(node, ['-e', '0'], { env, runs, warmup: 2 });
report('startup', tagship, 'node -e 0', bare, `startup: planning adds ${(tagship - bare).toFixed(0)} ms over bare Node ${process.version}`);
