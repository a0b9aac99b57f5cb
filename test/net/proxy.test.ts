import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGithubClient } from '../../src/github/client.js';
import { request } from '../../src/net/http.js';
import { proxySettings } from '../../src/net/proxy.js';
import { OciClient } from '../../src/oci/client.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { startProxy, type LocalProxy } from '../support/proxy.js';
import { pushIndex, startRegistry, type LocalRegistry } from '../verify/support/registry.js';

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));

let proxy: LocalProxy;
let github: GithubApiServer;
let registry: LocalRegistry;

beforeAll(async () => {
  [proxy, github, registry] = await Promise.all([startProxy(), GithubApiServer.start(), startRegistry()]);
  github.commit('feat: first');
  github.tag('v1.0.0');
  await pushIndex(registry.host, 'acme/app', ['1.0.0', 'latest'], ['linux/amd64']);
});
afterAll(async () => Promise.all([proxy?.stop(), github?.stop(), registry?.stop()]));
afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  proxy.seen.length = 0;
});

function useProxy(variables: Record<string, string>): void {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
}

/** Every client tagship talks to a registry or GitHub with, against the local servers. */
async function talkToEveryServer(): Promise<void> {
  const client = createGithubClient({ token: 'test-token', baseUrl: github.apiUrl, retries: 0 });
  const { data } = await client.rest.git.listMatchingRefs({ owner: github.owner, repo: github.repo, ref: 'tags/v' });
  expect(data.map((r) => r.ref)).toEqual(['refs/tags/v1.0.0']);
  expect((await new OciClient().listTags(`${registry.host}/acme/app`)).sort()).toEqual(['1.0.0', 'latest']);
  // The PyPI and npm clients send through this same helper.
  expect((await request(`http://${registry.host}/v2/`, { retry: { retries: 0 } })).status).toBe(200);
}

const hostOf = (url: string) => new URL(url).host;

describe('proxy variables', () => {
  it('sends every client through HTTPS_PROXY / HTTP_PROXY when they are set', async () => {
    useProxy({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    await talkToEveryServer();
    const targets = new Set(proxy.seen.map((line) => line.replace(/^(CONNECT |[A-Z]+ http:\/\/)/, '').replace(/\/.*$/, '')));
    expect(targets).toEqual(new Set([hostOf(github.apiUrl), registry.host]));
  });

  it('reads the lower-case spelling too', async () => {
    useProxy({ http_proxy: proxy.url });
    await talkToEveryServer();
    expect(proxy.seen.length).toBeGreaterThanOrEqual(3);
  });

  it('goes direct to the hosts NO_PROXY names, and through the proxy to the others', async () => {
    useProxy({ HTTP_PROXY: proxy.url, NO_PROXY: `example.invalid, ${registry.host.split(':')[0]}` });
    await talkToEveryServer();
    expect(proxy.seen).toEqual([]);

    useProxy({ HTTP_PROXY: proxy.url, no_proxy: `${hostOf(github.apiUrl)}` });
    await talkToEveryServer();
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.join('\n')).not.toContain(hostOf(github.apiUrl));
    expect(proxy.seen.join('\n')).toContain(registry.host);
  });

  it('goes direct when no proxy is set', async () => {
    useProxy({});
    await talkToEveryServer();
    expect(proxy.seen).toEqual([]);
  });
});

describe('proxySettings', () => {
  it('prefers the lower-case spelling, as curl does, and needs a proxy to name one', () => {
    expect(proxySettings({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:1', NO_PROXY: 'x' })).toEqual({ httpsProxy: 'http://a:1', noProxy: 'x' });
    expect(proxySettings({ NO_PROXY: 'x' })).toBeUndefined();
    expect(proxySettings({ HTTP_PROXY: '' })).toBeUndefined();
  });
});
