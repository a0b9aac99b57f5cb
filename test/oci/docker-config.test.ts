import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { OciClient } from '../../src/oci/client.js';
import { registryLogins } from '../../src/oci/credentials.js';
import { pushIndex, startRegistry, type LocalRegistry } from '../verify/support/registry.js';

const LOGIN = { username: 'ci', password: 'config-test' };
let registry: LocalRegistry;

beforeAll(async () => {
  registry = await startRegistry(LOGIN);
  await pushIndex(registry.host, 'acme/app', ['1.0.0', 'latest'], ['linux/amd64'], 'private', LOGIN);
});
afterAll(async () => registry?.stop());

/** A DOCKER_CONFIG directory holding `config`, and a bin directory for credential helpers. */
function dockerConfig(config: unknown): { env: NodeJS.ProcessEnv; bin: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-docker-config-'));
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  const bin = mkdtempSync(join(tmpdir(), 'tagship-helpers-'));
  return { env: { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}`, HOME: dir }, bin, dir };
}

/**
 * `docker-credential-test`: records the server address it was asked about (stdin) and answers as the
 * real helpers do: the JSON login, or "credentials not found in native keychain" with exit 1.
 */
function helper(bin: string, answer: { Username: string; Secret: string } | 'not found'): () => string[] {
  const log = join(bin, 'asked.txt');
  writeFileSync(log, '');
  const script = join(bin, 'docker-credential-test');
  const reply = answer === 'not found' ? `process.stdout.write('credentials not found in native keychain\\n'); process.exit(1);` : `process.stdout.write(${JSON.stringify(JSON.stringify({ ServerURL: registry.host, ...answer }))});`;
  writeFileSync(
    script,
    `#!/usr/bin/env node
const fs = require('node:fs');
if (process.argv[2] !== 'get') process.exit(2);
fs.appendFileSync(${JSON.stringify(log)}, fs.readFileSync(0, 'utf8') + '\\n');
${reply}
`,
  );
  chmodSync(script, 0o755);
  return () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
const listTags = (env: NodeJS.ProcessEnv, secrets: Record<string, string> = {}) => new OciClient({ credentials: registryLogins(secrets, env) }).listTags(`${registry.host}/acme/app`);

describe('registry logins from the Docker config', () => {
  it('without any login the private registry refuses the tag listing', async () => {
    const { env } = dockerConfig({ auths: {} });
    await expect(listTags(env)).rejects.toThrow(/answered HTTP 401 for listing the tags/);
  });

  it('uses the auths entry docker login / docker/login-action wrote (base64 user:password)', async () => {
    const { env } = dockerConfig({ auths: { [registry.host]: { auth: basic(LOGIN.username, LOGIN.password) } } });
    expect((await listTags(env)).sort()).toEqual(['1.0.0', 'latest']);
  });

  it('matches an auths key written with a scheme', async () => {
    const { env } = dockerConfig({ auths: { [`https://${registry.host}`]: { auth: basic(LOGIN.username, LOGIN.password) } } });
    expect((await listTags(env)).sort()).toEqual(['1.0.0', 'latest']);
  });

  it('asks the credential helper credHelpers names for the registry, with the server on stdin', async () => {
    const { env, bin } = dockerConfig({ credHelpers: { [registry.host]: 'test' }, auths: { [registry.host]: { auth: basic('wrong', 'wrong') } } });
    const asked = helper(bin, { Username: LOGIN.username, Secret: LOGIN.password });
    expect((await listTags(env)).sort()).toEqual(['1.0.0', 'latest']);
    expect(asked()).toEqual([registry.host]);
  });

  it('asks the credsStore helper, and falls back to the auths entry when it has no login', async () => {
    const { env, bin } = dockerConfig({ credsStore: 'test', auths: { [registry.host]: { auth: basic(LOGIN.username, LOGIN.password) } } });
    const asked = helper(bin, 'not found');
    expect((await listTags(env)).sort()).toEqual(['1.0.0', 'latest']);
    expect(asked()).toEqual([registry.host]);
  });

  it('a registry-credentials line wins over the Docker config', async () => {
    const { env } = dockerConfig({ auths: { [registry.host]: { auth: basic('wrong', 'wrong') } } });
    expect((await listTags(env, { 'registry-credentials': `${registry.host} ${LOGIN.username} ${LOGIN.password}` })).sort()).toEqual(['1.0.0', 'latest']);
  });

  it('a helper the config names but the runner lacks, or a broken config, is one clear line', async () => {
    const missing = dockerConfig({ credHelpers: { [registry.host]: 'absent' } });
    await expect(listTags(missing.env)).rejects.toThrow(`docker-credential-absent is not installed on this runner (or not on PATH): the Docker config names it for ${registry.host}`);
    const broken = dockerConfig('{ "auths": ');
    const error = await listTags(broken.env).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(`The Docker config ${join(broken.dir, 'config.json')} is not valid JSON: fix it, or remove it and log in again (docker/login-action writes it).`);
  });
});
