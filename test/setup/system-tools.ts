/**
 * vitest global setup: before any test file loads, checks the system tools the selected files declare
 * (usesTools in test/support/system-tools.ts) and stops the whole run with one line when any is missing.
 */
import type { TestProject } from 'vitest/node';
import { toolProblems, toolProblemsMessage, toolsDeclaredBy } from '../support/system-tools.js';

export default async function checkSystemTools(project: TestProject): Promise<void> {
  let message: string | null;
  try {
    message = toolProblemsMessage(await toolProblems(toolsDeclaredBy(project.vitest.state.getPaths())));
  } catch (error) {
    message = `tagship tests: ${(error as Error).message}`; // a declaration naming a tool the registry lacks
  }
  if (!message) return;
  // The line alone, and no run: a thrown error would come with a stack, a code frame and vitest's
  // "No test files found", burying what to do.
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
