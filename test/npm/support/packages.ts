import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PackageSpec {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  /** Text of index.js: change it to change the tarball. */
  body?: string;
  extra?: Record<string, unknown>;
}

export function writePackage(dir: string, spec: PackageSpec): string {
  mkdirSync(dir, { recursive: true });
  const manifest = { name: spec.name, version: spec.version, main: 'index.js', license: 'MIT', ...(spec.dependencies ? { dependencies: spec.dependencies } : {}), ...spec.extra };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dir, 'index.js'), spec.body ?? `module.exports = ${JSON.stringify(`${spec.name}@${spec.version}`)};\n`);
  return dir;
}

/** A project with one package at its root. */
export function singleProject(spec: PackageSpec): string {
  return writePackage(mkdtempSync(join(tmpdir(), 'tagship-npm-single-')), spec);
}

/** A workspace: `core`, and `cli` depending on it (listed first, so order comes from the dependency). */
export function workspaceProject(scope: string, version: string, bodies: { core?: string; cli?: string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'tagship-npm-ws-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'ws-root', private: true, version, workspaces: ['packages/cli', 'packages/core'] }, null, 2));
  writePackage(join(root, 'packages', 'cli'), { name: `${scope}/cli`, version, dependencies: { [`${scope}/core`]: version }, body: bodies.cli });
  writePackage(join(root, 'packages', 'core'), { name: `${scope}/core`, version, body: bodies.core });
  return root;
}
