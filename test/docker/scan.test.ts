import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDockerMerge } from '../../src/docker/merge.js';
import { executeDockerScan } from '../../src/docker/scan.js';
import { scanArgv, scannerLoginEnv, type ScannerName } from '../../src/docker/scan-command.js';
import { countAtOrAbove, countFindings, describeCounts, emptyCounts } from '../../src/docker/scan-report.js';
import { executePlan } from '../../src/execute/run.js';
import type { ExecutorRegistry } from '../../src/execute/types.js';
import type { DockerScanStep } from '../../src/plan/steps/docker.js';
import { childEnv } from '../../src/runtime/child-env.js';
import { plan as releasePlan } from '../verify/support/plans.js';
import { recordingRunner } from '../verify/support/runner.js';
import { pushIndex, startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { mergeContext, mergeStep, PLATFORMS } from './support/context.js';
import { dockerPlan, dockerSteps } from './support.js';

const FIXTURES = resolve(__dirname, '../fixtures/scan');
const TRIVY_SARIF = join(FIXTURES, 'trivy-alpine-310.sarif');
const GRYPE_SARIF = join(FIXTURES, 'grype-image.sarif');
const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('scanner command lines', () => {
  it('trivy: reads the registry only, by digest, and writes SARIF to the file; a multi-platform digest names its platform', () => {
    expect(scanArgv('trivy', { repository: 'ghcr.io/acme/app', digest: DIGEST, sarifFile: '/w/tagship-scan/linux-amd64.sarif' })).toEqual([
      'trivy', 'image', '--format', 'sarif', '--output', '/w/tagship-scan/linux-amd64.sarif', '--image-src', 'remote', '--scanners', 'vuln', '--exit-code', '0', '--quiet', `ghcr.io/acme/app@${DIGEST}`,
    ]);
    expect(scanArgv('trivy', { repository: 'ghcr.io/acme/app', digest: DIGEST, platform: 'linux/arm64', sarifFile: 'o.sarif' }).slice(-3)).toEqual(['--platform', 'linux/arm64', `ghcr.io/acme/app@${DIGEST}`]);
  });

  it('grype: the registry: scheme and -o sarif=FILE', () => {
    expect(scanArgv('grype', { repository: 'docker.io/acme/app', digest: DIGEST, sarifFile: 'o.sarif' })).toEqual(['grype', `registry:docker.io/acme/app@${DIGEST}`, '-o', 'sarif=o.sarif', '--quiet']);
    expect(scanArgv('grype', { repository: 'docker.io/acme/app', digest: DIGEST, platform: 'linux/arm64', sarifFile: 'o.sarif' }).slice(-2)).toEqual(['--platform', 'linux/arm64']);
  });

  it('each scanner gets the registry login in the variables it documents, Docker Hub as index.docker.io for grype', () => {
    const login = { username: 'bot', password: 's3cret' };
    expect(scannerLoginEnv('trivy', 'ghcr.io', login)).toEqual({ TRIVY_USERNAME: 'bot', TRIVY_PASSWORD: 's3cret' });
    expect(scannerLoginEnv('grype', 'docker.io', login)).toEqual({ GRYPE_REGISTRY_AUTH_AUTHORITY: 'index.docker.io', GRYPE_REGISTRY_AUTH_USERNAME: 'bot', GRYPE_REGISTRY_AUTH_PASSWORD: 's3cret' });
    expect(scannerLoginEnv('grype', 'ghcr.io', undefined)).toEqual({});
  });

  it("the scanner's environment: its own settings and the Docker config, never the action's inputs or an inherited registry login", () => {
    const env = childEnv(
      { PATH: '/bin', INPUT_REGISTRY_CREDENTIALS: 'x', TRIVY_CACHE_DIR: '/c', TRIVY_PASSWORD: 'inherited', GRYPE_DB_CACHE_DIR: '/g', GRYPE_REGISTRY_AUTH_PASSWORD: 'inherited', DOCKER_CONFIG: '/d', GITHUB_TOKEN: 't', ACTIONS_RUNTIME_TOKEN: 'r' },
      'scanner',
      { secretEnv: { TRIVY_PASSWORD: 'given' } },
    );
    expect(env).toEqual({ PATH: '/bin', TRIVY_CACHE_DIR: '/c', GRYPE_DB_CACHE_DIR: '/g', DOCKER_CONFIG: '/d', TRIVY_PASSWORD: 'given' });
  });
});

describe("counting the scanners' own SARIF reports", () => {
  it("trivy's alpine 3.10 golden report: four medium findings (two CVEs in two packages)", () => {
    expect(countFindings(readFileSync(TRIVY_SARIF, 'utf8'))).toEqual({ ...emptyCounts(), medium: 4 });
  });

  it("grype's image golden report: one critical and one low, whatever its security-severity score says", () => {
    const counts = countFindings(readFileSync(GRYPE_SARIF, 'utf8'));
    expect(counts).toEqual({ ...emptyCounts(), critical: 1, low: 1 });
    expect(describeCounts(counts)).toBe('1 critical, 1 low');
  });

  it('the threshold counts findings at or above it; none never fails', () => {
    const counts = { ...emptyCounts(), critical: 1, medium: 4, low: 2, other: 3 };
    expect(countAtOrAbove(counts, 'critical')).toBe(1);
    expect(countAtOrAbove(counts, 'high')).toBe(1);
    expect(countAtOrAbove(counts, 'medium')).toBe(5);
    expect(countAtOrAbove(counts, 'low')).toBe(7);
    expect(countAtOrAbove(counts, 'none')).toBe(0);
  });

  it('a report that is not SARIF is an error', () => {
    expect(() => countFindings('{"matches": []}')).toThrow(/not a SARIF log/);
  });
});

describe('docker-scan in the plan', () => {
  it('runs after the builds and before the merge, and in the merge job of a distributed run; off when disabled', () => {
    const kinds = (plan: ReturnType<typeof dockerPlan>) => dockerSteps(plan).map((s) => s.kind);
    expect(kinds(dockerPlan())).toEqual(['docker-build', 'docker-build', 'docker-scan', 'docker-merge', 'docker-attest']);
    const scan = dockerSteps(dockerPlan()).find((s) => s.kind === 'docker-scan') as DockerScanStep;
    expect(scan).toMatchObject({ repository: 'ghcr.io/acme/crawlkit', platforms: PLATFORMS, required: false, scanner: 'auto', failOn: 'critical', sarifDir: 'tagship-scan' });
    // A tag run may find its version tag already out (a re-run); a docker-rebuild replaces it, so scans.
    expect(scan.releasedTag).toBe('1.2.3');
    const rebuild = dockerSteps(dockerPlan({ kind: 'docker-rebuild' })).find((s) => s.kind === 'docker-scan') as DockerScanStep;
    expect(rebuild).toBeDefined();
    expect(rebuild.releasedTag).toBeUndefined();
    const mergeJob = dockerSteps(dockerPlan({ job: { job: 'merge' }, digestsDir: '/d' }));
    expect(mergeJob.map((s) => s.kind)).toEqual(['docker-scan', 'docker-merge', 'docker-attest']);
    expect((mergeJob[0] as DockerScanStep).digests).toEqual({ from: 'directory', path: '/d' });
    const off = dockerPlan({ config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  scan: { enabled: false }\n' });
    expect(kinds(off)).toEqual(['docker-build', 'docker-build', 'docker-merge', 'docker-attest']);
    const strict = dockerSteps(dockerPlan({ config: 'docker:\n  images: [ghcr.io/acme/crawlkit]\n  scan: { enabled: true, scanner: grype, fail-on: high }\n' }));
    expect(strict.find((s) => s.kind === 'docker-scan')).toMatchObject({ required: true, scanner: 'grype', failOn: 'high' });
  });
});

/**
 * A stand-in scanner on PATH: checks its argv exactly as the planner must give it (and that the
 * image it is asked for exists in the registry, by digest), then writes a real report to the output file.
 */
function fakeScanner(bin: string, name: ScannerName, expected: string[][], report: string): string {
  const log = join(bin, `${name}.calls`);
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
const argv = process.argv.slice(2);
const expected = ${JSON.stringify(expected.map((argv) => argv.slice(1)))};
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv, env: Object.keys(process.env).sort() }) + '\\n');
const match = expected.find((e) => JSON.stringify(e) === JSON.stringify(argv));
if (!match) { process.stderr.write('unexpected arguments: ' + argv.join(' ') + '\\n'); process.exit(1); }
const ref = argv.find((a) => a.includes('@sha256:')).replace(/^registry:/, '');
const [repo, digest] = ref.split('@');
const [host, ...path] = repo.split('/');
const out = ${name === 'trivy' ? "argv[argv.indexOf('--output') + 1]" : "argv[argv.indexOf('-o') + 1].replace(/^sarif=/, '')"};
// The login, from the variables the real scanner reads it from.
const user = process.env.TRIVY_USERNAME ?? process.env.GRYPE_REGISTRY_AUTH_USERNAME;
const password = process.env.TRIVY_PASSWORD ?? process.env.GRYPE_REGISTRY_AUTH_PASSWORD;
const headers = { accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json' };
if (user) headers.authorization = 'Basic ' + Buffer.from(user + ':' + password).toString('base64');
fetch('http://' + host + '/v2/' + path.join('/') + '/manifests/' + digest, { method: 'HEAD', headers }).then((r) => {
  if (r.status === 401) { process.stderr.write('UNAUTHORIZED: authentication required for ' + ref + '\\n'); process.exit(1); }
  if (r.status !== 200) { process.stderr.write('MANIFEST_UNKNOWN: ' + ref + '\\n'); process.exit(1); }
  fs.writeFileSync(out, fs.readFileSync(${JSON.stringify(report)}));
});
`;
  const file = join(bin, name);
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return log;
}

describe('docker-scan gates the merge (fake scanner on PATH, real registry)', () => {
  let registry: LocalRegistry;
  let work: string;
  beforeAll(async () => {
    registry = await startRegistry();
    work = mkdtempSync(join(tmpdir(), 'tagship-scan-'));
  }, 60_000);
  afterAll(async () => {
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Per-platform images pushed by digest (under a seed tag, as a build job leaves them) and the digest files a distributed merge job reads. */
  async function pushedBuilds(name: string) {
    const index = await pushIndex(registry.host, name, ['seed'], PLATFORMS, name);
    const response = await fetch(`http://${registry.host}/v2/${name}/manifests/${index}`, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
    const manifests = ((await response.json()) as { manifests: Array<{ digest: string; platform: { os: string; architecture: string } }> }).manifests;
    const digests = Object.fromEntries(PLATFORMS.map((p) => [p, manifests.find((m) => `${m.platform.os}/${m.platform.architecture}` === p)!.digest]));
    const dir = join(work, `${name.replace('/', '-')}-digests`);
    mkdirSync(dir, { recursive: true });
    for (const [platform, digest] of Object.entries(digests)) writeFileSync(join(dir, platform.replace('/', '-')), digest);
    return { repository: `${registry.host}/${name}`, digests, dir };
  }

  const tagsOf = async (name: string) => ((await (await fetch(`http://${registry.host}/v2/${name}/tags/list`)).json()) as { tags: string[] }).tags.sort();

  function setup(name: string, scanner: ScannerName, report: string, step: Partial<DockerScanStep>, builds: Awaited<ReturnType<typeof pushedBuilds>>) {
    const bin = join(work, `${name.replace('/', '-')}-bin`);
    mkdirSync(bin, { recursive: true });
    const cwd = join(work, `${name.replace('/', '-')}-cwd`);
    mkdirSync(cwd, { recursive: true });
    const expected = PLATFORMS.map((p) => scanArgv(scanner, { repository: builds.repository, digest: builds.digests[p]!, sarifFile: join(cwd, 'tagship-scan', `${p.replace('/', '-')}.sarif`) }));
    const calls = fakeScanner(bin, scanner, expected, report);
    const scan: DockerScanStep = {
      kind: 'docker-scan',
      id: 'docker-scan',
      target: builds.repository,
      repository: builds.repository,
      platforms: PLATFORMS,
      digests: { from: 'directory', path: builds.dir },
      required: false,
      scanner: 'auto',
      failOn: 'critical',
      sarifDir: 'tagship-scan',
      ...step,
    };
    const merge = mergeStep([builds.repository], { digests: { from: 'directory', path: builds.dir } });
    const plan = { ...releasePlan('v1.2.3'), dryRun: false, stages: [{ name: 'docker' as const, steps: [scan, merge] }] };
    const recorded = recordingRunner();
    const registryOfExecutors: ExecutorRegistry = { 'docker-scan': async () => executeDockerScan, 'docker-merge': async () => executeDockerMerge };
    const run = () => executePlan(registryOfExecutors, { plan, cwd, runner: recorded.runner, env: { PATH: `${bin}:${process.env.PATH}`, INPUT_GITHUB_TOKEN: 'never-to-the-scanner' }, secrets: {} });
    return { run, lines: recorded.lines, calls, cwd };
  }

  it('a critical finding stops the release before any tag is written, one line per image naming the counts and what to do', async () => {
    const builds = await pushedBuilds('acme/vulnerable');
    const { run, lines, calls, cwd } = setup('acme/vulnerable', 'grype', GRYPE_SARIF, { failOn: 'critical' }, builds);
    const report = await run();

    expect(report.failed?.step.id).toBe('docker-scan');
    expect(report.notRun.map((s) => s.id)).toEqual(['docker-merge']);
    const message = (report.failed!.error as Error).message;
    expect(message.split('\n')).toEqual([
      'Vulnerability scan: no tag was written.',
      ...PLATFORMS.map((p) => `${builds.repository}@${builds.digests[p]} (${p}): 1 critical, 1 low — 1 at or above docker.scan.fail-on: critical. Fix them (update the base image or the packages) and release again, or raise docker.scan.fail-on.`),
    ]);
    // Only the build jobs' seed tag: neither 1.2.3 nor latest moved.
    expect(await tagsOf('acme/vulnerable')).toEqual(['seed']);
    // Both platforms were scanned, each with exactly the planned argv, and without the action's inputs.
    const seen = readFileSync(calls, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { argv: string[]; env: string[] });
    expect(seen).toHaveLength(2);
    for (const call of seen) expect(call.env).not.toContain('INPUT_GITHUB_TOKEN');
    // The summary's table shows the findings; the SARIF files are there for upload, one analysis per platform.
    const table = lines.find((line) => line.startsWith('#### Vulnerability scan'))!;
    expect(table).toContain('#### Vulnerability scan (grype, fail on critical)');
    expect(table).toContain(`| ❌ \`${builds.repository}@${builds.digests['linux/arm64']}\` | linux/arm64 | 1 | 0 | 0 | 1 | 0 | \`tagship-scan/linux-arm64.sarif\` |`);
    const sarif = JSON.parse(readFileSync(join(cwd, 'tagship-scan', 'linux-amd64.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string }; results: unknown[] }> };
    expect(sarif.runs[0]!.automationDetails.id).toBe('tagship-scan/linux-amd64/');
    expect(sarif.runs[0]!.results).toHaveLength(2);
  }, 60_000);

  it('findings below the threshold let the merge write every tag, and show in the summary', async () => {
    const builds = await pushedBuilds('acme/medium');
    const { run, lines } = setup('acme/medium', 'trivy', TRIVY_SARIF, { failOn: 'high' }, builds);
    const report = await run();

    expect(report.failed).toBeUndefined();
    const scanned = report.outcomes.find((o) => o.id === 'docker-scan')!;
    expect(scanned.detail).toBe('trivy: linux/amd64 4 medium; linux/arm64 4 medium (fail on high; SARIF in tagship-scan)');
    expect(await tagsOf('acme/medium')).toEqual(['1', '1.2', '1.2.3', 'latest', 'seed']);
    const table = lines.find((line) => line.startsWith('#### Vulnerability scan'))!;
    expect(table).toContain(`| ✅ \`${builds.repository}@${builds.digests['linux/amd64']}\` | linux/amd64 | 0 | 0 | 4 | 0 | 0 | \`tagship-scan/linux-amd64.sarif\` |`);
  }, 60_000);

  it('a re-run of a finished release does not scan again (nor fail on findings published since): the version tag already holds these builds', async () => {
    const builds = await pushedBuilds('acme/rerun');
    const first = setup('acme/rerun', 'trivy', TRIVY_SARIF, { failOn: 'high', releasedTag: '1.2.3' }, builds);
    expect((await first.run()).failed).toBeUndefined();
    expect(await tagsOf('acme/rerun')).toEqual(['1', '1.2', '1.2.3', 'latest', 'seed']);
    // The same builds again, and the scanner now reports a critical: nothing to gate, the tags are out.
    const again = setup('acme/rerun', 'grype', GRYPE_SARIF, { failOn: 'critical', releasedTag: '1.2.3' }, builds);
    const report = await again.run();
    expect(report.failed).toBeUndefined();
    expect(report.outcomes.find((o) => o.id === 'docker-scan')).toMatchObject({ status: 'unchanged', detail: expect.stringMatching(/:1\.2\.3 already holds these builds \(sha256:[0-9a-f]{64}\): released, not scanned again$/) });
    expect(existsSync(again.calls)).toBe(false);
    // Other builds under a released version tag (a rebuild plans no releasedTag) are scanned as ever.
    const other = await pushedBuilds('acme/rerun-other');
    const fresh = setup('acme/rerun-other', 'grype', GRYPE_SARIF, { failOn: 'critical', releasedTag: '1.2.3' }, other);
    expect((await fresh.run()).failed?.step.id).toBe('docker-scan');
  }, 60_000);

  it('no scanner on PATH: auto skips with the reason and the merge proceeds; enabled: true is one error line', async () => {
    const builds = await pushedBuilds('acme/unscanned');
    const emptyPath = join(work, 'no-scanners');
    mkdirSync(emptyPath, { recursive: true });
    const base = { kind: 'docker-scan', id: 'docker-scan', target: '', repository: builds.repository, platforms: PLATFORMS, digests: { from: 'directory', path: builds.dir }, scanner: 'auto', failOn: 'critical', sarifDir: 'tagship-scan' } as const;
    const ctx = { plan: releasePlan('v1.2.3'), cwd: work, runner: recordingRunner().runner, env: { PATH: emptyPath }, secrets: {}, outcomes: new Map() };
    expect(await executeDockerScan({ ...base, required: false }, ctx)).toEqual({ id: 'docker-scan', status: 'done', detail: "skipped: trivy or grype is not on this runner's PATH (docker.scan.enabled: auto)" });
    await expect(executeDockerScan({ ...base, required: true, scanner: 'trivy' }, ctx)).rejects.toThrow(
      "docker.scan.enabled is true but trivy is not on this runner's PATH: install it before tagship runs (aquasecurity/setup-trivy, anchore/scan-action/download-grype), or set docker.scan.enabled: auto.",
    );
    expect(existsSync(join(work, 'tagship-scan'))).toBe(false);
  }, 60_000);

  it('a private registry: the scanner gets the registry-credentials login for its host, not one from the job environment', async () => {
    const auth = { username: 'pusher', password: 'scan-s3cret' };
    const privateRegistry = await startRegistry(auth);
    try {
      const name = 'acme/private';
      const index = await pushIndex(privateRegistry.host, name, ['seed'], PLATFORMS, name, auth);
      const repository = `${privateRegistry.host}/${name}`;
      const bin = join(work, 'private-bin');
      const cwd = join(work, 'private-cwd');
      mkdirSync(bin, { recursive: true });
      mkdirSync(cwd, { recursive: true });
      // Single mode: one index holds both platforms, so each scan names its platform.
      // An absolute docker.scan.sarif is used as given.
      const sarifDir = join(work, 'private-sarif');
      const expected = PLATFORMS.map((p) => scanArgv('trivy', { repository, digest: index, platform: p, sarifFile: join(sarifDir, `${p.replace('/', '-')}.sarif`) }));
      expect(expected[1]).toContain('--platform');
      const calls = fakeScanner(bin, 'trivy', expected, TRIVY_SARIF);
      const { ctx, lines, masked } = mergeContextFor({ 'linux/amd64': index, 'linux/arm64': index }, cwd, bin);
      const step: DockerScanStep = { kind: 'docker-scan', id: 'docker-scan', target: repository, repository, platforms: PLATFORMS, digests: { from: 'outcomes' }, required: true, scanner: 'trivy', failOn: 'critical', sarifDir };

      // Without a login for the host the scanner cannot read the image: one line saying what to check.
      await expect(executeDockerScan(step, ctx)).rejects.toThrow(`trivy could not scan ${repository}@${index} (linux/amd64; exit 1: UNAUTHORIZED: authentication required for ${repository}@${index}): see its output above; check the registry login for that host and that the scanner can fetch its vulnerability database, then re-run.`);

      const outcome = await executeDockerScan(step, { ...ctx, secrets: { 'registry-credentials': `${privateRegistry.host} pusher scan-s3cret` } });
      expect(outcome.detail).toBe(`trivy: linux/amd64 4 medium; linux/arm64 4 medium (fail on critical; SARIF in ${sarifDir})`);
      expect(existsSync(join(sarifDir, 'linux-arm64.sarif'))).toBe(true);
      const seen = readFileSync(calls, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { argv: string[]; env: string[] });
      expect(seen.at(-1)!.env).toEqual(expect.arrayContaining(['TRIVY_USERNAME', 'TRIVY_PASSWORD']));
      expect(seen.at(-1)!.env).not.toContain('INPUT_REGISTRY_CREDENTIALS');
      // The password is masked in the log before the scanner runs.
      expect(masked).toContain('scan-s3cret');
      expect(lines.join('\n')).not.toContain('scan-s3cret');
    } finally {
      await privateRegistry.stop();
    }
  }, 60_000);
});

/** A run context whose docker-build outcomes report `digests` (as in one job), the scanner's bin first on PATH. */
function mergeContextFor(digests: Record<string, string>, cwd: string, bin: string) {
  const base = mergeContext(digests);
  const recorded = recordingRunner();
  // The job's environment: an inherited scanner login must lose to the one tagship hands over.
  const env = { PATH: `${bin}:${process.env.PATH}`, TRIVY_PASSWORD: 'inherited-wrong', INPUT_REGISTRY_CREDENTIALS: 'never-to-the-scanner' };
  return { ctx: { ...base.ctx, cwd, env, runner: recorded.runner }, lines: recorded.lines, masked: recorded.masked };
}
