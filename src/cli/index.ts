#!/usr/bin/env node
// The CLI's entry point: run and exit with its code; all logic is in main.ts.
// Its output is read by the runner when the CLI runs in a workflow step, and it prints tag names,
// file contents and error messages: every line is neutralised here, the one place the CLI prints.
import { neutralizeUntrusted } from '../runtime/workflow-commands.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(neutralizeUntrusted(text) + '\n'),
  stderr: (text) => process.stderr.write(neutralizeUntrusted(text) + '\n'),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});
