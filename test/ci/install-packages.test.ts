// .ci/install-packages on a machine like a GitHub-hosted runner, where CI does not run as root: a user who
// cannot install is told so at once, instead of apt-get failing on a lock file or sudo waiting for a password.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action-run.js';

const script = join(repoRoot, '.ci/install-packages');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs the script as `nobody` (no sudo rights), with the given PATH. */
function asNobody(args: string[], path = process.env.PATH ?? '') {
  return spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'bash', script, ...args], {
    cwd: '/',
    env: { PATH: path, HOME: '/nonexistent' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
}

describe.skipIf(!isRoot)('.ci/install-packages as a user who is not root', () => {
  it('installs nothing and succeeds when every package is installed already', () => {
    const result = asNobody(['bash', 'coreutils']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails at once, naming the missing package and what to do, when it cannot become root', () => {
    const result = asNobody(['bash', 'tagship-no-such-package']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'ci: tagship-no-such-package must be installed and user nobody cannot install them: run as root, allow passwordless sudo, or install them first.',
    );
  });
});
