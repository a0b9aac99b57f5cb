import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The variable the temporary npmrc reads the token from: the token itself is never written to disk. */
export const TOKEN_VARIABLE = 'TAGSHIP_NPM_TOKEN';

/** npm's key for a registry's credentials: the URL without its scheme (`//host:port/path/`). */
export function registryKey(registry: string): string {
  const url = new URL(registry);
  return `//${url.host}${url.pathname.replace(/\/?$/, '/')}`;
}

/**
 * Writes the npmrc a publish runs with (npm reads it through NPM_CONFIG_USERCONFIG) and returns the
 * environment that points npm at it. With a token the file holds `${TAGSHIP_NPM_TOKEN}` literally and
 * the token travels in the child's environment only; without one it holds no credentials, so the
 * runner's own ~/.npmrc cannot stand in for the token the user chose. The caller removes `dir`.
 */
export function writeUserConfig(dir: string, registry: string, token: string | undefined): Record<string, string> {
  const path = join(dir, 'npmrc');
  const lines = [`registry=${registry}`];
  if (token) lines.push(`${registryKey(registry)}:_authToken=\${${TOKEN_VARIABLE}}`);
  writeFileSync(path, lines.join('\n') + '\n', { mode: 0o600 });
  return { NPM_CONFIG_USERCONFIG: path, ...(token ? { [TOKEN_VARIABLE]: token } : {}) };
}
