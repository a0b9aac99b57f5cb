import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { probeDemoTools } from '../scripts/demo/tools.mjs';
import { repoRoot } from './support/action-run.js';
import { usesTools } from './support/system-tools.js';

usesTools('git', 'python3', 'buildah', 'skopeo', 'docker-registry', 'dockerd');

/**
 * `npm run demo` as a newcomer runs it, read as a newcomer reads it: the runs' logs, then the closing table
 * of what was published where. The table is read back from the servers; the logs are tagship's own
 * account; the two must agree.
 */
async function demo(env: Record<string, string> = {}) {
  const result = await promisify(execFile)('node', ['scripts/demo.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, PATH: `${join(repoRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`, ...env },
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  return { ...result, output: result.stdout + result.stderr };
}

const leftovers = () => (existsSync(join(repoRoot, '.tmp')) ? readdirSync(join(repoRoot, '.tmp')).filter((name) => name.startsWith('demo-')) : []);

/** The part of the output from `=== title` up to the next `===` heading. */
function section(output: string, title: string): string {
  const start = output.indexOf(`=== ${title}`);
  if (start < 0) return '';
  const next = output.indexOf('\n=== ', start + 4);
  return output.slice(start, next < 0 ? undefined : next);
}

/** The closing table's rows: [what, where, digest], split on the runs of spaces between columns. */
function publishedRows(output: string): string[][] {
  return section(output, 'what was published where')
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() && !line.startsWith('what'))
    .map((line) => line.trim().split(/\s{2,}/));
}

const DIGEST = /sha256:[a-f0-9]{64}/;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** What must be installed for the whole demo; in CI a missing tool fails the test instead of skipping it. */
const tools = probeDemoTools();
const missing = [
  'why' in tools.python ? `Python: ${tools.python.why}` : '',
  'why' in tools.images ? `images: ${tools.images.why}` : 'note' in tools.images && tools.images.note ? `arm64: ${tools.images.note}` : '',
  'why' in tools.engine ? `Docker Engine: ${tools.engine.why}` : '',
].filter(Boolean);

describe('npm run demo', () => {
  // The two demos run side by side (each has its own servers, engine and ports; much of a run is waiting on
  // health checks and rollouts), and nothing either started may outlive them.
  afterAll(() => expect(leftovers()).toEqual([]));

  it.concurrent('releases the example everywhere, a backport moves no alias, a rebuild and a re-run publish nothing, and the table matches the servers', async () => {
    // Never skipped: a machine without a part fails here, naming it (scripts/setup installs them all).
    expect(missing, 'the whole demo needs every part: run scripts/setup (it also runs scripts/fetch-busybox-arm64)').toEqual([]);
    const { code, output } = await demo();
    expect(code, output).toBe(0);
    const first = section(output, 'run 1:');
    const backport = section(output, 'run 2:');
    const rebuild = section(output, 'run 3:');
    const rerun = section(output, 'job summary of the re-run');
    const image = /local registry +\S+ \(Debian's docker-registry\), images (\S+)/.exec(output)![1]!;

    // Run 1: the files uploaded, the release made from the commits, the index written with every tag.
    expect(first).toMatch(/✓ pypi-upload: crawlkit 1\.2\.3 on 127\.0\.0\.1:\d+ \(token\): uploaded crawlkit-1\.2\.3-py3-none-any\.whl, crawlkit-1\.2\.3\.tar\.gz/);
    expect(first).toContain('## Changes since v1.2.2');
    expect(first).toContain('✓ github-release: created release v1.2.3 (latest); assets: 3 uploaded');
    const released = new RegExp(`✓ docker-merge: ${image}@(${DIGEST.source}): wrote 1\\.2\\.3, 1\\.2, 1, latest`).exec(first)?.[1];
    expect(released, first).toBeDefined();
    // buildah builds the platforms side by side, so the index lists them in either order.
    expect(first).toMatch(new RegExp(`✓ verify-images: ${image}@${released} \\(1\\.2\\.3, 1\\.2, 1, latest; (linux/amd64, linux/arm64|linux/arm64, linux/amd64)\\)`));
    expect(first).toMatch(/✓ verify-container: linux\/amd64: HEALTHCHECK healthy after \d+\.\d s/);
    // The Swarm service moved from 1.2.2 to this index, by digest.
    expect(first).toContain(`✓ deploy-swarm:crawlkit: crawlkit converged on ${image}@${released}`);

    // The backport wrote its own tags only, and no rollout.
    const backported = new RegExp(`✓ docker-merge: ${image}@(${DIGEST.source}): wrote 1\\.1\\.5, 1\\.1\n`).exec(backport)?.[1];
    expect(backported, backport).toBeDefined();
    expect(backported).not.toBe(released);
    expect(backport).toContain('deploy: skipped, 1.1.5 is not the highest stable release (deploy.versions: latest)');
    expect(backport).toContain(`the registry now: 1.2.3, 1.2, 1, latest → ${released}; 1.1.5, 1.1 → ${backported}`);
    // The rebuild of the same commit finds every tag on the same images.
    expect(rebuild).toContain(`= docker-merge: ${image}@${released}: already in place 1.2.3, 1.2, 1, latest`);
    expect(rebuild).toContain(`= deploy-swarm:crawlkit: crawlkit already runs ${image}@${released}`);
    const untouched = 'the registry now: all 7 tags where they were (1, 1.1, 1.1.5, 1.2, 1.2.2, 1.2.3, latest)';
    expect(rebuild).toContain(untouched);
    expect(section(output, 'run 4:')).toContain(untouched);

    // The re-run publishes nothing: every publishing step is found done.
    for (const row of [
      /\| ✓ already there \| pypi-upload \| crawlkit 1\.2\.3 is already on 127\.0\.0\.1:\d+: crawlkit-1\.2\.3-py3-none-any\.whl, crawlkit-1\.2\.3\.tar\.gz /,
      /\| ✓ already there \| github-release \| already up to date: release v1\.2\.3 \(latest\); assets: 3 unchanged/,
      new RegExp(`\\| ✓ already there \\| docker-merge \\| ${image}\\\\@${released}: already in place 1\\.2\\.3, 1\\.2, 1, latest \\|`),
      new RegExp(`\\| ✓ already there \\| deploy-swarm:crawlkit \\| crawlkit already runs ${image}\\\\@${released} \\|`),
    ])
      expect(rerun).toMatch(row);

    // The table, read back from the servers, says what the logs said.
    const rows = publishedRows(output);
    const row = (what: string) => rows.find((r) => r[0] === what);
    expect(row('image :1.2.3, :1.2, :1, :latest')).toEqual(['image :1.2.3, :1.2, :1, :latest', image, released]);
    expect(row('image :1.1.5, :1.1')).toEqual(['image :1.1.5, :1.1', image, backported]);
    expect(row('image :1.2.2 (the previous release)')?.[2]).toMatch(DIGEST);
    expect(row('Swarm service crawlkit')?.[2]).toBe(released);
    // Each index lists both platforms, and each platform's image holds a busybox of its own architecture.
    const platformsOf = (what: string) => rows.slice(rows.indexOf(row(what)!) + 1).slice(0, 2).map((r) => r.slice(0, 2));
    for (const what of ['image :1.2.3, :1.2, :1, :latest', 'image :1.1.5, :1.1'])
      expect(platformsOf(what)).toEqual([
        ['linux/amd64', 'busybox for amd64'],
        ['linux/arm64', 'busybox for arm64'],
      ]);
    for (const file of ['crawlkit-1.2.3-py3-none-any.whl', 'crawlkit-1.2.3.tar.gz']) {
      const uploaded = new RegExp(`✓ uploaded ${file.replaceAll('.', '\\.')} \\(\\d+ bytes, sha256 ([a-f0-9]{64})\\)`).exec(first)?.[1];
      expect(row(file)?.[2]).toBe(`sha256:${uploaded}`);
      expect(row(`${file}`)?.[1]).toMatch(/^PyPI index http:\/\/127\.0\.0\.1:\d+\/simple\/crawlkit\/$/);
    }
    expect(row('release v1.2.3 (latest)')?.[2]).toBe('3 assets');

    // Nothing the demo started outlives it, and no secret shows.
    const dockerd = Number(/dockerd PID (\d+)/.exec(output)![1]);
    expect(alive(dockerd)).toBe(false);
    await expect(fetch(`http://${image.split('/')[0]}/v2/`)).rejects.toThrow();
    expect(output).not.toContain('pypi-demo-token');
  }, 240_000);

  it.concurrent('without the Python build and the arm64 busybox, says what it leaves out and releases the rest', async () => {
    const { code, output } = await demo({ TAGSHIP_DEMO_PYTHON: join(repoRoot, 'no-such-python'), TAGSHIP_BUSYBOX_ARM64: join(repoRoot, 'no-such-busybox') });
    expect(code, output).toBe(0);
    expect(output).toContain(`  Python release   skipped: there is no Python at TAGSHIP_DEMO_PYTHON (${join(repoRoot, 'no-such-python')})`);
    expect(output).toContain('  apt-get install python3 python3-build python3-setuptools python3-wheel python3-venv');
    const rows = publishedRows(output);
    expect(rows.filter((r) => r[0]!.startsWith('crawlkit-'))).toEqual([]);
    expect(rows.find((r) => r[0] === 'release v1.2.3 (latest)')).toBeDefined();
    if ('platforms' in tools.images) {
      expect(output).toContain(`linux/amd64 only: there is no static arm64 busybox at ${join(repoRoot, 'no-such-busybox')} (run scripts/fetch-busybox-arm64); an arm64 image is never built from an amd64 binary`);
      expect(rows.filter((r) => /^linux\//.test(r[0]!)).map((r) => r[0])).not.toContain('linux/arm64');
      expect(rows.find((r) => r[0] === 'image :1.2.3, :1.2, :1, :latest')?.[2]).toMatch(DIGEST);
    } else {
      expect(output).toContain(`  images           skipped: ${tools.images.why}`);
    }
    const dockerd = /dockerd PID (\d+)/.exec(output);
    if (dockerd) expect(alive(Number(dockerd[1]))).toBe(false);
  }, 240_000);

  it('never labels an amd64 busybox arm64: one of another architecture is refused, and the images are amd64 only', () => {
    const probed = probeDemoTools({ ...process.env, TAGSHIP_BUSYBOX_ARM64: '/bin/busybox' } as NodeJS.ProcessEnv);
    if ('why' in probed.images) return expect(probed.images.why).toMatch(/not installed|no static amd64 busybox/);
    expect(probed.images.platforms).toEqual(['linux/amd64']);
    expect(probed.images.note).toBe('linux/amd64 only: /bin/busybox is not a static arm64 executable (run scripts/fetch-busybox-arm64); an arm64 image is never built from an amd64 binary');
  });
});
