import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { usesTools } from '../support/system-tools.js';
import { makeRepo, type TestRepo } from './git-repo.js';

usesTools('git');

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const NOW = new Date('2026-12-02T12:00:00Z');

async function tagship(repo: TestRepo, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: repo.env, cwd: repo.dir, now: () => NOW });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/**
 * The round trip on every example, through the command line: released at its current version, then
 * `tagship bump patch`, then `tagship plan` for the new tag passes, and the release commit changes
 * version lines only.
 */
describe('bump then plan, on every example', () => {
  for (const example of readdirSync(examples).sort()) {
    it(example, async () => {
      const repo = makeRepo();
      cpSync(join(examples, example), repo.dir, { recursive: true });
      repo.commit('chore: the example');
      const stated = detectProject(repo.dir).readings.find((r) => r.value !== undefined)?.value;
      const previous = stated ?? '1.0.0';
      repo.git('tag', '-a', `v${previous}`, '-m', 'released');
      repo.commit('fix: after the release');
      const bump = await tagship(repo, 'bump', 'patch', '--json');
      expect(bump.stderr).toBe('');
      expect(bump.code).toBe(0);
      const result = JSON.parse(bump.stdout);
      expect(result.previous).toBe(previous);
      expect(repo.git('status', '--porcelain')).toBe('');
      expect(repo.git('tag', '--points-at', 'HEAD')).toBe(result.tag);
      if (stated) {
        const changed = repo.git('diff', '--unified=0', 'HEAD~1', 'HEAD').split('\n').filter((l) => /^[-+][^-+]/.test(l));
        expect(changed.length).toBeGreaterThan(0);
        for (const line of changed) expect(line).toMatch(/version|^[-+]\d/i);
      } else {
        // A dynamic version (setuptools_scm) or none stated at all (release-please's root): the tag is the version.
        expect(result.edits).toEqual([]);
        expect(result.commit).toBeUndefined();
      }
      const plan = await tagship(repo, 'plan', '--ref', `refs/tags/${result.tag}`, '--known-versions', previous);
      expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
    });
  }
});
