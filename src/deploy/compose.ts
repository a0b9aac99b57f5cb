import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../errors.js';
import { seconds } from '../verify/wait.js';
import { lastLines, type DockerCli } from './docker-cli.js';

/** A Compose service and the `repo@digest` it is pinned to. */
export interface PinnedService {
  name: string;
  imageRef: string;
}

/** The override file: only `image:` per service, so everything else stays as the project's file says. */
export function overrideFile(services: readonly PinnedService[]): string {
  const doc = { services: Object.fromEntries(services.map((s) => [s.name, { image: s.imageRef }])) };
  return `# Written by tagship for this rollout: pins each service to the released image by digest.\n${stringify(doc)}`;
}

export function composeBase(file: string, override: string, project?: string): string[] {
  return ['compose', '--file', file, '--file', override, ...(project ? ['--project-name', project] : [])];
}

/** One container of `docker compose ps --format json`: NDJSON since Compose 2.21, one array before. */
export interface ComposeContainer {
  Service: string;
  Image: string;
  State: string;
  Health?: string;
  Status?: string;
}

export function parseComposePs(stdout: string): ComposeContainer[] {
  const text = stdout.trim();
  if (!text) return [];
  if (text.startsWith('[')) return JSON.parse(text) as ComposeContainer[];
  return text.split('\n').filter((line) => line.trim().startsWith('{')).map((line) => JSON.parse(line) as ComposeContainer);
}

/** Whether every listed service already runs its pinned digest, healthy where it has a health check. */
export function alreadyRolledOut(containers: readonly ComposeContainer[], services: readonly PinnedService[]): boolean {
  return services.every((service) => {
    const mine = containers.filter((c) => c.Service === service.name);
    return mine.length > 0 && mine.every((c) => c.Image === service.imageRef && c.State === 'running' && (!c.Health || c.Health === 'healthy'));
  });
}

export interface ComposeRollout {
  result: 'converged' | 'unchanged';
  services: PinnedService[];
}

/**
 * Pins the services with an override file, pulls them and recreates them with `up --detach --wait`, which
 * returns once they run (and are healthy, where they have a health check) or fails. Only the listed
 * services are touched (`--no-deps`): the nginx in front and the databases behind keep running.
 */
export async function rolloutCompose(cli: DockerCli, options: { cwd: string; file: string; project?: string; services: PinnedService[]; timeoutMs: number }): Promise<ComposeRollout> {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-compose-'));
  const override = join(dir, 'tagship.override.yml');
  writeFileSync(override, overrideFile(options.services));
  const file = isAbsolute(options.file) ? options.file : join(options.cwd, options.file);
  const base = composeBase(file, override, options.project);
  const names = options.services.map((s) => s.name);
  const run = async (args: string[], what: string) => {
    const result = await cli([...base, ...args]);
    if (result.code !== 0) return { ok: false as const, tail: lastLines(result.stderr || result.stdout, 5).join(' | ') || `exit ${result.code}`, what };
    return { ok: true as const, stdout: result.stdout };
  };
  try {
    const before = await run(['ps', '--format', 'json', ...names], 'ps');
    if (before.ok && alreadyRolledOut(parseComposePs(before.stdout), options.services)) return { result: 'unchanged', services: options.services };

    const pulled = await run(['pull', ...names], 'pull');
    if (!pulled.ok) throw new UserError(`docker compose pull of ${names.join(', ')} failed: ${pulled.tail}. Check the registry login on the host and re-run the deploy stage.`);
    const up = await run(['up', '--detach', '--no-deps', '--wait', '--wait-timeout', String(Math.ceil(options.timeoutMs / 1000)), ...names], 'up');
    if (!up.ok) {
      const logs = await cli([...base, 'logs', '--no-color', '--tail', '5', ...names]);
      const recent = lastLines(logs.stdout, 5).join(' | ');
      throw new UserError(
        `Compose services ${names.join(', ')} did not come up healthy on the pinned digest within ${seconds(options.timeoutMs)}: ${up.tail}.${recent ? ` Last log lines: ${recent}.` : ''} The image stays published; Compose has no automatic rollback: pin the previous digest on the host to go back.`,
      );
    }
    return { result: 'converged', services: options.services };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
