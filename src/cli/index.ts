#!/usr/bin/env node
// The CLI's entry point: run and exit with its code; all logic is in main.ts.
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});
