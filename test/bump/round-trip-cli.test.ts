/**
 * The round trip through the real command: the planned edits written, then `tagship plan --json` for
 * the new tag, exactly as a person would run it after `tagship bump`: exit 0, every check passes.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planBumpEdits } from '../../src/bump/edits.js';
import { runCli } from '../../src/cli/main.js';
import { projectSchemes, resolveVersion } from '../../src/version/guard.js';
import { nextVersion } from '../../src/version/next.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { usesTools } from '../support/system-tools.js';
import { project, removeProjects } from './support.js';

// The CLI asks git about the project (the commit time for image metadata).
usesTools('git');
afterAll(removeProjects);

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

async function plan(cwd: string, tag: string, known: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['plan', '--cwd', cwd, '--ref', `refs/tags/${tag}`, '--known-versions', known, '--json'], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    cwd,
    now: () => new Date('2026-12-02T00:00:00Z'),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('tagship plan after the bump', () => {
  const projects = ['python-app', 'npm-package', 'npm-workspace', 'cibuildwheel', 'changesets', 'release-please/js', 'release-please/python'].filter((p) => existsSync(join(examples, p)));
  for (const name of projects) {
    it(`${name}: a prerelease then a minor bump each plan with every check passing`, async () => {
      const root = project({}, join(examples, name));
      for (const kind of ['prerelease', 'minor'] as const) {
        const facts = detectProject(root);
        const schemes = projectSchemes(facts.readings, facts.python !== undefined, 'auto');
        const previous = facts.readings.find((r) => r.value !== undefined)!.value!;
        const next = nextVersion(previous, kind, { schemes, preid: 'rc' });
        for (const edit of planBumpEdits(root, facts, resolveVersion(next, `v${next}`, schemes)).edits) writeFileSync(join(root, edit.file), edit.after);
        const { code, stdout, stderr } = await plan(root, `v${next}`, previous);
        expect([code, stderr]).toEqual([0, '']);
        const checks = JSON.parse(stdout).checks as Array<{ ok: boolean; found: string }>;
        expect(checks.length).toBeGreaterThan(0);
        expect(checks.filter((c) => !c.ok)).toEqual([]);
      }
    });
  }

  it('lists the examples it covers', () => {
    expect(readdirSync(examples).filter((name) => !['python-scm'].includes(name)).every((name) => projects.some((p) => p === name || p.startsWith(`${name}/`)) || ['monorepo', 'changesets-monorepo'].includes(name))).toBe(true);
  });
});
