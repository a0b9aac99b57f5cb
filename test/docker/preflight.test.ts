import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { executePlan } from '../../src/execute/run.js';
import type { ExecutorRegistry } from '../../src/execute/types.js';
import { plan as releasePlan } from '../verify/support/plans.js';
import { recordingRunner } from '../verify/support/runner.js';
import { startRegistry, type LocalRegistry } from '../verify/support/registry.js';
import { mergeStep } from './support/context.js';

/** Debian's docker-registry with htpasswd auth: the login a push would use, checked before anything runs. */
const AUTH = { username: 'pusher', password: 'registry-pass-123' };
let registry: LocalRegistry;
beforeAll(async () => (registry = await startRegistry(AUTH)));
afterAll(() => registry?.stop());

async function run(credentials: string) {
  const plan = { ...releasePlan('v1.2.3'), dryRun: false };
  plan.stages = [{ name: 'docker', steps: [mergeStep([`${registry.host}/acme/app`])] }];
  const recorded = recordingRunner();
  let merged = false;
  // The merge must never run when preflight fails: this one records that it did.
  const executors: ExecutorRegistry = { 'docker-merge': async () => async (step) => ((merged = true), { id: step.id, status: 'done', detail: 'merged' }) };
  const error = await executePlan(executors, { plan, cwd: '/', runner: recorded.runner, env: {}, secrets: { 'registry-credentials': credentials } }).then(
    () => undefined,
    (e: Error) => e,
  );
  return { error, merged, errors: recorded.lines.filter((line) => line.startsWith('::error::')) };
}

describe('preflight: registry logins', () => {
  it('a refused login is one line, and nothing runs', async () => {
    const { error, merged, errors } = await run(`${registry.host} pusher wrong-password`);
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toBe('Preflight: 1 check failed (listed above); nothing was built or published. Fix it and re-run the workflow.');
    expect(errors).toEqual([
      `::error::docker-merge: ${registry.host} refused the login of 'pusher' (GET /v2/: HTTP 401): check that registry's line in the registry-credentials input (or the token behind it).`,
    ]);
    expect(errors.join('\n')).not.toContain('wrong-password');
    expect(merged).toBe(false);
  });

  it('an accepted login passes, and the steps run', async () => {
    const { error, merged } = await run(`${registry.host} ${AUTH.username} ${AUTH.password}`);
    expect(error).toBeUndefined();
    expect(merged).toBe(true);
  });
});
