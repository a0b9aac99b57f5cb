/**
 * A fresh directory tree per case: the project (the workspace tagship reads), a sentinel directory
 * next to it that nothing may touch, and the runner's own area (event file, outputs, summary,
 * RUNNER_TEMP, HOME, TMPDIR) where writes are allowed.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file's content, or something that is not a plain file. */
export type FileSpec =
  | string
  | Buffer
  | { symlink: string }
  | { fifo: true }
  | { dir: true }
  /** `size` bytes of `fill` repeated (a large file without a large literal). */
  | { size: number; fill?: string }
  /** A sparse file of `sparse` bytes: huge to stat and read, nothing on disk. */
  | { sparse: number; head?: string };

export type ProjectFiles = Record<string, FileSpec>;

/** The version stated by every file in the sentinel directory next to the project. */
export const OUTSIDE_VERSION = '9.9.9';

export interface Sandbox {
  root: string;
  project: string;
  sentinel: string;
  runnerDir: string;
}

export function createSandbox(files: ProjectFiles): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'tagship-hostile-'));
  const sandbox = { root, project: join(root, 'project'), sentinel: join(root, 'sentinel'), runnerDir: join(root, 'runner') };
  for (const dir of [sandbox.project, sandbox.sentinel, join(sandbox.runnerDir, 'temp'), join(sandbox.runnerDir, 'home'), join(sandbox.runnerDir, 'tmp')]) {
    mkdirSync(dir, { recursive: true });
  }
  // Files a hostile project points at; their version must never show up in what tagship prints.
  writeFileSync(join(sandbox.sentinel, 'package.json'), `{"name":"outside","version":"${OUTSIDE_VERSION}"}\n`);
  writeFileSync(join(sandbox.sentinel, 'VERSION'), `${OUTSIDE_VERSION}\n`);
  writeFileSync(join(sandbox.sentinel, '__version__.py'), `__version__ = "${OUTSIDE_VERSION}"\n`);
  for (const [path, spec] of Object.entries(files)) writeSpec(join(sandbox.project, path), spec);
  return sandbox;
}

function writeSpec(path: string, spec: FileSpec): void {
  mkdirSync(dirname(path), { recursive: true });
  if (typeof spec === 'string' || Buffer.isBuffer(spec)) return writeFileSync(path, spec);
  if ('symlink' in spec) return symlinkSync(spec.symlink, path);
  if ('fifo' in spec) return void execFileSync('mkfifo', [path]);
  if ('dir' in spec) return void mkdirSync(path, { recursive: true });
  if ('sparse' in spec) {
    writeFileSync(path, spec.head ?? '');
    return truncateSync(path, spec.sparse);
  }
  const fill = spec.fill ?? 'x';
  writeFileSync(path, fill.repeat(Math.ceil(spec.size / fill.length)).slice(0, spec.size));
}

/** Every entry under `dir` (not following symlinks) with its type, size and mtime. */
export function snapshot(dir: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (skip(path)) continue;
      const stat = lstatSync(path);
      const kind = stat.isSymbolicLink() ? `link→${readlinkSync(path)}` : stat.isDirectory() ? 'dir' : stat.isFIFO() ? 'fifo' : 'file';
      entries.set(path, `${kind}:${stat.isDirectory() ? '' : stat.size}:${stat.mtimeMs}`);
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return entries;
}

/** What changed between two snapshots, as readable lines. */
export function snapshotChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [path, state] of after) if (before.get(path) !== state) changes.push(`${before.has(path) ? 'changed' : 'created'} ${path}`);
  for (const path of before.keys()) if (!after.has(path)) changes.push(`deleted ${path}`);
  return changes;
}
