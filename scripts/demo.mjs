// `npm run demo`: the whole product on the bundled example (examples/python-app, "crawlkit"), against real
// local servers. A copy of the example, pointed at them by its .github/tagship.yml, is released by the
// built action (dist/index.js) as workflow runs would:
//
//   1. tag push v1.2.3: version guard, Python build, upload to a local PyPI index, GitHub release with
//      notes and assets (a local GitHub API server), images for linux/amd64 and linux/arm64 built by
//      buildah from local files (FROM scratch + Debian's static busybox), pushed by digest to a local
//      docker-registry, merged with the semver fan-out (1.2.3, 1.2, 1, latest), verified (pip install;
//      every tag one index with both platforms; the container run under a private Docker Engine), and
//      rolled out by digest to a single-node Swarm on that engine;
//   2. the backport tag v1.1.5: 1.1.5 and 1.1 are written, `1` and `latest` stay on 1.2.3;
//   3. docker-rebuild-v1.2.3: the images of v1.2.3 built again (same commit, same digest);
//   4. v1.2.3 again (a re-run of the workflow): every publishing step is found done.
//
// It ends with a table of what was published where, with digests, read back from the servers and checked.
// A part whose tools are missing (python3-build, buildah, docker-registry, dockerd or root) is left out
// with one line saying which and why; the rest runs. Every server and engine it starts is stopped by PID,
// also on failure and on SIGINT/SIGTERM.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runAction, stopRunningActions } from './demo/action.mjs';
import { buildahEnv, HEALTH_CMD, inspectPlatformImage, readTags, writeImageContext, writeVersion } from './demo/images.mjs';
import { probeDemoTools } from './demo/tools.mjs';

const example = resolve('examples/python-app');
const owner = 'acme';
const repo = 'crawlkit';
const service = 'crawlkit';
const tokens = { github: 'demo-github-token', pypi: 'pypi-demo-token' };
const ALIASES_OF_1_2_3 = ['1.2.3', '1.2', '1', 'latest'];
const TAGS_OF_1_1_5 = ['1.1.5', '1.1'];
// The repository's history, both in the copy's git and on the local GitHub server: 1.1.4 and 1.2.2 were
// released before, v1.2.3 adds two commits (conventional, so the release notes group them), and the
// backport v1.1.5 is a fix on the 1.1 line, branched from v1.1.4.
const history = [
  { message: 'feat: crawlkit server', tag: 'v1.1.4' },
  { message: 'feat: a /health endpoint', tag: 'v1.2.2' },
  { message: 'feat(server): answer /health with the version' },
  { message: 'fix: 404 for unknown paths', tag: 'v1.2.3' },
];

const PUBLISHING_STEPS = ['pypi-upload', 'github-release'];
const heading = (text) => console.log(`\n=== ${text} ===\n`);
const indent = (text) => text.replace(/^/gm, '  ');
const seconds = (ms) => (ms / 1000).toFixed(1);

// Everything started is stopped, by PID, at the end, on failure and on SIGINT/SIGTERM: the servers and the
// engine side by side, then the directories they used are removed.
const stops = [];
const removals = [];
let cleaning;
const cleanUp = () =>
  (cleaning ??= (async () => {
    const report = (error) => console.error(`tagship demo: cleanup: ${error.message}`);
    await Promise.all(stops.map((stop) => stop().catch(report)));
    for (const remove of removals) await remove().catch(report);
  })());
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    console.error(`\ntagship demo: ${signal}: stopping what the demo started`);
    stopRunningActions();
    void cleanUp().finally(() => process.exit(code));
  });
}

const started = performance.now();
let code;
try {
  code = await demo();
} catch (error) {
  code = fail(error instanceof Error ? error.message : String(error));
} finally {
  await cleanUp();
}
console.log(`\ntagship demo: ${code === 0 ? 'done' : 'failed'} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
process.exitCode = code;

async function demo() {
  const tools = probeDemoTools();
  const parts = { python: 'path' in tools.python, images: 'platforms' in tools.images, engine: 'ok' in tools.engine };
  console.log('tagship demo: the release of examples/python-app (crawlkit) against local servers, by the built action (dist/index.js).');
  console.log(`  Python release   ${parts.python ? `build, upload, pip install check, with ${tools.python.path}` : `skipped: ${tools.python.why}`}`);
  console.log('  GitHub release   notes and assets, on a local GitHub API server');
  console.log(`  images           ${parts.images ? `${tools.images.platforms.join(' and ')}, built by buildah, pushed to a local docker-registry, merged and verified` : `skipped: ${tools.images.why}`}`);
  if (parts.images) {
    console.log('                   from local files only: FROM scratch + Debian\'s static busybox (httpd answering /health), no pulls');
    console.log('                   buildah\'s OCI images carry no HEALTHCHECK (docs/docker.md#buildah): verify.container.health-cmd and the Swarm service give it');
  }
  if (parts.images && tools.images.note) console.log(`                   ${tools.images.note}`);
  console.log(`  Docker Engine    ${parts.engine ? 'a private dockerd: the container check and a rollout to a single-node Swarm' : `skipped: ${tools.engine.why}`}`);

  // The engine starts while the rest is set up (it needs none of it); it is stopped once (see stopEngine).
  const engineStarted = performance.now();
  const engineModule = parts.engine ? import('./demo/engine.mjs') : undefined;
  const starting = engineModule?.then((m) => m.startEngine());
  let engineStop;
  const stopEngine = () => (engineStop ??= starting ? starting.then((engine) => engine.stop(), () => {}) : Promise.resolve());
  stops.push(stopEngine);

  const root = resolve('.tmp');
  mkdirSync(root, { recursive: true });
  // The bundle sits inside the repository so its imports (ajv, @octokit/openapi) resolve from node_modules.
  const bundleDir = mkdtempSync(join(root, 'demo-'));
  removals.push(async () => rmSync(bundleDir, { recursive: true, force: true }));
  const work = mkdtempSync(join(tmpdir(), 'tagship-demo-'));
  // vfs layers and container files are root-owned copies: rm -rf, not a per-file walk in Node.
  removals.push(async () => execFileSync('rm', ['-rf', work]));

  const { build } = await import('esbuild');
  await build({ entryPoints: ['scripts/demo/servers.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(bundleDir, 'servers.mjs'), logLevel: 'warning' });
  const { startDemoServers } = await import(join(bundleDir, 'servers.mjs'));
  const project = copyExample(join(work, repo), parts.images ? tools.images.busybox : undefined);
  const servers = await startDemoServers({ owner, repo, githubToken: tokens.github, pypiToken: tokens.pypi, history: gitHistory(project), registry: parts.images });
  stops.push(() => servers.close());
  const image = parts.images ? `${servers.registry.host}/acme/crawlkit` : undefined;

  const { seedService, serviceImage, serviceTasks } = (await engineModule) ?? {};
  const engine = await starting;
  if (engine) {
    // The engine's client config dir (DOCKER_CONFIG) starts empty; buildah, which reads logins from the same
    // DOCKER_CONFIG, refuses to push when it names a config.json that does not exist.
    writeFileSync(join(engine.env.DOCKER_CONFIG, 'config.json'), '{}\n');
    seedService(engine, { context: join(project, 'image'), image, service });
  }
  configure(project, { servers, python: parts.python ? tools.python.path : undefined, images: parts.images ? tools.images.platforms : undefined, image, engine });

  console.log(`\n  local PyPI index   ${servers.pypi.url} (upload API ${servers.pypi.uploadUrl}, simple index, JSON API)`);
  console.log(`  local GitHub API   ${servers.github.apiUrl} (repository ${owner}/${repo}, checked against GitHub's OpenAPI description)`);
  if (image) console.log(`  local registry     ${servers.registry.host} (Debian's docker-registry), images ${image}`);
  if (engine) {
    console.log(`  Docker Engine      ${engine.host} (dockerd PID ${engine.pid}, single-node swarm; ready ${((performance.now() - engineStarted) / 1000).toFixed(1)} s after the start)`);
    console.log(`  Swarm service      ${service}, running ${image}:1.2.2, the previous release (health: busybox wget /health)`);
  }

  const env = {
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: servers.github.apiUrl,
    GITHUB_SERVER_URL: servers.github.serverUrl,
    ...(parts.images ? buildahEnv(join(work, 'buildah')) : {}),
    ...(engine ? engine.env : {}),
  };
  const run = (ref, inputs = {}) =>
    runAction({
      workspace: project,
      ref,
      inputs: { 'github-token': tokens.github, 'pypi-token': tokens.pypi, ...inputs },
      env: { ...env, GITHUB_SHA: git(project, 'rev-parse', 'HEAD').trim() },
    });
  const runs = {};
  const registryAfter = {};

  heading('run 1: tag push v1.2.3 (release, images, verify, deploy)');
  runs.first = await run('refs/tags/v1.2.3');
  console.log(indent(runs.first.log));
  if (runs.first.code !== 0) return fail(`the first run exited ${runs.first.code} (its log is above)`);
  console.log(`\n  ${stageTimes(runs.first)}`);
  if (engine) console.log(`\n  docker service ps ${service}:\n${indent(indent(serviceTasks(engine, service)))}`);
  if (image) registryAfter.first = await readTags(servers.registry.host, 'acme/crawlkit');

  if (image) {
    heading('run 2: the backport tag v1.1.5 (stages docker, verify, deploy)');
    console.log('A fix on the 1.1 line, tagged after 1.2.3: its images get 1.1.5 and 1.1; `1` and `latest` stay on 1.2.3,');
    console.log('and the Swarm service keeps running 1.2.3 (deploy.versions: latest).\n');
    backport(project);
    servers.github.push(gitHistory(project).filter((c) => c.message.includes('backport')));
    runs.backport = await run('refs/tags/v1.1.5', { stages: 'docker,verify,deploy' });
    console.log(indent(runs.backport.log));
    if (runs.backport.code !== 0) return fail(`the backport run exited ${runs.backport.code} (its log is above)`);
    console.log(`\n  took ${seconds(runs.backport.elapsedMs)} s`);
    registryAfter.backport = await readTags(servers.registry.host, 'acme/crawlkit');
    console.log(`\n  the registry now: ${tagLine(registryAfter.backport, ALIASES_OF_1_2_3)}; ${tagLine(registryAfter.backport, TAGS_OF_1_1_5)}`);

    heading('run 3: docker-rebuild-v1.2.3 (the images of v1.2.3 built again)');
    console.log('The same commit builds the same images (buildah --timestamp: the commit time, not the clock), so the');
    console.log('merge finds every tag already on an index of those images and moves nothing; the service stays as it is.\n');
    git(project, 'checkout', '-q', 'main');
    git(project, 'tag', 'docker-rebuild-v1.2.3');
    runs.rebuild = await run('refs/tags/docker-rebuild-v1.2.3');
    console.log(indent(runs.rebuild.log));
    if (runs.rebuild.code !== 0) return fail(`the rebuild exited ${runs.rebuild.code} (its log is above)`);
    console.log(`\n  took ${seconds(runs.rebuild.elapsedMs)} s`);
    registryAfter.rebuild = await readTags(servers.registry.host, 'acme/crawlkit');
    console.log(`\n  the registry now: ${sameTags(registryAfter.backport, registryAfter.rebuild)}`);
  }

  heading(`run ${image ? 4 : 2}: tag push v1.2.3 again (a re-run of the workflow)`);
  console.log('A re-run builds and checks again (that publishes nothing) and finds every publishing step already done.\n');
  runs.rerun = await run('refs/tags/v1.2.3');
  console.log(indent(runs.rerun.log));
  if (runs.rerun.code !== 0) return fail(`the re-run exited ${runs.rerun.code} (its log is above)`);
  console.log(`\n  took ${seconds(runs.rerun.elapsedMs)} s`);
  if (image) {
    registryAfter.rerun = await readTags(servers.registry.host, 'acme/crawlkit');
    console.log(`\n  the registry now: ${sameTags(registryAfter.rebuild, registryAfter.rerun)}`);
  }
  // The engine's part is over: what the service runs is read now, and the engine stops (its swarm takes a
  // few seconds to shut down) while the rest is read and printed.
  const serviceRuns = engine ? serviceImage(engine, service) : undefined;
  void stopEngine();

  heading('job summary of run 1 (what the workflow run page shows)');
  console.log(runs.first.summary);
  heading('job summary of the re-run');
  console.log(runs.rerun.summary);

  const published = await publishedTable({ servers, image, engine, serviceRuns, parts, platforms: parts.images ? tools.images.platforms : [] });
  heading('what was published where');
  console.log(published.table);
  const problems = [...checkRuns(runs, parts), ...published.problems, ...checkRegistryHistory(registryAfter)];
  if (problems.length) return fail(problems.join('; '));
  console.log(`\nEvery row was read back from the servers above, which lived only for this demo.`);
  if (!parts.python) console.log(`\nFor the Python part, install what it needs, then run \`npm run demo\` again:\n\n  apt-get install ${tools.python.install.join(' ')}`);
  return 0;
}

/**
 * How long run 1 took, by stage: in a workflow the release job runs the plan and the release stage, the
 * images their own jobs, and the verify stage a job of its own. `npm run bench workflow` reads the
 * release and verify figures from this line (it models image builds and rollouts itself).
 */
function stageTimes(run) {
  const at = (prefix) => run.groups.find((group) => group.name.startsWith(prefix))?.atMs;
  const end = run.elapsedMs;
  const dockerAt = at('docker-') ?? at('verify-') ?? end;
  const verifyAt = at('verify-') ?? end;
  const deployAt = at('deploy-') ?? end;
  const rest = dockerAt === verifyAt && deployAt === end ? '' : `; images ${seconds(verifyAt - dockerAt)} s, deploy ${seconds(end - deployAt)} s`;
  return `run 1 took ${seconds(end)} s: plan and release stage ${seconds(dockerAt)} s, verify stage ${seconds(deployAt - verifyAt)} s${rest} (local servers)`;
}

/** A copy of the example with its history in git, and the demo's image context (see demo/images.mjs). */
function copyExample(dir, busybox) {
  cpSync(example, dir, { recursive: true });
  if (busybox) writeImageContext(join(dir, 'image'), busybox, '1.2.3');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  for (const [i, { message, tag }] of history.entries()) {
    git(dir, 'commit', '-q', ...(i ? ['--allow-empty'] : []), '-m', message, '--date', `2025-10-0${i + 1}T12:00:00Z`);
    if (tag) git(dir, 'tag', tag);
  }
  return dir;
}

/** The backport: a branch from v1.1.4 whose versions say 1.1.5, tagged v1.1.5 and checked out. */
function backport(dir) {
  git(dir, 'checkout', '-q', '-b', 'release/1.1', 'v1.1.4');
  const files = { 'pyproject.toml': /^version = "1\.2\.3"$/m, 'crawlkit/__version__.py': /1\.2\.3/ };
  for (const [file, pattern] of Object.entries(files)) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(pattern, (m) => m.replace('1.2.3', '1.1.5')));
  }
  const changed = Object.keys(files);
  if (existsSync(join(dir, 'image'))) {
    writeVersion(join(dir, 'image'), '1.1.5');
    changed.push('image/www/health');
  }
  git(dir, 'add', ...changed);
  git(dir, 'commit', '-q', '-m', 'fix: 404 for unknown paths (backport to 1.1)', '--date', '2025-10-05T12:00:00Z');
  git(dir, 'tag', 'v1.1.5');
}

/** The commits of the copy, oldest first, with their tags and parents: what the GitHub server serves. */
function gitHistory(dir) {
  const tags = new Map();
  for (const line of git(dir, 'tag', '--list', '--format=%(objectname) %(refname:short)').trim().split('\n')) {
    const [sha, tag] = line.split(' ');
    if (!tags.has(sha)) tags.set(sha, tag);
  }
  return git(dir, 'log', '--all', '--reverse', '--topo-order', '--format=%H%x00%P%x00%cI%x00%s')
    .trim()
    .split('\n')
    .map((line) => {
      const [sha, parents, date, message] = line.split('\0');
      return { sha, parents: parents ? parents.split(' ') : [], date: new Date(date).toISOString(), message, ...(tags.has(sha) ? { tag: tags.get(sha) } : {}) };
    });
}

/** The config pointing the copy at the local servers (written in the copy's .github/tagship.yml). */
function configure(dir, { servers, python, images, image, engine }) {
  const config = {
    python: python
      ? {
          // No internet: build with the installed setuptools instead of an isolated environment.
          'build-command': [python, '-m', 'build', '--no-isolation'],
          'repository-url': servers.pypi.uploadUrl,
          'index-url': servers.pypi.url,
        }
      : { enabled: false },
    'github-release': { enabled: true },
    verify: {
      timeout: 30,
      python: python ? { 'index-url': servers.pypi.simpleUrl, python } : { enabled: false },
      ...(images ? { images: { platforms: images } } : {}),
      // The engine's own platform (linux/amd64) is run; without an engine there is no container check.
      // buildah's OCI images carry no HEALTHCHECK: the check comes from config, as for the Swarm service.
      container: { enabled: Boolean(engine), timeout: 60, 'health-cmd': HEALTH_CMD },
    },
    docker: images
      ? {
          images: [image],
          backend: 'buildah',
          // One job builds every platform: FROM scratch + COPY needs no emulation for arm64.
          mode: 'single',
          platforms: images,
          context: 'image',
          // Nothing to pull: the base is scratch, and the machine may have no internet.
          pull: false,
        }
      : { images: [] },
    ...(engine ? { deploy: { timeout: 120, swarm: [{ service, 'docker-host': engine.host }] } } : {}),
  };
  // Left uncommitted, as a workflow's own edit would be: the servers' ports are known only now.
  writeFileSync(join(dir, '.github', 'tagship.yml'), `# Written by npm run demo: the example, pointed at the demo's local servers.\n${JSON.stringify(config, null, 2)}\n`);
}

function git(cwd, ...args) {
  return execFileSync('git', ['-c', 'user.name=tagship demo', '-c', 'user.email=demo@example.org', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_COMMITTER_DATE: '2025-10-04T12:00:00Z' },
  });
}

/** `latest, 1, 1.2, 1.2.3 → sha256:…` for tags that share one digest (or each tag's own). */
function tagLine(tags, names) {
  const digests = [...new Set(names.map((tag) => tags[tag]?.digest ?? 'missing'))];
  return digests.length === 1 ? `${names.join(', ')} → ${digests[0]}` : names.map((tag) => `${tag} → ${tags[tag]?.digest ?? 'missing'}`).join(', ');
}

/** Whether a run moved any tag, as one line. */
function sameTags(before, after) {
  const moved = Object.keys({ ...before, ...after }).filter((tag) => before[tag]?.digest !== after[tag]?.digest);
  return moved.length ? `moved ${moved.join(', ')}` : `all ${Object.keys(after).length} tags where they were (${Object.keys(after).sort().join(', ')})`;
}

/** The Results rows of a job summary: step id → the row's status cell and detail. */
function resultRows(summary) {
  const rows = new Map();
  for (const line of summary.slice(summary.indexOf('#### Results')).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 4 && cells[2] && cells[2] !== 'step' && !cells[2].startsWith('---')) rows.set(cells[2], { status: cells[1], detail: cells[3] });
  }
  return rows;
}

/** What the runs reported, against what each part must have done. */
function checkRuns(runs, parts) {
  const problems = [];
  const first = resultRows(runs.first.summary);
  if (!first.size || [...first.values()].some((r) => r.status.includes('❌'))) problems.push('the first run did not report its results');
  const publishing = [...(parts.python ? PUBLISHING_STEPS : ['github-release']), ...(parts.images ? ['docker-merge'] : []), ...(parts.engine ? [`deploy-swarm:${service}`] : [])];
  const rerun = resultRows(runs.rerun.summary);
  for (const step of publishing) {
    const id = [...rerun.keys()].find((key) => key === step || key.startsWith(`${step}:`) || key.startsWith(step));
    const row = id && rerun.get(id);
    if (!row?.status.startsWith('✓ already there')) problems.push(`the re-run did not find ${step} already done: ${row ? `${row.status} ${row.detail}` : 'no such row'}`);
  }
  return problems;
}

/** Tags only move as the release rules say: the backport adds its own, the rebuild and the re-run move none. */
function checkRegistryHistory(after) {
  if (!after.first) return [];
  const problems = [];
  const digests = (tags) => Object.fromEntries(Object.entries(tags).map(([tag, t]) => [tag, t.digest]));
  const [first, backport, rebuild, rerun] = [after.first, after.backport, after.rebuild, after.rerun].map(digests);
  for (const tag of ALIASES_OF_1_2_3) if (backport[tag] !== first[tag]) problems.push(`the backport moved ${tag} (${first[tag]} → ${backport[tag]})`);
  for (const tag of TAGS_OF_1_1_5) if (!backport[tag] || backport[tag] === first['1.2.3']) problems.push(`the backport did not write its own ${tag}`);
  if (JSON.stringify(rebuild) !== JSON.stringify(backport)) problems.push('the rebuild of the same commit moved a tag');
  if (JSON.stringify(rerun) !== JSON.stringify(rebuild)) problems.push('the re-run moved a tag');
  return problems;
}

/**
 * The closing table, read back from the servers, and what in it is not as the release promised: every
 * tag tagship wrote one index listing every platform, each platform image holding a busybox of its own
 * architecture, and the Swarm service on the 1.2.3 index by digest.
 */
async function publishedTable({ servers, image, engine, serviceRuns, parts, platforms }) {
  const rows = [];
  const problems = [];
  if (parts.python) {
    const files = servers.pypi.files().sort((a, b) => a.filename.localeCompare(b.filename));
    if (files.length !== 2) problems.push(`the index holds ${files.length} files, not the sdist and the wheel`);
    for (const f of files) rows.push([f.filename, `PyPI index ${servers.pypi.simpleUrl}crawlkit/`, `sha256:${f.sha256}`]);
  }
  const releases = servers.github.releases().filter((r) => !r.draft);
  for (const r of releases) {
    rows.push([`release ${r.tag}${r.latest ? ' (latest)' : ''}`, `GitHub ${servers.github.serverUrl}/${owner}/${repo}/releases/tag/${r.tag}`, `${r.assets.length} assets`]);
    for (const a of r.assets) rows.push([`  ${a.name}`, `asset of ${r.tag}`, a.digest ?? '(no digest)']);
  }
  if (releases.filter((r) => r.tag === 'v1.2.3').length !== 1) problems.push(`the GitHub server has ${releases.filter((r) => r.tag === 'v1.2.3').length} published releases of v1.2.3, not one`);
  if (servers.github.violations.length) problems.push(`requests outside GitHub's API description: ${servers.github.violations.slice(0, 3).join('; ')}`);
  if (image) {
    const tags = await readTags(servers.registry.host, 'acme/crawlkit');
    const written = [...ALIASES_OF_1_2_3, ...TAGS_OF_1_1_5];
    const byDigest = new Map();
    for (const [tag, t] of Object.entries(tags)) byDigest.set(t.digest, [...(byDigest.get(t.digest) ?? []), tag]);
    for (const [digest, names] of byDigest) {
      const t = tags[names[0]];
      const order = (tag) => (written.includes(tag) ? written.indexOf(tag) : -1);
      names.sort((a, b) => order(a) - order(b));
      const seeded = names.every((tag) => !written.includes(tag));
      rows.push([`image :${names.join(', :')}${seeded ? ' (the previous release)' : ''}`, image, digest]);
      for (const [platform, manifest] of Object.entries(t.platforms).sort()) {
        const inside = await inspectPlatformImage(servers.registry.host, 'acme/crawlkit', manifest);
        const binary = inside.binary ? `busybox for ${inside.binary.architecture}` : 'no busybox';
        rows.push([`  ${platform}`, `${binary}`, manifest]);
        if (inside.architecture !== platform || inside.binary?.architecture !== platform.split('/')[1]) problems.push(`${image}@${manifest} is listed as ${platform} but its config says ${inside.architecture} and it holds ${binary}`);
      }
      if (!seeded && (!t.mediaType?.includes('index') && !t.mediaType?.includes('list'))) problems.push(`${names.join(', ')} is not an index (${t.mediaType})`);
      if (!seeded && JSON.stringify(Object.keys(t.platforms).sort()) !== JSON.stringify([...platforms].sort())) problems.push(`${names.join(', ')} lists ${Object.keys(t.platforms).join(', ')}, not ${platforms.join(', ')}`);
    }
    for (const tag of written) if (!tags[tag]) problems.push(`${image}:${tag} was not written`);
    if (tags.latest && tags['1'] && tags['1.2.3'] && !(tags.latest.digest === tags['1.2.3'].digest && tags['1'].digest === tags['1.2.3'].digest)) problems.push('latest and 1 are not on 1.2.3');
    if (engine) {
      const running = serviceRuns;
      rows.push([`Swarm service ${service}`, `Docker Engine ${engine.host}`, running.slice(running.indexOf('@') + 1)]);
      if (!tags['1.2.3'] || !running.endsWith(`@${tags['1.2.3'].digest}`)) problems.push(`the Swarm service runs ${running}, not the 1.2.3 index`);
    }
  }
  const all = [['what', 'where', 'digest'], ...rows];
  const widths = [0, 1].map((i) => Math.max(...all.map((r) => r[i].length)));
  const table = all.map((r) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`).join('\n');
  return { table, problems };
}

function fail(reason) {
  console.error(`\ntagship demo: the demo failed: ${reason}`);
  return 1;
}
