import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPublishManifest } from '../../src/npm/manifest.js';
import type { NpmPublishStep } from '../../src/plan/steps/npm.js';
import { writePackage } from './support/packages.js';

const step: NpmPublishStep = {
  kind: 'npm-publish',
  id: 'npm-publish:pkg',
  target: 'pkg@1.2.0',
  package: 'pkg',
  version: '1.2.0',
  dir: 'packages/pkg',
  distTag: 'latest',
  registry: 'https://registry.npmjs.org/',
  provenance: 'auto',
};
const dirs: string[] = [];
const pkg = (spec: Parameters<typeof writePackage>[1]) => {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-manifest-'));
  dirs.push(dir);
  return writePackage(dir, spec);
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the manifest about to be published', () => {
  it('is the planned package and version (a v prefix is what npm strips anyway)', () => {
    expect(readPublishManifest(pkg({ name: 'pkg', version: 'v1.2.0' }), step)).toMatchObject({ name: 'pkg' });
    expect(() => readPublishManifest(pkg({ name: 'pkg', version: '1.2.1' }), step)).toThrow(
      'packages/pkg/package.json now says pkg@1.2.1, but the plan publishes pkg@1.2.0: something changed it after planning. Nothing was published; re-run from a clean checkout.',
    );
  });

  it('refuses a publishConfig.registry other than the configured registry', () => {
    const elsewhere = pkg({ name: 'pkg', version: '1.2.0', extra: { publishConfig: { registry: 'https://npm.pkg.github.com' } } });
    expect(() => readPublishManifest(elsewhere, step)).toThrow(
      'packages/pkg/package.json has publishConfig.registry https://npm.pkg.github.com, but tagship publishes to https://registry.npmjs.org/ (npm.registry): set npm.registry to https://npm.pkg.github.com in the tagship config, or remove publishConfig.registry. Nothing was published.',
    );
    const same = pkg({ name: 'pkg', version: '1.2.0', extra: { publishConfig: { registry: 'https://registry.npmjs.org' } } });
    expect(readPublishManifest(same, step).publishConfig).toEqual({ registry: 'https://registry.npmjs.org' });
  });
});
