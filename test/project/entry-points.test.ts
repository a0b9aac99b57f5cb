import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltAction } from '../support/action-run.js';
import { tagPush } from '../support/payloads.js';
import { projectWriter } from './support.js';

/**
 * Hostile and malformed projects through the built entry points (dist/cli/index.js, dist/index.js):
 * each is exit 1 with one line naming the file, never "unexpected failure", and never a value from
 * the environment in what the run prints or writes to the job summary.
 */
const SECRET = 'e2e-secret-value-7d41c0';
const { project, removeAll } = projectWriter('tagship-hostile-');
afterAll(removeAll);


const aliasBomb = (() => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) lines.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
})();

interface Case {
  name: string;
  files: Record<string, string | { link: string }>;
  /** `working-directory` / `--cwd`, relative to the project. */
  cwd?: string;
  /** The event payload file's text (default: a tag push of v1.2.3). */
  payload?: string;
  /** What the one error line must say. */
  says: RegExp;
}

const cases: Case[] = [
  { name: 'a missing working directory', files: { VERSION: '1.2.3\n' }, cwd: 'pkg', says: /pkg \((--cwd|input 'working-directory')\) does not exist/ },
  { name: 'a file as the working directory', files: { VERSION: '1.2.3\n' }, cwd: 'VERSION', says: /VERSION \((--cwd|input 'working-directory')\) is not a directory/ },
  { name: 'VERSION symlinked to /proc/self/environ', files: { VERSION: { link: '/proc/self/environ' } }, says: /VERSION resolves to \/proc\/\d+\/environ, outside the project/ },
  { name: 'workspaces reaching out of the project', files: { 'package.json': '{"name":"root","private":true,"workspaces":["../*"]}' }, says: /package\.json "workspaces": \.\.\/\* leads out of the project/ },
  { name: 'a package.json that is null', files: { 'package.json': 'null' }, says: /package\.json: expected a JSON object at the top level, got null/ },
  { name: 'a YAML alias bomb in the config', files: { VERSION: '1.2.3\n', '.github/tagship.yml': aliasBomb }, says: /\.github\/tagship\.yml: its aliases expand to more than 100 copies/ },
  {
    name: 'an absolute release asset glob',
    files: { VERSION: '1.2.3\n', '.github/tagship.yml': 'github-release:\n  assets: [/etc/hostname]\n' },
    says: /github-release\.assets: \/etc\/hostname is an absolute path/,
  },
  { name: 'an event payload of null', files: { VERSION: '1.2.3\n' }, payload: 'null', says: /event.*: expected a JSON object \(a webhook payload\), got null/ },
];

function eventFile(text: string): string {
  return join(project({ 'event.json': text }), 'event.json');
}

function cli(root: string, c: Case) {
  const args = ['plan', '--cwd', join(root, c.cwd ?? '.'), '--known-versions', '1.0.0', '--event-name', 'push'];
  args.push(...(c.payload !== undefined ? ['--event', eventFile(c.payload)] : ['--ref', 'refs/tags/v1.2.3']));
  return spawnSync(process.execPath, [join(repoRoot, 'dist/cli/index.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TAGSHIP_E2E: SECRET },
    timeout: 60_000,
  });
}

describe('hostile and malformed projects, built CLI', () => {
  for (const c of cases) {
    it(`${c.name}: exit 1, one line naming the file`, () => {
      const run = cli(project(c.files), c);
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^tagship: /);
      expect(lines[0]).toMatch(c.says);
      expect(lines[0]).not.toMatch(/^tagship: ([^ :]+): \1/);
      expect(run.stderr + run.stdout).not.toMatch(/unexpected/i);
      expect(run.stderr + run.stdout).not.toContain(SECRET);
    });
  }

  it('a package.json with a UTF-8 BOM plans like one without (npm accepts it)', () => {
    const root = project({ 'package.json': '\uFEFF{\n  "name": "bom",\n  "version": "1.2.3"\n}\n' });
    const run = cli(root, { name: 'bom', files: {}, says: /./ });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('package.json');
  });
});

describe('hostile and malformed projects, built action', () => {
  function action(c: Case) {
    const root = project(c.files);
    const payload = c.payload === undefined ? tagPush('v1.2.3') : JSON.parse(c.payload);
    return runBuiltAction({
      eventName: 'push',
      ref: 'refs/tags/v1.2.3',
      payload,
      workspace: root,
      inputs: { 'dry-run': 'true', 'known-versions': '1.0.0', ...(c.cwd ? { 'working-directory': c.cwd } : {}) },
      env: { TAGSHIP_E2E: SECRET },
    });
  }

  for (const c of cases) {
    it(`${c.name}: exit 1, one error annotation naming the file`, () => {
      const run = action(c);
      expect(run.status).toBe(1);
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(c.says);
      expect(run.stdout + run.stderr + run.summary).not.toMatch(/unexpected/i);
      expect(run.stdout + run.stderr + run.summary).not.toContain(SECRET);
    });
  }

  it('a package.json with a UTF-8 BOM plans like one without', () => {
    const run = action({ name: 'bom', files: { 'package.json': '\uFEFF{\n  "name": "bom",\n  "version": "1.2.3"\n}\n' }, says: /./ });
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs.version).toBe('1.2.3');
  });
});
