import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { runProcess } from '../runtime/process.js';
import { canonicalRegistryHost, type RegistryCredentials } from './credentials.js';

/**
 * Logins an earlier step left in the Docker config (`docker/login-action`,
 * `aws-actions/amazon-ecr-login`, `docker login`): `$DOCKER_CONFIG/config.json`, by default
 * `~/.docker/config.json`. As the Docker CLI reads it: a registry's `credHelpers` entry, else the
 * `credsStore`, names a helper `docker-credential-NAME`, asked with `get` and the server address on
 * stdin, answering `{"ServerURL","Username","Secret"}` (docker/docker-credential-helpers); otherwise
 * `auths[server].auth` is base64 `user:password`. Docker Hub's server address is
 * `https://index.docker.io/v1/`; other registries are keyed by host, sometimes with a scheme.
 */
interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

export function dockerConfigPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json');
}

function readConfig(path: string): DockerConfigFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as DockerConfigFile) : undefined;
  } catch {
    throw new UserError(`The Docker config ${path} is not valid JSON: fix it, or remove it and log in again (docker/login-action writes it).`);
  }
}

/** The host a config key names: `https://ghcr.io`, `ghcr.io/v2/` and `ghcr.io` are all ghcr.io. */
function keyHost(key: string): string {
  return canonicalRegistryHost(key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, ''));
}

/** The config's entry for `host` in a map keyed by server, exact spelling first. */
function entryFor<T>(map: Record<string, T> | undefined, host: string): [string, T] | undefined {
  if (!map) return undefined;
  const exact = host === 'docker.io' ? DOCKER_HUB_SERVER : host;
  if (map[exact] !== undefined) return [exact, map[exact]!];
  const match = Object.keys(map).find((key) => keyHost(key) === host);
  return match === undefined ? undefined : [match, map[match]!];
}

/** The login the Docker config holds for `host`, or undefined. */
export async function dockerConfigCredentials(host: string, env: NodeJS.ProcessEnv): Promise<RegistryCredentials | undefined> {
  const key = canonicalRegistryHost(host);
  const path = dockerConfigPath(env);
  const config = readConfig(path);
  if (!config) return undefined;
  const helper = entryFor(config.credHelpers, key)?.[1] || config.credsStore;
  if (helper) {
    const fromHelper = await askHelper(helper, key === 'docker.io' ? DOCKER_HUB_SERVER : (entryFor(config.auths, key)?.[0] ?? key), env);
    if (fromHelper) return fromHelper;
  }
  const entry = entryFor(config.auths, key)?.[1];
  if (!entry) return undefined;
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: `the login for ${key} in ${path}` };
  }
  if (entry.username && entry.password) return { username: entry.username, password: entry.password, source: `the login for ${key} in ${path}` };
  return undefined;
}

/** `docker-credential-NAME get`: the login it holds for `server`, or undefined when it has none. */
async function askHelper(name: string, server: string, env: NodeJS.ProcessEnv): Promise<RegistryCredentials | undefined> {
  const program = `docker-credential-${name}`;
  const result = await runProcess(program, ['get'], {
    parentEnv: env,
    tool: 'credential-helper',
    stdin: server,
    timeoutMs: 60_000,
    missingHint: `the Docker config names it for ${server}; install it, or give tagship the login in the registry-credentials input`,
  });
  if (result.code !== 0) {
    // The helpers' documented "not found" answer; anything else is a helper that does not work here.
    if (/credentials not found/i.test(result.stdout + result.stderr)) return undefined;
    throw new UserError(`${program} get failed for ${server} (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n').at(-1) || 'no output'}. Fix the credential helper, or give tagship the login in the registry-credentials input.`);
  }
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(result.stdout) as typeof answer;
  } catch {
    throw new UserError(`${program} get answered something other than JSON for ${server}: fix the credential helper, or give tagship the login in the registry-credentials input.`);
  }
  // `<token>` marks an identity token (an OAuth refresh token), which is not a password to send.
  if (typeof answer.Username !== 'string' || typeof answer.Secret !== 'string' || !answer.Secret || answer.Username === '<token>') return undefined;
  return { username: answer.Username, password: answer.Secret, source: `the login ${program} holds for ${server}` };
}
