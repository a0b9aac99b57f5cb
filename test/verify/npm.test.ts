import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyNpmStep } from '../../src/plan/steps/verify.js';
import { PUBLIC_GOOD } from '../../src/sigstore/instance.js';
import { packumentUrl, verifyNpm } from '../../src/verify/npm.js';
import { startVerdaccio, type LocalNpmRegistry } from './support/verdaccio.js';

let registry: LocalNpmRegistry;
beforeAll(async () => {
  registry = await startVerdaccio();
  await registry.publish('tagship-widget', '1.0.0', 'latest');
  await registry.publish('tagship-widget', '1.1.0-rc.1', 'rc');
  await registry.publish('@acme/tagship-scoped', '2.0.0', 'latest');
}, 120_000);
afterAll(async () => registry?.stop());

const step = (over: Partial<VerifyNpmStep>): VerifyNpmStep => ({
  kind: 'verify-npm',
  id: 'verify-npm:tagship-widget',
  target: 'tagship-widget@latest',
  package: 'tagship-widget',
  version: '1.0.0',
  distTag: 'latest',
  registry: registry.url,
  waitMs: 5_000,
  provenance: { requested: 'auto', stored: false, publishStep: 'npm-publish:tagship-widget', sigstore: PUBLIC_GOOD },
  ...over,
});
const env = { PATH: process.env.PATH, HOME: process.env.HOME };

describe('npm smoke test against Verdaccio', () => {
  it('finds the version under its dist-tag, for plain and scoped names', async () => {
    await expect(verifyNpm(step({}), { env })).resolves.toBe(`tagship-widget@latest is 1.0.0 on ${registry.url}`);
    await expect(verifyNpm(step({ version: '1.1.0-rc.1', distTag: 'rc' }), { env })).resolves.toBe(`tagship-widget@rc is 1.1.0-rc.1 on ${registry.url}`);
    await expect(verifyNpm(step({ package: '@acme/tagship-scoped', version: '2.0.0' }), { env })).resolves.toMatch(/^@acme\/tagship-scoped@latest is 2\.0\.0/);
  });

  it('fails when the dist-tag points elsewhere, saying where and how to fix it', async () => {
    await expect(verifyNpm(step({ version: '1.1.0-rc.1', distTag: 'latest', waitMs: 200 }), { env, intervalMs: 50 })).rejects.toThrow(
      'tagship-widget@1.1.0-rc.1 was published, but within 0.2 s: tagship-widget@latest is 1.0.0, not 1.1.0-rc.1. Nothing was unpublished; set the tag with `npm dist-tag add tagship-widget@1.1.0-rc.1 latest` or re-run the verify stage.',
    );
  });

  it('waits for a version the registry does not have yet', async () => {
    const lines: string[] = [];
    const pending = verifyNpm(step({ version: '1.2.0', waitMs: 60_000 }), { env, intervalMs: 100, log: (l) => lines.push(l) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await registry.publish('tagship-widget', '1.2.0', 'latest');
    await expect(pending).resolves.toBe(`tagship-widget@latest is 1.2.0 on ${registry.url}`);
    // While npm publishes, the registry may show the version before it moves the dist-tag: a waiting state too.
    expect(lines[0]).toBe('tagship-widget has no 1.2.0 yet');
    expect(lines.at(-1)).toBe('tagship-widget@latest is 1.2.0');
    for (const line of lines.slice(1, -1)) expect(['tagship-widget has no 1.2.0 yet', 'tagship-widget@latest is 1.0.0, not 1.2.0']).toContain(line);
  }, 60_000);

  it('installs the version and runs the configured check with its bin on PATH', async () => {
    const scoped = (command: string[]) => step({ package: '@acme/tagship-scoped', version: '2.0.0', command });
    const command = ['node', '-e', 'const v = require("@acme/tagship-scoped").version; process.exit(v === process.env.TAGSHIP_VERSION ? 0 : 5)'];
    await expect(verifyNpm(scoped(command), { env })).resolves.toMatch(/passed after install$/);
    await expect(verifyNpm(scoped(['tagship-scoped']), { env })).resolves.toMatch(/`tagship-scoped` passed/);
    await expect(verifyNpm(scoped(['node', '-e', 'console.error("widget broke"); process.exit(2)']), { env })).rejects.toThrow(/exited 2: widget broke\./);
  }, 60_000);

  it('encodes scoped packument URLs', () => {
    expect(packumentUrl('https://registry.npmjs.org/', '@acme/app')).toBe('https://registry.npmjs.org/@acme%2Fapp');
    expect(packumentUrl('https://registry.npmjs.org', 'left-pad')).toBe('https://registry.npmjs.org/left-pad');
  });
});
