/**
 * scripts/setup on the machines it meets: root in a container, a GitHub-hosted runner (not root,
 * passwordless sudo, Docker's own packages), a user with neither. The script runs for real, in a copy
 * of the repository, with a PATH that holds only the commands it may use: stand-ins for apt-get,
 * dpkg-query, id, sudo and npm that keep a package database and a log in a temp dir, and the real bash,
 * node and coreutils. So nothing here needs root, and nothing is installed on this machine.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action-run.js';
import { SYSTEM_TOOLS } from '../support/system-tools.js';

/** Every package the tool registry names; the first test proves it is exactly what scripts/setup installs. */
const REGISTRY_PACKAGES = [...new Set(Object.values(SYSTEM_TOOLS).flatMap((tool) => tool.packages))].sort();

const REAL_COMMANDS = ['bash', 'env', 'true', 'dirname', 'readlink', 'mktemp', 'rm', 'cat', 'grep', 'sed'];

const FAKES: Record<string, string> = {
  // What dpkg-query -W prints for the format it is given: a line per known package, an error for the others.
  'dpkg-query': `#!/bin/sh
shift; format=\${1#-f=}; shift; status=0
for pkg in "$@"; do
  if grep -qx "$pkg" "$STATE/installed"; then printf '%s' "$format" | sed "s/\\\${Package}/$pkg/; s/\\\${Status}/install ok installed/"
  else echo "dpkg-query: no packages found matching $pkg" >&2; status=1; fi
done
exit $status
`,
  // Refuses to work unless root, as apt-get does (its lock file); install adds to the package database.
  'apt-get': `#!/bin/sh
echo "apt-get $* (uid $(id -u), DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> "$STATE/log"
[ "$(id -u)" = 0 ] || { echo "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)" >&2; exit 100; }
[ "$1" = install ] && [ -e "$STATE/apt-fails" ] && { echo "E: Sub-process /usr/bin/dpkg returned an error code (1)" >&2; exit 100; }
[ "$1" = install ] && for arg in "$@"; do case $arg in install|-*) ;; *) echo "$arg" >> "$STATE/installed" ;; esac; done
exit 0
`,
  // What apt-cache policy says after an update: a candidate version, or none for what the sources lack.
  'apt-cache': `#!/bin/sh
[ "$1" = policy ] || exit 0; shift
for pkg in "$@"; do
  printf '%s:\n  Installed: (none)\n' "$pkg"
  if grep -qx "$pkg" "$STATE/unavailable"; then echo "  Candidate: (none)"; else echo "  Candidate: 1.0-1"; fi
done
`,
  id: `#!/bin/sh
case $1 in -u) echo "$FAKE_UID" ;; -un) if [ "$FAKE_UID" = 0 ]; then echo root; else echo builder; fi ;; esac
`,
  npm: `#!/bin/sh
echo "npm $*" >> "$STATE/log"
`,
};

const SUDO = `#!/bin/sh
echo "sudo $*" >> "$STATE/log"
[ "$1" = -n ] && shift
[ -e "$STATE/sudo-wants-password" ] && { echo "sudo: a password is required" >&2; exit 1; }
FAKE_UID=0 exec "$@"
`;

interface Machine {
  repo: string;
  bin: string;
  state: string;
  uid: number;
}

interface MachineOptions {
  installed?: readonly string[];
  uid?: number;
  sudo?: 'passwordless' | 'wants-password' | 'absent';
  nodeModules?: 'current' | 'absent' | 'stale';
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function machine({ installed = REGISTRY_PACKAGES, uid = 0, sudo = 'absent', nodeModules = 'current' }: MachineOptions = {}): Machine {
  const root = mkdtempSync(join(tmpdir(), 'tagship-setup-'));
  dirs.push(root);
  const m = { repo: join(root, 'repo'), bin: join(root, 'bin'), state: join(root, 'state'), uid };
  for (const dir of [join(m.repo, 'scripts', 'lib'), m.bin, m.state]) mkdirSync(dir, { recursive: true });
  for (const file of ['scripts/setup', 'scripts/lib/node-modules-current.mjs', 'package.json', 'package-lock.json']) copyFileSync(join(repoRoot, file), join(m.repo, file));
  // What npm itself recorded when it installed this repository's node_modules.
  if (nodeModules !== 'absent') {
    mkdirSync(join(m.repo, 'node_modules'));
    const hidden = JSON.parse(readFileSync(join(repoRoot, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    if (nodeModules === 'stale') hidden.packages['node_modules/semver']!.version = '7.0.0';
    writeFileSync(join(m.repo, 'node_modules', '.package-lock.json'), JSON.stringify(hidden));
  }
  for (const command of REAL_COMMANDS) symlinkSync(whichReal(command), join(m.bin, command));
  symlinkSync(process.execPath, join(m.bin, 'node'));
  for (const [name, body] of Object.entries({ ...FAKES, ...(sudo === 'absent' ? {} : { sudo: SUDO }) })) writeExecutable(join(m.bin, name), body);
  if (sudo === 'wants-password') writeFileSync(join(m.state, 'sudo-wants-password'), '');
  writeFileSync(join(m.state, 'installed'), installed.map((pkg) => `${pkg}\n`).join(''));
  writeFileSync(join(m.state, 'log'), '');
  writeFileSync(join(m.state, 'unavailable'), '');
  return m;
}

function setup(m: Machine, args: string[] = []) {
  const result = spawnSync(join(m.repo, 'scripts', 'setup'), args, {
    env: { PATH: m.bin, STATE: m.state, FAKE_UID: String(m.uid) },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const log = (m: Machine) => readFileSync(join(m.state, 'log'), 'utf8').split('\n').filter(Boolean);
const installed = (m: Machine) => readFileSync(join(m.state, 'installed'), 'utf8').split('\n').filter(Boolean).sort();

function writeExecutable(path: string, body: string) {
  writeFileSync(path, body);
  chmodSync(path, 0o755);
}

/** The program file on this machine's PATH (not a shell builtin: `true` must be a file to exec). */
function whichReal(command: string): string {
  const found = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, command)).find((path) => existsSync(path));
  if (!found) throw new Error(`${command} is not on PATH`);
  return found;
}

const without = (...packages: string[]) => REGISTRY_PACKAGES.filter((pkg) => !packages.includes(pkg));

describe('scripts/setup: system packages', () => {
  it('on a machine with none of them, as root, installs exactly the packages the tool registry names', () => {
    const m = machine({ installed: [] });
    const result = setup(m);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(installed(m)).toEqual(REGISTRY_PACKAGES);
    expect(log(m).filter((line) => line.startsWith('apt-get'))).toEqual([
      'apt-get update -qq (uid 0, DEBIAN_FRONTEND=noninteractive)',
      expect.stringMatching(/^apt-get install -y -qq --no-install-recommends .* \(uid 0, DEBIAN_FRONTEND=noninteractive\)$/),
    ]);
  });

  it('as root, installs only what is missing, without sudo; a re-run installs nothing', () => {
    const m = machine({ installed: without('buildah', 'skopeo') });
    const first = setup(m);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('scripts/setup: installing buildah skopeo\n');
    expect(log(m)).toEqual([
      'apt-get update -qq (uid 0, DEBIAN_FRONTEND=noninteractive)',
      'apt-get install -y -qq --no-install-recommends buildah skopeo (uid 0, DEBIAN_FRONTEND=noninteractive)',
    ]);
    const again = setup(m);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('installing');
    expect(log(m)).toHaveLength(2);
  });

  it('when everything is installed, runs neither apt-get, sudo nor npm, even as a user without sudo', () => {
    const m = machine({ uid: 1000, sudo: 'absent' });
    const result = setup(m);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(log(m)).toEqual([]);
    expect(result.stdout).toBe(
      'scripts/setup: node_modules is current with package-lock.json (scripts/setup --npm-ci reinstalls)\nscripts/setup: ready for npm test and npm run demo\n',
    );
  });

  it('not root, with passwordless sudo (a GitHub-hosted runner): installs through sudo -n, keeping apt non-interactive', () => {
    const m = machine({ installed: without('docker-registry'), uid: 1001, sudo: 'passwordless' });
    const result = setup(m);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(log(m)).toEqual([
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'apt-get update -qq (uid 0, DEBIAN_FRONTEND=noninteractive)',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry',
      'apt-get install -y -qq --no-install-recommends docker-registry (uid 0, DEBIAN_FRONTEND=noninteractive)',
    ]);
    expect(installed(m)).toEqual(REGISTRY_PACKAGES);
  });

  it.each([
    ['there is no sudo', 'absent'],
    ['sudo wants a password', 'wants-password'],
  ] as const)('not root and %s: fails at once in one line naming the packages and what to do', (_case, sudo) => {
    const m = machine({ installed: without('buildah', 'twine'), uid: 1000, sudo });
    const result = setup(m);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'scripts/setup: twine buildah must be installed, and builder is not root and cannot use sudo without a password: run scripts/setup as root, or install them first.\n',
    );
    expect(log(m).filter((line) => !line.startsWith('sudo -n true'))).toEqual([]);
  });

  it("counts Docker's engine and Chromium as present when their commands are, however installed (a runner's docker-ce)", () => {
    const m = machine({ installed: without('docker.io', 'chromium', 'skopeo'), uid: 1001, sudo: 'passwordless' });
    writeExecutable(join(m.bin, 'dockerd'), '#!/bin/sh\n');
    writeExecutable(join(m.bin, 'docker'), '#!/bin/sh\n');
    const result = setup(m);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('scripts/setup: installing skopeo chromium\n');
    writeExecutable(join(m.bin, 'chromium'), '#!/bin/sh\n');
    rmSync(join(m.state, 'installed'));
    writeFileSync(join(m.state, 'installed'), without('docker.io', 'chromium').map((pkg) => `${pkg}\n`).join(''));
    expect(setup(m).stdout).not.toContain('installing');
  });

  it('on Ubuntu without a Chromium: installs the rest, runs npm ci, then fails in one line naming chromium and how to get it', () => {
    const m = machine({ installed: without('chromium', 'buildah'), nodeModules: 'absent' });
    writeFileSync(join(m.state, 'unavailable'), 'chromium\n');
    const result = setup(m);
    expect(result.status).toBe(1);
    expect(installed(m)).toEqual(without('chromium'));
    expect(log(m).at(-1)).toBe('npm ci');
    expect(result.stderr).toBe(
      "scripts/setup: chromium cannot be installed from this machine's apt sources (Ubuntu has Chromium only as a snap: sudo snap install chromium): install them another way, then run scripts/setup again.\n",
    );
  });

  it('shows what apt-get said, then one line, when it cannot install', () => {
    const m = machine({ installed: without('chromium', 'skopeo') });
    writeFileSync(join(m.state, 'apt-fails'), '');
    const result = setup(m);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('E: Sub-process /usr/bin/dpkg returned an error code (1)\nscripts/setup: apt-get could not install skopeo chromium (its output is above).\n');
    expect(log(m).some((line) => line.startsWith('npm'))).toBe(false);
  });
});

describe('scripts/setup: npm ci', () => {
  it('runs npm ci when node_modules is absent, and says why', () => {
    const m = machine({ nodeModules: 'absent' });
    const result = setup(m);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('scripts/setup: npm ci (node_modules is not installed)\n');
    expect(log(m)).toEqual(['npm ci']);
  });

  it('runs npm ci when an installed package is not the version package-lock.json names', () => {
    const m = machine({ nodeModules: 'stale' });
    const result = setup(m);
    expect(result.stdout).toContain('scripts/setup: npm ci (node_modules/semver is not the version package-lock.json names)\n');
    expect(log(m)).toEqual(['npm ci']);
  });

  it('skips npm ci when node_modules is what npm installed from this package-lock.json, unless --npm-ci', () => {
    const m = machine();
    expect(setup(m).status).toBe(0);
    expect(log(m)).toEqual([]);
    expect(setup(m, ['--npm-ci']).status).toBe(0);
    expect(log(m)).toEqual(['npm ci']);
  });

  it('runs npm ci when package.json asks for other dependencies than the lock file (npm ci then says so)', () => {
    const m = machine();
    const manifest = JSON.parse(readFileSync(join(m.repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies['left-pad'] = '1.3.0';
    writeFileSync(join(m.repo, 'package.json'), JSON.stringify(manifest));
    expect(setup(m).stdout).toContain('scripts/setup: npm ci (package.json dependencies differ from package-lock.json)\n');
  });

  it('never runs npm ci through a node_modules that links to another checkout', () => {
    const m = machine({ nodeModules: 'stale' });
    const shared = join(m.repo, '..', 'shared-node_modules');
    renameSync(join(m.repo, 'node_modules'), shared);
    symlinkSync(shared, join(m.repo, 'node_modules'));
    const result = setup(m);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `scripts/setup: node_modules links to ${shared}, which npm ci would replace (node_modules/semver is not the version package-lock.json names): run npm ci there, or remove the link.\n`,
    );
    expect(log(m)).toEqual([]);
    // A current install behind the link is fine: nothing to do.
    writeFileSync(join(shared, '.package-lock.json'), readFileSync(join(repoRoot, 'node_modules', '.package-lock.json')));
    expect(setup(m).status).toBe(0);
  });

  it('runs scripts/fetch-busybox-arm64 when it exists and is executable, after npm ci', () => {
    const m = machine({ nodeModules: 'absent' });
    writeExecutable(join(m.repo, 'scripts', 'fetch-busybox-arm64'), '#!/bin/sh\necho "fetch-busybox-arm64 $(pwd)" >> "$STATE/log"\n');
    expect(setup(m).status).toBe(0);
    expect(log(m)).toEqual(['npm ci', `fetch-busybox-arm64 ${m.repo}`]);
  });

  it('rejects an unknown option in one line', () => {
    const result = setup(machine(), ['--fast']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('scripts/setup: unknown option --fast (see scripts/setup --help)\n');
  });
});
