import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, parseInputs } from '../src/inputs.js';
import { realPayload, releaseEvent, tagPush } from './support/payloads.js';
import { repoRoot, runBuiltAction } from './support/action-run.js';

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const seed = join(repoRoot, 'test/fixtures/projects/python-seed');

describe('action.yml contract', () => {
  it('declares node24, and this suite runs on that runtime', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(`node${process.versions.node.split('.')[0]}`).toBe(action.runs.using);
  });

  it('every declared input is parsed, and nothing undeclared is read', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return '';
    });
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('every declared output is written by the built action, and nothing else', () => {
    const run = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: seed, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0' } });
    expect(run.status).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
    expect(run.outputs).toMatchObject({ trigger: 'tag', version: '1.2.3', major: '1', minor: '2', patch: '3', prerelease: 'false', latest: 'true', stages: 'release,verify' });
    expect(JSON.parse(run.outputs.plan!)).toMatchObject({ schemaVersion: 1, dryRun: true, version: { normalized: '1.2.3' } });
    expect(run.summary).toContain('### tagship plan: 1.2.3 (dry run)');
    expect(run.summary).toContain('```mermaid');
  });
});

describe('the release source: which commit the images are built from', () => {
  it('source-ref names the release tag, also for a rebuild tag (which points elsewhere)', () => {
    const tag = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: seed, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0' } });
    expect(tag.outputs['source-ref']).toBe('refs/tags/v1.2.3');
    const rebuild = runBuiltAction({ eventName: 'push', ref: 'refs/tags/docker-rebuild-v1.2.3', payload: tagPush('docker-rebuild-v1.2.3'), workspace: seed, inputs: { 'dry-run': 'true', 'known-versions': '1.2.3' } });
    expect(rebuild.outputs).toMatchObject({ trigger: 'docker-rebuild', 'source-ref': 'refs/tags/v1.2.3' });
  });

  it('source-commit replaces GITHUB_SHA as the commit the plan labels; anything but a full SHA is refused', () => {
    const commit = 'fedcba9876543210fedcba9876543210fedcba98';
    const run = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: seed, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0', 'source-commit': commit } });
    expect(JSON.parse(run.outputs.plan!).commit).toBe(commit);
    const bad = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: seed, inputs: { 'dry-run': 'true', 'source-commit': 'v1.2.3' } });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("Input 'source-commit' must be a full commit SHA");
  });
});

describe('the built action end to end', () => {
  it('a mismatch is a GitHub error annotation on the file and line, exit 1, no outputs', () => {
    const run = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: join(repoRoot, 'test/fixtures/projects/mismatch'), inputs: { 'known-versions': '1.0.0' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error file=drift/__version__.py,line=1::drift/__version__.py:1: version is "1.2.2" but tag v1.2.3 says "1.2.3". Update drift/__version__.py or move the tag.');
    expect(run.outputs).toEqual({});
  });

  it('nothing to do: exit 0, trigger output "ignored", the reason in the log and summary', () => {
    const branch = realPayload('push', (p) => p.ref === 'refs/heads/master');
    const run = runBuiltAction({ eventName: 'push', ref: branch.ref, payload: branch, workspace: seed });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('Nothing to do: branch "master" is not a tag push.');
    expect(run.outputs).toMatchObject({ trigger: 'ignored', version: '', stages: '' });
    expect(run.summary).toContain('nothing to do');
  });

  it('a hostile tag is rejected with one error line and never echoed as a command', () => {
    const tag = 'v1.2.3;echo ::add-mask::x';
    const run = runBuiltAction({ eventName: 'push', ref: `refs/tags/${tag}`, payload: tagPush(tag), workspace: seed });
    expect(run.status).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Tag "v1.2.3;echo %3A%3Aadd-mask%3A%3Ax" is not a version tag|^::error::Tag "v1.2.3;echo ::add-mask::x" is not a version tag/);
    expect(run.stdout.split('\n').filter((l) => l.trimStart().startsWith('::add-mask'))).toEqual([]);
  });

  it('a release event plans only the Docker stage; dry-run executes nothing', () => {
    const run = runBuiltAction({
      eventName: 'release',
      ref: 'refs/tags/v1.2.3',
      payload: releaseEvent('published', 'v1.2.3'),
      workspace: seed,
      inputs: { 'dry-run': 'true', 'known-versions': '' },
    });
    expect(run.status).toBe(0);
    expect(run.outputs.trigger).toBe('release');
    expect(JSON.parse(run.outputs.plan!).stages[0]).toEqual({ name: 'docker', steps: [], skipped: 'no docker.images configured' });
  });

  it('an invalid input is a clear error naming it', () => {
    const run = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: seed, inputs: { 'dry-run': 'maybe' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::Input 'dry-run' must be true or false, got "maybe".`);
  });
});
