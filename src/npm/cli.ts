import { runProcess, type ProcessResult } from '../runtime/process.js';

/**
 * The npm CLI as a child process: argv only (never a shell), an environment from the `npm` allow-list
 * (child-env.ts: no inherited credentials, and no `npm_config_*` that would override tagship's own
 * choices, such as the userconfig, registry or tag), and npm's errors read from the JSON object
 * `--json` prints on failure.
 */
export interface NpmRun {
  cwd: string;
  /** tagship's own environment; the child gets the allow-listed part of it. */
  parentEnv: NodeJS.ProcessEnv;
  /** `npm-publish` only for commands that run no package code (a packed tarball, `--ignore-scripts`). */
  tool?: 'npm' | 'npm-publish';
  /** Settings tagship decides for this command (the temporary npmrc, the registry). */
  set?: Readonly<Record<string, string>>;
  /** The credential of this command: the npmrc's token variable, or minted ID tokens. */
  secretEnv?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Each line of npm's output as it comes (see `streamUntilJson`). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Quiet, non-interactive npm: no update check, funding or audit requests in a release job. */
const QUIET = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

export function runNpm(args: readonly string[], options: NpmRun): Promise<ProcessResult> {
  return runProcess('npm', args, {
    parentEnv: options.parentEnv,
    tool: options.tool ?? 'npm',
    set: { ...QUIET, ...options.set },
    secretEnv: options.secretEnv,
    cwd: options.cwd,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 10 * 60_000,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
}

/**
 * What of an npm command's output a person reads as it comes: every stderr line (npm's notices, a
 * script's errors) and the stdout of the scripts it runs, up to the `--json` document npm prints last
 * (`[` for pack, `{` for publish), which lists every file of the package and is read, not shown.
 */
export function streamUntilJson(log: (line: string) => void): (line: string, stream: 'stdout' | 'stderr') => void {
  let json = false;
  return (line, stream) => {
    if (stream === 'stdout' && (json || /^[[{]\s*$/.test(line))) {
      json = true;
      return;
    }
    log(line);
  };
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
