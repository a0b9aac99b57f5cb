import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { buildPlan } from '../../../src/plan/build.js';
import { indexBaseOf } from '../../../src/plan/steps/python.js';

function pythonSteps(yaml: string, rehearsal = false) {
  const plan = buildPlan({
    trigger: { kind: rehearsal ? 'rehearsal' : 'tag', event: 'push', tag: 'v1.2.3rc1', ref: 'refs/tags/v1.2.3rc1', versionText: '1.2.3rc1', stages: ['release'], rehearsal },
    config: parseConfig({ file: '.github/tagship.yml', text: `${yaml}\ngithub-release: { enabled: false }\n` }),
    facts: { project: { readings: [], npm: [], cargo: false, python: { name: 'crawl-kit' } }, knownVersions: [] },
    now: new Date('2025-11-02T09:00:00Z'),
    dryRun: true,
  });
  return plan.stages.flatMap((s) => s.steps).filter((s) => s.kind === 'python-build' || s.kind === 'pypi-upload');
}

describe('Python steps from the config', () => {
  it('defaults: python -m build into dist/, uploaded to PyPI, checked against pypi.org', () => {
    expect(pythonSteps('')).toEqual([
      { kind: 'python-build', id: 'python-build', target: 'dist/', command: ['python', '-m', 'build'], outDir: 'dist', project: 'crawl-kit', version: '1.2.3rc1' },
      {
        kind: 'pypi-upload',
        id: 'pypi-upload',
        target: 'https://upload.pypi.org/legacy/',
        repositoryUrl: 'https://upload.pypi.org/legacy/',
        indexUrl: 'https://pypi.org',
        project: 'crawl-kit',
        version: '1.2.3rc1',
        distDir: 'dist',
        globs: ['*.tar.gz', '*.whl'],
        buildStep: 'python-build',
        // PEP 740 by default, with PyPI's own Sigstore instance (the only one PyPI takes).
        attestation: { use: 'pypi', required: false, instance: { name: 'public-good', fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev' } },
      },
    ]);
  });

  it('attestations.pypi: false (or attestations.enabled: false) plans no attestation', () => {
    expect(pythonSteps('attestations: { pypi: false }\n')[1]).not.toHaveProperty('attestation');
    expect(pythonSteps('attestations: { enabled: false }\n')[1]).not.toHaveProperty('attestation');
    expect(pythonSteps('attestations: { enabled: true }\n')[1]).toMatchObject({ attestation: { required: true } });
  });

  it('a rehearsal goes to TestPyPI, whose API lives on the same host', () => {
    expect(pythonSteps('', true)[1]).toMatchObject({ repositoryUrl: 'https://test.pypi.org/legacy/', indexUrl: 'https://test.pypi.org' });
  });

  it('takes the build command, output directory, endpoint and index from the config', () => {
    const [build, upload] = pythonSteps('python:\n  build-command: [uv, build, --out-dir, out]\n  out-dir: out\n  repository-url: https://pkgs.example.org/upload/\n  index-url: https://pkgs.example.org/api/\n');
    expect(build).toMatchObject({ command: ['uv', 'build', '--out-dir', 'out'], outDir: 'out', target: 'out/' });
    expect(upload).toMatchObject({ repositoryUrl: 'https://pkgs.example.org/upload/', indexUrl: 'https://pkgs.example.org/api', distDir: 'out' });
  });

  it('derives the index base from the upload endpoint', () => {
    expect(indexBaseOf('https://upload.pypi.org/legacy/')).toBe('https://pypi.org');
    expect(indexBaseOf('https://test.pypi.org/legacy/')).toBe('https://test.pypi.org');
    expect(indexBaseOf('http://127.0.0.1:8080/legacy/')).toBe('http://127.0.0.1:8080');
  });

  it('refuses a build command that is not an argv list', () => {
    expect(() => pythonSteps('python:\n  build-command: python -m build\n')).toThrow(/build-command/);
  });
});
