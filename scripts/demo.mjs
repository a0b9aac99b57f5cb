// `npm run demo`: runs the built action (dist/index.js) on the bundled example project, as a workflow
// run would, for a tag push and for a docker-rebuild tag, and prints each plan and job summary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const example = resolve('examples/python-app');
const runs = [
  { title: 'tag push v1.2.3', ref: 'refs/tags/v1.2.3' },
  { title: 'docker-rebuild-v1.2.3', ref: 'refs/tags/docker-rebuild-v1.2.3' },
];

for (const { title, ref } of runs) {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-demo-'));
  try {
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ ref, deleted: false, created: true }));
    writeFileSync(join(dir, 'output'), '');
    writeFileSync(join(dir, 'summary'), '');
    console.log(`\n=== ${title} ===\n`);
    const stdout = execFileSync(process.execPath, ['dist/index.js'], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: ref,
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_WORKSPACE: example,
        GITHUB_REPOSITORY: 'acme/crawlkit',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_OUTPUT: join(dir, 'output'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        'INPUT_DRY-RUN': 'true',
        'INPUT_KNOWN-VERSIONS': '1.0.0,1.1.0,1.2.2',
      },
    });
    console.log(stdout.trimEnd());
    console.log(`\n--- job summary ---\n${readFileSync(join(dir, 'summary'), 'utf8').trimEnd()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
