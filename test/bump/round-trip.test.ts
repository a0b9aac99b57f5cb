import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bumpAndPlan, changedLinePairs, isVersionLineChange, project, removeProjects } from './support.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
afterAll(removeProjects);

// Each example as a project: release-please's holds two (js/, python/), each released on its own.
const EXAMPLE_PROJECTS = readdirSync(examples).flatMap((name) => (name === 'release-please' ? [`${name}/js`, `${name}/python`] : [name]));

describe('bump then plan: every example', () => {
  it('covers every example directory', () => {
    expect(EXAMPLE_PROJECTS.length).toBeGreaterThanOrEqual(8);
  });

  for (const example of EXAMPLE_PROJECTS) {
    for (const kind of ['patch', 'minor', 'major', 'prerelease'] as const) {
      it(`${example}: ${kind} bump passes the guard and changes only version lines`, () => {
        const root = project({}, `${examples}${example}`);
        const result = bumpAndPlan(root, kind, kind === 'prerelease' ? 'rc' : undefined);
        expect(result.failed).toEqual([]);
        for (const edit of result.bump.edits) {
          const pairs = changedLinePairs(edit.before, edit.after);
          expect(pairs.length).toBe(edit.lines.length);
          for (const pair of pairs) {
            const ok = [result.next, result.next.replace(/-(a|b|rc)\.(\d+)$/, '$1$2')].some((n) => isVersionLineChange(pair, result.previous, n));
            expect(ok, `${edit.file}: ${JSON.stringify(pair)}`).toBe(true);
          }
        }
      });
    }
  }

  it('python-scm: nothing to edit, the dynamic version is reported', () => {
    const root = project({}, `${examples}python-scm`);
    const result = bumpAndPlan(root, { exact: '2.0.0' });
    expect(result.bump.edits).toEqual([]);
    expect(result.bump.dynamic).toEqual([{ source: 'pyproject.toml', how: 'setuptools_scm derives the version from the tag; no edit needed' }]);
    expect(result.failed).toEqual([]);
  });
});
