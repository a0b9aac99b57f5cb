import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, readConfigSource } from '../config/load.js';
import { UsageError, UserError } from '../errors.js';
import { projectDirectory } from '../project/files.js';
import type { BumpResult } from '../bump/run.js';
import type { CliIO } from './main.js';

/**
 * `tagship bump`: loaded by `runCli` only for this command (planning never pays for it). Exit 0
 * done, 1 refused (one line, nothing changed), 2 usage.
 */
export async function bumpCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        cwd: { type: 'string' },
        package: { type: 'string' },
        preid: { type: 'string' },
        config: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'no-commit': { type: 'boolean' },
        'no-tag': { type: 'boolean' },
        push: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `bump takes one kind or version, got ${positionals.length}: ${positionals.join(' ')}` : 'bump needs a kind (major, minor, patch, premajor, preminor, prepatch, prerelease, auto) or a version like 1.2.3');
  // A mistyped kind is a wrong value, not a wrong command line: one line, exit 1, like every refusal.
  const { parseBumpRequest } = await import('../version/next.js');
  try {
    parseBumpRequest(positionals[0]!);
  } catch (error) {
    if (error instanceof UsageError) throw new UserError(error.message);
    throw error;
  }
  const cwd = projectDirectory(resolve(io.cwd, values.cwd ?? '.'), '--cwd');
  const config = parseConfig(readConfigSource(cwd, values.config, io.cwd), {}, 'flag');
  const { runBump } = await import('../bump/run.js');
  const result = await runBump({
    cwd,
    request: positionals[0]!,
    ...(values.preid !== undefined ? { preid: values.preid } : {}),
    ...(values.package !== undefined ? { package: values.package } : {}),
    dryRun: values['dry-run'] === true,
    commit: values['no-commit'] !== true,
    tag: values['no-commit'] !== true && values['no-tag'] !== true,
    push: values.push === true,
    env: io.env,
    now: io.now(),
    config,
    warn: (line) => io.stderr(`tagship: warning: ${line}`),
  });
  io.stdout(values.json ? JSON.stringify(jsonOf(result, values['dry-run'] === true), null, 2) : describe(result, values['dry-run'] === true));
  return 0;
}

/** The result without the files' whole texts: which lines changed, and the diff. */
function jsonOf(result: BumpResult, dryRun: boolean) {
  return { ...result, dryRun, edits: result.edits.map((edit) => ({ file: edit.file, lines: edit.lines, ...(edit.inRepository ? { inRepository: true } : {}) })) };
}

function describe(result: BumpResult, dryRun: boolean): string {
  const lines: string[] = [];
  if (dryRun && result.diff) lines.push(result.diff.trimEnd(), '');
  const from = result.previous ? `${result.previous} → ` : '';
  lines.push(`${result.package ? `${result.package}: ` : ''}${from}${result.version}${result.because ? ` (auto: ${result.because})` : ''}`);
  // A workspace lockfile above a package is named from the repository root, and says so.
  const changed = result.edits.map((edit) => `${edit.lines.length ? `${edit.file}:${edit.lines.join(',')}` : edit.file}${edit.inRepository ? ' (from the repository root)' : ''}`);
  lines.push(`${dryRun ? 'would change' : 'changed'}: ${changed.length ? changed.join(', ') : 'nothing'}`);
  for (const dynamic of result.dynamic) lines.push(`no edit: ${dynamic.source}: ${dynamic.how}`);
  if (dryRun) {
    lines.push(`would commit and tag ${result.tag} (nothing changed: --dry-run)`);
    return lines.join('\n');
  }
  if (result.commit) lines.push(`committed ${result.commit.slice(0, 12)}`);
  if (result.tagged) lines.push(`tagged ${result.tag} (annotated)`);
  if (result.pushed) lines.push(`pushed the commit and ${result.tag} to origin`);
  else if (result.tagged) lines.push(`to release: git push --atomic origin HEAD refs/tags/${result.tag}  (or run bump with --push)`);
  else if (!result.commit) lines.push('not committed (--no-commit): review, then commit and tag yourself');
  return lines.join('\n');
}
