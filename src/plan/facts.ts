import type { NpmPackageFacts, ProjectFacts } from '../version/sources/detect.js';

/**
 * The snapshot of the world a plan is made from, gathered up front by `gather.ts`. Planners read
 * nothing else: no files, no network, no clock.
 */
export interface Facts {
  project: ProjectFacts;
  /** Versions already released (from git tags, registries or `--known-versions`). */
  knownVersions: string[];
  /** The commit being released (`GITHUB_SHA`), when known. */
  commit?: string;
  /**
   * When the sources are from, in seconds (`SOURCE_DATE_EPOCH`, else the commit's committer time):
   * the images' `created` time. Gathered only for a config with images; absent outside git.
   */
  sourceDateEpoch?: number;
  /** `owner/name`, when known. */
  repository?: string;
  /** `https://github.com` or a GHES URL. */
  serverUrl?: string;
  /**
   * The distribution files (`*.whl`, `*.tar.gz`) in `python.dist` when the plan was made, by name; absent
   * when it is not configured or not there yet (a plan job before the build jobs' artifacts are downloaded).
   */
  prebuiltPython?: string[];
  /**
   * The package of the config's `packages:` map this run releases (src/config/packages.ts): its name, and its
   * directory relative to the repository root (forward slashes), whose commits alone its release notes list.
   * Absent for the root project.
   */
  package?: { name: string; path: string };
  /** From the event payload's `repository`; absent when the event has none (a CLI plan without `--event`). */
  visibility?: 'public' | 'private' | 'internal';
  /**
   * The npm workspace the project sits in when it is a package of the `packages:` map (its members as
   * the repository root's package.json or pnpm-workspace.yaml lists them): what its `workspace:` ranges
   * name. Read only when the project has such ranges.
   */
  npmWorkspace?: NpmPackageFacts[];
}
