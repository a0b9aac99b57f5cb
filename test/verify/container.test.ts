import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyContainerStep } from '../../src/plan/steps/verify.js';
import { checkContainerHealth, verifyContainer } from '../../src/verify/container.js';
import { startServer, type LocalServer } from './support/http-server.js';
import { fixture, recordedDocker, steppingClock } from './support/recorded-docker.js';

const f = (name: string) => fixture(new URL('./fixtures/', import.meta.url), name);
const REF = `ghcr.io/acme/crawlkit@sha256:${'c'.repeat(64)}`;
const NAME = 'tagship-verify-test';
const RUN = `run --detach --name ${NAME} --platform linux/amd64 --pull always ${REF}`;
const INSPECT = `inspect --format {{json .State}} ${NAME}`;
const LOGS = `logs --tail 20 ${NAME}`;
const RM = `rm --force --volumes ${NAME}`;
const LOG_OUTPUT = 'INFO starting crawler\nINFO loading browser pool\nERROR redis: connection refused (redis:6379)\n';

const step = (over: Partial<VerifyContainerStep> = {}): VerifyContainerStep => ({
  kind: 'verify-container',
  id: 'verify-container',
  target: 'ghcr.io/acme/crawlkit:1.2.3',
  repository: 'ghcr.io/acme/crawlkit',
  tag: '1.2.3',
  platforms: ['linux/amd64', 'linux/arm64'],
  env: {},
  timeoutMs: 60_000,
  required: false,
  ...over,
});

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('container health via the image HEALTHCHECK', () => {
  it('runs the digest for the platform, waits for healthy, and removes the container', async () => {
    const docker = recordedDocker({
      [RUN]: ['0f3a9c\n'],
      [INSPECT]: [f('state-starting.json'), f('state-starting.json'), f('state-healthy.json')],
      [RM]: [`${NAME}\n`],
    });
    const clock = steppingClock();
    const detail = await checkContainerHealth(docker.cli, REF, 'linux/amd64', step(), { clock, name: NAME });
    expect(detail).toBe('linux/amd64: HEALTHCHECK healthy after 4.0 s');
    expect(docker.calls.map((c) => c.join(' '))).toEqual([RUN, INSPECT, INSPECT, INSPECT, INSPECT, INSPECT, RM]);
  });

  it('fails on unhealthy with the health output and the last log lines, and still removes the container', async () => {
    const docker = recordedDocker({ [RUN]: ['0f3a9c\n'], [INSPECT]: [f('state-starting.json'), f('state-unhealthy.json')], [LOGS]: [LOG_OUTPUT], [RM]: [''] });
    const log: string[] = [];
    const run = checkContainerHealth(docker.cli, REF, 'linux/amd64', step(), { clock: steppingClock(), name: NAME, log: (l) => log.push(l) });
    await expect(run).rejects.toThrow(
      `${REF} for linux/amd64 stopped (HEALTHCHECK unhealthy after 3 failures: curl: (7) Failed to connect to localhost port 11235 after 0 ms: Couldn't connect to server). Last log lines: INFO starting crawler | INFO loading browser pool | ERROR redis: connection refused (redis:6379).`,
    );
    expect(log.slice(-3)).toEqual(['  │ INFO starting crawler', '  │ INFO loading browser pool', '  │ ERROR redis: connection refused (redis:6379)']);
    expect(docker.calls.at(-1)!.join(' ')).toBe(RM);
  });

  it('stops at once when the container exits', async () => {
    const docker = recordedDocker({ [RUN]: ['0f3a9c\n'], [INSPECT]: [f('state-exited.json')], [LOGS]: ['Traceback (most recent call last):\nModuleNotFoundError: No module named crawlkit\n'], [RM]: [''] });
    const clock = steppingClock();
    await expect(checkContainerHealth(docker.cli, REF, 'linux/amd64', step(), { clock, name: NAME })).rejects.toThrow(/stopped \(container exited with code 1\)\. Last log lines: Traceback .*No module named crawlkit\./);
    expect(clock.slept).toEqual([]);
  });

  it('removes the container even when docker run itself fails', async () => {
    const docker = recordedDocker({ [RUN]: [{ code: 125, stdout: '', stderr: 'docker: Error response from daemon: no matching manifest for linux/amd64 in the manifest list entries.\n' }], [RM]: [''] });
    await expect(checkContainerHealth(docker.cli, REF, 'linux/amd64', step(), { name: NAME })).rejects.toThrow(/no matching manifest for linux\/amd64/);
    expect(docker.calls.at(-1)!.join(' ')).toBe(RM);
  });
});

describe('container health via a URL on a published port (a real local HTTP server)', () => {
  async function withServer(status: (n: number) => number) {
    let n = 0;
    server = await startServer((req, res) => {
      res.statusCode = req.url === '/health' ? status(n++) : 404;
      res.end();
    });
    const port = new URL(server.url).port;
    const runWithPort = `run --detach --name ${NAME} --platform linux/amd64 --pull always --publish 127.0.0.1::8000 --env CRAWL_MODE ${REF}`;
    return recordedDocker({
      [runWithPort]: ['0f3a9c\n'],
      [INSPECT]: [f('state-running.json')],
      // A daemon with its default bridge network (GitHub's runners): the port is published on loopback.
      ['network inspect --format {{.Name}} bridge']: ['bridge\n'],
      [`port ${NAME} 8000/tcp`]: [`0.0.0.0:${port}\n[::]:${port}\n`],
      [LOGS]: [LOG_OUTPUT],
      [RM]: [''],
    });
  }
  const probed = step({ probe: { port: 8000, path: '/health' }, env: { CRAWL_MODE: 'smoke' } });

  it('is healthy once the URL answers 2xx three times in a row, after a slow start', async () => {
    const docker = await withServer((n) => (n < 4 ? 503 : 200));
    const detail = await checkContainerHealth(docker.cli, REF, 'linux/amd64', probed, { clock: steppingClock(), name: NAME });
    expect(detail).toBe(`linux/amd64: GET http://127.0.0.1:${new URL(server!.url).port}/health → HTTP 200 after 6.0 s`);
    const run = docker.calls.find((argv) => argv[0] === 'run')!;
    expect(run).toContain('CRAWL_MODE'); // the name only: the value reaches docker through its environment
    expect(run).not.toContain('smoke');
  });

  it('times out on a URL that never answers 2xx', async () => {
    const docker = await withServer(() => 500);
    await expect(checkContainerHealth(docker.cli, REF, 'linux/amd64', probed, { clock: steppingClock(), name: NAME })).rejects.toThrow(
      /did not become healthy within 60 s \(GET http:\/\/127\.0\.0\.1:\d+\/health → HTTP 500\)\. Last log lines: .*ERROR redis/,
    );
  });

  it('on a daemon without a bridge network (dockerd --bridge=none), shares the host network and probes the port itself', async () => {
    server = await startServer((req, res) => {
      res.statusCode = req.url === '/health' ? 200 : 404;
      res.end();
    });
    const port = Number(new URL(server.url).port);
    const docker = recordedDocker({
      ['network inspect --format {{.Name}} bridge']: [{ code: 1, stdout: '', stderr: 'Error response from daemon: network bridge not found\n' }],
      [`run --detach --name ${NAME} --platform linux/amd64 --pull always --network host ${REF}`]: ['0f3a9c\n'],
      [INSPECT]: [f('state-running.json')],
      [RM]: [''],
    });
    const closed = step({ probe: { port: 1, path: '/health' } });
    // Nothing listens on port 1 here: the container starts, sharing the host network instead of publishing
    // (the probe then finds no server, since no container really runs; the real engine covers that part).
    await checkContainerHealth(docker.cli, REF, 'linux/amd64', closed, { clock: steppingClock(), name: NAME }).catch(() => undefined);
    expect(docker.calls[1]).toEqual(['run', '--detach', '--name', NAME, '--platform', 'linux/amd64', '--pull', 'always', '--network', 'host', REF]);
    // And a port something on the machine already answers on is refused before any container starts.
    const busy = recordedDocker({ ['network inspect --format {{.Name}} bridge']: [{ code: 1, stdout: '', stderr: 'Error response from daemon: network bridge not found\n' }] });
    await expect(checkContainerHealth(busy.cli, REF, 'linux/amd64', step({ probe: { port, path: '/health' } }), { name: NAME })).rejects.toThrow(
      `verify.container.port ${port} is already in use on this machine, and its Docker daemon has no bridge network`,
    );
    expect(busy.calls).toEqual([['network', 'inspect', '--format', '{{.Name}}', 'bridge']]);
  });

  it('does not accept a flapping URL', async () => {
    const docker = await withServer((n) => (n % 3 === 2 ? 500 : 200));
    await expect(checkContainerHealth(docker.cli, REF, 'linux/amd64', probed, { clock: steppingClock(), name: NAME })).rejects.toThrow(/never 3 in a row: flapping/);
    expect(docker.calls.at(-1)!.join(' ')).toBe(RM);
  });
});

describe('which platforms run', () => {
  const version = (os: string, arch: string) => `{"Platform":{"Name":"Docker Engine - Community"},"Version":"28.2.2","ApiVersion":"1.50","Os":"${os}","Arch":"${arch}"}\n`;
  const noDaemon = { code: 1, stdout: 'null\n', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' };
  const VERSION = 'version --format {{json .Server}}';
  const ref = async () => REF;

  it('skips without a daemon, unless the check is required', async () => {
    const docker = recordedDocker({ [VERSION]: [noDaemon] });
    await expect(verifyContainer(docker.cli, step(), ref)).resolves.toEqual({ status: 'skipped', detail: 'no Docker daemon on this runner: container health not checked' });
    await expect(verifyContainer(docker.cli, step({ required: true }), ref)).rejects.toThrow(/no Docker daemon: use a runner with Docker, or set it to auto/);
  });

  it('skips when the images lack the daemon’s platform', async () => {
    const docker = recordedDocker({ [VERSION]: [version('linux', 's390x')] });
    await expect(verifyContainer(docker.cli, step(), ref)).resolves.toEqual({ status: 'skipped', detail: 'the daemon runs linux/s390x, which the images do not include' });
  });

  it('runs the daemon’s own platform', async () => {
    const docker = recordedDocker({ [VERSION]: [version('linux', 'amd64')], [RUN.replace(NAME, 'x')]: [''] });
    // The run is refused (no answer recorded for the random name); what matters is the platform it asked for.
    await verifyContainer(docker.cli, step(), ref).catch(() => undefined);
    expect(docker.calls[1]!.slice(0, 6)).toEqual(['run', '--detach', '--name', expect.stringMatching(/^tagship-verify-[0-9a-f]{8}$/), '--platform', 'linux/amd64']);
  });
});

describe('with the real docker CLI', () => {
  it('skips the check when DOCKER_HOST has no daemon behind it (or docker is not installed)', async () => {
    const { createDockerCli, dockerTarget } = await import('../../src/deploy/docker-cli.js');
    const host = `unix:///tmp/tagship-no-daemon-${process.pid}.sock`;
    const cli = createDockerCli(dockerTarget({ PATH: process.env.PATH, HOME: process.env.HOME }, host));
    await expect(verifyContainer(cli, step(), async () => REF)).resolves.toEqual({ status: 'skipped', detail: 'no Docker daemon on this runner: container health not checked' });
  });
});
