import { UserError } from '../errors.js';
import { hasLocalSegment, parseVersion, sameVersion } from '../version/scheme.js';
import { normalizeName, type Distribution } from './distributions.js';

export interface Selection {
  /**
   * The files of this release, in upload order: wheels first, the sdist last. Wheels rebuild to the
   * same bytes (SOURCE_DATE_EPOCH); many sdists do not, so the file least likely to match on a
   * re-run goes last, when everything else is already up.
   */
  files: Distribution[];
  /** Files of other versions left in the directory by earlier builds, with why they were left out. */
  ignored: Array<{ filename: string; version: string }>;
}

export interface SelectOptions {
  project?: string;
  version: string;
  dir: string;
  /** Files written since then come from this build: a wrong version in them is an error, not a leftover. */
  builtSince?: number;
}

/**
 * Picks the files of `version` from a dist directory, by the metadata inside each file (not its name).
 * A file this build wrote with another version, or another project's file, stops the release before
 * anything is uploaded; an older file of another version is a leftover and is only reported.
 */
export function selectDistributions(found: Distribution[], options: SelectOptions): Selection {
  const files: Distribution[] = [];
  const ignored: Selection['ignored'] = [];
  const wrong: Distribution[] = [];
  for (const file of found) {
    if (sameVersion('pep440', file.version, options.version)) files.push(file);
    else if (options.builtSince !== undefined && file.mtimeMs < options.builtSince) ignored.push({ filename: file.filename, version: file.version });
    else wrong.push(file);
  }
  const suspect = wrong[0] ?? (files.length === 0 ? found[0] : undefined);
  if (suspect) throw new UserError(describeWrongVersion(suspect, options.version, suspect === wrong[0]));
  if (!files.length) throw new UserError(`The build wrote no sdist or wheel to ${options.dir}/: check python.build-command and python.out-dir.`);
  const expected = options.project ?? files[0]!.name;
  const stranger = files.find((file) => normalizeName(file.name) !== normalizeName(expected));
  if (stranger) {
    throw new UserError(
      `${stranger.filename} is project ${JSON.stringify(stranger.name)}, but this release is ${JSON.stringify(expected)}${options.project ? ' (from the project metadata)' : ''}: remove other projects' files from ${options.dir}/ or set python.out-dir to a directory of its own.`,
    );
  }
  files.sort((a, b) => (a.filetype === b.filetype ? a.filename.localeCompare(b.filename) : a.filetype === 'sdist' ? 1 : -1));
  return { files, ignored };
}

function describeWrongVersion(file: Distribution, version: string, builtNow: boolean): string {
  const head = `${file.filename} carries version ${file.version}, but the tag says ${version}`;
  if (isVcsDevVersion(file.version)) {
    return (
      `${head}: the version was computed from git by setuptools_scm or hatch-vcs, which found no tag — the checkout is shallow. ` +
      'Fetch the whole history: `fetch-depth: 0` on actions/checkout.'
    );
  }
  return builtNow
    ? `${head}: the build made files of another version. Make the project's version match the tag (or fix the tag), then re-run.`
    : `${head}, and no file of ${version} is in the output directory: check python.build-command and python.out-dir.`;
}

/** `0.1.dev1+g1234abc`, `1.2.4.dev3`: what setuptools_scm / hatch-vcs compute when no tag is reachable. */
export function isVcsDevVersion(text: string): boolean {
  const parsed = parseVersion('pep440', text);
  return parsed.ok && (/\.?dev\d*/i.test(text) || hasLocalSegment(text));
}

/**
 * The files of a `python.dist` directory, built in other jobs: nothing there is a leftover of an earlier
 * build of this checkout, so every file must be this project's at this version (by the metadata inside
 * it, not its name), and an empty directory means the artifacts were not downloaded.
 */
export function selectPrebuilt(found: Distribution[], options: Omit<SelectOptions, 'builtSince'>): Distribution[] {
  const dir = `${options.dir.replace(/\/$/, '')}/`;
  if (!found.length) {
    throw new UserError(
      `python.dist ${dir} holds no sdist or wheel: download the build jobs' artifacts into it first (actions/download-artifact with path: ${options.dir} and merge-multiple: true).`,
    );
  }
  const expected = options.project ?? found[0]!.name;
  for (const file of found) {
    if (normalizeName(file.name) !== normalizeName(expected)) {
      throw new UserError(`${dir}${file.filename} is project ${JSON.stringify(file.name)}, but this release is ${JSON.stringify(expected)}: python.dist must hold only this project's files.`);
    }
    if (!sameVersion('pep440', file.version, options.version)) {
      throw new UserError(
        `${dir}${file.filename} carries version ${file.version}, but the tag says ${options.version}: the build jobs built another commit or version. Build from the tag's commit (actions/checkout of the tag) and re-run; nothing was uploaded.`,
      );
    }
  }
  return selectDistributions(found, { ...options, builtSince: Number.POSITIVE_INFINITY }).files;
}
