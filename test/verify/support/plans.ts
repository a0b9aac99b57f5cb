/** Plans of a project with PyPI, npm and image publishing, for the verify and deploy planner tests. */
import { parseConfig } from '../../../src/config/load.js';
import { buildPlan } from '../../../src/plan/build.js';
import type { StageName } from '../../../src/plan/stages.js';
import type { Facts } from '../../../src/plan/facts.js';

export const CONFIG = `
docker:
  images: [ghcr.io/acme/crawlkit, docker.io/acme/crawlkit]
deploy:
  swarm:
    - { docker-host: "ssh://deploy@manager", service: crawl4ai }
  compose:
    - { file: deploy/docker-compose.yml, project: crawl, services: [{ name: crawl4ai, image: docker.io/acme/crawlkit }] }
verify:
  container: { port: 11235, path: /health }
`;

export const facts = (knownVersions: string[]): Facts => ({
  project: { readings: [], npm: [{ name: '@acme/crawl-client', version: '1.2.3', dir: 'client', private: false, dependsOn: [] }], cargo: false, python: { name: 'crawl-kit' } },
  knownVersions,
  repository: 'acme/crawlkit',
});

export function plan(tag: string, kind: 'tag' | 'rehearsal' | 'release' = 'tag', known = ['1.2.2'], yaml = CONFIG, only?: StageName[], verifyOf?: 'release' | 'docker') {
  const rehearsal = kind === 'rehearsal';
  const stages: StageName[] =
    kind === 'tag' ? ['release', 'docker', 'verify', 'deploy'] : kind === 'rehearsal' ? ['release', 'verify'] : ['docker', 'verify', 'deploy'];
  const versionText = tag.replace(/^v/, '');
  return buildPlan({
    trigger: { kind, event: 'push', tag, ref: rehearsal ? `test-${tag}` : tag, versionText, stages, rehearsal },
    config: parseConfig({ file: '.github/tagship.yml', text: yaml }),
    facts: facts(known),
    now: new Date('2025-11-02T09:00:00Z'),
    dryRun: true,
    only,
    verifyOf,
  });
}

export const stage = (p: ReturnType<typeof plan>, name: string) => p.stages.find((s) => s.name === name)!;

