import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { releaseEvent } from './support/payloads.js';
import { usesTools } from './support/system-tools.js';

// The CLI asks git about the project; without git, each run waits out the 20 s timeout of those calls.
usesTools('git');

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => join(root, 'test/fixtures/projects', name);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    cwd: root,
    now: () => new Date('2026-11-22T00:00:00Z'),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('tagship plan (the CLI contract)', () => {
  it('--json prints exactly one JSON object with the documented fields; exit 0', async () => {
    const { code, stdout, stderr } = await cli('plan', '--cwd', fixture('python-seed'), '--ref', 'refs/tags/v1.2.3', '--known-versions', '1.0.0', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const plan = JSON.parse(stdout);
    expect(plan.trigger.kind).toBe('tag');
    expect(plan.version).toMatchObject({ normalized: '1.2.3', prerelease: false, major: 1, minor: 2, patch: 3 });
    expect(plan.checks).toEqual([
      expect.objectContaining({ source: 'pyproject.toml [project].version', line: 7, found: '1.2.3', ok: true }),
      expect.objectContaining({ source: 'crawl4ai/__version__.py', line: 2, found: '1.2.3', ok: true }),
    ]);
    expect(plan.stages.map((s: { name: string }) => s.name)).toEqual(['release', 'docker', 'verify', 'deploy']);
  });

  it('a release event file and dispatch inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-cli-'));
    writeFileSync(join(dir, 'release.json'), JSON.stringify(releaseEvent('published', 'v1.2.3')));
    const release = await cli('plan', '--cwd', fixture('python-seed'), '--event-name', 'release', '--event', join(dir, 'release.json'), '--json', '--known-versions', '');
    expect(JSON.parse(release.stdout)).toMatchObject({ trigger: { kind: 'release' }, stages: [{ name: 'docker' }, { name: 'verify' }, { name: 'deploy' }] });
    const dispatch = await cli('plan', '--cwd', fixture('python-seed'), '--input', 'version=1.2.3', '--input', 'stages=release', '--json', '--known-versions', '');
    expect(JSON.parse(dispatch.stdout)).toMatchObject({ trigger: { kind: 'dispatch' }, stages: [{ name: 'release' }] });
  });

  it('ignored events exit 0 with a one-line reason', async () => {
    const { code, stdout } = await cli('plan', '--cwd', fixture('python-seed'), '--ref', 'refs/heads/main');
    expect(code).toBe(0);
    expect(stdout).toBe('Nothing to do: branch "main" is not a tag push.');
  });

  it('a failed check exits 1 with the file, line and both versions on stderr, no stack', async () => {
    const { code, stderr } = await cli('plan', '--cwd', fixture('mismatch'), '--ref', 'refs/tags/v1.2.3', '--known-versions', '');
    expect(code).toBe(1);
    expect(stderr).toBe('tagship: drift/__version__.py:1: version is "1.2.2" but tag v1.2.3 says "1.2.3". Update drift/__version__.py or move the tag.');
  });

  it('a bad tag exits 1; a usage error exits 2', async () => {
    const bad = await cli('plan', '--cwd', fixture('npm-single'), '--ref', 'refs/tags/v1.2');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^tagship: Tag "v1.2" is not a semver version/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect((await cli('plan', '--bogus')).code).toBe(2);
    expect((await cli('deploy')).code).toBe(2);
    expect((await cli('plan', '--input', 'novalue')).code).toBe(2);
  });

  it('the built CLI plans a Python project whose repository has a tag with a dotted local label (v1.0+ubuntu.1)', () => {
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('python-seed'), '--ref', 'refs/tags/v1.2.3', '--known-versions', '1.0,1.0+ubuntu.1,1.9007199254740993', '--json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // 1.9007199254740993 is higher than 1.2.3: not rounded, not ignored.
    expect(JSON.parse(run.stdout)).toMatchObject({ version: { normalized: '1.2.3' }, latest: false });
  });

  it('the built CLI reads versions spelled v2.0 or padded (PEP 440) and "v1.2.3" in package.json (npm cleans it) as the tag\'s', () => {
    const python = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('spelled-v'), '--ref', 'refs/tags/v2.0', '--known-versions', '', '--json'], { encoding: 'utf8' });
    expect(python.status).toBe(0);
    expect(JSON.parse(python.stdout).checks.map((c: { found: string; ok: boolean }) => [c.found, c.ok])).toEqual([[' v2.0 ', true], ['v2.0', true]]);
    const npm = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('npm-spelled-v'), '--ref', 'refs/tags/v1.2.3', '--known-versions', '', '--json'], { encoding: 'utf8' });
    expect(npm.status).toBe(0);
    expect(JSON.parse(npm.stdout).stages[0].steps[0].target).toBe('spelled-v@1.2.3');
    // The tag keeps its own rules: the same spelling in a tag is refused.
    const tag = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('spelled-v'), '--ref', 'refs/tags/vv2.0', '--known-versions', ''], { encoding: 'utf8' });
    expect([tag.status, tag.stdout]).toEqual([0, 'Nothing to do: tag "vv2.0" is not a version tag (v1.2.3).\n']);
    const local = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('spelled-v'), '--ref', 'refs/tags/v2.0+ubuntu.1', '--known-versions', ''], { encoding: 'utf8' });
    expect([local.status, local.stderr]).toEqual([1, 'tagship: Tag "v2.0+ubuntu.1" has a local version segment (+…), which package indexes refuse. Push a tag without it.\n']);
  });

  it('the built CLI behaves the same (dist/cli/index.js)', () => {
    const out = execFileSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('npm-workspace'), '--ref', 'refs/tags/v2.1.0', '--known-versions', '2.0.0', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).stages[0].steps.map((s: { target: string }) => s.target)).toEqual(['@acme/core@2.1.0', '@acme/cli@2.1.0', 'v2.1.0']);
    const failed = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', fixture('mismatch'), '--ref', 'refs/tags/v1.2.3', '--known-versions', ''], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('drift/__version__.py:1');
  });
});
