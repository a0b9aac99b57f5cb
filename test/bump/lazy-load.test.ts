import { describe, expect, it } from 'vitest';
import { startupClosure } from '../support/startup-closure.js';

describe('planning start-up does not grow with bump', () => {
  it('neither the action nor the CLI loads a bump module before it is asked to bump', async () => {
    for (const entry of ['src/index.ts', 'src/cli/index.ts']) {
      const { sources } = await startupClosure(entry);
      expect(sources).toContain('src/plan/build.ts');
      expect(sources.filter((source) => source.startsWith('src/bump/') || source === 'src/cli/bump.ts' || source === 'src/version/next.ts')).toEqual([]);
    }
  });
});
