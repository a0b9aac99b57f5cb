/** A parsed `WWW-Authenticate` header: which scheme the registry wants and, for Bearer, where tokens come from. */
export type Challenge = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string; scope?: string } | { scheme: 'unknown' };

/**
 * Parses `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` or
 * `Basic realm="…"`. Parameter values may be quoted (with `\"` escapes) or bare tokens.
 */
export function parseChallenge(header: string | null): Challenge {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header ?? '');
  const scheme = match?.[1]?.toLowerCase();
  if (scheme === 'basic') return { scheme: 'basic' };
  if (scheme !== 'bearer') return { scheme: 'unknown' };
  const params: Record<string, string> = {};
  for (const m of match![2]!.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  }
  if (!params.realm) return { scheme: 'unknown' };
  return { scheme: 'bearer', realm: params.realm, ...(params.service ? { service: params.service } : {}), ...(params.scope ? { scope: params.scope } : {}) };
}

/** The scope a repository operation needs: `repository:acme/app:pull` or `…:pull,push`. */
export function repositoryScope(path: string, access: 'pull' | 'push'): string {
  return `repository:${path}:${access === 'push' ? 'pull,push' : 'pull'}`;
}
