import { runProcess, type ProcessResult } from '../runtime/process.js';

/**
 * The npm CLI as a child process: argv only (never a shell), an environment in which tagship's own
 * choices cannot be overridden by stray `npm_config_*` variables, and npm's errors read from the JSON
 * object `--json` prints on failure.
 */
export interface NpmRun {
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function runNpm(args: readonly string[], options: NpmRun): Promise<ProcessResult> {
  return runProcess('npm', args, { env: options.env, cwd: options.cwd, signal: options.signal, timeoutMs: options.timeoutMs ?? 10 * 60_000 });
}

/**
 * Settings tagship decides per command. Inherited `npm_config_*` variables of the same name are
 * dropped (npm sets several of them for every script it runs, `userconfig` among them), so neither
 * `npm run` nor the workflow's env can redirect a publish or change its tag.
 */
const DECIDED = new Set(['userconfig', 'registry', 'tag', 'access', 'provenance', 'dry_run', 'json', 'otp', 'workspace', 'workspaces', 'include_workspace_root', 'local_prefix', '_authtoken', 'always_auth']);

export function npmEnv(base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    const match = /^npm_config_(.+)$/i.exec(key);
    if (match && (DECIDED.has(match[1]!.toLowerCase().replace(/-/g, '_')) || match[1]!.startsWith('//'))) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** npm's own account of a failure: `{ "error": { "code", "summary", "detail" } }` on stdout with `--json`. */
export interface NpmFailure {
  code?: string;
  summary: string;
}

export function readNpmFailure(result: ProcessResult): NpmFailure {
  const parsed = lastJsonError(result.stdout);
  if (parsed) return parsed;
  // Older npm, or a failure before npm could print JSON: `npm error code E500` on stderr.
  const code = /^npm (?:error|ERR!) code (\S+)/m.exec(result.stderr)?.[1];
  const summary =
    result.stderr
      .split(/\r?\n/)
      .map((line) => line.replace(/^npm (?:error|ERR!)\s*/, '').trim())
      .filter((line) => line && !line.startsWith('code ') && !/complete log of this run/.test(line))
      .slice(0, 2)
      .join(' ') || `npm exited ${result.code}`;
  return { ...(code ? { code } : {}), summary };
}

function lastJsonError(stdout: string): NpmFailure | undefined {
  // Lifecycle scripts may print before the JSON: try each line that opens an object, last first.
  const starts = [...stdout.matchAll(/^\{/gm)].map((match) => match.index).reverse();
  for (const start of starts) {
    let doc: { error?: { code?: unknown; summary?: unknown; detail?: unknown } };
    try {
      doc = JSON.parse(stdout.slice(start)) as typeof doc;
    } catch {
      continue;
    }
    if (!doc?.error) return undefined;
    const code = typeof doc.error.code === 'string' ? doc.error.code : undefined;
    const summary = [doc.error.summary, doc.error.detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
    return { ...(code ? { code } : {}), summary: summary.replace(/\s+/g, ' ').trim() || 'npm failed without a message' };
  }
  return undefined;
}

/** How a failed publish should be handled. */
export type FailureKind = 'conflict' | 'auth' | 'transient' | 'other';

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNECTIONTIMEOUT',
  'EIDLETIMEOUT',
  'ERESPONSETIMEOUT',
  'ETRANSFERTIMEOUT',
  'ERR_SOCKET_TIMEOUT',
  'UND_ERR_SOCKET',
  'E408',
  'E429',
]);

export function classifyFailure(failure: NpmFailure): FailureKind {
  const code = failure.code?.toUpperCase() ?? '';
  // npmjs answers 403 "You cannot publish over the previously published versions"; Verdaccio 409.
  if (code === 'E409' || /cannot publish over|previously published|already (?:present|exists)/i.test(failure.summary)) return 'conflict';
  // A PUT answered 404 (npmjs, scoped package): the scope is not the token's to publish to.
  if (code === 'E401' || code === 'E403' || code === 'E404' || code === 'ENEEDAUTH' || code === 'EOTP') return 'auth';
  if (TRANSIENT_CODES.has(code) || /^E5\d\d$/.test(code)) return 'transient';
  if (!code && /socket hang up|ECONNRESET|network/i.test(failure.summary)) return 'transient';
  return 'other';
}
