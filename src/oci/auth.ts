import { UserError } from '../errors.js';
import { request, type RequestOptions } from '../net/http.js';
import type { CredentialLookup } from './credentials.js';
import { parseChallenge, type Challenge } from './challenge.js';
import { registryBase } from './names.js';

export interface AuthOptions {
  credentials?: CredentialLookup;
  /** Sends the token request (the client's retrying HTTP, with its deps and signal). */
  send: (url: string, init: RequestOptions) => Promise<Response>;
}

/**
 * Answers registry challenges and remembers the answers: a Bearer token per host and scope set (so a
 * second repository on the same host skips the anonymous round trip once the realm is known), or the
 * Basic header per host. Credentials are only ever sent in headers, never logged or put in URLs.
 */
export class Authenticator {
  private readonly challenges = new Map<string, Challenge>();
  private readonly cache = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: AuthOptions) {}

  /** The Authorization header to send first: one known for these scopes, or fetched from a realm seen before. */
  async authorization(host: string, scopes: readonly string[]): Promise<string | undefined> {
    const key = cacheKey(host, scopes);
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (!this.challenges.has(host)) return undefined;
    return this.answer(host, scopes);
  }

  /**
   * After a 401: learns the challenge and answers it. `rejected` is the header the registry just refused
   * (an expired token is dropped and fetched again; refused credentials are not retried).
   */
  async refresh(host: string, scopes: readonly string[], header: string | null, rejected: string | undefined): Promise<string | undefined> {
    const challenge = parseChallenge(header);
    if (challenge.scheme === 'unknown') return undefined;
    this.challenges.set(host, challenge);
    const key = cacheKey(host, scopes);
    if (rejected && this.cache.get(key) === rejected) this.cache.delete(key);
    const answer = await this.answer(host, scopes);
    return answer === rejected && challenge.scheme === 'basic' ? undefined : answer;
  }

  private answer(host: string, scopes: readonly string[]): Promise<string | undefined> {
    const key = cacheKey(host, scopes);
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    // Parallel requests for one scope share one token request.
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetchAnswer(host, scopes).then((value) => {
        if (value) this.cache.set(key, value);
        return value;
      });
      pending.finally(() => this.pending.delete(key)).catch(() => undefined);
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async fetchAnswer(host: string, scopes: readonly string[]): Promise<string | undefined> {
    const challenge = this.challenges.get(host);
    const credentials = await this.options.credentials?.(host);
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
    if (!challenge || challenge.scheme === 'basic') return basic;
    if (challenge.scheme !== 'bearer') return undefined;
    const url = new URL(challenge.realm, registryBase(host));
    if (challenge.service) url.searchParams.set('service', challenge.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const response = await this.options.send(url.toString(), { headers: basic ? { authorization: basic } : {} });
    const push = scopes.some((scope) => scope.endsWith(',push'));
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const path = scopes[0]?.split(':')[1] ?? '';
      throw new UserError(
        push
          ? `Registry ${host} refused a push token for ${path} (HTTP ${response.status}). ${credentials ? `Check ${credentials.source ?? `the registry-credentials line for ${host}`}: the password or token is wrong or may not push${host === 'ghcr.io' ? ' (GHCR needs `permissions: packages: write` in the job)' : ''}.` : `Give tagship credentials for ${host} in the registry-credentials input.`}`
          : `Registry ${host} refused a pull token for ${path} (HTTP ${response.status}). For a private image, give tagship the registry credentials.`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : undefined;
  }
}

function cacheKey(host: string, scopes: readonly string[]): string {
  return `${host} ${[...scopes].sort().join(' ')}`;
}
