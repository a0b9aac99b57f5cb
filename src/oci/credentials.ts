import { UserError } from '../errors.js';

/** A registry login: what `docker login` / the token endpoint get. */
export interface RegistryCredentials {
  username: string;
  password: string;
  /** Where the login came from, for a refusal's advice (default: the registry-credentials line). */
  source?: string;
}

/** Docker Hub is spelled three ways; logins and lookups use one. */
export function canonicalRegistryHost(host: string): string {
  const lower = host.toLowerCase();
  return lower === 'index.docker.io' || lower === 'registry-1.docker.io' || lower === 'registry.hub.docker.com' ? 'docker.io' : lower;
}

/**
 * Parses the `registry-credentials` input: one registry a line, `HOST USERNAME PASSWORD`, blank lines and
 * `#` comments ignored. The text is a secret: errors name the line number, never its content.
 */
export function parseRegistryCredentials(text: string): Map<string, RegistryCredentials> {
  const logins = new Map<string, RegistryCredentials>();
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [host, username, password, ...rest] = line.split(/\s+/);
    if (!host || !username || !password || rest.length) {
      throw new UserError(
        `Input 'registry-credentials' line ${index + 1} must be "HOST USERNAME PASSWORD" (value hidden: it is a secret), e.g. "ghcr.io \${{ github.actor }} \${{ secrets.GITHUB_TOKEN }}".`,
      );
    }
    logins.set(canonicalRegistryHost(host), { username, password });
  }
  return logins;
}

export interface CredentialDefaults {
  /** The workflow's GITHUB_TOKEN: GHCR accepts it when the job has `packages: write`. */
  githubToken?: string;
  /** `github.actor`, GHCR's username for that token. */
  actor?: string;
}

/** The login for a registry host: the configured one, else GITHUB_TOKEN for ghcr.io, else none. */
export function credentialsFor(host: string, logins: ReadonlyMap<string, RegistryCredentials>, defaults: CredentialDefaults = {}): RegistryCredentials | undefined {
  const key = canonicalRegistryHost(host);
  const configured = logins.get(key);
  if (configured) return configured;
  if (key === 'ghcr.io' && defaults.githubToken) return { username: defaults.actor || 'github-actions', password: defaults.githubToken };
  return undefined;
}

/** How a registry client asks for a host's login (may run a credential helper, hence async). */
export type CredentialLookup = (host: string) => RegistryCredentials | undefined | Promise<RegistryCredentials | undefined>;

/**
 * The credential lookup every registry client here uses, in this order: the `registry-credentials`
 * lines; the login an earlier step left in the Docker config (./docker-config.ts: `docker/login-action`,
 * a credential helper), read once per host; GITHUB_TOKEN (as `GITHUB_ACTOR`) for ghcr.io.
 */
export function registryLogins(secrets: Readonly<Record<string, string | undefined>>, env: NodeJS.ProcessEnv = {}): CredentialLookup {
  const logins = parseRegistryCredentials(secrets['registry-credentials'] ?? '');
  const defaults: CredentialDefaults = { ...(secrets['github-token'] ? { githubToken: secrets['github-token'] } : {}), ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}) };
  const fromDockerConfig = new Map<string, Promise<RegistryCredentials | undefined>>();
  return (host) => {
    const key = canonicalRegistryHost(host);
    const configured = logins.get(key);
    if (configured) return configured;
    let found = fromDockerConfig.get(key);
    if (!found) {
      // A login the workflow made on purpose beats the GITHUB_TOKEN default for ghcr.io.
      found = import('./docker-config.js').then(async ({ dockerConfigCredentials }) => (await dockerConfigCredentials(key, env)) ?? credentialsFor(key, logins, defaults));
      fromDockerConfig.set(key, found);
    }
    return found;
  };
}
