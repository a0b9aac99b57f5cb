// Tag fan-out: a two-platform index (8 layers per image) assembled and tagged 1.2.3, 1.2, 1, latest in
// two repositories, by tagship's docker-merge (one process) and by `skopeo copy --all` per tag, both
// through a proxy that adds 20 ms to every request (a registry across the internet) and counts them.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { median, report } from './lib.mjs';

const LATENCY_MS = 20;
const TAGS = ['1.2.3', '1.2', '1', 'latest'];
const REPOS = ['acme/app', 'acme/app-mirror'];
const RUNS = Number(process.env.FANOUT_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'tagship-fanout-'));

// The built merge: bundled like dist/, run as its own process.
await build({ entryPoints: [resolve('bench/fanout-merge.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(dir, 'merge.mjs'), logLevel: 'error' });
// The same client pushes the builds, as a build job would.
await build({ entryPoints: [resolve('src/oci/client.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(dir, 'client.mjs'), logLevel: 'error' });
const { OciClient } = await import(join(dir, 'client.mjs'));

const port = await new Promise((done) => {
  const s = createNetServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => done(port));
  });
});
writeFileSync(join(dir, 'config.yml'), `version: 0.1\nlog: { level: error }\nstorage: { filesystem: { rootdirectory: ${join(dir, 'data')} }, delete: { enabled: true } }\nhttp: { addr: "127.0.0.1:${port}" }\n`);
const registryProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
const registry = `127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  if (await fetch(`http://${registry}/v2/`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 50));
}

let count = 0;
const proxy = createServer((req, res) => {
  count++;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () =>
    setTimeout(() => {
      const forward = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      });
      forward.on('error', () => req.socket.destroy());
      forward.end(Buffer.concat(chunks));
    }, LATENCY_MS),
  );
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
const proxyHost = `127.0.0.1:${proxy.address().port}`;

try {
  // The builds, pushed by digest to both repositories (and a staging one skopeo copies from), as build jobs leave them.
  const client = new OciClient();
  const builds = [];
  for (const platform of ['linux/amd64', 'linux/arm64']) {
    const [os, architecture] = platform.split('/');
    const layers = Array.from({ length: 8 }, () => randomBytes(4096));
    const config = Buffer.from(JSON.stringify({ os, architecture, rootfs: { type: 'layers', diff_ids: [] } }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
        layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(l), size: l.length })),
      }),
    );
    for (const repo of [...REPOS, 'acme/staging']) {
      for (const blob of [config, ...layers]) {
        const location = await client.startUpload(`${registry}/${repo}`, sha(blob));
        await client.uploadBlob(`${registry}/${repo}`, sha(blob), location, new Uint8Array(blob));
      }
      await client.putManifest(`${registry}/${repo}`, sha(manifest), new Uint8Array(manifest), 'application/vnd.oci.image.manifest.v1+json');
    }
    builds.push({ digest: sha(manifest), platforms: [platform] });
  }
  const mergeRequest = (repos, host) => JSON.stringify({ images: repos.map((r) => ({ repository: `${host}/${r}`, tags: TAGS })), platforms: ['linux/amd64', 'linux/arm64'], annotations: {}, builds });
  // The index skopeo copies: the same bytes tagship assembles, put in the staging repository by tagship itself.
  const staged = JSON.parse(run(process.execPath, [join(dir, 'merge.mjs'), mergeRequest(['acme/staging'], registry)]));
  const index = staged[0].digest;

  const reset = async () => {
    for (const repo of REPOS) await fetch(`http://${registry}/v2/${repo}/manifests/${index}`, { method: 'DELETE' });
  };
  const skopeoScript = REPOS.flatMap((repo) =>
    TAGS.map((tag) => `skopeo copy --quiet --all --src-tls-verify=false --dest-tls-verify=false docker://${proxyHost}/acme/staging@${index} docker://${proxyHost}/${repo}:${tag}`),
  ).join(' && ');
  const measure = async (command, args) => {
    const times = [];
    const requests = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await reset();
      count = 0;
      const start = process.hrtime.bigint();
      await runAsync(command, args);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i > 0) times.push(ms), requests.push(count);
      for (const repo of REPOS) for (const tag of TAGS) {
        const head = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
        if (head.headers.get('docker-content-digest') !== index) throw new Error(`${command}: ${repo}:${tag} is not the index after the run`);
      }
    }
    return { ms: median(times), requests: median(requests) };
  };
  const tagship = await measure(process.execPath, [join(dir, 'merge.mjs'), mergeRequest(REPOS, proxyHost)]);
  const skopeo = await measure('sh', ['-c', skopeoScript]);
  report(
    'fanout',
    tagship.ms,
    'skopeo copy --all per tag',
    skopeo.ms,
    `fanout: ${REPOS.length} repositories × ${TAGS.length} tags, 2 platforms × 8 layers, +${LATENCY_MS} ms per request; requests per run: tagship ${tagship.requests}, skopeo ${skopeo.requests}`,
  );
} finally {
  proxy.close();
  registryProcess.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  rmSync(dir, { recursive: true, force: true });
}

function sha(bytes) {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

// Async so the in-process proxy keeps serving while the child runs.
function runAsync(command, args) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (process.env.FANOUT_TRACE) child.stderr.pipe(process.stderr);
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} exited ${code}: ${stderr}`))));
  });
}
