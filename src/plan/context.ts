import type { Config } from '../config/schema.js';
import type { ResolvedVersion } from '../version/guard.js';
import type { Facts } from './facts.js';
import type { StageName } from './stages.js';

/** What every step planner gets: the resolved run, read-only. */
export interface PlanContext {
  config: Config;
  facts: Facts;
  version: ResolvedVersion;
  /** The release tag (`v1.2.3`). */
  tag: string;
  rehearsal: boolean;
  /** This version is the highest stable release (and not a rehearsal). */
  latest: boolean;
  /** Stages the trigger asks for (this release's whole pipeline); all when absent. */
  stages?: readonly StageName[];
  /** Stages this invocation runs (the trigger's, narrowed by the `stages` input); `stages` when absent. */
  runStages?: readonly StageName[];
  /** A `docker-rebuild` run: the one trigger that may move a version tag (`1.2.3`) to new images. */
  rebuild?: boolean;
  /** The publishing stage a verify-only invocation checks (`verify-of`): one job per publishing workflow. */
  verifyOf?: 'release' | 'docker';
  /** The plan's clock (ISO 8601): names of build files only. Images take `facts.sourceDateEpoch`. */
  createdAt?: string;
  /** Directory for build files (metadata, digests, layouts): the runner's temp dir. */
  workDir?: string;
  /** Where distributed builds write their digest files for the merge job (`docker-digests-dir`). */
  digestsDir?: string;
}
