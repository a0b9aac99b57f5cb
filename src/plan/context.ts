import type { Config } from '../config/schema.js';
import type { ResolvedVersion } from '../version/guard.js';
import type { Facts } from './facts.js';

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
}
