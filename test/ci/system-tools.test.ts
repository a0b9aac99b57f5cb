/**
 * The check that stops `npm test` at once when a system tool is missing: which tools the selected files
 * declare (through the support modules they import), what the probes find, and the one line vitest
 * stops with, seen from a real `vitest run` on a PATH without the tools.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action-run.js';
import { SYSTEM_TOOLS, toolProblems, toolProblemsMessage, toolsDeclaredBy, usesTools } from '../support/system-tools.js';

// Present here, so that their absence elsewhere can be shown.
usesTools('git', 'docker-registry', 'buildah', 'prlimit');

const scratch = mkdtempSync(join(tmpdir(), 'tagship-tools-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH with node and nothing else: no git, no registry, no builders. */
const bareBin = join(scratch, 'bare-bin');
mkdirSync(bareBin);
symlinkSync(process.execPath, join(bareBin, 'node'));

const inRepo = (...files: string[]) => files.map((file) => join(repoRoot, file));

/** `vitest run` of these files from the repository, as `npm test -- <files>` runs it. */
function vitest(files: string[], path: string, extra: string[] = []) {
  const { CI: _ci, ...env } = process.env;
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', ...files, ...extra], {
    cwd: repoRoot,
    env: { ...env, PATH: path, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('which tools a run needs', () => {
  it('follows imports: a merge test needs the registry (through its support module) and the builders', () => {
    expect(toolsDeclaredBy(inRepo('test/docker/merge.test.ts'))).toEqual(['python3', 'docker-registry', 'buildah', 'skopeo']);
  });

  it('is the union over the selected files, in registry order; a file that drives no tool adds nothing', () => {
    expect(toolsDeclaredBy(inRepo('test/trigger.test.ts'))).toEqual([]);
    expect(toolsDeclaredBy(inRepo('test/hostile/tags.test.ts', 'test/verify/images.test.ts', 'test/trigger.test.ts'))).toEqual(['git', 'python3', 'docker-registry', 'openssl', 'prlimit']);
  });

  it('counts only a top-level declaration, and names the file of a tool the registry does not know', () => {
    const dir = join(scratch, 'decl');
    mkdirSync(join(dir, 'support'), { recursive: true });
    writeFileSync(join(dir, 'a.test.ts'), "import { x } from './support/b.js';\n// usesTools('buildah') in a comment\nusesTools('git');\n");
    writeFileSync(join(dir, 'support', 'b.ts'), "export const x = 1;\nusesTools('skopeo', 'openssl');\n");
    writeFileSync(join(dir, 'c.test.ts'), "usesTools('dokerd');\n");
    expect(toolsDeclaredBy([join(dir, 'a.test.ts')], dir)).toEqual(['git', 'skopeo', 'openssl']);
    expect(() => toolsDeclaredBy([join(dir, 'c.test.ts')], dir)).toThrow("declares usesTools('dokerd'), which test/support/system-tools.ts does not know");
  });
});

describe('the probes and the line', () => {
  it('find a command missing from PATH and name it, and find nothing missing on this PATH for the same tools', async () => {
    const tools = ['git', 'docker-registry', 'buildah'] as const;
    expect(await toolProblems(tools)).toEqual([]);
    const path = process.env.PATH;
    process.env.PATH = bareBin;
    try {
      expect(await toolProblems(tools)).toEqual([{ missing: 'git' }, { missing: 'docker-registry' }, { missing: 'buildah' }]);
    } finally {
      process.env.PATH = path;
    }
  });

  it('say what to install and what no install fixes, in one line', () => {
    expect(toolProblemsMessage([])).toBeNull();
    expect(toolProblemsMessage([{ missing: 'docker-registry' }, { missing: 'buildah' }])).toBe('tagship tests need: docker-registry, buildah (missing). Run scripts/setup, then npm test again.');
    expect(toolProblemsMessage([{ blocked: 'dockerd needs root (run as root, e.g. in a container or with sudo)' }])).toBe(
      'tagship tests cannot run here: dockerd needs root (run as root, e.g. in a container or with sudo).',
    );
  });

  it('each tool names the packages scripts/setup installs for it', () => {
    for (const [tool, spec] of Object.entries(SYSTEM_TOOLS)) expect(spec.packages.length, tool).toBeGreaterThan(0);
  });
});

describe('npm test on a machine without the tools', () => {
  it('stops before any test file loads, in one line naming what is missing and the set-up command', () => {
    const result = vitest(['test/hostile/tags.test.ts', 'test/trigger.test.ts'], bareBin);
    expect(result.stderr).toBe('tagship tests need: git, prlimit (missing). Run scripts/setup, then npm test again.\n');
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/Test Files|passed|failed/);
  });

  it('still runs a file that needs no tools', () => {
    const result = vitest(['test/trigger.test.ts'], bareBin);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Test Files {2}1 passed \(1\)/);
    expect(result.status).toBe(0);
  });

  it('with the tools on PATH, lets the run go on', () => {
    // The name filter matches no test: the files load (the check has passed) and nothing runs.
    const result = vitest(['test/hostile/tags.test.ts'], process.env.PATH ?? '', ['--testNamePattern', '^no test is called this$', '--passWithNoTests']);
    expect(result.stderr).not.toContain('tagship tests need');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Test Files {2}1 skipped \(1\)/);
  });
});
