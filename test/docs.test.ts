import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderActionReference } from '../src/docs/action-reference.js';
import { renderConfigReference } from '../src/docs/config-reference.js';
import { repoRoot } from './support/action-run.js';

// `npm run docs` sets TAGSHIP_UPDATE_DOCS=1 to rewrite the generated files; otherwise a stale file fails.
const generated: Array<[string, () => string]> = [
  ['docs/configuration.md', renderConfigReference],
  ['docs/action.md', () => renderActionReference(readFileSync(join(repoRoot, 'action.yml'), 'utf8'))],
];

describe('generated docs are up to date', () => {
  it.each(generated)('%s', (file, render) => {
    const path = join(repoRoot, file);
    const fresh = render();
    if (process.env.TAGSHIP_UPDATE_DOCS === '1') writeFileSync(path, fresh);
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      // missing file: reported below
    }
    expect(committed, `${file} is stale: run \`npm run docs\` and commit it`).toBe(fresh);
  });

  it('the config reference lists every key, with its default', () => {
    const text = renderConfigReference();
    expect(text).toContain('| `tag-prefix` | string | `"v"` |');
    expect(text).toContain('| `docker.images` | list of string | `[]` |');
  });
});
