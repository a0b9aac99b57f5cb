// The GitHub release, end to end: the built action (dist/index.js, a real process with the runner's
// environment) releasing a tag with two dist files against the local GitHub API test server, whose
// OpenAPI checks stay on. Peer: bench/github-release-peer.mjs, the same release by hand with fetch.
// tagship also reads the changelog (compare), writes SHA256SUMS and checks what exists; the ratio is
// what that, Octokit and start-up cost over the bare minimum. Needs a fresh `npm run build`.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { report, timeCommand } from './lib.mjs';

const runs = 9;
const releases = 2 * (runs + 1);

// The test server is TypeScript: bundle it (dependencies stay in node_modules) and run it in its own
// process, since timing blocks this one.
const work = resolve('.tmp/bench');
mkdirSync(work, { recursive: true });
await build({ entryPoints: ['test/support/github-api-server.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(work, 'github-api-server.mjs'), logLevel: 'warning' });
writeFileSync(
  join(work, 'github-api-server-process.mjs'),
  `import { GithubApiServer } from './github-api-server.mjs';
const server = await GithubApiServer.start();
server.commit('feat: the first version');
server.tag('v0.9.0');
for (let i = 1; i <= ${releases}; i++) { server.commit('fix: change number ' + i); server.tag('v1.0.' + i); }
process.send({ apiUrl: server.apiUrl, serverUrl: server.serverUrl });
process.on('message', async () => {
  process.send({ published: server.releases.filter((r) => !r.draft).length, violations: server.violations });
  await server.stop();
  process.exit(0);
});
`,
);
const child = fork(join(work, 'github-api-server-process.mjs'));
const [{ apiUrl, serverUrl }] = await once(child, 'message');

const dir = mkdtempSync(join(tmpdir(), 'tagship-bench-gh-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'widget-1.0.0-py3-none-any.whl'), Buffer.alloc(256 * 1024, 1));
writeFileSync(join(dir, 'dist', 'widget-1.0.0.tar.gz'), Buffer.alloc(128 * 1024, 2));
mkdirSync(join(dir, '.github'));
writeFileSync(join(dir, '.github', 'tagship.yml'), 'github-release:\n  assets: [dist/*]\n');

const env = {
  PATH: process.env.PATH,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: join(dir, 'event.json'),
  GITHUB_WORKSPACE: dir,
  GITHUB_REPOSITORY: 'acme/widget',
  GITHUB_API_URL: apiUrl,
  GITHUB_SERVER_URL: serverUrl,
  GITHUB_OUTPUT: join(dir, 'output'),
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  'INPUT_GITHUB-TOKEN': 'test-token',
  'INPUT_KNOWN-VERSIONS': '0.9.0',
  TOKEN: 'test-token',
};
// Every run releases the next tag, so each one is a first release.
let release = 0;
const nextTag = () => {
  env.GITHUB_REF = `refs/tags/v1.0.${++release}`;
  writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify({ ref: env.GITHUB_REF }));
};
const node = process.execPath;
const tagship = timeCommand(node, [resolve('dist/index.js')], { env, runs, warmup: 1, before: nextTag });
const peer = timeCommand(node, [resolve('bench/github-release-peer.mjs')], { env, runs, warmup: 1, before: nextTag });

child.send('report');
const [{ published, violations }] = await once(child, 'message');
if (published !== releases || violations.length) {
  throw new Error(`bench: expected ${releases} published releases and no API violations, got ${published}: ${violations.slice(0, 3).join('; ')}`);
}
report('github-release', tagship, 'fetch by hand', peer, `github-release: ${published} releases published, each with 2 files (+ SHA256SUMS for tagship), no OpenAPI violations`);
