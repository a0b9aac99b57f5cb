import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { codeSpan, escapeText } from '../github/markdown.js';
import { OciClient } from '../oci/client.js';
import { registryLogins } from '../oci/credentials.js';
import type { DockerScanStep } from '../plan/steps/docker.js';
import { runProcess } from '../runtime/process.js';
import { registryHost } from './image-name.js';
import { collectDigests, digestFileName } from './platform-digests.js';
import { scanArgv, scannerLoginEnv, type ScannerName } from './scan-command.js';
import { countAtOrAbove, countFindings, describeCounts, SEVERITY_ORDER, type SeverityCounts } from './scan-report.js';

/** One scanned platform image. */
export interface ScannedImage {
  platform: string;
  ref: string;
  counts: SeverityCounts;
  sarifFile: string;
  /** Findings at or above the threshold. */
  blocking: number;
}

/** Whether `name` is an executable on `env.PATH` (with Windows' PATHEXT endings). */
export function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  const pathValue = env.PATH ?? env.Path ?? '';
  const endings = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return pathValue
    .split(delimiter)
    .filter(Boolean)
    .some((dir) =>
      endings.some((ending) => {
        try {
          accessSync(join(dir, name + ending), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    );
}

/** The scanner to run: the configured one, or with `auto` Trivy, else Grype; undefined when none is on PATH. */
export function pickScanner(wanted: DockerScanStep['scanner'], env: NodeJS.ProcessEnv): ScannerName | undefined {
  const candidates: ScannerName[] = wanted === 'auto' ? ['trivy', 'grype'] : [wanted];
  return candidates.find((name) => onPath(name, env));
}

/**
 * The `docker-scan` step: each platform image, by the digest its build pushed, through Trivy or
 * Grype before the merge writes any tag. Findings at or above `docker.scan.fail-on` fail the step,
 * and the run stops there: no tag of this release is written or moved.
 */
export async function executeDockerScan(step: DockerScanStep, ctx: ExecutionContext): Promise<StepOutcome> {
  const scanner = pickScanner(step.scanner, ctx.env);
  const wanted = step.scanner === 'auto' ? 'trivy or grype' : step.scanner;
  if (!scanner) {
    if (step.required) throw new UserError(`docker.scan.enabled is true but ${wanted} is not on this runner's PATH: install it before tagship runs (aquasecurity/setup-trivy, anchore/scan-action/download-grype), or set docker.scan.enabled: auto.`);
    return { id: step.id, status: 'done', detail: `skipped: ${wanted} is not on this runner's PATH (docker.scan.enabled: auto)` };
  }

  const builds = collectDigests(step.digests, step.platforms, ctx);
  const host = registryHost(step.repository);
  const logins = registryLogins(ctx.secrets, ctx.env);
  const login = await logins(host);
  const released = step.releasedTag ? await releasedWith(new OciClient({ credentials: logins, ...(ctx.signal ? { signal: ctx.signal } : {}) }), step.repository, step.releasedTag, builds) : undefined;
  if (released) {
    return { id: step.id, status: 'unchanged', detail: `${step.repository}:${step.releasedTag} already holds these builds (${released}): released, not scanned again` };
  }
  // resolve, not join: an absolute docker.scan.sarif (under $RUNNER_TEMP, say) stays as given.
  const sarifDir = resolve(ctx.cwd, step.sarifDir);
  mkdirSync(sarifDir, { recursive: true });
  if (login) ctx.runner.mask(login.password);

  const scanned: ScannedImage[] = [];
  for (const build of builds) {
    for (const platform of build.platforms) {
      const sarifFile = join(sarifDir, `${digestFileName(platform)}.sarif`);
      const argv = scanArgv(scanner, { repository: step.repository, digest: build.digest, ...(build.platforms.length > 1 ? { platform } : {}), sarifFile });
      const ref = `${step.repository}@${build.digest}`;
      ctx.runner.info(`  ${argv.join(' ')}`);
      const result = await runProcess(argv[0]!, argv.slice(1), {
        parentEnv: ctx.env,
        tool: 'scanner',
        secretEnv: scannerLoginEnv(scanner, host, login),
        cwd: ctx.cwd,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onLine: (line) => ctx.runner.info(`    ${line}`),
        missingHint: `install it, or set docker.scan.scanner`,
      });
      if (result.code !== 0) {
        const last = result.stderr.trim().split('\n').pop() ?? '';
        throw new UserError(`${scanner} could not scan ${ref} (${platform}; exit ${result.code}${last ? `: ${last.slice(0, 300)}` : ''}): see its output above; check the registry login for that host and that the scanner can fetch its vulnerability database, then re-run.`);
      }
      const counts = readReport(sarifFile, scanner, platform, ref);
      scanned.push({ platform, ref, counts, sarifFile, blocking: countAtOrAbove(counts, step.failOn) });
    }
  }

  ctx.runner.appendSummary(renderScanTable(scanned, scanner, step, ctx.cwd));
  const failing = scanned.filter((image) => image.blocking > 0);
  if (failing.length) {
    const lines = failing.map(
      (image) => `${image.ref} (${image.platform}): ${describeCounts(image.counts)} — ${image.blocking} at or above docker.scan.fail-on: ${step.failOn}. Fix them (update the base image or the packages) and release again, or raise docker.scan.fail-on.`,
    );
    throw new UserError(`Vulnerability scan: no tag was written.\n${lines.join('\n')}`);
  }
  return {
    id: step.id,
    status: 'done',
    detail: `${scanner}: ${scanned.map((image) => `${image.platform} ${describeCounts(image.counts)}`).join('; ')} (fail on ${step.failOn}; SARIF in ${shownPath(ctx.cwd, sarifDir)})`,
    produced: { scanner, sarifDir, images: scanned.map(({ platform, ref, counts }) => ({ platform, ref, counts })) },
  };
}

/**
 * Counts the report's findings, and names the run for code scanning: it tells runs of one tool apart
 * by `automationDetails.id` (the upload's category), so each platform's report stays its own analysis.
 */
function readReport(file: string, scanner: ScannerName, platform: string, ref: string): SeverityCounts {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${scanner} exited 0 but wrote no report to ${file} for ${ref}: check the scanner's version (trivy ≥ 0.50 or grype ≥ 0.74 take these flags), then re-run.`);
  }
  try {
    const counts = countFindings(text);
    const log = JSON.parse(text) as { runs: Array<{ automationDetails?: { id?: string } }> };
    for (const run of log.runs) run.automationDetails ??= { id: `tagship-scan/${digestFileName(platform)}/` };
    writeFileSync(file, JSON.stringify(log, null, 2) + '\n');
    return counts;
  } catch (error) {
    throw new UserError(`${scanner}'s report ${file} for ${ref} is not SARIF (${error instanceof Error ? error.message : String(error)}): check the scanner's version, then re-run.`);
  }
}

/** A path as the workflow would name it: relative to the working directory when inside it. */
function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/** The job summary's table: one row per platform image, counts by severity. */
export function renderScanTable(scanned: readonly ScannedImage[], scanner: ScannerName, step: Pick<DockerScanStep, 'failOn'>, cwd: string): string {
  const header = ['image', 'platform', ...SEVERITY_ORDER.map((s) => (s === 'other' ? 'negligible/unknown' : s)), 'SARIF'];
  const rows = scanned.map((image) =>
    [
      `${image.blocking ? '❌' : '✅'} ${codeSpan(image.ref)}`,
      escapeText(image.platform),
      ...SEVERITY_ORDER.map((bucket) => String(image.counts[bucket])),
      codeSpan(shownPath(cwd, image.sarifFile)),
    ].join(' | '),
  );
  return [
    `#### Vulnerability scan (${scanner}, fail on ${step.failOn})`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

/**
 * The digest `repository:tag` points at when it already holds every build of this run (the merge's
 * index of them, or the single build itself), else undefined: a first release, or other images.
 */
async function releasedWith(client: OciClient, repository: string, tag: string, builds: ReadonlyArray<{ digest: string }>): Promise<string | undefined> {
  const current = await client.getManifest(repository, tag);
  if (!current) return undefined;
  const held = new Set([current.digest, ...(current.json.manifests ?? []).map((entry) => entry.digest)]);
  return builds.every((build) => held.has(build.digest)) ? current.digest : undefined;
}
