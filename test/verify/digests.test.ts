import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionContext, StepOutcome } from '../../src/execute/types.js';
import { executePlan } from '../../src/execute/run.js';
import { executors } from '../../src/execute/registry.js';
import { resolveDigest } from '../../src/verify/digests.js';
import { plan as releasePlan } from './support/plans.js';
import { pushIndex, startRegistry, type LocalRegistry } from './support/registry.js';
import { recordingRunner } from './support/runner.js';

let registry: LocalRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => registry?.stop());

function context(outcomes: StepOutcome[] = []): ExecutionContext {
  const { runner } = recordingRunner();
  return { plan: releasePlan('v1.2.3'), cwd: '/', runner, env: {}, secrets: {}, outcomes: new Map(outcomes.map((o) => [o.id, o])) };
}

describe('the digest a rollout pins', () => {
  it('comes from this run’s verified images when there are any, without asking the registry', async () => {
    const digest = `sha256:${'e'.repeat(64)}`;
    const outcome: StepOutcome = { id: 'verify-images', status: 'done', detail: '', produced: { images: [{ repository: 'nowhere.invalid/acme/app', tags: ['1.2.3'], digest, platforms: [] }] } };
    await expect(resolveDigest(context([outcome]), 'nowhere.invalid/acme/app', '1.2.3')).resolves.toBe(digest);
  });

  it('is read from the registry otherwise, and a missing tag says to publish first', async () => {
    const digest = await pushIndex(registry.host, 'acme/rollout', ['1.2.3'], ['linux/amd64']);
    await expect(resolveDigest(context(), `${registry.host}/acme/rollout`, '1.2.3')).resolves.toBe(digest);
    await expect(resolveDigest(context(), `${registry.host}/acme/rollout`, '9.9.9')).rejects.toThrow(/acme\/rollout:9\.9\.9 does not exist in its registry: publish the images first/);
  });
});

describe('verify-images through the executor framework', () => {
  it('hands the digests it read to later steps as produced.images', async () => {
    const repository = `${registry.host}/acme/framework`;
    const digest = await pushIndex(registry.host, 'acme/framework', ['2.0.0', '2.0', '2', 'latest'], ['linux/amd64', 'linux/arm64']);
    const plan = { ...releasePlan('v1.2.3'), dryRun: false };
    plan.stages = [{ name: 'verify', steps: [{ kind: 'verify-images', id: 'verify-images', target: repository, images: [{ repository, tags: ['2.0.0', '2.0', '2', 'latest'] }], platforms: ['linux/amd64', 'linux/arm64'] }] }];
    const { runner, lines } = recordingRunner();
    const report = await executePlan(executors, { plan, cwd: '/', runner, env: {}, secrets: {} });
    expect(report.failed).toBeUndefined();
    expect(report.outcomes[0]!.produced).toEqual({ images: [{ repository, tags: ['2.0.0', '2.0', '2', 'latest'], digest, platforms: ['linux/amd64', 'linux/arm64'] }] });
    expect(lines).toContain(`✓ verify-images: ${repository}@${digest} (2.0.0, 2.0, 2, latest; linux/amd64, linux/arm64)`);
  });
});
