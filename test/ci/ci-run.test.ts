/**
 * .ci/run runs what the README tells a newcomer to run, and fails when any test did not run: its closing
 * line comes from .ci/tally.mjs reading the JSON report a real vitest run writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action-run.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ciRun = readFileSync(join(repoRoot, '.ci/run'), 'utf8');

/** The commands of the README's "Try it" block, without their comments. */
function tryItCommands(): string[] {
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

describe("the README's commands", () => {
  it('are the set-up script, then the demo or the tests', () => {
    expect(tryItCommands()).toEqual(['scripts/setup && npm run demo', 'scripts/setup && npm test']);
  });

  it('the test command is a line of .ci/run, exactly', () => {
    const testCommand = tryItCommands().find((command) => command.endsWith('npm test'))!;
    expect(ciRun.split('\n')).toContain(testCommand);
  });
});

// Under .tmp/ in the repository, so the test files there resolve `vitest` from its node_modules.
mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
const scratch = mkdtempSync(join(repoRoot, '.tmp', 'tally-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A real vitest run of one test file (own config, no global setup), then .ci/tally.mjs on its report. */
function tally(name: string, testFile: string) {
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.mjs'] } };\n");
  writeFileSync(join(dir, 'case.test.mjs'), testFile);
  const { CI: _ci, ...env } = process.env;
  spawnSync(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', '--outputFile', join(dir, 'report.json')], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const result = spawnSync(process.execPath, [join(repoRoot, '.ci/tally.mjs'), join(dir, 'report.json')], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('.ci/tally.mjs', () => {
  it('prints the closing line when every test ran', () => {
    const result = tally('all-ran', "import { it } from 'vitest';\nit('one', () => {});\nit('two', () => {});\n");
    expect(result).toEqual({ status: 0, stdout: 'tests: 2 passed, 0 failed\n', stderr: '' });
  });

  it('fails, naming each test that was skipped or left as a todo', () => {
    const result = tally(
      'some-skipped',
      "import { describe, it } from 'vitest';\nit('ran', () => {});\ndescribe.skipIf(true)('needs a tool', () => { it('pushes', () => {}); });\nit.todo('later');\n",
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ci: 2 test(s) did not run, and CI runs every test (scripts/setup installs the tools they need):\n' +
        '  case.test.mjs > needs a tool pushes (skipped)\n' +
        '  case.test.mjs > later (todo)\n',
    );
  });
});
