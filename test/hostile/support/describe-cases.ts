import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCases, type HostileCase } from './run-case.js';

/**
 * One vitest test per row: all rows of a table run first (in parallel, a few processes at a time),
 * then each row's test passes when its run broke no promise, and otherwise lists what it saw.
 */
export function describeCases(title: string, cases: HostileCase[]): void {
  describe(title, () => {
    let problems = new Map<string, string[]>();
    beforeAll(async () => {
      problems = await runCases(cases);
      // TAGSHIP_HOSTILE_REPORT=dir: each table's problems as JSON, for reading many failures at once.
      if (process.env.TAGSHIP_HOSTILE_REPORT) {
        writeFileSync(join(process.env.TAGSHIP_HOSTILE_REPORT, `${title.replace(/\W+/g, '-')}.json`), JSON.stringify(Object.fromEntries(problems), null, 1));
      }
    }, 300_000);
    it.each(cases.map((c) => c.name))('%s', (name) => {
      expect(problems.get(name), name).toEqual([]);
    });
  });
}
