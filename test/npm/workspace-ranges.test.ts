import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { resolveWorkspaceRanges, workspaceSpecs } from '../../src/npm/workspace-ranges.js';
import { renderText } from '../../src/plan/render.js';
import { detectProject } from '../../src/version/sources/detect.js';
import { runCli } from '../../src/cli/main.js';
import { repoRoot } from '../support/action-run.js';
import { npmPlan } from './support/plan.js';

const members = [
  { name: '@acme/core', version: '1.2.3', dir: 'packages/core' },
  { name: '@acme/util', version: 'v2.0.0-rc.1', dir: 'packages/util' },
  { name: '@acme/draft', dir: 'packages/draft' },
];
const resolve = (spec: string, name = '@acme/core', field: 'dependencies' | 'peerDependencies' = 'dependencies') =>
  resolveWorkspaceRanges({ name: '@acme/cli', dir: 'packages/cli', workspaceSpecs: [{ field, name, spec }] }, members);
const refusal = (spec: string, name?: string) => {
  try {
    resolve(spec, name);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error(`${spec} was not refused`);
};

describe('workspace: ranges as pnpm and yarn publish them', () => {
  it('*, ^ and ~ take the member’s version; an explicit range loses only the protocol', () => {
    expect(resolve('workspace:*')[0]).toEqual({ field: 'dependencies', name: '@acme/core', from: 'workspace:*', to: '1.2.3' });
    expect(resolve('workspace:^')[0]!.to).toBe('^1.2.3');
    expect(resolve('workspace:~')[0]!.to).toBe('~1.2.3');
    expect(resolve('workspace:^1.0.0')[0]!.to).toBe('^1.0.0');
    expect(resolve('workspace:>=1.2.0 <2', '@acme/core', 'peerDependencies')[0]).toEqual({ field: 'peerDependencies', name: '@acme/core', from: 'workspace:>=1.2.0 <2', to: '>=1.2.0 <2' });
    // The version npm records: a `v` prefix dropped, a prerelease kept.
    expect(resolve('workspace:^', '@acme/util')[0]!.to).toBe('^2.0.0-rc.1');
  });

  it('refuses what would publish a path, an alias or a package that is not in the workspace, in one line', () => {
    for (const message of [refusal('workspace:./packages/core'), refusal('workspace:packages/core'), refusal('workspace:@acme/util@^'), refusal('workspace:')]) {
      expect(message).toMatch(/^packages\/cli\/package\.json: dependencies\.@acme\/core is "workspace:[^"]*", a path or alias form tagship does not publish .*write "workspace:\^".*Nothing was published\.$/);
      expect(message).not.toContain('\n');
    }
    expect(refusal('workspace:^', '@acme/missing')).toBe(
      'packages/cli/package.json: dependencies.@acme/missing is "workspace:^", but no package named @acme/missing is in the workspace (members: @acme/core, @acme/draft, @acme/util): fix the name, add the package to the workspace, or depend on a published version instead. Nothing was published.',
    );
    expect(refusal('workspace:*', '@acme/draft')).toContain('but packages/draft/package.json has no version: give @acme/draft a version');
    expect(refusal('workspace:^2.0.0')).toBe('packages/cli/package.json: dependencies.@acme/core is "workspace:^2.0.0", which does not include @acme/core\'s version 1.2.3: widen the range or write "workspace:^". Nothing was published.');
  });

  it('reads the specifiers of every dependency field, and nothing else', () => {
    expect(
      workspaceSpecs({
        dependencies: { a: 'workspace:^', b: '^1.0.0' },
        devDependencies: { c: 'workspace:*' },
        optionalDependencies: { d: 'workspace:~' },
        peerDependencies: { e: 'workspace:>=1' },
      }).map((s) => `${s.field}.${s.name}=${s.spec}`),
    ).toEqual(['dependencies.a=workspace:^', 'devDependencies.c=workspace:*', 'optionalDependencies.d=workspace:~', 'peerDependencies.e=workspace:>=1']);
  });
});

/** A pnpm workspace: members listed in pnpm-workspace.yaml (one excluded), cli depending on core. */
function pnpmWorkspace(cliDeps: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tagship-pnpm-ws-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', private: true }));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - "packages/*"\n  - "!packages/scratch"\n');
  const pkg = (dir: string, manifest: object) => {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify(manifest, null, 2));
  };
  pkg('packages/core', { name: '@pw/core', version: '3.1.0' });
  pkg('packages/cli', { name: '@pw/cli', version: '3.1.0', dependencies: cliDeps });
  pkg('packages/scratch', { name: '@pw/scratch', version: '0.0.1' });
  return root;
}

describe('planning a pnpm workspace', () => {
  it('finds the members pnpm-workspace.yaml lists and plans the real ranges, shown in the plan', () => {
    const root = pnpmWorkspace({ '@pw/core': 'workspace:^' });
    expect(detectProject(root).npm.map((pkg) => pkg.name)).toEqual(['root', '@pw/cli', '@pw/core']);
    const plan = npmPlan(root, 'v3.1.0', 'http://127.0.0.1:9/');
    const steps = plan.stages[0]!.steps;
    expect(steps.map((step) => step.id)).toEqual(['npm-publish:@pw/core', 'npm-publish:@pw/cli']);
    expect(steps[1]).toMatchObject({ workspaceRanges: [{ field: 'dependencies', name: '@pw/core', from: 'workspace:^', to: '^3.1.0' }] });
    expect(steps[0]).not.toHaveProperty('workspaceRanges');
    expect(renderText(plan)).toContain('npm-publish  @pw/cli@3.1.0  --tag latest  (@pw/core workspace:^ → ^3.1.0)');
  });

  it('refuses the plan (so nothing is published) when a member named by workspace: is excluded from the workspace', () => {
    const root = pnpmWorkspace({ '@pw/scratch': 'workspace:*' });
    expect(() => npmPlan(root, 'v3.1.0', 'http://127.0.0.1:9/')).toThrow(
      'packages/cli/package.json: dependencies.@pw/scratch is "workspace:*", but no package named @pw/scratch is in the workspace (members: @pw/cli, @pw/core, root)',
    );
  });
});

describe('a package of the packages: map in a pnpm monorepo (examples/changesets-monorepo)', () => {
  /** `tagship plan --ref refs/tags/<tag> --json` from source, in the example as it is checked in. */
  async function plan(tag: string) {
    const cwd = join(repoRoot, 'examples/changesets-monorepo');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['plan', '--cwd', cwd, '--ref', `refs/tags/${tag}`, '--known-versions', '0.1.0', '--json'], {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      env: { PATH: process.env.PATH },
      cwd,
      now: () => new Date('2026-12-01T12:00:00Z'),
    });
    return { code, err: err.join('\n'), steps: code === 0 ? (JSON.parse(out.join('\n')) as { stages: Array<{ steps: Array<Record<string, unknown>> }> }).stages.flatMap((s) => s.steps) : [] };
  }

  it('resolves workspace:^ against the repository’s workspace, though the run works in the package’s directory', async () => {
    const cli = await plan('@acme/cli@1.3.0');
    expect(cli.code, cli.err).toBe(0);
    expect(cli.steps.find((step) => step.kind === 'npm-publish')).toMatchObject({
      package: '@acme/cli',
      dir: '.',
      workspaceRanges: [{ field: 'dependencies', name: '@acme/core', from: 'workspace:^', to: '^2.1.0' }],
    });
    const core = await plan('@acme/core@2.1.0');
    expect(core.steps.filter((step) => step.kind === 'npm-publish').map((step) => [step.package, step.workspaceRanges])).toEqual([['@acme/core', undefined]]);
  });
});
