import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibilityOf } from '../../src/gather.js';
import { planOutputs } from '../../src/outputs.js';
import { renderText } from '../../src/plan/render.js';
import { repoRoot, runBuiltAction } from '../support/action-run.js';
import { releaseEvent } from '../support/payloads.js';
import { dockerPlan } from './support.js';

const matrix = (plan: ReturnType<typeof dockerPlan>) => JSON.parse(planOutputs(plan).matrix!).include as Array<Record<string, unknown>>;

describe('the build runner of each platform follows the repository visibility', () => {
  it('a public repository builds arm64 natively on ubuntu-24.04-arm', () => {
    const plan = dockerPlan({ visibility: 'public' });
    expect(matrix(plan)).toEqual([
      { platform: 'linux/amd64', runner: 'ubuntu-24.04', slug: 'linux-amd64', qemu: false },
      { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm', slug: 'linux-arm64', qemu: false },
    ]);
    expect(plan.docker!.runners[1]).toBe('linux/arm64 → ubuntu-24.04-arm: native; GitHub offers it to public repositories and the repository is public');
  });

  it.each(['private', 'internal'] as const)('a %s repository builds arm64 on ubuntu-24.04 under QEMU, and the plan says why', (visibility) => {
    const plan = dockerPlan({ visibility });
    expect(matrix(plan)[1]).toEqual({ platform: 'linux/arm64', runner: 'ubuntu-24.04', slug: 'linux-arm64', qemu: true });
    const why = `linux/arm64 → ubuntu-24.04 under QEMU: GitHub offers ubuntu-24.04-arm to public repositories only and this one is ${visibility} (set docker.runners."linux/arm64" to an arm64 runner of yours)`;
    expect(plan.docker!.runners).toEqual(['linux/amd64 → ubuntu-24.04: native', why]);
    expect(renderText(plan)).toContain(`  runner    ${why}`);
  });

  it('a configured runner wins over the visibility; a GitHub-hosted label of another CPU gets QEMU', () => {
    const config = 'docker:\n  images: [ghcr.io/a/b]\n  platforms: [linux/arm64, linux/arm/v7, linux/amd64]\n  runners: { linux/arm64: arm-large, linux/arm/v7: ubuntu-24.04-arm, linux/amd64: ubuntu-22.04 }\n';
    const plan = dockerPlan({ config, visibility: 'private' });
    expect(matrix(plan).map(({ runner, qemu }) => ({ runner, qemu }))).toEqual([
      { runner: 'arm-large', qemu: false },
      // GitHub's arm64 runners have no 32-bit Arm mode.
      { runner: 'ubuntu-24.04-arm', qemu: true },
      { runner: 'ubuntu-22.04', qemu: false },
    ]);
    expect(plan.docker!.runners).toEqual(['linux/arm64 → arm-large: docker.runners', 'linux/arm/v7 → ubuntu-24.04-arm under QEMU: docker.runners', 'linux/amd64 → ubuntu-22.04: docker.runners']);
  });

  it('without a repository in the event (a CLI plan) the repository is taken as public, and the plan says so', () => {
    const plan = dockerPlan();
    expect(matrix(plan)[1]).toMatchObject({ runner: 'ubuntu-24.04-arm', qemu: false });
    expect(plan.docker!.runners[1]).toBe('linux/arm64 → ubuntu-24.04-arm: native; GitHub offers it to public repositories and the event does not say the repository is private');
  });

  it('single mode has no matrix and no runner lines', () => {
    const plan = dockerPlan({ config: 'docker:\n  images: [ghcr.io/a/b]\n  mode: single\n', visibility: 'private' });
    expect(plan.docker!.runners).toEqual([]);
    expect(matrix(plan)).toEqual([]);
  });

  it('the visibility comes from the payload: `visibility`, else the older `private`', () => {
    const event = (repository: Record<string, unknown> | undefined) => ({ name: 'push', ref: 'refs/tags/v1.2.3', payload: repository ? { repository } : {} });
    expect(visibilityOf(event({ private: true, visibility: 'internal' }))).toEqual({ visibility: 'internal' });
    expect(visibilityOf(event({ private: true }))).toEqual({ visibility: 'private' });
    expect(visibilityOf(event({ private: false }))).toEqual({ visibility: 'public' });
    expect(visibilityOf(event(undefined))).toEqual({});
  });
});

describe('the built action in a private repository (dry run)', () => {
  it('the matrix output puts arm64 on ubuntu-24.04 with qemu: true, and the log and summary say why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-private-'));
    cpSync(join(repoRoot, 'test/fixtures/projects/python-seed'), dir, { recursive: true });
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(join(dir, '.github/tagship.yml'), 'docker:\n  images: [ghcr.io/acme/crawl4ai]\n');
    const payload = releaseEvent('published', 'v1.2.3');
    payload.repository.private = true;
    payload.repository.visibility = 'private';
    const run = runBuiltAction({ eventName: 'release', ref: 'refs/tags/v1.2.3', payload, workspace: dir, inputs: { 'dry-run': 'true', 'known-versions': '1.2.2', 'docker-job': 'plan' } });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.outputs.matrix!).include).toEqual([
      { platform: 'linux/amd64', runner: 'ubuntu-24.04', slug: 'linux-amd64', qemu: false },
      { platform: 'linux/arm64', runner: 'ubuntu-24.04', slug: 'linux-arm64', qemu: true },
    ]);
    expect(run.stdout).toContain('  runner    linux/arm64 → ubuntu-24.04 under QEMU: GitHub offers ubuntu-24.04-arm to public repositories only and this one is private');
    expect(run.summary).toContain('- linux/arm64 → ubuntu-24.04 under QEMU: GitHub offers ubuntu-24.04-arm to public repositories only and this one is private');
  });
});
