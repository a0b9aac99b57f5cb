import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalNpmRegistry {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** A publish token of the registry's one user. */
  token: string;
  /** Publishes a tiny package with the real npm client. */
  /** Publishes a tiny package with the real npm client (async: Verdaccio answers from this process). */
  publish(name: string, version: string, tag: string, files?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/** Verdaccio on 127.0.0.1:0 with storage in a temp dir and no uplinks: only what the test publishes. */
export async function startVerdaccio(): Promise<LocalNpmRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-verdaccio-'));
  const { runServer } = (await import('verdaccio')) as unknown as { runServer: (config: unknown) => Promise<{ listen: Server['listen'] } & Server> };
  const app = await runServer({
    self_path: dir,
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 10 } },
    uplinks: {},
    packages: { '@*/*': { access: '$all', publish: '$authenticated' }, '**': { access: '$all', publish: '$authenticated' } },
    log: { type: 'stdout', format: 'pretty', level: 'fatal' },
    web: { enable: false },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const user = await fetch(`${url}-/user/org.couchdb.user:tagship`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'tagship', password: 'tagship-test-password' }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  const npmrc = join(dir, '.npmrc');
  writeFileSync(npmrc, `registry=${url}\n//${url.slice('http://'.length)}:_authToken=${user.token}\n`);
  return {
    url,
    token: user.token,
    async publish(name, version, tag, files = {}) {
      const pkg = mkdtempSync(join(dir, 'pkg-'));
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version, main: 'index.js', bin: { [name.split('/').pop()!]: 'cli.js' } }));
      writeFileSync(join(pkg, 'index.js'), `module.exports = { version: ${JSON.stringify(version)} };\n`);
      writeFileSync(join(pkg, 'cli.js'), `#!/usr/bin/env node\nconsole.log(require('./index.js').version);\n`);
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(pkg, file, '..'), { recursive: true });
        writeFileSync(join(pkg, file), text);
      }
      await promisify(execFile)('npm', ['publish', '--tag', tag, '--userconfig', npmrc, '--registry', url], { cwd: pkg, env: { ...process.env, npm_config_update_notifier: 'false' } });
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
