/**
 * The Swarm rollout against a real Docker Engine, a single-node swarm: tagship's deploy-swarm step,
 * planned from a config naming the engine as `docker-host` and run by its executor, resolves the released
 * tag's digest in a local registry and updates the service to `repo@digest`. The recorded tests in
 * swarm.test.ts cover the paths a single node cannot produce (a paused update, an ssh hiccup, a deadline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDeploySwarm } from '../../src/deploy/swarm-executor.js';
import { UserError } from '../../src/errors.js';
import type { DeploySwarmStep } from '../../src/plan/steps/deploy.js';
import { engineContext, startTestEngine, type TestEngine } from '../docker/support/engine.js';
import { plan } from '../verify/support/plans.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ swarm: true });
});
afterAll(async () => engine?.stop());

// A rollout on this engine takes 15-40 s (vfs copies every layer, swarm watches each task for 5 s).
const ROLLOUT_MS = 240_000;
const BUSYBOX = '/bin/busybox';
const json = (argv: string[]) => JSON.stringify(argv);
const HEALTHCHECK = `HEALTHCHECK --interval=1s --timeout=3s --retries=2 CMD ${json([BUSYBOX, 'wget', '-q', '-O-', 'http://127.0.0.1:8080/health'])}`;
const SERVE = ['COPY www /www', HEALTHCHECK, `CMD ${json([BUSYBOX, 'httpd', '-f', '-p', '8080', '-h', '/www'])}`];
/** Serves nothing at /health: every check fails, so swarm kills the task as unhealthy. */
const BROKEN = [HEALTHCHECK, `CMD ${json([BUSYBOX, 'sleep', '3600'])}`];

/** The deploy-swarm step tagship plans for `deploy.swarm`, for the released tag 1.2.3. */
function swarmStep(repository: string, service: string): DeploySwarmStep {
  const yaml = `
docker:
  images: [${repository}]
deploy:
  timeout: 600
  swarm:
    - { docker-host: "${engine.host}", service: ${service} }
`;
  const step = plan('v1.2.3', 'tag', ['1.2.2'], yaml)
    .stages.flatMap((stage) => stage.steps)
    .find((s) => s.kind === 'deploy-swarm');
  if (!step) throw new Error('no deploy-swarm step planned');
  return step as DeploySwarmStep;
}

interface Service {
  Version: { Index: number };
  Spec: { TaskTemplate: { ContainerSpec: { Image: string } } };
  UpdateStatus?: { State: string; StartedAt?: string };
}
const inspect = (service: string) => (JSON.parse(engine.docker(['service', 'inspect', service])) as Service[])[0]!;
const image = (service: string) => inspect(service).Spec.TaskTemplate.ContainerSpec.Image;
/** Images of the tasks swarm wants running now. */
const running = (service: string) =>
  engine
    .docker(['service', 'ps', '--no-trunc', '--filter', 'desired-state=running', '--format', '{{.Image}}', service])
    .split('\n')
    .filter(Boolean);

/** Publishes 1.2.2 and 1.2.3 of `name`, runs a service on 1.2.2, and plans the rollout of 1.2.3. */
async function released(name: string, service: string, next: string[]) {
  const repository = `${engine.registry.host}/acme/${name}`;
  const files = { 'www/health': 'ok\n' };
  const previous = await engine.publish(repository, '1.2.2', SERVE, files);
  const step = swarmStep(repository, service);
  const digest = await engine.publish(repository, step.tag, next, files);
  // busybox as PID 1 ignores SIGTERM: without a short grace period each replaced task holds the update 10 s.
  engine.docker(['service', 'create', '--detach', '--stop-grace-period', '1s', '--name', service, `${repository}@${previous}`]);
  return { step, repository, previous, digest };
}

let converged: { step: DeploySwarmStep; repository: string; digest: string } | undefined;

describe('Swarm rollout against a real single-node swarm', () => {
  it.concurrent(
    'updates the service to the released digest and waits until the update completes',
    async () => {
      const { step, repository, digest } = await released('web', 'web', [...SERVE, 'LABEL release=1.2.3']);
      const { ctx, lines } = engineContext(engine);
      const outcome = await executeDeploySwarm(step, ctx);
      expect(outcome).toMatchObject({ id: 'deploy-swarm:web', status: 'done', produced: { service: 'web', imageRef: `${repository}@${digest}` } });
      expect(outcome.detail).toMatch(new RegExp(`^web converged on ${escape(`${repository}@${digest}`)} in \\d+(\\.\\d)? s$`));
      expect(inspect('web').UpdateStatus?.State).toBe('completed');
      expect(image('web')).toBe(`${repository}@${digest}`);
      expect(running('web')).toEqual([`${repository}@${digest}`]);
      expect(lines).toContain('web: completed: update completed');
      converged = { step, repository, digest };
    },
    ROLLOUT_MS,
  );

  it.concurrent(
    'rolls back an image whose health check fails, and says so with the failing task’s error',
    async () => {
      const { step, repository, previous, digest } = await released('api', 'api', BROKEN);
      const { ctx } = engineContext(engine);
      const error = await executeDeploySwarm(step, ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const message = (error as Error).message;
      expect(message).toContain(`Swarm service api rolled back to its previous image: the update to ${repository}@${digest} failed (rollback_completed: rollback completed).`);
      // The task's error as swarm records it, unquoted (the CLI prints it Go-quoted).
      expect(message).toMatch(/ Failing tasks: api\.1 on [^:]+: task: non-zero exit \(137\): dockerexec: unhealthy container \(Failed [^)]+ ago\)\. The image stays published/);
      // The manager put the previous release back.
      expect(inspect('api').UpdateStatus?.State).toBe('rollback_completed');
      expect(image('api')).toBe(`${repository}@${previous}`);
    },
    ROLLOUT_MS,
  );

  it('does nothing on a re-run for the digest already running: no update is issued', async () => {
    expect(converged, 'the rollout above converged').toBeDefined();
    const { step, repository, digest } = converged!;
    const before = inspect('web');
    const { ctx } = engineContext(engine);
    await expect(executeDeploySwarm(step, ctx)).resolves.toEqual({ id: 'deploy-swarm:web', status: 'unchanged', detail: `web already runs ${repository}@${digest}` });
    // An update, even to the same image, would bump the spec's version and start a new UpdateStatus.
    const after = inspect('web');
    expect(after.Version.Index).toBe(before.Version.Index);
    expect(after.UpdateStatus).toEqual(before.UpdateStatus);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
