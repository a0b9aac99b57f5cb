/** The workflows this repository ships and the examples users copy, read for the GitHub rules model. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig, readConfigSource } from '../../src/config/load.js';
import { packageNamed } from '../../src/config/packages.js';
import { repoRoot } from './action-run.js';
import { projectFromConfig, type CheckContext, type ProjectFacts, type Workflow } from './github-rules.js';

export interface WorkflowFile {
  /** Relative to the repository root. */
  file: string;
  text: string;
  workflow: Workflow;
  context: CheckContext;
}

/**
 * `./.github/workflows/x.yml` and `tagship/tagship/.github/workflows/x.yml@ref` are this repository's own
 * reusable workflows. A `@ref` is read as the checked-out version: the model checks the callers against the
 * workflows as they are in this commit, which is what the release that users pin will contain.
 */
export function resolveShippedWorkflow(uses: string): Workflow | undefined {
  const match = /^(?:\.\/|tagship\/tagship\/)(\.github\/workflows\/[^@]+\.ya?ml)(?:@.+)?$/.exec(uses);
  if (!match) return undefined;
  const path = join(repoRoot, match[1]!);
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) as Workflow) : undefined;
}

/**
 * The project facts of a directory with a tagship config and its package files. A monorepo's workflow
 * runs for each package of its `packages:` map (the tag selects one): what it must allow is what any
 * of them needs, so the facts are their union.
 */
export function projectOf(dir: string): ProjectFacts {
  const config = parseConfig(readConfigSource(dir));
  const root = projectFromConfig(config, packageFilesOf(dir));
  return Object.keys(config.packages).reduce((facts, name) => {
    const selected = packageNamed(config, name);
    return unionOf(facts, projectFromConfig(selected.config, packageFilesOf(join(dir, selected.path))));
  }, root);
}

function packageFilesOf(dir: string): { python: boolean; npm: boolean } {
  const packageJson = join(dir, 'package.json');
  const npm = existsSync(packageJson) && (JSON.parse(readFileSync(packageJson, 'utf8')) as { private?: boolean; workspaces?: unknown }).private !== true
    ? true
    : existsSync(packageJson) && !!(JSON.parse(readFileSync(packageJson, 'utf8')) as { workspaces?: unknown }).workspaces;
  return { python: existsSync(join(dir, 'pyproject.toml')) || existsSync(join(dir, 'setup.cfg')), npm };
}

function unionOf(a: ProjectFacts, b: ProjectFacts): ProjectFacts {
  return {
    python: a.python || b.python,
    npm: a.npm || b.npm,
    dockerImages: a.dockerImages || b.dockerImages,
    ghcrImages: a.ghcrImages || b.ghcrImages,
    dispatchesDockerWorkflow: a.dispatchesDockerWorkflow || b.dispatchesDockerWorkflow,
    dockerMode: a.dockerMode === 'distributed' || b.dockerMode === 'distributed' ? 'distributed' : 'single',
    dockerBackend: a.dockerBackend === 'buildx' || b.dockerBackend === 'buildx' ? 'buildx' : 'buildah',
    platformCount: Math.max(a.platformCount, b.platformCount),
    attestsAssets: a.attestsAssets || b.attestsAssets,
  };
}

function read(file: string, context: Omit<CheckContext, 'file' | 'text'>): WorkflowFile {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return { file, text, workflow: parse(text) as Workflow, context: { ...context, file, text, resolveWorkflow: resolveShippedWorkflow } };
}

const yamlFiles = (dir: string) => (existsSync(join(repoRoot, dir)) ? readdirSync(join(repoRoot, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`) : []);

/** The repository's workflows (owner `tagship`) and every example's (a user's repository, owner `acme`). */
export function shippedAndExampleWorkflows(unknownProject: ProjectFacts): WorkflowFile[] {
  const files: WorkflowFile[] = [];
  for (const file of yamlFiles('.github/workflows')) {
    const workflow = parse(readFileSync(join(repoRoot, file), 'utf8')) as Workflow;
    const reusable = JSON.stringify(workflow.on ?? '').includes('workflow_call');
    // A reusable workflow runs for whichever project calls it; the others run for tagship itself.
    files.push(read(file, { repositoryOwner: 'tagship', project: reusable ? unknownProject : projectOf(repoRoot) }));
  }
  for (const example of readdirSync(join(repoRoot, 'examples'))) {
    const dir = join(repoRoot, 'examples', example);
    for (const file of yamlFiles(`examples/${example}/.github/workflows`)) files.push(read(file, { repositoryOwner: 'acme', project: projectOf(dir) }));
  }
  return files;
}
