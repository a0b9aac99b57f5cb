import { describe, expect, it } from 'vitest';
import { resolveAuth, wantsProvenance } from '../../src/npm/auth.js';
import { registryKey, writeUserConfig } from '../../src/npm/npmrc.js';
import type { NpmPublishStep } from '../../src/plan/steps/npm.js';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const step = (over: Partial<NpmPublishStep> = {}): NpmPublishStep => ({
  kind: 'npm-publish',
  id: 'npm-publish:pkg',
  target: 'pkg@1.0.0',
  package: 'pkg',
  version: '1.0.0',
  dir: '.',
  distTag: 'latest',
  registry: 'https://registry.npmjs.org/',
  provenance: 'auto',
  ...over,
});
const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' };

describe('provenance', () => {
  it.each([
    { name: 'auto with OIDC on npmjs', over: {}, env: oidc, want: true },
    { name: 'auto without OIDC', over: {}, env: {}, want: false },
    { name: 'auto on another registry', over: { registry: 'https://npm.pkg.github.com/' }, env: oidc, want: false },
    { name: 'auto for a restricted package', over: { access: 'restricted' as const }, env: oidc, want: false },
    { name: 'false', over: { provenance: false }, env: oidc, want: false },
    { name: 'true with OIDC', over: { provenance: true }, env: oidc, want: true },
  ])('$name → $want', ({ over, env, want }) => {
    expect(wantsProvenance(step(over), env)).toBe(want);
  });

  it('true without an OIDC token is a user error naming the permission', () => {
    expect(() => wantsProvenance(step({ provenance: true }), {})).toThrow('npm.provenance is true, but this job cannot request an OIDC token: grant `permissions: id-token: write`');
  });
});

describe('credentials', () => {
  const run = { cwd: tmpdir(), parentEnv: { PATH: process.env.PATH } };
  it('a token wins; with neither token nor OIDC the error names both options', async () => {
    await expect(resolveAuth(step(), 'tok', {}, run)).resolves.toEqual({ kind: 'token', token: 'tok' });
    await expect(resolveAuth(step(), undefined, {}, run)).rejects.toThrow(/pass the npm-token input .* or use npm trusted publishing \(grant `permissions: id-token: write`/);
  });

  it('trusted publishing needs npm 11.5.1 or later', async () => {
    await expect(resolveAuth(step(), undefined, oidc, run)).resolves.toEqual({ kind: 'oidc' });
    // An older npm first on PATH (as on a runner with Node 20's npm 10).
    const bin = mkdtempSync(join(tmpdir(), 'tagship-old-npm-'));
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho 10.8.2\n', { mode: 0o755 });
    const old = { ...run, parentEnv: { PATH: `${bin}:${process.env.PATH}` } };
    await expect(resolveAuth(step(), undefined, oidc, old)).rejects.toThrow('npm 10.8.2 on this runner cannot use trusted publishing (it needs npm 11.5.1 or later)');
    rmSync(bin, { recursive: true, force: true });
  });

  it('the npmrc names the registry and references the token, never contains it', () => {
    expect(registryKey('https://registry.npmjs.org')).toBe('//registry.npmjs.org/');
    expect(registryKey('https://npm.example.com:8443/api/npm/')).toBe('//npm.example.com:8443/api/npm/');
    const dir = mkdtempSync(join(tmpdir(), 'tagship-npmrc-'));
    const env = writeUserConfig(dir, 'https://npm.example.com/api/', 'secret-token');
    expect(env).toEqual({ NPM_CONFIG_USERCONFIG: join(dir, 'npmrc'), TAGSHIP_NPM_TOKEN: 'secret-token' });
    expect(readFileSync(join(dir, 'npmrc'), 'utf8')).toBe('registry=https://npm.example.com/api/\n//npm.example.com/api/:_authToken=${TAGSHIP_NPM_TOKEN}\n');
    expect(statSync(join(dir, 'npmrc')).mode & 0o777).toBe(0o600);
    rmSync(dir, { recursive: true, force: true });
  });
});
