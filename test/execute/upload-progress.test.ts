import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executors } from '../../src/execute/registry.js';
import { executePlan } from '../../src/execute/run.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { harness, planRelease, projectWithDist } from '../github/fixtures.js';
import { fastHttp, pythonPlan, release } from '../python/support/harness.js';
import { makeProject } from '../python/support/project.js';
import { startPypiIndex, type PypiIndex } from '../python/support/pypi-server.js';

/** The lines between a step's `::group::` and its `::endgroup::`. */
function groupOf(lines: string[], title: string): string[] {
  const open = lines.indexOf(`::group::${title}`);
  expect(open, `no group ${title}`).toBeGreaterThanOrEqual(0);
  return lines.slice(open + 1, lines.indexOf('::endgroup::', open));
}

const progressOf = (name: string) => new RegExp(`^${name.replace(/[.+]/g, '\\$&')}: \\d+% \\([\\d.]+ (MiB|KiB) of [\\d.]+ MiB\\) sent$`);

describe('uploads show their bytes inside the step group', () => {
  let index: PypiIndex;
  beforeAll(async () => {
    index = await startPypiIndex();
    index.tokens.add('pypi-progress-token');
  });
  afterAll(() => index.close());

  it('PyPI: each file of a megabyte or more reports tenths as it is sent, up to 100%', async () => {
    const dir = makeProject('tagship-big', '1.2.3');
    // Random bytes do not compress: the wheel and the sdist stay above a mebibyte.
    writeFileSync(join(dir, 'tagship_big', 'blob.py'), `BLOB = ${JSON.stringify(randomBytes(1536 * 1024).toString('base64'))}\n`);
    execFileSync('git', ['add', '-A'], { cwd: dir });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'blob'], { cwd: dir });
    const plan = pythonPlan('tagship-big', '1.2.3', index.uploadUrl);
    const { report, lines } = await release(plan, dir, { token: 'pypi-progress-token', http: fastHttp() });
    expect(report.failed).toBeUndefined();
    const upload = plan.stages.flatMap((s) => s.steps).find((s) => s.kind === 'pypi-upload')!;
    const inside = groupOf(lines, `pypi-upload: ${upload.target}`);
    for (const file of ['tagship_big-1.2.3-py3-none-any.whl', 'tagship-big-1.2.3.tar.gz']) {
      const progress = inside.filter((line) => line.startsWith(`${file}: `));
      expect(progress.length).toBeGreaterThanOrEqual(5);
      for (const line of progress) expect(line).toMatch(progressOf(file));
      expect(progress.at(-1)).toMatch(/: 100% \(/);
    }
  }, 180_000);

  it('GitHub: a release asset of a megabyte or more reports tenths as it is sent, up to 100%', async () => {
    const server = await GithubApiServer.start();
    try {
      server.commit('feat: first version');
      server.tag('v1.2.3');
      const plan = planRelease({ python: false, config: 'github-release:\n  assets: ["dist/*.whl"]\n' });
      const h = harness(plan, server, projectWithDist('1.2.3', { 'crawlkit-1.2.3-py3-none-any.whl': randomBytes(2 * 1024 * 1024).toString('latin1') }));
      const report = await executePlan(executors, h.ctx);
      expect(report.failed).toBeUndefined();
      const target = plan.stages.flatMap((s) => s.steps).find((s) => s.kind === 'github-release')!.target;
      const progress = groupOf(h.lines, `github-release: ${target}`).filter((line) => line.startsWith('Uploading crawlkit-1.2.3-py3-none-any.whl: '));
      expect(progress.length).toBeGreaterThanOrEqual(5);
      expect(progress.at(-1)).toMatch(/^Uploading crawlkit-1\.2\.3-py3-none-any\.whl: 100% \([\d.]+ MiB of [\d.]+ MiB\) sent$/);
      expect(server.violations).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
