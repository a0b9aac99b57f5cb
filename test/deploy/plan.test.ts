import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { buildPlan } from '../../src/plan/build.js';
import { CONFIG, facts, plan, stage } from '../verify/support/plans.js';

describe('deploy stage', () => {
  it('rolls out the highest stable release to every Swarm service and Compose host', () => {
    const steps = stage(plan('v1.2.3'), 'deploy').steps;
    expect(steps).toEqual([
      { kind: 'deploy-swarm', id: 'deploy-swarm:crawl4ai', target: 'crawl4ai on ssh://deploy@manager', dockerHost: 'ssh://deploy@manager', service: 'crawl4ai', repository: 'ghcr.io/acme/crawlkit', tag: '1.2.3', timeoutMs: 600_000 },
      {
        kind: 'deploy-compose',
        id: 'deploy-compose:crawl',
        target: 'crawl4ai (deploy/docker-compose.yml)',
        file: 'deploy/docker-compose.yml',
        project: 'crawl',
        services: [{ name: 'crawl4ai', repository: 'docker.io/acme/crawlkit' }],
        tag: '1.2.3',
        timeoutMs: 600_000,
      },
    ]);
  });

  it.each([
    ['an older line', 'v1.1.5', 'tag', ['1.2.2'], '1.1.5 is not the highest stable release (deploy.versions: latest)'],
    ['a prerelease', 'v1.3.0-rc.1', 'tag', ['1.2.2'], '1.3.0rc1 is a prerelease (deploy.versions: latest)'],
  ] as const)('does not roll out %s by default', (_what, tag, kind, known, reason) => {
    expect(stage(plan(tag, kind, [...known]), 'deploy')).toEqual({ name: 'deploy', steps: [], skipped: reason });
  });

  it('never rolls out a rehearsal, whatever deploy.versions says', () => {
    const p = plan('v1.3.0', 'rehearsal', ['1.2.2'], CONFIG.replace('deploy:\n', 'deploy:\n  versions: all\n'));
    expect(p.stages.map((s) => s.name)).toEqual(['release', 'verify']);
    // Even asked for explicitly (a dispatch with stages=deploy), the planner refuses.
    const forced = buildPlan({
      trigger: { kind: 'rehearsal', event: 'workflow_dispatch', tag: 'v1.3.0', ref: 'test-v1.3.0', versionText: '1.3.0', stages: ['deploy'], rehearsal: true },
      config: parseConfig({ file: 'x.yml', text: CONFIG.replace('deploy:\n', 'deploy:\n  versions: all\n') }),
      facts: facts(['1.2.2']),
      now: new Date(),
      dryRun: true,
    });
    expect(forced.stages).toEqual([{ name: 'deploy', steps: [], skipped: 'a rehearsal never rolls out' }]);
  });

  it('rolls out an older stable line when deploy.versions is stable', () => {
    const p = plan('v1.1.5', 'tag', ['1.2.2'], CONFIG.replace('deploy:\n', 'deploy:\n  versions: stable\n'));
    expect(stage(p, 'deploy').steps.map((s) => s.kind)).toEqual(['deploy-swarm', 'deploy-compose']);
  });

  it('says why there is nothing to deploy without targets', () => {
    expect(stage(plan('v1.2.3', 'tag', ['1.2.2'], 'docker:\n  images: [ghcr.io/acme/crawlkit]\n'), 'deploy').skipped).toBe('no deploy.swarm or deploy.compose targets configured');
  });

  it('rejects a deploy image that is not one of docker.images', () => {
    expect(() => plan('v1.2.3', 'tag', ['1.2.2'], CONFIG.replace('image: docker.io/acme/crawlkit', 'image: quay.io/acme/other'))).toThrow(
      'deploy: image "quay.io/acme/other" is not one of docker.images (ghcr.io/acme/crawlkit, docker.io/acme/crawlkit): name one of those.',
    );
  });

  it('rejects a docker-host that is not ssh, tcp or unix', () => {
    expect(() => parseConfig({ file: '.github/tagship.yml', text: 'deploy:\n  swarm:\n    - { docker-host: "http://manager:2375", service: web }\n' })).toThrow(/docker-host/);
  });
});
