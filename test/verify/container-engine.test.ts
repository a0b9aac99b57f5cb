/**
 * The container health check against a real Docker Engine: tagship's verify-container step, planned from
 * a config and run by its executor, pulls the released digest from a local registry, runs it, waits and
 * always removes the container. The engine here has no bridge network (dockerd --bridge=none), so a URL
 * probe shares the host's network; the recorded tests in container.test.ts cover the published-port path
 * of a runner with a bridge.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { VerifyContainerStep } from '../../src/plan/steps/verify.js';
import { executeVerifyContainer } from '../../src/verify/container.js';
import { containersOf, engineContext, startTestEngine, type TestEngine } from '../docker/support/engine.js';
import { plan } from './support/plans.js';
import { freePort } from './support/registry.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine?.stop());

const BUSYBOX = '/bin/busybox';
const json = (argv: string[]) => JSON.stringify(argv);
const healthcheck = (port: number, path = '/health') =>
  `HEALTHCHECK --interval=1s --timeout=3s --retries=3 CMD ${json([BUSYBOX, 'wget', '-q', '-O-', `http://127.0.0.1:${port}${path}`])}`;
const httpd = (port: number) => `CMD ${json([BUSYBOX, 'httpd', '-f', '-p', String(port), '-h', '/www'])}`;

/** The verify-container step tagship plans for `verify.container`, on an image in the local registry. */
function containerStep(repository: string, container: string): VerifyContainerStep {
  const yaml = `
docker:
  images: [${repository}]
  platforms: [linux/amd64, linux/arm64]
verify:
  container: ${container}
`;
  const step = plan('v1.2.3', 'tag', ['1.2.2'], yaml)
    .stages.flatMap((stage) => stage.steps)
    .find((s) => s.kind === 'verify-container');
  if (!step) throw new Error('no verify-container step planned');
  return step as VerifyContainerStep;
}

/** Publishes an image as `repository:tag` (the tag the step checks) and runs the step against the engine. */
async function verify(name: string, lines: string[], container = '{ enabled: true, timeout: 60 }', files: Record<string, string> = {}) {
  const repository = `${engine.registry.host}/acme/${name}`;
  const step = containerStep(repository, container);
  const digest = await engine.publish(repository, step.tag, [...(Object.keys(files).length ? ['COPY www /www'] : []), ...lines], files);
  // Only the registry has the image now: whatever the engine runs, tagship had it pulled.
  engine.docker(['image', 'rm', `${repository}:${step.tag}`]);
  const { ctx, lines: log } = engineContext(engine);
  const run = executeVerifyContainer(step, ctx);
  return { step, digest, run, log, ref: `${repository}@${digest}` };
}

// Each test builds, pushes and pulls an image (vfs copies every layer): a generous deadline for a loaded machine.
// The tests run concurrently, each with its own image and container.
const SLOW = { timeout: 120_000 };


describe.concurrent('container health against a real Docker Engine', SLOW, () => {
  it('passes once the image HEALTHCHECK reports healthy, for the released digest, and removes the container', async () => {
    const { run, log, ref } = await verify('healthy', [healthcheck(8080), httpd(8080)], '{ enabled: true, timeout: 60 }', { 'www/health': 'ok\n' });
    const outcome = await run;
    expect(outcome).toMatchObject({ id: 'verify-container', status: 'done' });
    expect(outcome.detail).toMatch(/^linux\/(amd64|arm64): HEALTHCHECK healthy after \d+\.\d s$/);
    expect(log.join('\n')).toContain('HEALTHCHECK healthy');
    // It pulled and ran the digest the registry holds for the tag (an image pulled by digest has no tag),
    // not the tag, which a later push may move.
    expect(engine.docker(['image', 'ls', '--digests', '--format', '{{.Repository}}:{{.Tag}}@{{.Digest}}']).split('\n')).toContain(ref.replace('@', ':<none>@'));
    expect(containersOf(engine, ref)).toEqual([]);
  });

  it('fails on an unhealthy container with the HEALTHCHECK output and its last log lines', async () => {
    // httpd serves /www, which has no `health`: the check gets a 404 every time.
    const lines = [healthcheck(8080), `CMD ${json([BUSYBOX, 'sh', '-c', `echo "serving /www on 8080"; exec ${BUSYBOX} httpd -f -vv -p 8080 -h /www`])}`];
    const { run, ref, log } = await verify('unhealthy', lines, '{ enabled: true, timeout: 60 }', { 'www/index.html': 'hello\n' });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    // Docker marks the container unhealthy at the third failure (the HEALTHCHECK's retries); its failing
    // streak goes on counting, so a probe that runs before the state is read makes it 4 or more.
    const stopped = new RegExp(`^${escape(ref)} for linux/\\w+ stopped \\(HEALTHCHECK unhealthy after (\\d+) failures: wget: server returned error: HTTP/1\\.[01] 404 Not Found\\)\\.`).exec(message);
    expect(stopped, message).not.toBeNull();
    expect(Number(stopped![1])).toBeGreaterThanOrEqual(3);
    // The error line carries the last five log lines (httpd's own record of the failing requests) …
    expect(message).toMatch(/Last log lines: (.*url:\/health \| .*response:404( \| )?)+\. The image stays published/);
    // … and the log the last twenty, from the container's start.
    expect(log).toContain('  │ serving /www on 8080');
    expect(containersOf(engine, ref)).toEqual([]);
  });

  it('verify.container.health-cmd checks an image that carries no HEALTHCHECK (an OCI image from buildah): healthy, then unhealthy', async () => {
    // `--health-cmd` runs through /bin/sh -c: busybox answers to the name sh.
    const shell = 'COPY busybox /bin/sh';
    const good = await verify('health-cmd', [shell, httpd(8080)], "{ enabled: true, timeout: 60, health-cmd: 'busybox wget -q -O- http://127.0.0.1:8080/health' }", { 'www/health': 'ok\n' });
    expect((await good.run).detail).toMatch(/^linux\/\w+: HEALTHCHECK healthy after \d+\.\d s$/);
    expect(containersOf(engine, good.ref)).toEqual([]);
    const bad = await verify('health-cmd-404', [shell, httpd(8080)], "{ enabled: true, timeout: 60, health-cmd: 'busybox wget -q -O- http://127.0.0.1:8080/ready' }", { 'www/health': 'ok\n' });
    await expect(bad.run).rejects.toThrow(/stopped \(HEALTHCHECK unhealthy after 3 failures: wget: server returned error: HTTP\/1\.[01] 404 Not Found\)/);
    expect(containersOf(engine, bad.ref)).toEqual([]);
  });

  it('reports a container that exits with its exit code and last log lines, without waiting for the deadline', async () => {
    const script = 'echo "starting crawlkit"; echo "fatal: /etc/crawlkit.toml: no such file" >&2; exit 3';
    const { run, ref } = await verify('exits', [healthcheck(8080), `CMD ${json([BUSYBOX, 'sh', '-c', script])}`], '{ enabled: true, timeout: 600 }');
    await expect(run).rejects.toThrow(`${ref} for linux/`);
    await expect(run).rejects.toThrow(/ stopped \(container exited with code 3\)\. Last log lines: starting crawlkit \| fatal: \/etc\/crawlkit\.toml: no such file\. The image stays published/);
    expect(containersOf(engine, ref)).toEqual([]);
  });
});

describe.concurrent('an image without HEALTHCHECK, probed by URL (verify.container port and path)', SLOW, () => {
  it('passes once the URL answers 2xx, with verify.container.env reaching the container', async () => {
    const port = await freePort();
    // The server starts only when CRAWL_MODE arrived: a missing variable fails the check (the container exits).
    const script = `test "$CRAWL_MODE" = smoke || { echo "CRAWL_MODE is '$CRAWL_MODE'"; exit 4; }; exec ${BUSYBOX} httpd -f -p ${port} -h /www`;
    const { run, ref } = await verify('probed', [`CMD ${json([BUSYBOX, 'sh', '-c', script])}`], `{ enabled: true, port: ${port}, path: /health, timeout: 60, env: { CRAWL_MODE: smoke } }`, {
      'www/health': 'ok\n',
    });
    const outcome = await run;
    expect(outcome.detail).toMatch(new RegExp(`^linux/\\w+: GET http://127\\.0\\.0\\.1:${port}/health → HTTP 200 after \\d+\\.\\d s$`));
    expect(containersOf(engine, ref)).toEqual([]);
  });

  it('fails at the deadline when the URL never answers 2xx, naming the last answer', async () => {
    const port = await freePort();
    const { run, ref } = await verify('probed-404', [httpd(port)], `{ enabled: true, port: ${port}, path: /ready, timeout: 10 }`, { 'www/index.html': 'hello\n' });
    await expect(run).rejects.toThrow(new RegExp(`did not become healthy within 10 s \\(GET http://127\\.0\\.0\\.1:${port}/ready → HTTP 404\\)`));
    expect(containersOf(engine, ref)).toEqual([]);
  });

  it('refuses to probe a port something else on this machine already answers on', async () => {
    const squatter: Server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as { port: number };
    try {
      const { run, ref } = await verify('probed-busy', [httpd(port)], `{ enabled: true, port: ${port}, timeout: 60 }`, { 'www/health': 'ok\n' });
      await expect(run).rejects.toThrow(`verify.container.port ${port} is already in use on this machine`);
      expect(containersOf(engine, ref)).toEqual([]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
