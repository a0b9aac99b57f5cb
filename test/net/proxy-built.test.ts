import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GithubApiServer } from '../support/github-api-server.js';
import { startProxy, type LocalProxy } from '../support/proxy.js';
import { usesTools } from '../support/system-tools.js';

usesTools('git');

// The built CLI (npm run build): undici is bundled as a chunk loaded only when a proxy is set.
const root = fileURLToPath(new URL('../..', import.meta.url));
let proxy: LocalProxy;
let github: GithubApiServer;

beforeAll(async () => {
  [proxy, github] = await Promise.all([startProxy(), GithubApiServer.start()]);
  github.commit('feat: first');
  github.tag('v1.9.0');
});
afterAll(async () => Promise.all([proxy?.stop(), github?.stop()]));

/** `tagship plan` in a clone whose origin cannot be read by git, so the released tags come from the GitHub API. */
function plan(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'tagship-proxy-cli-'));
  cpSync(join(root, 'test/fixtures/projects/spelled-v'), cwd, { recursive: true });
  execFileSync('git', ['init', '-q', cwd]);
  execFileSync('git', ['-C', cwd, 'remote', 'add', 'origin', join(cwd, 'no-such-remote.git')]);
  const child = spawn(process.execPath, [join(root, 'dist/cli/index.js'), 'plan', '--cwd', cwd, '--ref', 'refs/tags/v2.0', '--json'], {
    env: { PATH: process.env.PATH!, HOME: cwd, GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.apiUrl, GITHUB_REPOSITORY: `${github.owner}/${github.repo}`, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the built CLI behind a proxy', () => {
  it('reads the released tags from GitHub through the proxy the environment names, and directly for NO_PROXY', async () => {
    const through = await plan({ https_proxy: proxy.url, HTTP_PROXY: proxy.url });
    expect(through.stderr).toBe('');
    expect(through.code).toBe(0);
    expect(github.requestsFor('git/list-matching-refs').length).toBeGreaterThan(0);
    expect(proxy.seen.some((line) => line.includes(new URL(github.apiUrl).host))).toBe(true);

    proxy.seen.length = 0;
    const direct = await plan({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(direct.code).toBe(0);
    expect(github.requestsFor('git/list-matching-refs').length).toBeGreaterThan(1);
    expect(proxy.seen).toEqual([]);
  });
});
