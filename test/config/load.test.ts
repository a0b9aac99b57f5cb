import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';
import { userErrorOf } from '../support/user-error.js';

const load = (text?: string, overrides?: Record<string, unknown>) => parseConfig({ file: '.github/tagship.yml', text }, overrides);


describe('config', () => {
  it('no file: defaults', () => {
    expect(load()).toMatchObject({ 'tag-prefix': 'v', 'rehearsal-prefix': 'test-', 'version-sources': 'auto', docker: { images: [] } });
  });

  it('an unknown key names the key, the file and line, and the keys that exist', () => {
    const error = userErrorOf(() => load('tag-prefix: v\ndocker:\n  imags: [a]\n'));
    expect(error.message).toBe('.github/tagship.yml:3: unknown key "docker.imags" (expected one of: images, tags, major-zero, platforms, mode, runners, backend, context, file, pull, build-args, secrets, provenance, sbom, cache, scan, labels, title, description, licenses).');
    expect(error.location).toEqual({ file: '.github/tagship.yml', line: 3 });
  });

  it('a wrong type names the key, the expected form and the value received', () => {
    expect(userErrorOf(() => load('docker:\n  images:\n    - 42\n')).message).toBe('.github/tagship.yml:3: "docker.images[0]" must be string, got 42.');
    expect(userErrorOf(() => load('version-scheme: calver\n')).message).toBe(
      '.github/tagship.yml:1: "version-scheme" must be one of "auto", "semver", "pep440", got "calver".',
    );
    expect(userErrorOf(() => load('tag-prefix: "v; rm"\n')).message).toMatch(/^\.github\/tagship\.yml:1: "tag-prefix": only letters/);
  });

  it('broken YAML and a non-mapping top level are clear errors', () => {
    expect(userErrorOf(() => load('docker: [\n')).message).toMatch(/^\.github\/tagship\.yml:\d+: not valid YAML/);
    expect(userErrorOf(() => load('- a\n- b\n')).message).toBe('.github/tagship.yml: expected a mapping of settings at the top level, got ["a","b"].');
  });

  it('inputs override the file, and a bad input is blamed on the input', () => {
    expect(load('tag-prefix: release-\n', { 'tag-prefix': 'v' })['tag-prefix']).toBe('v');
    expect(userErrorOf(() => load(undefined, { 'tag-prefix': 'v$(id)' })).message).toMatch(/^input: "tag-prefix": only letters/);
  });
});
