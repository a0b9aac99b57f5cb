import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageNamed } from '../../src/config/packages.js';
import { parseConfig, readConfigSource } from '../../src/config/load.js';
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

/** The example's projects: the root, or with a `packages:` map each package (its directory and tag prefix). */
function projectsOf(root: string): Array<{ package?: string; dir: string; prefix: string }> {
  const config = parseConfig(readConfigSource(root));
  const packages = Object.keys(config.packages);
  if (!packages.length) return [{ dir: root, prefix: config['tag-prefix'] }];
  return packages.map((name) => {
    const selected = packageNamed(config, name);
    return { package: name, dir: join(root, selected.path), prefix: selected.config['tag-prefix'] };
  });
}

/**
 * The round trip on every example, through the command line (each package of a monorepo on its own):
 * released at its current version, then `tagship bump patch`, then `tagship plan` for the new tag
 * passes, and the release commit changes version lines only.
 */
describe('bump then plan, on every example', () => {
  for (const example of readdirSync(examples).sort()) {
    it(example, async () => {
      const repo = makeRepo();
      cpSync(join(examples, example), repo.dir, { recursive: true });
      repo.commit('chore: the example');
      for (const project of projectsOf(repo.dir)) await roundTrip(repo, project);
    });
  }
});

async function roundTrip(repo: TestRepo, project: { package?: string; dir: string; prefix: string }) {
    const stated = detectProject(project.dir).readings.find((r) => r.value !== undefined)?.value;
    const previous = stated ?? '1.0.0';
    repo.git('tag', '-a', `${project.prefix}${previous}`, '-m', 'released');
    repo.commit('fix: after the release', { [`${relative(repo.dir, project.dir) || '.'}/fixed.txt`]: 'fixed\n' });
    const bump = await tagship(repo, 'bump', 'patch', '--json', ...(project.package ? ['--package', project.package] : []));
    expect(bump.stderr).toBe('');
    expect(bump.code).toBe(0);
    const result = JSON.parse(bump.stdout);
    expect(result.previous).toBe(previous);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('tag', '--points-at', 'HEAD')).toBe(result.tag);
    if (stated) {
      const changed = repo.git('diff', '--unified=0', 'HEAD~1', 'HEAD').split('\n').filter((l) => /^[-+][^-+]/.test(l));
      expect(changed.length).toBeGreaterThan(0);
      // Each changed line says a version: the old one or the new one (a `version` key, an internal dependency's range, a lockfile entry).
    for (const line of changed) expect(line.startsWith('-') ? line.includes(previous) || /version/i.test(line) : line.includes(result.version) || /version/i.test(line)).toBe(true);
    } else {
      // A dynamic version (setuptools_scm) or none stated at all (release-please's root): the tag is the version.
      expect(result.edits).toEqual([]);
      expect(result.commit).toBeUndefined();
    }
    const plan = await tagship(repo, 'plan', '--ref', `refs/tags/${result.tag}`, '--known-versions', previous);
    expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
}
