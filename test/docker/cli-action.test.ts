import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { releaseEvent } from '../support/payloads.js';
import { repoRoot, runBuiltAction } from '../support/action-run.js';

/** The seed Python project with Docker images configured. */
function projectWithImages(config = 'docker:\n  images: [ghcr.io/acme/crawl4ai, acme/crawl4ai]\n') {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-docker-project-'));
  cpSync(join(repoRoot, 'test/fixtures/projects/python-seed'), dir, { recursive: true });
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/tagship.yml'), config);
  return dir;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: repoRoot, now: () => new Date('2026-11-22T00:00:00Z') });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('tagship plan with images', () => {
  it('--json shows the images with full refs, platforms, mode and backend at the top level', async () => {
    const { code, stdout } = await cli('plan', '--cwd', projectWithImages(), '--ref', 'refs/tags/v1.2.3', '--known-versions', '1.2.2,1.1.0', '--json');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.docker).toEqual({
      images: [
        { name: 'ghcr.io/acme/crawl4ai', tags: ['ghcr.io/acme/crawl4ai:1.2.3', 'ghcr.io/acme/crawl4ai:1.2', 'ghcr.io/acme/crawl4ai:1', 'ghcr.io/acme/crawl4ai:latest'] },
        { name: 'docker.io/acme/crawl4ai', tags: ['docker.io/acme/crawl4ai:1.2.3', 'docker.io/acme/crawl4ai:1.2', 'docker.io/acme/crawl4ai:1', 'docker.io/acme/crawl4ai:latest'] },
      ],
      platforms: ['linux/amd64', 'linux/arm64'],
      mode: 'distributed',
      backend: 'buildx',
      job: 'all',
      matrix: {
        include: [
          { platform: 'linux/amd64', runner: 'ubuntu-24.04', slug: 'linux-amd64', qemu: false },
          { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', slug: 'linux-arm64', qemu: false },
        ],
      },
      runners: [
        'linux/amd64 → ubuntu-24.04: native',
        'linux/arm64 → ubuntu-24.04-arm: native; GitHub offers it to public repositories and the event does not say the repository is private',
      ],
    });
  });

  it('the readable plan lists every tag, in write order', async () => {
    const { stdout } = await cli('plan', '--cwd', projectWithImages(), '--ref', 'refs/tags/v1.1.5', '--known-versions', '1.1.4,1.2.0');
    expect(stdout).toContain('      - docker-build  linux/arm64 → ghcr.io/acme/crawl4ai, docker.io/acme/crawl4ai  (buildx)');
    expect(stdout).toMatch(/ {2}images {4}linux\/amd64, linux\/arm64 \(distributed, buildx\)\n {4}ghcr\.io\/acme\/crawl4ai:1\.1\.5\n {4}ghcr\.io\/acme\/crawl4ai:1\.1\n {4}docker\.io\/acme\/crawl4ai:1\.1\.5\n {4}docker\.io\/acme\/crawl4ai:1\.1\n {2}runner {4}linux\/amd64 → ubuntu-24\.04: native\n/);
  });

  it('an invalid image name stops the plan with the rule, exit 1', async () => {
    const { code, stderr } = await cli('plan', '--cwd', projectWithImages('docker:\n  images: ["acme/App Name"]\n'), '--ref', 'refs/tags/v1.2.3', '--known-versions', '');
    expect(code).toBe(1);
    expect(stderr).toBe('tagship: .github/tagship.yml:2: "docker.images[0]": image "acme/App Name": an image name cannot contain spaces, got "acme/App Name".');
  });
});

describe('the built action with images (dry run)', () => {
  it('a release event plans the builds and the merge; the matrix and the tags are in the outputs and summary', () => {
    const run = runBuiltAction({
      eventName: 'release',
      ref: 'refs/tags/v1.2.3',
      payload: releaseEvent('published', 'v1.2.3'),
      workspace: projectWithImages(),
      inputs: { 'dry-run': 'true', 'known-versions': '1.2.2' },
      env: { RUNNER_TEMP: '/home/runner/work/_temp' },
    });
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.outputs.plan!);
    expect(plan.stages[0].steps.map((s: { id: string }) => s.id)).toEqual(['docker-build:linux/amd64', 'docker-build:linux/arm64', 'docker-scan', 'docker-merge', 'docker-attest']);
    expect(plan.stages[0].steps[0]).toMatchObject({ digestsDir: '/home/runner/work/_temp/tagship-digests', metadataFile: expect.stringMatching(/^\/home\/runner\/work\/_temp\/tagship\/linux-amd64-\d+\.metadata\.json$/) });
    expect(JSON.parse(run.outputs.matrix!).include.map((e: { slug: string }) => e.slug)).toEqual(['linux-amd64', 'linux-arm64']);
    expect(run.summary).toContain('#### Images');
    expect(run.summary).toContain('| ghcr.io/acme/crawl4ai | `1.2.3` `1.2` `1` `latest` |');
    expect(run.stdout).toContain('· docker-build:linux/arm64: would run docker-build → linux/arm64 → ghcr.io/acme/crawl4ai, docker.io/acme/crawl4ai');
  });

  it('docker-job: build with a platform runs only that build; without a platform it fails with one line', () => {
    const base = { eventName: 'release', ref: 'refs/tags/v1.2.3', payload: releaseEvent('published', 'v1.2.3'), workspace: projectWithImages() };
    const build = runBuiltAction({ ...base, inputs: { 'dry-run': 'true', 'known-versions': '', 'docker-job': 'build', 'docker-platform': 'linux/arm64' } });
    expect(build.status).toBe(0);
    expect(JSON.parse(build.outputs.plan!).stages.flatMap((s: { steps: { id: string }[] }) => s.steps.map((step) => step.id))).toEqual(['docker-build:linux/arm64']);
    const bad = runBuiltAction({ ...base, inputs: { 'dry-run': 'true', 'docker-job': 'build' } });
    expect(bad.status).toBe(1);
    expect(bad.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      "::error::Input 'docker-job: build' needs 'docker-platform' (e.g. linux/arm64): pass ${{ matrix.platform }} from the plan job's matrix.",
    ]);
  });
});
