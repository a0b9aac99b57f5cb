// The closing line of .ci/run from vitest's JSON report: "tests: N passed, N failed". CI runs every test:
// one that was skipped or left as a todo (a tool it needs missing, an `it.skip` left behind) fails CI,
// by name, instead of passing silently.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const reportPath = process.argv[2] ?? '.tmp/vitest-report.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const notRun = report.testResults.flatMap((file) =>
  file.assertionResults.filter((test) => test.status !== 'passed' && test.status !== 'failed').map((test) => `${relative(process.cwd(), file.name)} > ${test.fullName} (${test.status})`),
);
if (notRun.length) {
  console.error(`ci: ${notRun.length} test(s) did not run, and CI runs every test (scripts/setup installs the tools they need):\n  ${notRun.join('\n  ')}`);
  process.exit(1);
}
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
