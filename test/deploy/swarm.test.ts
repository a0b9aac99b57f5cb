import { describe, expect, it } from 'vitest';
import { dockerTarget } from '../../src/deploy/docker-cli.js';
import { childEnv } from '../../src/runtime/child-env.js';
import { parseServiceInspect, parseTaskLines, rolloutSwarmService } from '../../src/deploy/swarm.js';
import { fixture, recordedDocker, steppingClock } from '../verify/support/recorded-docker.js';

const dir = new URL('./fixtures/', import.meta.url);
const f = (name: string) => fixture(dir, name);
const DIGEST = `sha256:${'a'.repeat(64)}`;
const REF = `ghcr.io/acme/crawlkit@${DIGEST}`;
const INSPECT = 'service inspect crawl4ai';
const UPDATE = `service update --image ${REF} --with-registry-auth --update-failure-action rollback --detach crawl4ai`;
const PS = 'service ps --no-trunc --format {{json .}} crawl4ai';

const rollout = (cli: Parameters<typeof rolloutSwarmService>[0], timeoutMs = 600_000) => {
  const clock = steppingClock();
  const log: string[] = [];
  return { clock, log, run: rolloutSwarmService(cli, 'crawl4ai', 'ghcr.io/acme/crawlkit', DIGEST, { timeoutMs, intervalMs: 5_000, clock, log: (l) => log.push(l) }) };
};

describe('Swarm rollout by digest', () => {
  it('updates the service to repo@digest with rollback on failure, then waits until the update completes', async () => {
    const docker = recordedDocker({
      // Inspect before the update, then once more still showing the previous update, then ours.
      [INSPECT]: [f('inspect-before.json'), f('inspect-before.json'), f('inspect-updating.json'), f('inspect-updating.json'), f('inspect-completed.json')],
      [UPDATE]: ['crawl4ai\n'],
    });
    const { run, clock, log } = rollout(docker.cli);
    await expect(run).resolves.toEqual({ service: 'crawl4ai', imageRef: REF, result: 'converged', elapsedMs: 15_000 });
    expect(docker.calls.map((argv) => argv.join(' '))).toEqual([INSPECT, UPDATE, INSPECT, INSPECT, INSPECT, INSPECT]);
    expect(docker.calls[1]).toEqual(['service', 'update', '--image', REF, '--with-registry-auth', '--update-failure-action', 'rollback', '--detach', 'crawl4ai']);
    expect(clock.slept).toEqual([5_000, 5_000, 5_000]);
    expect(log).toEqual(['crawl4ai: update not started yet', 'crawl4ai: updating: update in progress', 'crawl4ai: completed: update completed']);
  });

  it('reports a rollback as a rollback, with the failing task and its error', async () => {
    const docker = recordedDocker({
      [INSPECT]: [f('inspect-before.json'), f('inspect-updating.json'), f('inspect-rollback-started.json'), f('inspect-rollback-completed.json')],
      [UPDATE]: ['crawl4ai\n'],
      [PS]: [f('service-ps-rollback.jsonl')],
    });
    const { run } = rollout(docker.cli);
    await expect(run).rejects.toThrow(
      `Swarm service crawl4ai rolled back to its previous image: the update to ${REF} failed (rollback_completed: rollback completed). Failing tasks: crawl4ai.1 on swarm-1: task: non-zero exit (137): dockerexec: unhealthy container (Failed 35 seconds ago).`,
    );
    expect(docker.calls.at(-1)!.join(' ')).toBe(PS);
  });

  it('stops at a paused update and says how to resume or roll back', async () => {
    const docker = recordedDocker({ [INSPECT]: [f('inspect-before.json'), f('inspect-paused.json')], [UPDATE]: [''], [PS]: [f('service-ps-rollback.jsonl')] });
    const { run } = rollout(docker.cli);
    await expect(run).rejects.toThrow(/update to .* stopped: paused: update paused due to failure or early termination of task 9x0v2bq8k3m1n5p7r4t6w8y0z\..*docker service rollback crawl4ai/);
  });

  it('gives up at the deadline while the update is still running', async () => {
    const docker = recordedDocker({ [INSPECT]: [f('inspect-never-updated.json'), f('inspect-updating.json')], [UPDATE]: [''], [PS]: [''] });
    const { run, clock } = rollout(docker.cli, 60_000);
    await expect(run).rejects.toThrow(`Swarm service crawl4ai did not converge on ${REF} within 60 s (last: updating: update in progress).`);
    expect(clock.now()).toBeLessThanOrEqual(60_000);
  });

  it('keeps waiting through a failed inspect while the update runs', async () => {
    const hiccup = { code: 1, stdout: '', stderr: 'error during connect: Get "http://docker.example.sock/v1.50/services/crawl4ai": command [ssh -- manager docker system dial-stdio] has exited with exit status 255\n' };
    const docker = recordedDocker({ [INSPECT]: [f('inspect-before.json'), f('inspect-updating.json'), hiccup, f('inspect-completed.json')], [UPDATE]: [''] });
    const { run, log } = rollout(docker.cli);
    await expect(run).resolves.toMatchObject({ result: 'converged' });
    expect(log[1]).toMatch(/^crawl4ai: cannot inspect the service: docker service inspect failed \(exit 1\): error during connect/);
  });

  it('does nothing when the service already runs the digest (a re-run resumes)', async () => {
    const docker = recordedDocker({ [INSPECT]: [f('inspect-completed.json')] });
    const { run } = rollout(docker.cli);
    await expect(run).resolves.toMatchObject({ result: 'unchanged' });
    expect(docker.calls).toEqual([['service', 'inspect', 'crawl4ai']]);
  });

  it('waits for its own update still under way instead of starting another', async () => {
    const docker = recordedDocker({ [INSPECT]: [f('inspect-updating.json'), f('inspect-updating.json'), f('inspect-completed.json')] });
    const { run } = rollout(docker.cli);
    await expect(run).resolves.toMatchObject({ result: 'converged' });
    expect(docker.calls.every((argv) => argv[1] === 'inspect')).toBe(true);
  });

  it('names the service when it does not exist', async () => {
    const docker = recordedDocker({ [INSPECT]: [{ code: 1, stdout: '[]\n', stderr: 'Status: Error: no such service: crawl4ai, Code: 1\n' }] });
    await expect(rollout(docker.cli).run).rejects.toThrow(/Swarm service crawl4ai cannot be inspected .*no such service: crawl4ai.*Check deploy.swarm service names/);
  });

  it('reads the recorded formats', () => {
    expect(parseServiceInspect(f('inspect-rollback-completed.json'))).toEqual({
      name: 'crawl4ai',
      image: `ghcr.io/acme/crawlkit:1.2.2@sha256:${'1'.repeat(64)}`,
      update: { State: 'rollback_completed', StartedAt: '2025-11-02T09:12:40.601928311Z', CompletedAt: '2025-11-02T09:13:58.400127733Z', Message: 'rollback completed' },
    });
    expect(parseTaskLines(f('service-ps-rollback.jsonl')).map((t) => t.Name)).toEqual(['crawl4ai.1', 'crawl4ai.1', 'crawl4ai.2', 'crawl4ai.3']);
  });
});

describe('DOCKER_HOST', () => {
  it('points the CLI at an ssh host and drops a docker context that would override it', () => {
    const { parentEnv, tool, set } = dockerTarget({ PATH: '/bin', DOCKER_CONTEXT: 'desktop', DOCKER_HOST: 'unix:///var/run/docker.sock' }, 'ssh://deploy@manager');
    expect(childEnv(parentEnv, tool, { set })).toEqual({ PATH: '/bin', DOCKER_HOST: 'ssh://deploy@manager' });
  });
  it('refuses plain tcp without TLS material, and turns on verification with it', () => {
    expect(() => dockerTarget({}, 'tcp://manager:2376')).toThrow(/plain TCP: set DOCKER_CERT_PATH/);
    const tls = dockerTarget({ DOCKER_CERT_PATH: '/certs' }, 'tcp://manager:2376');
    expect(childEnv(tls.parentEnv, tls.tool, { set: tls.set })).toEqual({ DOCKER_CERT_PATH: '/certs', DOCKER_HOST: 'tcp://manager:2376', DOCKER_TLS_VERIFY: '1' });
  });
});
