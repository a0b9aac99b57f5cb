import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseComposePs, rolloutCompose } from '../../src/deploy/compose.js';
import { fixture, recordedDocker } from '../verify/support/recorded-docker.js';

const f = (name: string) => fixture(new URL('./fixtures/', import.meta.url), name);
const REF = `ghcr.io/acme/crawlkit@sha256:${'d'.repeat(64)}`;
const BASE = 'compose --file /srv/crawl/deploy/docker-compose.yml --file <tmp>/tagship.override.yml --project-name crawl';
const PS = `${BASE} ps --format json crawl4ai`;
const PULL = `${BASE} pull crawl4ai`;
const UP = `${BASE} up --detach --no-deps --wait --wait-timeout 600 crawl4ai`;
const LOGS = `${BASE} logs --no-color --tail 5 crawl4ai`;

/** Recorded Compose answers; the override's temp path is normalised, and its content kept when `pull` runs. */
function compose(answers: Record<string, Parameters<typeof recordedDocker>[0][string]>) {
  const overrides: unknown[] = [];
  const docker = recordedDocker(answers, (args) => {
    const override = args.find((a) => a.endsWith('tagship.override.yml'));
    if (override && args.includes('pull')) overrides.push(parse(readFileSync(override, 'utf8')));
    return args.map((a) => a.replace(/^.*\/tagship-compose-[^/]+\//, '<tmp>/'));
  });
  return { ...docker, overrides };
}

const rollout = (cli: Parameters<typeof rolloutCompose>[0]) =>
  rolloutCompose(cli, { cwd: '/srv/crawl', file: 'deploy/docker-compose.yml', project: 'crawl', services: [{ name: 'crawl4ai', imageRef: REF }], timeoutMs: 600_000 });

describe('Compose rollout by digest', () => {
  it('pins the service in an override file, pulls it and brings it up with --wait', async () => {
    const docker = compose({ [PS]: [f('compose-ps-old.jsonl')], [PULL]: [''], [UP]: [''] });
    await expect(rollout(docker.cli)).resolves.toEqual({ result: 'converged', services: [{ name: 'crawl4ai', imageRef: REF }] });
    expect(docker.calls.map((c) => c.join(' '))).toEqual([PS, PULL, UP]);
    expect(docker.overrides).toEqual([{ services: { crawl4ai: { image: REF } } }]);
  });

  it('does nothing when every container already runs the digest, healthy', async () => {
    const docker = compose({ [PS]: [f('compose-ps-pinned.jsonl')] });
    await expect(rollout(docker.cli)).resolves.toMatchObject({ result: 'unchanged' });
    expect(docker.calls.map((c) => c.join(' '))).toEqual([PS]);
  });

  it('reports a service that does not come up healthy, with its last log lines', async () => {
    const docker = compose({
      [PS]: [f('compose-ps-old.jsonl')],
      [PULL]: [''],
      [UP]: [{ code: 1, stdout: '', stderr: ' Container crawl-crawl4ai-1  Waiting\n container crawl-crawl4ai-1 is unhealthy\n' }],
      [LOGS]: ['crawl4ai-1  | ERROR redis: connection refused\ncrawl4ai-1  | INFO shutting down\n'],
    });
    await expect(rollout(docker.cli)).rejects.toThrow(
      'Compose services crawl4ai did not come up healthy on the pinned digest within 600 s: Container crawl-crawl4ai-1  Waiting | container crawl-crawl4ai-1 is unhealthy. Last log lines: crawl4ai-1  | ERROR redis: connection refused | crawl4ai-1  | INFO shutting down. The image stays published; Compose has no automatic rollback: pin the previous digest on the host to go back.',
    );
  });

  it('stops before touching containers when the pull fails', async () => {
    const docker = compose({ [PS]: [f('compose-ps-old.jsonl')], [PULL]: [{ code: 18, stdout: '', stderr: 'Error response from daemon: unauthorized: authentication required\n' }] });
    await expect(rollout(docker.cli)).rejects.toThrow(/compose pull of crawl4ai failed: Error response from daemon: unauthorized: authentication required\. Check the registry login/);
    expect(docker.calls.map((c) => c.join(' '))).toEqual([PS, PULL]);
  });

  it('reads both `ps --format json` shapes (NDJSON and the older array)', () => {
    expect(parseComposePs(f('compose-ps-pinned.jsonl'))).toEqual(parseComposePs(f('compose-ps-pinned-array.json')));
    expect(parseComposePs(f('compose-ps-pinned.jsonl')).map((c) => [c.Service, c.Health])).toEqual([
      ['crawl4ai', 'healthy'],
      ['crawl4ai', 'healthy'],
      ['crawl4ai', 'healthy'],
    ]);
  });
});
