import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, stat, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { UserError } from '../errors.js';

/**
 * The one way tagship reads files of the project it releases. The repository is not trusted to stay
 * inside itself: a committed symlink (`VERSION → /proc/self/environ`, `dist → /etc/ssl`), a FIFO, a
 * `/dev/zero` link or a `path = "../../…"` in a manifest would otherwise put runner files or the
 * environment into a release, a job summary or a hang. Every read here:
 *
 * - takes a path relative to a root (no absolute path, no `..` segment);
 * - resolves symlinks and refuses a real path outside the allowed roots (the project; for build
 *   outputs also the runner's temp directory);
 * - reads regular files only, checked with lstat before opening (so a FIFO or a device is never
 *   opened) and with fstat after (O_NOFOLLOW | O_NONBLOCK, same inode), so a swap in between fails;
 * - stops at a size cap ({@link MAX_TEXT_BYTES} for text sources).
 *
 * Every refusal is a `UserError` naming the file. Synchronous and dependency-free: it runs at planning
 * time.
 */

/** Version sources, manifests and the config file: at most 1 MiB each. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** A webhook payload: GitHub caps deliveries at 25 MB. */
export const MAX_EVENT_BYTES = 25 * 1024 * 1024;
/** Release assets and built distributions, read into memory to hash and upload: GitHub's limit per release file (2 GiB). */
export const MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024;

/** O_NOFOLLOW and O_NONBLOCK where the platform has them (not on Windows, where symlinks are rare). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export interface ReadOptions {
  /** Refuse a file larger than this (default {@link MAX_TEXT_BYTES}). */
  maxBytes?: number;
  /** Who named the path, for the message: `pyproject.toml [tool.hatch.version] path`. */
  namedBy?: string;
  /** Real directories besides the root that the file may resolve into (build outputs: RUNNER_TEMP). */
  alsoWithin?: readonly string[];
}

/**
 * The project directory (the `working-directory` input, `--cwd`), checked and returned as given. A missing
 * directory or a file there is a user error: planning an empty directory would report "no version
 * sources" and release any tag unchecked.
 */
export function projectDirectory(dir: string, label: string, within?: string): string {
  let info: Stats | undefined;
  try {
    info = statSync(dir, { throwIfNoEntry: false });
  } catch (error) {
    throw new UserError(`${dir} (${label}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, undefined, { cause: error });
  }
  if (!info) throw new UserError(`${dir} (${label}) does not exist: check the path (is the repository checked out?).`);
  if (!info.isDirectory()) throw new UserError(`${dir} (${label}) is not a directory: point it at the project directory.`);
  // The action's project lies in the workspace: `..`, an absolute path or a link must not lead elsewhere.
  if (within !== undefined && !isWithin(realpathSync(dir), [realOrSelf(within)])) {
    throw new UserError(`${dir} (${label}) is outside the workspace ${within}: give a directory inside the repository.`);
  }
  return dir;
}

/**
 * A path from the project or its config, checked before any file-system call: relative, no `..`
 * segment, no NUL. Returns it with forward slashes.
 */
export function checkRelativePath(path: string, namedBy?: string): string {
  const by = namedBy ? `${namedBy}: ` : '';
  if (path === '' || path.includes('\0')) throw new UserError(`${by}${JSON.stringify(path)} is not a file path.`);
  const slashed = path.replaceAll('\\', '/');
  if (isAbsolute(path) || slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    throw new UserError(`${by}${path} is an absolute path; tagship reads only files inside the project: give a path relative to it.`);
  }
  if (slashed.split('/').includes('..')) throw new UserError(`${by}${path} leads out of the project (".."); tagship reads only files inside the project.`);
  return slashed;
}

/** Whether anything (file, directory, symlink, even a dangling one) is at `path` under `root`. */
export function projectEntryExists(root: string, path: string): boolean {
  try {
    return lstatSync(join(root, checkRelativePath(path)), { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    // `.github` a file, so `.github/tagship.yml` cannot exist.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/**
 * Refuses an entry (a symlinked directory, typically) whose real path leaves the project, naming it;
 * a dangling link is left for the caller to find missing.
 */
export function assertInsideProject(root: string, path: string): void {
  const file = checkRelativePath(path);
  let real: string;
  try {
    real = realpathSync(join(root, file));
  } catch {
    return;
  }
  if (!isWithin(real, [realOrSelf(root)])) {
    throw new UserError(`${file} resolves to ${real}, outside the project: tagship reads only files inside the project. Replace the symbolic link with the directory itself.`, { file });
  }
}

/** The text of a project file (UTF-8, as written: a BOM is left for the format's parser to judge). */
export function readProjectText(root: string, path: string, options: ReadOptions = {}): string {
  return readProjectBytes(root, path, options).toString('utf8');
}

/** The bytes of a project file, under the rules above. */
export function readProjectBytes(root: string, path: string, options: ReadOptions = {}): Buffer {
  const file = checkRelativePath(path, options.namedBy);
  return readChecked(join(root, file), file, [root, ...(options.alsoWithin ?? [])].map(realOrSelf), options);
}

/**
 * Reads an absolute path that must resolve inside one of `roots` (a replayed event in the workspace
 * or RUNNER_TEMP, a build output). `shown` names the file in messages.
 */
export function readContained(absolute: string, shown: string, roots: readonly string[], options: ReadOptions = {}): Buffer {
  return readChecked(absolute, shown, roots.map(realOrSelf), options);
}

/**
 * Reads a file the runner or the person at the terminal named (GITHUB_EVENT_PATH, `--event FILE`):
 * anywhere, but still a regular file under the size cap, so a FIFO or /dev/zero never hangs the run.
 */
export function readNamedFile(absolute: string, shown: string, options: ReadOptions = {}): Buffer {
  return readChecked(absolute, shown, undefined, options);
}

function readChecked(absolute: string, shown: string, roots: readonly string[] | undefined, options: ReadOptions): Buffer {
  const by = options.namedBy ? `${options.namedBy} names ${shown}, which` : shown;
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const dangling = lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink();
      throw new UserError(dangling ? `${by} is a symbolic link to a file that does not exist.` : `${by} does not exist.`, { file: shown }, { cause: error });
    }
    if (code === 'ELOOP') throw new UserError(`${by} is a symbolic link loop.`, { file: shown }, { cause: error });
    throw new UserError(`${by} cannot be read (${code ?? (error as Error).message}).`, { file: shown }, { cause: error });
  }
  if (roots && !isWithin(real, roots)) {
    throw new UserError(`${by} resolves to ${real}, outside the project: tagship reads only files inside the project. Replace the symbolic link with the file itself.`, { file: shown });
  }
  const before = lstatSync(real);
  if (!before.isFile()) throw new UserError(`${by} is ${kindOf(before)}, not a regular file.`, { file: shown });
  const limit = options.maxBytes ?? MAX_TEXT_BYTES;
  if (before.size > limit) throw new UserError(`${by} is ${before.size} bytes; tagship reads at most ${limit} bytes from it.`, { file: shown });
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    throw new UserError(`${by} cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { file: shown }, { cause: error });
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev) {
      throw new UserError(`${by} changed while it was being read; re-run from a clean checkout.`, { file: shown });
    }
    // Read to the cap plus one byte: a file that grows after the stat is still refused, never read whole.
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw new UserError(`${by} is larger than ${limit} bytes; tagship reads at most that much from it.`, { file: shown });
    if (length > opened.size) throw new UserError(`${by} changed while it was being read; re-run from a clean checkout.`, { file: shown });
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks glob patterns from the config or a manifest: relative, no `..` segment. tinyglobby would
 * otherwise match `/etc/hostname` or `../other/*` as given.
 */
export function checkGlobPatterns(patterns: readonly string[], namedBy: string): string[] {
  // Checked as a path, returned as written: a backslash in a glob is an escape, not a separator.
  return patterns.map((pattern) => {
    checkRelativePath(pattern, namedBy);
    return pattern.replace(/^\.\//, '');
  });
}

/**
 * Options for tinyglobby (fdir) inside `root`: symlinks are followed only while they stay in the
 * project. A symlinked directory that leads out is reported to the walker as a file, so it is never
 * entered (`dist/**` does not walk a `dist/certs → /etc/ssl` link); if a pattern matches such a
 * link, or a symlinked file that leads out, the read then refuses it by name. Plain `followSymbolicLinks: false` would
 * silently drop every symlinked file, also those inside the project.
 */
export function containedGlobOptions(root: string): { cwd: string; dot: false; followSymbolicLinks: true; fs: GlobFs } {
  const roots = [realOrSelf(root)];
  const closed = (resolved: string, info: Stats): Stats =>
    info.isDirectory() && !isWithin(resolved, roots) ? Object.create(info, { isDirectory: { value: () => false }, isFile: { value: () => true } }) : info;
  const fs: GlobFs = {
    statSync: ((path: string) => closed(path, statSync(path))) as typeof statSync,
    stat: ((path: string, callback: (error: NodeJS.ErrnoException | null, info?: Stats) => void) =>
      stat(path, (error, info) => callback(error, info && closed(path, info)))) as typeof stat,
  };
  return { cwd: root, dot: false, followSymbolicLinks: true, fs };
}

type GlobFs = { stat: typeof stat; statSync: typeof statSync };

/** Where build outputs may also lie besides the project: the runner's temp directory (RUNNER_TEMP). */
export function buildOutputRoots(env: NodeJS.ProcessEnv): string[] {
  return env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [];
}

/** The real path if it exists, else the path itself (an allowed root that is not there yet). */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isWithin(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = relative(root, real);
    return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
  });
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
