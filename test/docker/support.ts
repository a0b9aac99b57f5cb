/** Plans with a Docker stage, for the docker planner, job and executor tests. */
import { parseConfig } from '../../src/config/load.js';
import type { DockerJob } from '../../src/docker/jobs.js';
import { buildPlan } from '../../src/plan/build.js';
import type { Facts } from '../../src/plan/facts.js';
import type { StageName } from '../../src/plan/stages.js';
import type { DockerBuildStep, DockerMergeStep } from '../../src/plan/steps/docker.js';
import type { ReleasePlan } from '../../src/plan/types.js';

export const NOW = new Date('2026-11-22T12:00:00Z');
export const COMMIT = '0123456789abcdef0123456789abcdef01234567';
/** The commit's time (2026-11-20T09:30:00Z): images' `created`, unlike NOW, the plan's clock. */
export const COMMIT_TIME = 1795167000;

export interface DockerPlanOptions {
  tag?: string;
  kind?: 'tag' | 'rehearsal' | 'docker-rebuild';
  known?: string[];
  config?: string;
  job?: DockerJob;
  digestsDir?: string;
  workDir?: string;
  commit?: string | null;
  /** The gathered source date (seconds); `null` for none (no git, no SOURCE_DATE_EPOCH). */
  sourceDateEpoch?: number | null;
  now?: Date;
  /** The repository's visibility, as the event payload says; absent: unknown. */
  visibility?: Facts['visibility'];
}

export function dockerPlan(options: DockerPlanOptions = {}): ReleasePlan {
  const tag = options.tag ?? 'v1.2.3';
  const kind = options.kind ?? 'tag';
  const stages: StageName[] = kind === 'tag' ? ['release', 'docker', 'verify', 'deploy'] : kind === 'rehearsal' ? ['release', 'verify'] : ['docker', 'verify', 'deploy'];
  const facts: Facts = {
    project: { readings: [], npm: [], cargo: false, python: { name: 'crawl-kit' } },
    knownVersions: options.known ?? ['1.2.2'],
    ...(options.commit === null ? {} : { commit: options.commit ?? COMMIT }),
    ...(options.sourceDateEpoch === null ? {} : { sourceDateEpoch: options.sourceDateEpoch ?? COMMIT_TIME }),
    repository: 'acme/crawlkit',
    serverUrl: 'https://github.com',
    ...(options.visibility ? { visibility: options.visibility } : {}),
  };
  const ref = kind === 'rehearsal' ? `test-${tag}` : kind === 'docker-rebuild' ? `docker-rebuild-${tag}` : tag;
  return buildPlan({
    trigger: { kind, event: 'push', tag, ref, versionText: tag.replace(/^v/, ''), stages, rehearsal: kind === 'rehearsal' },
    config: parseConfig({ file: '.github/tagship.yml', text: options.config ?? 'docker:\n  images: [ghcr.io/acme/crawlkit]\n' }),
    facts,
    now: options.now ?? NOW,
    dryRun: true,
    dockerJob: options.job,
    workDir: options.workDir ?? '/runner/temp/tagship',
    digestsDir: options.digestsDir ?? '/runner/temp/tagship-digests',
  });
}

export const dockerSteps = (plan: ReleasePlan) => plan.stages.find((s) => s.name === 'docker')?.steps ?? [];
export const builds = (plan: ReleasePlan) => dockerSteps(plan).filter((s): s is DockerBuildStep => s.kind === 'docker-build');
export const merge = (plan: ReleasePlan) => dockerSteps(plan).find((s): s is DockerMergeStep => s.kind === 'docker-merge');
