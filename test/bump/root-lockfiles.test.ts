import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { usesTools } from '../support/system-tools.js';
import { makeRepo, type TestRepo } from './git-repo.js';

usesTools('git');

const NOW = new Date('2026-12-02T12:00:00Z');
const CONFIG = 'packages:\n  client:\n    path: client\n    tag-prefix: client-v\n';

async function tagship(repo: TestRepo, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: repo.env, cwd: repo.dir, now: () => NOW });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The lines a commit changed, `-old`/`+new`, per file. */
function changedLines(repo: TestRepo): Record<string, string[]> {
  const files = repo.git('diff', '--name-only', 'HEAD~1', 'HEAD').split('\n');
  return Object.fromEntries(
    files.map((file) => [file, repo.git('diff', '--unified=0', 'HEAD~1', 'HEAD', '--', file).split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l))]),
  );
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** An npm workspace at the repository root, its lockfile as npm 10 writes it (npm install --package-lock-only). */
function npmWorkspace(serverSpec: string): TestRepo {
  const repo = makeRepo();
  repo.commit('chore: the workspace', {
    '.github/tagship.yml': CONFIG,
    'package.json': json({ name: 'acme', private: true, workspaces: ['client', 'server'] }),
    'client/package.json': json({ name: '@acme/client', version: '1.0.0' }),
    'server/package.json': json({ name: '@acme/server', version: '0.5.0', dependencies: { '@acme/client': serverSpec } }),
    'package-lock.json': json({
      name: 'acme',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'acme', workspaces: ['client', 'server'] },
        client: { name: '@acme/client', version: '1.0.0' },
        'node_modules/@acme/client': { resolved: 'client', link: true },
        'node_modules/@acme/server': { resolved: 'server', link: true },
        server: { name: '@acme/server', version: '0.5.0', dependencies: { '@acme/client': serverSpec } },
      },
    }),
  });
  return repo;
}

/** `npm ci` from the lockfile alone (no registry needed: every package is the workspace's own). */
function npmCi(repo: TestRepo): { status: number | null; stderr: string } {
  const result = spawnSync('npm', ['ci', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: repo.dir, env: { ...repo.env, npm_config_cache: join(repo.dir, '..', `${repo.dir.split('/').pop()}-npm-cache`) } as Record<string, string>, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('tagship bump --package: the workspace lockfile above the package', () => {
  it('npm: the member manifest and its entry in the root package-lock.json, those lines only, one commit; npm ci accepts the lock', async () => {
    const repo = npmWorkspace('>=1.0.0');
    const { code, stdout, stderr } = await tagship(repo, 'bump', 'patch', '--package', 'client');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('1.0.0 → 1.0.1');
    expect(stdout).toMatch(/changed: package\.json:3, package-lock\.json:\d+ \(from the repository root\)/);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('log', '-1', '--format=%s')).toBe('chore(release): client-v1.0.1');
    expect(changedLines(repo)).toEqual({
      'client/package.json': ['-  "version": "1.0.0"', '+  "version": "1.0.1"'],
      'package-lock.json': ['-      "version": "1.0.0"', '+      "version": "1.0.1"'],
    });
    const lock = JSON.parse(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8'));
    expect(lock.packages.client.version).toBe('1.0.1');
    expect(npmCi(repo)).toMatchObject({ status: 0 });
  });

  it('npm: a sibling pinned to the old version follows, in its manifest and its lock entry', async () => {
    const repo = npmWorkspace('1.0.0');
    const { code, stderr } = await tagship(repo, 'bump', 'patch', '--package', 'client');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(repo.git('status', '--porcelain')).toBe('');
    const changed = changedLines(repo);
    expect(Object.keys(changed).sort()).toEqual(['client/package.json', 'package-lock.json', 'server/package.json']);
    expect(changed['server/package.json']).toEqual(['-    "@acme/client": "1.0.0"', '+    "@acme/client": "1.0.1"']);
    const lock = JSON.parse(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8'));
    expect(lock.packages.server.dependencies['@acme/client']).toBe('1.0.1');
    expect(npmCi(repo)).toMatchObject({ status: 0 });
  });

  it('a root lockfile that is a link out of the repository is refused in one line, nothing changed', async () => {
    const repo = npmWorkspace('>=1.0.0');
    const outside = mkdtempSync(join(tmpdir(), 'tagship-outside-'));
    writeFileSync(join(outside, 'package-lock.json'), readFileSync(join(repo.dir, 'package-lock.json')));
    repo.git('rm', '-q', 'package-lock.json');
    symlinkSync(join(outside, 'package-lock.json'), join(repo.dir, 'package-lock.json'));
    repo.git('add', 'package-lock.json');
    repo.git('commit', '-q', '-m', 'chore: the lock elsewhere');
    const head = repo.git('rev-parse', 'HEAD');
    const { code, stderr } = await tagship(repo, 'bump', 'patch', '--package', 'client');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/package-lock\.json.*outside/)]);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(readFileSync(join(outside, 'package-lock.json'), 'utf8')).toContain('"version": "1.0.0"');
  });

  it('--dry-run names the root lockfile by its repository path and writes nothing', async () => {
    const repo = npmWorkspace('>=1.0.0');
    const head = repo.git('rev-parse', 'HEAD');
    const { code, stdout } = await tagship(repo, 'bump', 'patch', '--package', 'client', '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain('+++ b/package-lock.json');
    expect(stdout).toContain('+++ b/client/package.json');
    const json = await tagship(repo, 'bump', 'patch', '--package', 'client', '--dry-run', '--json');
    expect(JSON.parse(json.stdout).edits).toEqual([
      { file: 'package.json', lines: [3] },
      { file: 'package-lock.json', lines: [15], inRepository: true },
    ]);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('Cargo: the member crate and its [[package]] entry in the root Cargo.lock, those lines only', async () => {
    const repo = makeRepo();
    repo.commit('chore: the workspace', {
      '.github/tagship.yml': CONFIG,
      'Cargo.toml': '[workspace]\nmembers = ["client", "server"]\nresolver = "2"\n',
      'client/Cargo.toml': '[package]\nname = "acme-client"\nversion = "1.0.0"\nedition = "2021"\n',
      'client/src/lib.rs': '',
      'server/Cargo.toml': '[package]\nname = "acme-server"\nversion = "1.0.0"\nedition = "2021"\n\n[dependencies]\nacme-client = { path = "../client" }\n',
      'server/src/lib.rs': '',
      'Cargo.lock':
        '# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n[[package]]\nname = "acme-client"\nversion = "1.0.0"\n\n[[package]]\nname = "acme-server"\nversion = "1.0.0"\ndependencies = [\n "acme-client",\n]\n',
    });
    const { code, stderr } = await tagship(repo, 'bump', 'patch', '--package', 'client');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(changedLines(repo)).toEqual({
      'Cargo.lock': ['-version = "1.0.0"', '+version = "1.0.1"'],
      'client/Cargo.toml': ['-version = "1.0.0"', '+version = "1.0.1"'],
    });
    // The server crate, at the same version, is left alone.
    expect(readFileSync(join(repo.dir, 'Cargo.lock'), 'utf8')).toContain('name = "acme-server"\nversion = "1.0.0"');
    expect(execFileSync('git', ['show', '--stat', '--format=', 'HEAD'], { cwd: repo.dir, env: repo.env as Record<string, string>, encoding: 'utf8' })).toContain('2 files changed');
  });

  it('Cargo: a sibling whose path dependency requires the old version follows', async () => {
    const repo = makeRepo();
    repo.commit('chore: the workspace', {
      '.github/tagship.yml': CONFIG,
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
      'crates/client/Cargo.toml': '[package]\nname = "acme-client"\nversion = "1.0.0"\nedition = "2021"\n',
      'crates/server/Cargo.toml': '[package]\nname = "acme-server"\nversion = "0.5.0"\nedition = "2021"\n\n[dependencies]\nacme-client = { path = "../client", version = "=1.0.0" }\n',
      'Cargo.lock': 'version = 4\n\n[[package]]\nname = "acme-client"\nversion = "1.0.0"\n\n[[package]]\nname = "acme-server"\nversion = "0.5.0"\ndependencies = [\n "acme-client",\n]\n',
    });
    repo.write('.github/tagship.yml', CONFIG.replace('path: client', 'path: crates/client'));
    repo.commit('chore: the package path');
    const { code, stderr } = await tagship(repo, 'bump', 'patch', '--package', 'client');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(changedLines(repo)).toEqual({
      'Cargo.lock': ['-version = "1.0.0"', '+version = "1.0.1"'],
      'crates/client/Cargo.toml': ['-version = "1.0.0"', '+version = "1.0.1"'],
      'crates/server/Cargo.toml': ['-acme-client = { path = "../client", version = "=1.0.0" }', '+acme-client = { path = "../client", version = "=1.0.1" }'],
    });
  });

  it('uv: the member project and its entry in the root uv.lock (source: its directory), those lines only', async () => {
    const repo = makeRepo();
    const lock = (client: string) =>
      `version = 1\nrevision = 2\nrequires-python = ">=3.9"\n\n[manifest]\nmembers = [\n    "acme",\n    "acme-client",\n]\n\n[[package]]\nname = "acme"\nversion = "1.0.0"\nsource = { virtual = "." }\ndependencies = [\n    { name = "acme-client" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = "acme-client", editable = "client" }]\n\n[[package]]\nname = "acme-client"\nversion = "${client}"\nsource = { editable = "client" }\n`;
    repo.commit('chore: the workspace', {
      '.github/tagship.yml': CONFIG,
      'pyproject.toml': '[project]\nname = "acme"\nversion = "1.0.0"\nrequires-python = ">=3.9"\ndependencies = ["acme-client"]\n\n[tool.uv.sources]\nacme-client = { workspace = true }\n\n[tool.uv.workspace]\nmembers = ["client"]\n',
      'client/pyproject.toml': '[project]\nname = "acme_client"\nversion = "1.0.0"\nrequires-python = ">=3.9"\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
      'uv.lock': lock('1.0.0'),
    });
    const { code, stderr } = await tagship(repo, 'bump', 'patch', '--package', 'client');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(changedLines(repo)).toEqual({
      'client/pyproject.toml': ['-version = "1.0.0"', '+version = "1.0.1"'],
      'uv.lock': ['-version = "1.0.0"', '+version = "1.0.1"'],
    });
    // The root project (same version, its own source) is left alone.
    expect(readFileSync(join(repo.dir, 'uv.lock'), 'utf8')).toBe(lock('1.0.1'));
  });
});
