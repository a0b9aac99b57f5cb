// A private Docker Engine for the tests and the demo: Debian's dockerd, started as root with no iptables,
// no bridge and the vfs storage driver, with its data root, exec root, pidfile and unix socket under a
// temp dir of its own, so it never touches (or needs) a system daemon. Stopped by its PID.
//
// Nothing can be pulled on the machines this runs on: images are built `FROM scratch` with the static
// busybox from Debian's busybox-static (see busyboxImageContext).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'];

/** Why a private dockerd cannot start here, or null when it can. */
export function dockerdUnavailable() {
  if (!isRoot() && !sudoWorks()) return 'dockerd needs root: run as root, or as a user with passwordless sudo (as on GitHub-hosted runners)';
  if (!onPath('dockerd')) return 'dockerd is not installed (Debian/Ubuntu package docker.io)';
  if (!onPath('docker')) return 'the docker client is not installed (Debian/Ubuntu package docker.io)';
  if (!busyboxPath()) return 'a static busybox is not installed (Debian/Ubuntu package busybox-static)';
  return null;
}

/** The static busybox binary images are built from. */
export function busyboxPath() {
  return BUSYBOX.find((path) => existsSync(path) && isStatic(path)) ?? null;
}

/**
 * Starts a private dockerd and waits until it answers. Returns its DOCKER_HOST, the environment a
 * `docker` client needs, its PID, and stop(), which stops it by that PID and removes its directories.
 */
export async function startDockerd({ timeoutMs = 60_000 } = {}) {
  const why = dockerdUnavailable();
  if (why) throw new Error(`cannot start a Docker Engine: ${why}`);
  // Short path: a unix socket's path is limited to 107 bytes.
  const dir = mkdtempSync(join(tmpdir(), 'dk-'));
  const socket = join(dir, 'docker.sock');
  const pidfile = join(dir, 'dockerd.pid');
  const logFile = join(dir, 'dockerd.log');
  for (const sub of ['data', 'exec']) mkdirSync(join(dir, sub));
  const args = [
    '--iptables=false',
    '--ip6tables=false',
    '--bridge=none',
    '--storage-driver=vfs',
    `--data-root=${join(dir, 'data')}`,
    `--exec-root=${join(dir, 'exec')}`,
    `--pidfile=${pidfile}`,
    `--host=unix://${socket}`,
    // A private engine needs none of these, and each would reach for the network or the system's state.
    '--userland-proxy=false',
    '--log-level=warn',
  ];
  writeFileSync(logFile, '');
  // Not root (a GitHub-hosted runner's `runner` user): dockerd runs through `sudo -n`, and its socket
  // belongs to this user's group, so the docker client needs no sudo.
  const [command, argv] = isRoot() ? ['dockerd', args] : ['sudo', ['-n', 'dockerd', ...args, `--group=${process.getgid()}`]];
  const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'ignore'], detached: true, env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', HOME: dir } });
  child.unref();
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  const host = `unix://${socket}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(socket))) {
    if (exited !== null) throw new Error(`dockerd exited (${exited}) before it answered; its directory: ${dir}`);
    if (Date.now() > deadline) {
      killTree(child.pid);
      throw new Error(`dockerd did not answer within ${timeoutMs} ms; its directory: ${dir}`);
    }
    await sleep(100);
  }
  const pid = Number(readFileSync(pidfile, 'utf8').trim()) || child.pid;
  const env = { DOCKER_HOST: host, DOCKER_CONFIG: join(dir, 'client') };
  mkdirSync(env.DOCKER_CONFIG);
  return {
    host,
    env,
    pid,
    dir,
    /** Runs the docker client against this engine; returns stdout (throws with stderr on failure). */
    docker(argv, options = {}) {
      return execFileSync('docker', argv, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], ...options });
    },
    async stop() {
      await stopByPid(pid, 30_000);
      await stopByPid(child.pid, 5_000);
      unmountUnder(dir);
      removeDir(dir);
    },
  };
}

/**
 * Makes the engine a single-node swarm manager on loopback. Ports are picked free, so several private
 * engines (parallel test files, the demo) can each run a swarm on one machine.
 */
export async function initSwarm(engine) {
  const port = await freePort();
  const dataPort = await freePort();
  engine.docker(['swarm', 'init', '--advertise-addr', `127.0.0.1:${port}`, '--listen-addr', `127.0.0.1:${port}`, '--data-path-port', String(dataPort)]);
}

/**
 * Writes a build context for a `FROM scratch` image holding the static busybox, with the given Dockerfile
 * lines after the COPY (HEALTHCHECK, CMD, …). Returns the context directory.
 */
export function busyboxImageContext(dir, lines = [], { busybox = busyboxPath() } = {}) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(busybox, join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), ['FROM scratch', 'COPY busybox /bin/busybox', ...lines, ''].join('\n'));
  return dir;
}

function ping(socket) {
  return new Promise((resolve) => {
    if (!existsSync(socket)) return resolve(false);
    const req = request({ socketPath: socket, path: '/_ping', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function stopByPid(pid, timeoutMs) {
  if (!pid || !alive(pid)) return;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) killTree(pid);
}

function killTree(pid) {
  try {
    signal(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to root (started through sudo).
    return error.code === 'EPERM';
  }
}

/** Signals a process, through `sudo -n kill` when it is root's and we are not. */
function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (error.code !== 'EPERM') throw error;
    execFileSync('sudo', ['-n', 'kill', `-${name.replace(/^SIG/, '')}`, String(pid)], { stdio: 'ignore' });
  }
}

const isRoot = () => typeof process.getuid !== 'function' || process.getuid() === 0;

function sudoWorks() {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a command as root: directly, or through `sudo -n` (see startDockerd). */
const asRoot = (command, args, options) => (isRoot() ? execFileSync(command, args, options) : execFileSync('sudo', ['-n', command, ...args], options));

/**
 * Unmounts what the stopped engine left mounted under its directory: dockerd keeps the network namespace
 * of its default sandbox bind-mounted at exec/netns/default after it exits, and rm cannot remove a mount
 * point (each test file would leave one behind). Deepest first, so nested mounts go before their parents.
 */
function unmountUnder(dir) {
  let mounts;
  try {
    mounts = readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return;
  }
  const points = mounts
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter((point) => point && (point === dir || point.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length);
  for (const point of points) {
    try {
      asRoot('umount', [point], { stdio: 'ignore' });
    } catch {
      // busy or already gone: removeDir copes
    }
  }
}

function removeDir(dir) {
  // Container root filesystems under vfs are plain directories; a leftover mount (a netns) makes rm fail,
  // which is not worth failing a test over: the directory is under the temp dir.
  try {
    if (isRoot()) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    else asRoot('rm', ['-rf', '--one-file-system', dir], { stdio: 'ignore' });
  } catch {
    // left for the OS's temp cleaning
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function onPath(command) {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin', '/bin']);
  return dirs.some((dir) => dir && existsSync(join(dir, command)));
}

function isStatic(path) {
  // An ELF file without a PT_INTERP program header needs no dynamic loader, so it runs in an empty image.
  try {
    const head = readFileSync(path).subarray(0, 1 << 16);
    if (head.readUInt32BE(0) !== 0x7f454c46) return false;
    const is64 = head[4] === 2;
    const phoff = Number(is64 ? head.readBigUInt64LE(0x20) : head.readUInt32LE(0x1c));
    const phentsize = head.readUInt16LE(is64 ? 0x36 : 0x2a);
    const phnum = head.readUInt16LE(is64 ? 0x38 : 0x2c);
    for (let i = 0; i < phnum; i++) if (head.readUInt32LE(phoff + i * phentsize) === 3) return false;
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
