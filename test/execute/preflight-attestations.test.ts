import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { preflight } from '../../src/execute/preflight.js';
import type { Facts } from '../../src/plan/facts.js';
import type { PlannedStep, ReleasePlan } from '../../src/plan/types.js';
import { createRunner } from '../../src/runtime/action-io.js';
import { plannedAttestation, type AttestationUse } from '../../src/sigstore/instance.js';
import { startRunnerOidc, type RunnerOidc } from '../support/sigstore.js';

let oidc: RunnerOidc;
beforeAll(async () => {
  oidc = await startRunnerOidc();
});
afterAll(async () => {
  await oidc?.close();
});
beforeEach(() => {
  oidc.refuse = false;
  oidc.issued.length = 0;
});

const facts = { project: {} as Facts['project'], knownVersions: [], visibility: 'public' } satisfies Facts;

/** Steps that sign, as the planners make them: each carries `attestation` from plannedAttestation(). */
function signingSteps(enabled: 'true' | 'auto' | 'false', uses: AttestationUse[]): PlannedStep[] {
  const config = parseConfig({ file: '.github/tagship.yml', text: `attestations:\n  enabled: ${enabled}\n` });
  return uses.flatMap((use) => {
    const attestation = plannedAttestation(config, facts, use);
    return attestation ? [{ kind: `${use}-attest`, id: `${use}-attest`, target: use, attestation } as unknown as PlannedStep] : [];
  });
}

async function check(steps: PlannedStep[], env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const runner = createRunner({}, (line) => lines.push(line));
  const failures = await preflight(steps, { plan: { stages: [] } as unknown as ReleasePlan, env, secrets: {}, runner });
  return { failures, warnings: lines.filter((line) => line.startsWith('::warning')) };
}

describe('preflight: can this job sign?', () => {
  it('attestations.enabled: true in a job without `id-token: write` fails, in one line naming the permission', async () => {
    const { failures, warnings } = await check(signingSteps('true', ['pypi', 'assets']), {});
    expect(failures).toEqual([
      'attestations.enabled is true, but this job cannot get an OIDC token to sign with: give it `permissions: id-token: write` (needed for the PEP 740 attestations of the PyPI uploads, build provenance of the release assets), or set attestations.enabled to auto.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('attestations.enabled: true and a runner that refuses the token fails too', async () => {
    oidc.refuse = true;
    const { failures } = await check(signingSteps('true', ['images']), oidc.env);
    expect(failures).toEqual([
      'attestations.enabled is true, but the runner refused an OIDC ID token for sigstore (HTTP 403): give the job `permissions: id-token: write` (needed for the signatures and provenance of the images), or set attestations.enabled to auto.',
    ]);
    expect(oidc.issued).toEqual([{ audience: 'sigstore' }]);
  });

  it('auto without the permission: one warning saying which attestations will not be made and why; the run goes on', async () => {
    const { failures, warnings } = await check(signingSteps('auto', ['pypi', 'assets', 'images']), {});
    expect(failures).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'No attestations this run (not made: PEP 740 attestations of the PyPI uploads, build provenance of the release assets, signatures and provenance of the images): this job cannot get an OIDC token to sign with: give it `permissions: id-token: write`',
    );
  });

  it('says nothing when nothing would be signed, or when the job can sign', async () => {
    expect(await check(signingSteps('false', ['pypi', 'assets']), {})).toEqual({ failures: [], warnings: [] });
    expect(await check([], {})).toEqual({ failures: [], warnings: [] });
    expect(await check(signingSteps('true', ['assets']), oidc.env)).toEqual({ failures: [], warnings: [] });
    expect(oidc.issued).toEqual([{ audience: 'sigstore' }]);
  });
});
