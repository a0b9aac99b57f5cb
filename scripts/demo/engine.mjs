// The demo's Docker Engine part: a private dockerd (scripts/lib/dockerd.mjs) made a single-node swarm,
// with the service the release rolls out, first running the previous release 1.2.2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSwarm, startDockerd } from '../lib/dockerd.mjs';
import { HEALTH_CMD } from './images.mjs';

/** Starts the engine and its swarm; the caller stops it (engine.stop(), by PID). */
export async function startEngine() {
  const engine = await startDockerd();
  try {
    await initSwarm(engine);
  } catch (error) {
    await engine.stop();
    throw error;
  }
  return engine;
}

/**
 * Publishes the previous release, 1.2.2 (linux/amd64, built by the engine's classic builder from the
 * same local context), and creates the Swarm service running it, as production runs before the tag
 * push. The service's own health check gates every update; a short monitor and stop grace period keep
 * the demo quick (a busybox httpd as PID 1 ignores SIGTERM, so a task would otherwise wait 10 s).
 */
export function seedService(engine, { context, image, service }) {
  const previous = `${image}:1.2.2`;
  // The committed context holds this release's /health text; the previous release answered 1.2.2.
  const health = join(context, 'www', 'health');
  const current = readFileSync(health, 'utf8');
  writeFileSync(health, 'crawlkit 1.2.2 ok\n');
  try {
    engine.docker(['build', '--quiet', '--build-arg', 'TARGETARCH=amd64', '--tag', previous, context]);
  } finally {
    writeFileSync(health, current);
  }
  engine.docker(['push', '--quiet', previous]);
  engine.docker([
    'service', 'create', '--detach', '--name', service,
    '--health-cmd', HEALTH_CMD, '--health-interval', '1s', '--health-timeout', '3s', '--health-retries', '3', '--health-start-period', '0s',
    '--update-monitor', '2s', '--stop-grace-period', '1s',
    previous,
  ]);
  return previous;
}

/** The image the service's spec names (`repo:tag@sha256:…`). */
export function serviceImage(engine, service) {
  return engine.docker(['service', 'inspect', '--format', '{{.Spec.TaskTemplate.ContainerSpec.Image}}', service]).trim();
}

/** `docker service ps` as the demo prints it. */
export function serviceTasks(engine, service) {
  return engine.docker(['service', 'ps', '--no-trunc', '--format', '{{.Name}}  {{.Image}}  {{.DesiredState}}  {{.CurrentState}}', service]).trim();
}

