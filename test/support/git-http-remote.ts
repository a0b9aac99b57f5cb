/**
 * A GitHub-like git remote over smart HTTP: git's own `git http-backend` behind a local HTTP server
 * that authenticates the way github.com does for a workflow's token, and a pre-receive hook that
 * refuses protected refs with GitHub's wording. What it enforces, as GitHub does:
 * - fetching is anonymous (a public repository); pushing needs `Authorization: basic
 *   base64(x-access-token:<token>)`; none or an unknown token → 401 with a Basic challenge;
 * - a token without `contents: write` → 403 "Permission to <owner>/<repo>.git denied to github-actions[bot]."
 *   as the body git shows after `remote:`;
 * - two Authorization headers (checkout's persisted one plus another) → 400, as GitHub answers;
 * - branch protection → `GH006: Protected branch update failed for <ref>.` and the rules, one per
 *   `- ` line; rulesets → `GH013: Repository rule violations found for <ref>.` with the review link.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type TokenScope = 'write' | 'read';

export interface RemoteRequest {
  method: string;
  path: string;
  service: string;
  authorizations: string[];
}

export interface Refusal {
  /** Exact ref (`refs/heads/main`) or a prefix ending in `*` (`refs/tags/v*`). */
  ref: string;
  kind: 'protected-branch' | 'ruleset';
  rules: string[];
}

export class GitHttpRemote {
  readonly tokens = new Map<string, TokenScope>();
  readonly requests: RemoteRequest[] = [];
  /** Called after each push the server accepted or refused (a receive-pack request answered). */
  readonly onPush: Array<() => void> = [];
  private refusals: Refusal[] = [];

  private constructor(
    private readonly server: Server,
    /** The server URL, as GITHUB_SERVER_URL. */
    readonly serverUrl: string,
    readonly repository: string,
    /** The bare repository on disk. */
    readonly bare: string,
  ) {}

  static async start(repository = 'acme/app', files: Record<string, string> = { VERSION: '1.0.0\n' }): Promise<GitHttpRemote> {
    const root = mkdtempSync(join(tmpdir(), 'tagship-git-remote-'));
    const bare = join(root, `${repository}.git`);
    mkdirSync(bare, { recursive: true });
    git(bare, 'init', '--bare', '--quiet', '--initial-branch=main');
    git(bare, 'config', 'http.receivepack', 'true');
    let remote!: GitHttpRemote;
    const server = createServer((request, response) => {
      remote.handle(root, request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    remote = new GitHttpRemote(server, `http://127.0.0.1:${port}`, repository, bare);
    remote.writeHook();
    // The repository's first commit, on main (pushed straight into the bare repository).
    const seed = join(root, 'seed');
    mkdirSync(seed);
    git(seed, 'init', '--quiet', '--initial-branch=main');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(seed, file)), { recursive: true });
      writeFileSync(join(seed, file), text);
    }
    git(seed, 'add', '-A');
    git(seed, 'commit', '--quiet', '-m', 'feat: first version');
    git(seed, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    git(seed, 'push', '--quiet', bare, 'HEAD:refs/heads/main', 'refs/tags/v1.0.0');
    return remote;
  }

  /** The URL actions/checkout clones from. */
  get url(): string {
    return `${this.serverUrl}/${this.repository}`;
  }

  /** Adds a commit to `branch` directly in the remote (someone else's push), returning its sha. */
  commitElsewhere(message: string, branch = 'main'): string {
    const home = mkdtempSync(join(tmpdir(), 'tagship-elsewhere-'));
    const dir = join(home, 'work');
    execFileSync('git', ['clone', '--quiet', '--branch', branch, this.bare, dir], { env: isolatedGitEnv(home) });
    writeFileSync(join(dir, `${message.replace(/\W+/g, '-')}.txt`), `${message}\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', message);
    git(dir, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return git(dir, 'rev-parse', 'HEAD').trim();
  }

  refuse(refusal: Refusal): void {
    this.refusals.push(refusal);
    this.writeHook();
  }

  /** The remote's ref, or undefined. */
  ref(name: string): string | undefined {
    try {
      return git(this.bare, 'rev-parse', '--verify', '--quiet', name).trim();
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.serverUrl);
    const service = url.searchParams.get('service') ?? url.pathname.split('/').pop() ?? '';
    const authorizations: string[] = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) if (request.rawHeaders[i]!.toLowerCase() === 'authorization') authorizations.push(request.rawHeaders[i + 1]!);
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname, service, authorizations });
    if (authorizations.length > 1) return plain(response, 400, 'Duplicate header: "Authorization"\n');
    if (service === 'git-receive-pack') {
      const scope = this.scopeOf(authorizations[0]);
      if (!scope) {
        response.setHeader('www-authenticate', 'Basic realm="GitHub"');
        return plain(response, 401, authorizations[0] ? 'Invalid username or token. Password authentication is not supported for Git operations.\n' : '');
      }
      if (scope === 'read') return plain(response, 403, `Permission to ${this.repository}.git denied to github-actions[bot].\n`);
    }
    await cgi(root, url, request, response);
    if (service === 'git-receive-pack' && request.method === 'POST') for (const listener of this.onPush) listener();
  }

  /** Every commit (oldest first) and tag of the repository, tags as the commit they point at. */
  history(): { commits: Array<{ sha: string; parents: string[]; message: string; date: string }>; tags: Map<string, string> } {
    const commits = git(this.bare, 'log', '--all', '--reverse', '--topo-order', '--format=%H%x00%P%x00%s%x00%cI')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha, parents, message, date] = line.split('\0');
        return { sha: sha!, parents: parents ? parents.split(' ') : [], message: message!, date: new Date(date!).toISOString() };
      });
    const tags = new Map<string, string>();
    for (const line of git(this.bare, 'for-each-ref', '--format=%(refname:short) %(objectname) %(*objectname)', 'refs/tags').split('\n').filter(Boolean)) {
      const [name, object, peeled] = line.split(' ');
      tags.set(name!, peeled || object!);
    }
    return { commits, tags };
  }

  private scopeOf(header: string | undefined): TokenScope | undefined {
    const match = /^basic\s+(\S+)$/i.exec(header ?? '');
    if (!match) return undefined;
    const [user, ...rest] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
    if (user !== 'x-access-token') return undefined;
    return this.tokens.get(rest.join(':'));
  }

  /** The pre-receive hook: GitHub's messages on stderr (git shows them after `remote:`), exit 1 refuses every ref. */
  private writeHook(): void {
    const cases = this.refusals.map((refusal) => {
      const pattern = refusal.ref.endsWith('*') ? `${shellWord(refusal.ref.slice(0, -1))}*` : shellWord(refusal.ref);
      const lines =
        refusal.kind === 'protected-branch'
          ? [`error: GH006: Protected branch update failed for $ref.`, '', ...refusal.rules.map((rule) => `- ${rule}`)]
          : [
              `error: GH013: Repository rule violations found for $ref.`,
              `Review all repository rules at ${this.url}/rules?ref=$(printf %s "$ref" | sed 's,/,%2F,g')`,
              '',
              ...refusal.rules.map((rule) => `- ${rule}`),
              '',
            ];
      return `    ${pattern})\n${lines.map((line) => `      echo "${line}" >&2`).join('\n')}\n      exit 1;;`;
    });
    const hook = join(this.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, `#!/bin/sh\nwhile read old new ref; do\n  case "$ref" in\n${cases.join('\n')}\n  esac\ndone\nexit 0\n`);
    chmodSync(hook, 0o755);
  }
}

function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function plain(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(body);
}

/** git-http-backend(1) as a CGI program. */
async function cgi(root: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
    PATH_INFO: url.pathname,
    QUERY_STRING: url.search.replace(/^\?/, ''),
    REQUEST_METHOD: request.method ?? 'GET',
    REMOTE_USER: 'github-actions[bot]',
    REMOTE_ADDR: '127.0.0.1',
    CONTENT_TYPE: request.headers['content-type'] ?? '',
  };
  if (request.headers['content-length']) env.CONTENT_LENGTH = request.headers['content-length'];
  if (request.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(request.headers['content-encoding']);
  if (request.headers['git-protocol']) env.GIT_PROTOCOL = String(request.headers['git-protocol']);
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  request.pipe(child.stdin);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.resume();
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  const output = Buffer.concat(chunks);
  const split = output.indexOf('\r\n\r\n');
  const head = output.subarray(0, split).toString('latin1');
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  response.writeHead(status, headers);
  response.end(output.subarray(split + 4));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...isolatedGitEnv(cwd) } });
}

/** git as the tests run it: no user or system config, a fixed identity. */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  };
}

/**
 * A clone of the remote over HTTP, as actions/checkout makes it (asynchronously: the server answers on
 * this process's event loop).
 */
export async function cloneOverHttp(remote: GitHttpRemote, branch = 'main', depth?: number): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'tagship-clone-home-'));
  const dir = join(home, 'work');
  await promisify(execFile)('git', ['clone', '--quiet', ...(depth ? [`--depth=${depth}`] : []), '--branch', branch, remote.url, dir], { env: isolatedGitEnv(home) });
  return dir;
}

/** A clone of the remote with one new commit and an annotated tag on it, as `tagship bump` leaves it. */
export async function cloneWithRelease(remote: GitHttpRemote, tag: string): Promise<string> {
  const dir = await cloneOverHttp(remote);
  writeFileSync(join(dir, 'VERSION'), `${tag.replace(/^v/, '')}\n`);
  git(dir, 'add', 'VERSION');
  git(dir, 'commit', '--quiet', '-m', `chore: release ${tag}`);
  git(dir, 'tag', '-a', tag, '-m', tag);
  return dir;
}
