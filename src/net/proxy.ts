/**
 * The proxy the runner's environment names for a request: `HTTPS_PROXY` / `HTTP_PROXY` (either case,
 * lower case first, as curl and undici read them) with `NO_PROXY`. Node's own fetch ignores them
 * unless the process started with `NODE_USE_ENV_PROXY=1`, which an action cannot set; so when one is
 * set, requests go through undici's `EnvHttpProxyAgent` (CONNECT for https, absolute-form for http,
 * NO_PROXY matched by host, domain suffix and port). undici is loaded only then: a run without a proxy,
 * and planning, never load it.
 */
export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/** The proxy variables set in `env`, or undefined when neither proxy is set. */
export function proxySettings(env: Readonly<Record<string, string | undefined>>): ProxySettings | undefined {
  const pick = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const httpProxy = pick('http_proxy');
  const httpsProxy = pick('https_proxy');
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = pick('no_proxy');
  return { ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}) };
}

/** One agent per distinct setting, so connections are pooled across requests. */
const agents = new Map<string, Promise<object>>();

/**
 * The fetch `dispatcher` for the proxy `env` names, or undefined (direct connections). With only
 * `HTTP_PROXY` set, https requests use it too (undici's rule). The agent gets the values from `env`
 * explicitly, so what a test or a caller passes is what counts.
 */
export async function proxyDispatcher(env: Readonly<Record<string, string | undefined>> = process.env): Promise<object | undefined> {
  const settings = proxySettings(env);
  if (!settings) return undefined;
  const key = JSON.stringify(settings);
  let agent = agents.get(key);
  if (!agent) {
    agent = import('undici').then(({ EnvHttpProxyAgent }) => new EnvHttpProxyAgent({ httpProxy: settings.httpProxy ?? '', httpsProxy: settings.httpsProxy ?? '', noProxy: settings.noProxy ?? '' }));
    agents.set(key, agent);
  }
  return agent;
}
