import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/action-run.js';
import { usesTools } from './support/system-tools.js';

usesTools('git', 'python3');

/** `npm run demo` as a newcomer runs it: node_modules/.bin first on PATH, from the repository root. */
async function demo(env: Record<string, string> = {}) {
  const result = await promisify(execFile)('node', ['scripts/demo.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, PATH: `${join(repoRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`, ...env },
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  return { ...result, output: result.stdout + result.stderr };
}

const leftovers = () => (existsSync(join(repoRoot, '.tmp')) ? readdirSync(join(repoRoot, '.tmp')).filter((name) => name.startsWith('demo-')) : []);

describe('npm run demo', () => {
  it('releases the example to its local index and GitHub server, verifies it, and a re-run finds it done', async () => {
    const { code, output } = await demo();
    expect(code, output).toBe(0);
    const [first, second] = output.split('=== job summary of run 2').map((part) => part.slice(part.lastIndexOf('#### Results')));
    // Run 1: both files uploaded and linked on the index, the release created with them, pip installed it.
    expect(first).toMatch(/\| ✅ done \| pypi-upload \| crawlkit 1\.2\.3 on 127\.0\.0\.1:\d+ \(token\): uploaded crawlkit-1\.2\.3-py3-none-any\.whl, crawlkit-1\.2\.3\.tar\.gz /);
    expect(first).toMatch(/\[crawlkit-1\.2\.3-py3-none-any\.whl\]\(http:\/\/127\.0\.0\.1:\d+\/project\/crawlkit\/1\.2\.3\/#files\)/);
    expect(first).toMatch(/\[crawlkit-1\.2\.3\.tar\.gz\]\(http:\/\/127\.0\.0\.1:\d+\/project\/crawlkit\/1\.2\.3\/#files\)/);
    expect(first).toMatch(/\| ✅ done \| github-release \| created release v1\.2\.3 \(latest\); assets: 3 uploaded \[release v1\.2\.3\]\(http:\/\/127\.0\.0\.1:\d+\/web\/acme\/crawlkit\/releases\/tag\/v1\.2\.3\) \|/);
    expect(first).toContain('| ✅ done | verify-python:crawlkit | crawlkit 1.2.3 installs from');
    // The release notes come from the example's commits, compared on the GitHub server.
    expect(output).toContain('## Changes since v1.2.2');
    // Run 2: nothing published again; the install check passes again.
    expect(second).toMatch(/\| ✓ already there \| pypi-upload \| crawlkit 1\.2\.3 is already on 127\.0\.0\.1:\d+: crawlkit-1\.2\.3-py3-none-any\.whl, crawlkit-1\.2\.3\.tar\.gz /);
    expect(second).toContain('| ✓ already there | github-release | already up to date: release v1.2.3 (latest); assets: 3 unchanged');
    expect(second).toContain('| ✅ done | verify-python:crawlkit | crawlkit 1.2.3 installs from');
    // The image part is shown as a plan, and the closing line says where the files went.
    expect(output).toContain('docker-merge  docker.io/acme/crawlkit:1.2.3,1.2,1,latest ghcr.io/acme/crawlkit:1.2.3,1.2,1,latest');
    expect(output).toMatch(/were checked by pip installing crawlkit==1\.2\.3 into a fresh virtual environment from it\.\n$/);
    expect(output).not.toContain('pypi-demo-token');
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('without the Python build and venv modules, prints the dry-run plans and what to install', async () => {
    const { code, output } = await demo({ TAGSHIP_DEMO_PYTHON: join(repoRoot, 'no-such-python') });
    expect(code, output).toBe(0);
    expect(output).toContain(`tagship demo: dry run only: there is no Python at ${join(repoRoot, 'no-such-python')}.`);
    expect(output).toContain('=== tag push v1.2.3 (dry run) ===');
    expect(output).toContain('- pypi-upload  https://upload.pypi.org/legacy/');
    expect(output).toContain('=== docker-rebuild-v1.2.3 (dry run) ===');
    expect(output).toContain('sudo apt-get install python3 python3-build python3-setuptools python3-wheel python3-venv');
  }, 30_000);
});
