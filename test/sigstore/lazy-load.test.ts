import { describe, expect, it } from 'vitest';
import { startupClosure } from '../support/startup-closure.js';

describe('planning start-up', () => {
  it('loads no Sigstore library and neither sign.ts nor verify.ts: only the steps that sign do', async () => {
    for (const entry of ['src/index.ts', 'src/cli/index.ts']) {
      const { sources, packages } = await startupClosure(entry);
      expect(sources).toContain('src/config/sections/attestations.ts');
      expect(packages.filter((name) => name.startsWith('@sigstore/'))).toEqual([]);
      expect(sources.filter((source) => /src\/sigstore\/(sign|verify|github-tuf-root)\.ts$/.test(source))).toEqual([]);
    }
  });
});
