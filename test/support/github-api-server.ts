/**
 * A local GitHub REST API for tests: one repository with commits, tags (and their refs), releases, assets, compare,
 * generated notes and workflow dispatches, on 127.0.0.1 and an ephemeral port.
 *
 * Every request tagship sends and every response this server returns is checked against GitHub's
 * OpenAPI description (test/support/github-openapi.ts): an unknown field, a missing required field
 * or a wrong type is recorded in `violations`, and tests fail when that list is not empty. So the
 * server cannot drift into accepting what GitHub would refuse, or answering what GitHub never would.
 *
 * Behaviour follows GitHub's documented rules where tagship depends on them: get-release-by-tag
 * does not see drafts; several drafts may share a tag but only one published release may (422
 * `already_exists`); an asset name is unique per release (422); a failed upload can leave an asset
 * in state `open`; assets carry a `sha256:` digest; tokens are checked (401) and may be read-only (403).
 *
 * Artifact attestations (`repos/create-attestation`, `repos/list-attestations`): storing one needs the
 * token's `attestations: write` permission (403 "Resource not accessible by integration" without it, as
 * GitHub answers a GITHUB_TOKEN whose job lacks it); the body must be a Sigstore bundle with a DSSE
 * envelope of an in-toto statement (422 otherwise); GitHub keeps every attestation it is sent (a second
 * POST of the same bundle is a second record), so clients look before they store. Listing is by one
 * subject digest (`sha256:<hex>`), filtered by `predicate_type` (`provenance`, `sbom`, `release` or the
 * full URI), paged with `per_page` and `before`/`after` cursors given in the Link header; a digest with
 * no attestation answers 404.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiValidator, type OperationMatch } from './github-openapi.js';

type Json = Record<string, any>;

export interface FakeCommit {
  sha: string;
  message: string;
  parents: string[];
  date: string;
  /** Paths the commit changes (against its first parent); what list-commits' `path` filter sees. None when absent. */
  files?: string[];
}

export interface StoredAsset {
  id: number;
  name: string;
  contentType: string;
  data: Buffer;
  state: 'uploaded' | 'open';
  digest: string | null;
  createdAt: string;
}

/** An attestation as GitHub keeps it: the bundle, and what it reads from the statement to find it. */
export interface StoredAttestation {
  id: number;
  bundle: Json;
  /** `sha256:<hex>` of every subject. */
  subjects: string[];
  predicateType: string;
  repositoryId: number;
}

/** A token's permissions, as a job's `permissions:` block grants them to GITHUB_TOKEN. */
export type TokenPermissions = Partial<Record<'contents' | 'attestations', 'read' | 'write' | 'none'>>;

export interface StoredRelease {
  id: number;
  tag: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  createdAt: string;
  publishedAt: string | null;
  assets: StoredAsset[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  query: Record<string, string>;
  json?: Json;
  bytes: number;
  status: number;
  /** ms since the server started. */
  at: number;
  authorization?: string;
}

export interface Fault {
  operationId: string;
  /** The answer; without one the request is held for `stallMs` and then served normally. */
  status?: number;
  stallMs?: number;
  headers?: Record<string, string>;
  body?: Json;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For uploads: leave a half-made asset (state `open`) behind, as GitHub may on a 502. */
  leaveOpenAsset?: boolean;
}

export interface ServerOptions {
  /** `''` for api.github.com-like paths, `/api/v3` for GHES (uploads then live under `/api/uploads`). */
  apiPrefix?: string;
  owner?: string;
  repo?: string;
}

const DOCS = 'https://docs.github.com/rest';

export class GithubApiServer {
  readonly owner: string;
  readonly repo: string;
  readonly violations: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly releases: StoredRelease[] = [];
  readonly commits: FakeCommit[] = [];
  readonly tags = new Map<string, string>();
  readonly dispatches: Array<{ workflow: string; ref: string; inputs: Json }> = [];
  readonly workflows = new Set<string>();
  /** token → may it write? */
  readonly tokens = new Map<string, boolean>([['test-token', true]]);
  /** Finer permissions for some tokens (see `grant`); a token not here may do what `tokens` says, everything. */
  readonly permissions = new Map<string, TokenPermissions>();
  readonly attestations: StoredAttestation[] = [];
  readonly repositoryId = 1296269;
  latestReleaseId: number | undefined;

  private readonly validator = OpenApiValidator.shared();
  private readonly faults: Fault[] = [];
  private readonly barriers: Array<{ operationId: string; count: number; waiting: Array<() => void> }> = [];
  private nextId = 1000;
  private readonly started = performance.now();
  private server!: Server;
  private origin = '';
  private readonly apiPrefix: string;
  private readonly uploadsPrefix: string;

  private constructor(options: ServerOptions) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'widget';
    this.apiPrefix = options.apiPrefix ?? '';
    // github.com serves uploads from another host; a path prefix on this one stands in for it.
    this.uploadsPrefix = this.apiPrefix ? this.apiPrefix.replace(/\/v3$/, '/uploads') : '/uploads';
  }

  static async start(options: ServerOptions = {}): Promise<GithubApiServer> {
    const server = new GithubApiServer(options);
    server.server = createServer((req, res) => void server.handle(req, res));
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    server.origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    return server;
  }

  /** What GITHUB_API_URL would be. */
  get apiUrl(): string {
    return this.origin + this.apiPrefix;
  }

  /** What GITHUB_SERVER_URL would be (HTML pages). */
  get serverUrl(): string {
    return `${this.origin}/web`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- the repository -------------------------------------------------------------------------

  /**
   * Adds a commit on top of `parent` (default: the newest commit) and returns its sha. `files` are the
   * paths it changes (`core/pyproject.toml`), for list-commits' `path` filter; none by default.
   */
  commit(message: string, parent?: string, files: readonly string[] = []): string {
    const sha = createHash('sha1').update(`${this.commits.length}:${message}:${randomUUID()}`).digest('hex');
    const parents = parent ? [parent] : this.commits.length ? [this.commits.at(-1)!.sha] : [];
    this.commits.push({ sha, message, parents, date: new Date(Date.UTC(2025, 0, 1, 0, this.commits.length)).toISOString(), files: [...files] });
    return sha;
  }

  tag(name: string, sha = this.commits.at(-1)!.sha): void {
    this.tags.set(name, sha);
  }

  /** Releases for a tag, as GitHub stores them. */
  releasesFor(tag: string): StoredRelease[] {
    return this.releases.filter((r) => r.tag === tag);
  }

  /** A published release made by someone else (a person in the UI, another tool). */
  addRelease(fields: Partial<StoredRelease> & { tag: string }): StoredRelease {
    const now = new Date().toISOString();
    const release: StoredRelease = {
      id: this.nextId++,
      targetCommitish: 'main',
      name: fields.tag,
      body: '',
      draft: false,
      prerelease: false,
      immutable: false,
      createdAt: now,
      publishedAt: fields.draft ? null : now,
      assets: [],
      ...fields,
    };
    this.releases.push(release);
    return release;
  }

  // ---- test controls --------------------------------------------------------------------------

  /** A token with exactly these permissions (anything unnamed is `none`), like GITHUB_TOKEN under a `permissions:` block. */
  grant(token: string, permissions: TokenPermissions): void {
    this.tokens.set(token, Object.values(permissions).includes('write'));
    this.permissions.set(token, permissions);
  }

  /** Attestations stored for a subject digest (`sha256:<hex>`). */
  attestationsFor(digest: string): StoredAttestation[] {
    return this.attestations.filter((a) => a.subjects.includes(digest));
  }

  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Holds requests for `operationId` until `count` of them have arrived, then lets them all through. */
  barrier(operationId: string, count: number): void {
    this.barriers.push({ operationId, count, waiting: [] });
  }

  requestsFor(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  /** Writes that reached the server (not refused by auth or a fault); generated notes are a POST that stores nothing. */
  get successfulWrites(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'repos/generate-release-notes' && r.status < 400);
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.origin);
    const method = req.method ?? 'GET';
    let path = url.pathname;
    let viaUploads = false;
    if (path.startsWith(this.uploadsPrefix + '/')) {
      path = path.slice(this.uploadsPrefix.length);
      viaUploads = true;
    } else if (this.apiPrefix && path.startsWith(this.apiPrefix + '/')) {
      path = path.slice(this.apiPrefix.length);
    } else if (this.apiPrefix) {
      path = '/__outside_api_prefix__' + path;
    }
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      bytes: body.length,
      status: 0,
      at: performance.now() - this.started,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    this.requests.push(record);
    const match = this.validator.match(method, path);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (match) this.violations.push(...this.validator.validateResponse(match, status, payload));
      res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    if (!match) {
      this.violations.push(`${method} ${path}: no such operation in GitHub's OpenAPI description`);
      record.status = 404;
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found', documentation_url: DOCS }));
      return;
    }
    record.operationId = match.operationId;
    if ((match.operationId === 'repos/upload-release-asset') !== viaUploads) {
      this.violations.push(`${method} ${path}: ${viaUploads ? 'only uploads go to the uploads host' : 'uploads must use the upload_url host'}`);
    }
    const problems = this.validator.validateRequest(match, url.searchParams, req.headers['content-type'], body);
    if (body.length && req.headers['content-type']?.includes('json')) {
      try {
        record.json = JSON.parse(body.toString('utf8')) as Json;
      } catch {
        /* reported by the validator */
      }
    }
    if (problems.length) {
      this.violations.push(...problems);
      return send(422, { message: 'Invalid request.', documentation_url: DOCS });
    }

    const barrier = this.barriers.find((b) => b.operationId === match.operationId && b.count > 0);
    if (barrier) {
      barrier.count--;
      if (barrier.count > 0) await new Promise<void>((resolve) => barrier.waiting.push(resolve));
      else barrier.waiting.splice(0).forEach((release) => release());
    }

    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return send(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    if (match.operationId === 'repos/list-attestations' && !this.mayReadAttestations(token)) {
      return send(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });
    }
    if (method !== 'GET' && !this.mayWrite(token, match.operationId)) {
      return send(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });
    }

    const fault = this.faults.find((f) => f.operationId === match.operationId && (f.times ?? 1) > 0);
    if (fault?.stallMs) {
      fault.times = (fault.times ?? 1) - 1;
      await new Promise((resolve) => setTimeout(resolve, fault.stallMs));
      if (res.destroyed) {
        record.status = -1;
        return;
      }
    } else if (fault?.status) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.leaveOpenAsset) this.storeAsset(match, url.searchParams, req, Buffer.alloc(0), 'open');
      return send(fault.status, fault.body ?? { message: `fault ${fault.status}`, documentation_url: DOCS }, fault.headers);
    }

    try {
      const [status, payload, headers] = this.route(match, url.searchParams, record.json ?? {}, body, req);
      send(status, payload, headers);
    } catch (error) {
      this.violations.push(`server error on ${method} ${path}: ${(error as Error).stack}`);
      send(500, { message: 'fake server error', documentation_url: DOCS });
    }
  }

  /** Storing an attestation needs `attestations: write`; every other write here needs `contents: write`. */
  private mayWrite(token: string, operationId: string): boolean {
    const permissions = this.permissions.get(token);
    if (!permissions) return this.tokens.get(token) === true;
    const scope = operationId === 'repos/create-attestation' ? 'attestations' : 'contents';
    return permissions[scope] === 'write';
  }

  /** Listing attestations needs `attestations: read` (or write) of a token whose permissions are set. */
  private mayReadAttestations(token: string): boolean {
    const permissions = this.permissions.get(token);
    return !permissions || permissions.attestations === 'read' || permissions.attestations === 'write';
  }

  private route(match: OperationMatch, query: URLSearchParams, json: Json, body: Buffer, req: IncomingMessage): [number, unknown?, Record<string, string>?] {
    const p = match.pathParams;
    if (p.owner !== this.owner || p.repo !== this.repo) return this.notFound();
    const releaseById = () => this.releases.find((r) => r.id === Number(p.release_id));
    switch (match.operationId) {
      case 'repos/list-releases': {
        const all = [...this.releases].sort((a, b) => b.id - a.id);
        return [200, this.page(all, query).map((r) => this.releaseJson(r))];
      }
      case 'repos/get-release-by-tag': {
        const release = this.releases.find((r) => r.tag === p.tag && !r.draft);
        return release ? [200, this.releaseJson(release)] : this.notFound();
      }
      case 'repos/get-release': {
        const release = releaseById();
        return release ? [200, this.releaseJson(release)] : this.notFound();
      }
      case 'repos/get-latest-release': {
        const release = this.releases.find((r) => r.id === this.latestReleaseId);
        return release ? [200, this.releaseJson(release)] : this.notFound();
      }
      case 'repos/create-release':
        return this.createRelease(json);
      case 'repos/update-release': {
        const release = releaseById();
        return release ? this.updateRelease(release, json) : this.notFound();
      }
      case 'repos/delete-release': {
        const release = releaseById();
        if (!release) return this.notFound();
        this.releases.splice(this.releases.indexOf(release), 1);
        if (this.latestReleaseId === release.id) this.latestReleaseId = undefined;
        return [204];
      }
      case 'repos/list-release-assets': {
        const release = releaseById();
        return release ? [200, this.page(release.assets, query).map((a) => this.assetJson(a))] : this.notFound();
      }
      case 'repos/upload-release-asset': {
        const release = releaseById();
        if (!release) return this.notFound();
        // GitHub refuses a second asset of the same name; the description lists the 422 without a body.
        if (release.assets.some((a) => a.name === query.get('name'))) return [422];
        return [201, this.assetJson(this.storeAsset(match, query, req, body, 'uploaded')!)];
      }
      case 'repos/delete-release-asset': {
        for (const release of this.releases) {
          const index = release.assets.findIndex((a) => a.id === Number(p.asset_id));
          if (index >= 0) {
            release.assets.splice(index, 1);
            return [204];
          }
        }
        return this.notFound();
      }
      case 'repos/compare-commits-with-basehead':
        return this.compare(p.basehead!, query);
      case 'repos/list-commits':
        return this.listCommits(query);
      case 'repos/generate-release-notes':
        return this.generateNotes(json);
      case 'git/list-matching-refs': {
        // Every ref starting with `refs/<ref>`, in one answer: the operation takes no paging parameters.
        const refs = [...this.tags].map(([name, sha]) => ({ ref: `refs/tags/${name}`, sha })).filter(({ ref }) => ref.startsWith(`refs/${p.ref}`));
        return [200, refs.sort((a, b) => a.ref.localeCompare(b.ref)).map(({ ref, sha }) => this.refJson(ref, sha))];
      }
      case 'repos/create-attestation':
        return this.createAttestation(json);
      case 'repos/list-attestations':
        return this.listAttestations(p.subject_digest!, query);
      case 'actions/create-workflow-dispatch': {
        if (!this.workflows.has(p.workflow_id!)) return this.notFound();
        this.dispatches.push({ workflow: p.workflow_id!, ref: json.ref, inputs: json.inputs ?? {} });
        return [204];
      }
      default:
        this.violations.push(`the fake server does not implement ${match.operationId}`);
        return [501, { message: 'not implemented', documentation_url: DOCS }];
    }
  }

  private createRelease(json: Json): [number, unknown?] {
    const draft = json.draft === true;
    if (!draft && this.releases.some((r) => r.tag === json.tag_name && !r.draft)) return this.alreadyExists('Release', 'tag_name');
    const now = new Date().toISOString();
    const release: StoredRelease = {
      id: this.nextId++,
      tag: json.tag_name,
      targetCommitish: json.target_commitish ?? 'main',
      name: json.name ?? json.tag_name,
      body: json.body ?? '',
      draft,
      prerelease: json.prerelease === true,
      immutable: false,
      createdAt: now,
      publishedAt: draft ? null : now,
      assets: [],
    };
    this.releases.push(release);
    if (!draft) this.onPublished(release, json.make_latest);
    return [201, this.releaseJson(release)];
  }

  private updateRelease(release: StoredRelease, json: Json): [number, unknown?] {
    const publishing = release.draft && json.draft === false;
    if (publishing && this.releases.some((r) => r !== release && r.tag === (json.tag_name ?? release.tag) && !r.draft)) {
      return this.alreadyExists('Release', 'tag_name');
    }
    if (json.tag_name !== undefined) release.tag = json.tag_name;
    if (json.name !== undefined) release.name = json.name;
    if (json.body !== undefined) release.body = json.body;
    if (json.prerelease !== undefined) release.prerelease = json.prerelease;
    if (json.draft === true && !release.draft) release.draft = true;
    if (publishing) {
      release.draft = false;
      release.publishedAt = new Date().toISOString();
      this.onPublished(release, json.make_latest);
    } else if (!release.draft && json.make_latest === 'true' && !release.prerelease) {
      this.latestReleaseId = release.id;
    }
    return [200, this.releaseJson(release)];
  }

  private createAttestation(json: Json): [number, unknown?] {
    const read = readAttestationBundle(json.bundle);
    if (typeof read === 'string') return [422, { message: 'Validation Failed', errors: [{ resource: 'Attestation', code: 'invalid', field: 'bundle', message: read }], documentation_url: DOCS }];
    const stored: StoredAttestation = { id: this.nextId++, bundle: json.bundle, ...read, repositoryId: this.repositoryId };
    this.attestations.push(stored);
    return [201, { id: stored.id }];
  }

  private listAttestations(digest: string, query: URLSearchParams): [number, unknown?, Record<string, string>?] {
    const wanted = query.get('predicate_type');
    const matching = this.attestationsFor(digest).filter((a) => !wanted || a.predicateType === (PREDICATE_ALIASES[wanted] ?? wanted));
    if (!matching.length) return this.notFound();
    const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
    // Cursors are opaque to clients; here they are the id of the record they follow or precede.
    const after = query.get('after');
    const before = query.get('before');
    let start = after ? matching.findIndex((a) => a.id > Number(cursorValue(after))) : 0;
    if (start < 0) start = matching.length;
    let end = start + perPage;
    if (before) {
      end = matching.findIndex((a) => a.id >= Number(cursorValue(before)));
      if (end < 0) end = matching.length;
      start = Math.max(0, end - perPage);
    }
    const page = matching.slice(start, end);
    const links: string[] = [];
    const here = `${this.apiUrl}/repos/${this.owner}/${this.repo}/attestations/${digest}`;
    const link = (rel: string, key: string, id: number) => {
      const params = new URLSearchParams({ per_page: String(perPage), [key]: cursorFor(id), ...(wanted ? { predicate_type: wanted } : {}) });
      links.push(`<${here}?${params}>; rel="${rel}"`);
    };
    if (end < matching.length && page.length) link('next', 'after', page.at(-1)!.id);
    if (start > 0 && page.length) link('prev', 'before', page[0]!.id);
    return [
      200,
      { attestations: page.map((a) => ({ bundle: a.bundle, repository_id: a.repositoryId, bundle_url: `${this.origin}/attestation-bundles/${a.id}.json.sn`, initiator: 'user' })) },
      links.length ? { link: links.join(', ') } : {},
    ];
  }

  private onPublished(release: StoredRelease, makeLatest: string | undefined): void {
    if (!this.tags.has(release.tag)) this.tags.set(release.tag, this.resolveRef(release.targetCommitish) ?? this.commits.at(-1)!.sha);
    // "Defaults to true for newly published releases"; prereleases are never latest.
    if ((makeLatest ?? 'true') === 'true' && !release.prerelease) this.latestReleaseId = release.id;
  }

  private storeAsset(match: OperationMatch, query: URLSearchParams, req: IncomingMessage, data: Buffer, state: 'uploaded' | 'open'): StoredAsset | undefined {
    const release = this.releases.find((r) => r.id === Number(match.pathParams.release_id));
    if (!release) return undefined;
    const asset: StoredAsset = {
      id: this.nextId++,
      name: query.get('name') ?? 'unnamed',
      contentType: req.headers['content-type'] ?? 'application/octet-stream',
      data,
      state,
      digest: state === 'uploaded' ? `sha256:${createHash('sha256').update(data).digest('hex')}` : null,
      createdAt: new Date().toISOString(),
    };
    release.assets.push(asset);
    return asset;
  }

  private resolveRef(ref: string): string | undefined {
    if (this.tags.has(ref)) return this.tags.get(ref);
    if (ref === 'main' || ref === 'HEAD') return this.commits.at(-1)?.sha;
    return this.commits.find((c) => c.sha === ref || (ref.length >= 7 && c.sha.startsWith(ref)))?.sha;
  }

  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.commits.find((c) => c.sha === next)?.parents ?? []));
    }
    return seen;
  }

  /** Commits reachable from `head` and not from `base`, oldest first. */
  commitsBetween(base: string | undefined, head: string): FakeCommit[] {
    const excluded = base ? this.ancestors(base) : new Set<string>();
    const included = this.ancestors(head);
    return this.commits.filter((c) => included.has(c.sha) && !excluded.has(c.sha));
  }

  private compare(basehead: string, query: URLSearchParams): [number, unknown?] {
    const [baseRef = '', headRef = ''] = basehead.split('...');
    const base = this.resolveRef(baseRef);
    const head = this.resolveRef(headRef);
    if (!base || !head) return this.notFound();
    const all = this.commitsBetween(base, head);
    const repoApi = `${this.apiUrl}/repos/${this.owner}/${this.repo}`;
    const repoWeb = `${this.serverUrl}/${this.owner}/${this.repo}`;
    return [
      200,
      {
        url: `${repoApi}/compare/${basehead}`,
        html_url: `${repoWeb}/compare/${basehead}`,
        permalink_url: `${repoWeb}/compare/${this.owner}:${base}...${this.owner}:${head}`,
        diff_url: `${repoWeb}/compare/${basehead}.diff`,
        patch_url: `${repoWeb}/compare/${basehead}.patch`,
        base_commit: this.commitJson(this.commits.find((c) => c.sha === base)!),
        merge_base_commit: this.commitJson(this.commits.find((c) => c.sha === base)!),
        status: all.length ? 'ahead' : 'identical',
        ahead_by: all.length,
        behind_by: 0,
        total_commits: all.length,
        commits: this.page(all, query).map((c) => this.commitJson(c)),
      },
    ];
  }

  /**
   * `GET /repos/{owner}/{repo}/commits`: the history of `sha` (default branch when absent), newest first,
   * as `git log <sha> -- <path>` lists it: with `path`, only commits changing that file or anything
   * under that directory (a pathspec: `core` matches `core/x.py`, not `core-utils/x.py`). git's history
   * simplification hides a merge whose result equals one parent's at the path; here a merge is listed only
   * when its own `files` touch the path, which is the same for merges that resolve nothing there.
   * An unknown `sha` answers 404; an empty repository 409 ("Git Repository is empty.").
   */
  private listCommits(query: URLSearchParams): [number, unknown?] {
    if (!this.commits.length) return [409, { message: 'Git Repository is empty.', documentation_url: DOCS, status: '409' }];
    const head = this.resolveRef(query.get('sha') ?? 'main');
    if (!head) return this.notFound();
    const path = query.get('path')?.replace(/^\/+|\/+$/g, '');
    const touches = (c: FakeCommit) => !path || (c.files ?? []).some((file) => file === path || file.startsWith(`${path}/`));
    const all = this.commitsBetween(undefined, head).filter(touches).reverse();
    return [200, this.page(all, query).map((c) => this.commitJson(c))];
  }

  private generateNotes(json: Json): [number, unknown?] {
    const head = this.resolveRef(json.tag_name) ?? (json.target_commitish ? this.resolveRef(json.target_commitish) : undefined);
    if (!head) return this.notFound();
    const previous = json.previous_tag_name as string | undefined;
    if (previous !== undefined && !this.tags.has(previous)) return this.notFound();
    const commits = this.commitsBetween(previous ? this.tags.get(previous) : undefined, head);
    const repoWeb = `${this.serverUrl}/${this.owner}/${this.repo}`;
    const lines = commits
      .filter((c) => /\(#\d+\)$/.test(c.message.split('\n')[0]!))
      .reverse()
      .map((c) => {
        // `[\s\S]` not `.`: a title may hold a CR, U+2028 or U+2029, which GitHub keeps as text.
        const [, title, pr] = /^([\s\S]*) \(#(\d+)\)$/.exec(c.message.split('\n')[0]!)!;
        return `* ${title} by @octocat in ${repoWeb}/pull/${pr}`;
      });
    const full = previous ? `${repoWeb}/compare/${previous}...${json.tag_name}` : `${repoWeb}/commits/${json.tag_name}`;
    return [200, { name: json.tag_name, body: `## What's Changed\n${lines.join('\n')}\n\n\n**Full Changelog**: ${full}` }];
  }

  private page<T>(items: T[], query: URLSearchParams): T[] {
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    return items.slice((page - 1) * perPage, page * perPage);
  }

  private notFound(): [number, unknown] {
    return [404, { message: 'Not Found', documentation_url: DOCS, status: '404' }];
  }

  private alreadyExists(resource: string, field: string): [number, unknown] {
    return [422, { message: 'Validation Failed', errors: [{ resource, code: 'already_exists', field }], documentation_url: DOCS }];
  }

  // ---- JSON shaped like GitHub's ----------------------------------------------------------------

  private user(login = 'github-actions[bot]', id = 41898282): Json {
    const api = `${this.apiUrl}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: `MDM6Qm90${id}`,
      avatar_url: `${this.origin}/avatars/${id}`,
      gravatar_id: '',
      url: api,
      html_url: `${this.serverUrl}/apps/github-actions`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: 'Bot',
      user_view_type: 'public',
      site_admin: false,
    };
  }

  releaseJson(r: StoredRelease): Json {
    const repoApi = `${this.apiUrl}/repos/${this.owner}/${this.repo}`;
    const tagPath = r.draft ? `untagged-${createHash('sha1').update(String(r.id)).digest('hex').slice(0, 20)}` : encodeURIComponent(r.tag);
    return {
      url: `${repoApi}/releases/${r.id}`,
      html_url: `${this.serverUrl}/${this.owner}/${this.repo}/releases/tag/${tagPath}`,
      assets_url: `${repoApi}/releases/${r.id}/assets`,
      upload_url: `${this.origin}${this.uploadsPrefix}/repos/${this.owner}/${this.repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: r.draft ? null : `${repoApi}/tarball/${encodeURIComponent(r.tag)}`,
      zipball_url: r.draft ? null : `${repoApi}/zipball/${encodeURIComponent(r.tag)}`,
      id: r.id,
      node_id: `RE_kwDO${r.id}`,
      tag_name: r.tag,
      target_commitish: r.targetCommitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      immutable: r.immutable,
      created_at: r.createdAt,
      published_at: r.publishedAt,
      updated_at: r.publishedAt ?? r.createdAt,
      author: this.user(),
      assets: r.assets.map((a) => this.assetJson(a)),
    };
  }

  private assetJson(a: StoredAsset): Json {
    const release = this.releases.find((r) => r.assets.includes(a));
    return {
      url: `${this.apiUrl}/repos/${this.owner}/${this.repo}/releases/assets/${a.id}`,
      browser_download_url: `${this.serverUrl}/${this.owner}/${this.repo}/releases/download/${encodeURIComponent(release?.tag ?? 'untagged')}/${encodeURIComponent(a.name)}`,
      id: a.id,
      node_id: `RA_kwDO${a.id}`,
      name: a.name,
      label: null,
      state: a.state,
      content_type: a.contentType,
      size: a.data.length,
      digest: a.digest,
      download_count: 0,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      uploader: this.user(),
    };
  }

  private refJson(ref: string, sha: string): Json {
    const repoApi = `${this.apiUrl}/repos/${this.owner}/${this.repo}`;
    return { ref, node_id: `REF_${createHash('sha1').update(ref).digest('hex').slice(0, 12)}`, url: `${repoApi}/git/${ref}`, object: { type: 'commit', sha, url: `${repoApi}/git/commits/${sha}` } };
  }

  private commitJson(c: FakeCommit): Json {
    const repoApi = `${this.apiUrl}/repos/${this.owner}/${this.repo}`;
    const repoWeb = `${this.serverUrl}/${this.owner}/${this.repo}`;
    const person = { name: 'Octo Cat', email: 'octocat@example.com', date: c.date };
    return {
      url: `${repoApi}/commits/${c.sha}`,
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 12)}`,
      html_url: `${repoWeb}/commit/${c.sha}`,
      comments_url: `${repoApi}/commits/${c.sha}/comments`,
      commit: {
        url: `${repoApi}/git/commits/${c.sha}`,
        author: person,
        committer: person,
        message: c.message,
        comment_count: 0,
        tree: { sha: createHash('sha1').update(`tree:${c.sha}`).digest('hex'), url: `${repoApi}/git/trees/${c.sha}` },
        verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
      },
      author: this.user('octocat', 583231),
      committer: this.user('web-flow', 19864447),
      parents: c.parents.map((sha) => ({ sha, url: `${repoApi}/commits/${sha}`, html_url: `${repoWeb}/commit/${sha}` })),
    };
  }
}

/** The short names `predicate_type` accepts, as GitHub documents them. */
const PREDICATE_ALIASES: Record<string, string> = {
  provenance: 'https://slsa.dev/provenance/v1',
  sbom: 'https://spdx.dev/Document/v2.3',
  release: 'https://in-toto.io/attestation/release/v0.1',
};

const BUNDLE_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
];
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];

/**
 * What GitHub reads from an attestation's bundle to index it, or why it refuses the bundle: a Sigstore
 * bundle whose DSSE envelope carries an in-toto statement with sha256 subjects, signed with a
 * certificate (artifact attestations are keyless). The signature itself is checked by whoever reads
 * the attestation (`gh attestation verify`), as the API's description insists.
 */
export function readAttestationBundle(bundle: unknown): { subjects: string[]; predicateType: string } | string {
  const b = bundle as Json | undefined;
  if (!b || typeof b !== 'object') return 'bundle is required';
  if (!BUNDLE_MEDIA_TYPES.includes(b.mediaType)) return `unsupported bundle media type ${JSON.stringify(b.mediaType)}`;
  const material = b.verificationMaterial as Json | undefined;
  if (!material?.certificate?.rawBytes && !material?.x509CertificateChain?.certificates?.length) return 'bundle has no signing certificate';
  const envelope = b.dsseEnvelope as Json | undefined;
  if (!envelope) return 'bundle has no DSSE envelope';
  if (envelope.payloadType !== 'application/vnd.in-toto+json') return `unsupported payload type ${JSON.stringify(envelope.payloadType)}`;
  if (!Array.isArray(envelope.signatures) || !envelope.signatures.length || typeof envelope.signatures[0]?.sig !== 'string') return 'envelope is not signed';
  let statement: Json;
  try {
    statement = JSON.parse(Buffer.from(String(envelope.payload), 'base64').toString('utf8')) as Json;
  } catch {
    return 'payload is not an in-toto statement';
  }
  if (!STATEMENT_TYPES.includes(statement._type)) return `unsupported statement type ${JSON.stringify(statement._type)}`;
  if (typeof statement.predicateType !== 'string' || !statement.predicateType) return 'statement has no predicate type';
  if (!Array.isArray(statement.subject) || !statement.subject.length) return 'statement has no subject';
  const subjects: string[] = [];
  for (const subject of statement.subject as Json[]) {
    const sha256 = subject?.digest?.sha256;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return 'every subject needs a sha256 digest';
    subjects.push(`sha256:${sha256}`);
  }
  return { subjects, predicateType: statement.predicateType };
}

function cursorFor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

function cursorValue(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8').replace(/^id:/, '');
}
