/**
 * PEP 440 versions, read and ordered the way Python's `packaging.version.Version` does (what pip,
 * build backends and PyPI use), with every number a BigInt: PEP 440 puts no bound on them, and
 * `1.9007199254740993` must neither equal nor sort with `1.9007199254740992`. Our own module because
 * the library used before rounded large numbers and turned a dotted local label (`1.0+ubuntu.1`)
 * into `1.0+ubuntu,1`, which then crashed every comparison with it.
 */
export interface Pep440 {
  epoch: bigint;
  release: bigint[];
  pre?: { label: 'a' | 'b' | 'rc'; number: bigint };
  post?: bigint;
  dev?: bigint;
  /** `ubuntu.1` → ['ubuntu', 1n]: numeric parts compare as numbers, others as lower-case text. */
  local?: Array<string | bigint>;
}

// PEP 440 appendix B's pattern, as packaging spells it (optional `v`, every accepted separator and
// spelling), anchored, with the surrounding whitespace PEP 440 lets a parser ignore.
const PATTERN = new RegExp(
  '^\\s*v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[._-]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[._-]?(?<pre_n>[0-9]+)?)?' +
    '(?<post>(?:-(?<post_n1>[0-9]+))|(?:[._-]?(?<post_l>post|rev|r)[._-]?(?<post_n2>[0-9]+)?))?' +
    '(?<dev>[._-]?(?<dev_l>dev)[._-]?(?<dev_n>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*))?' +
    '\\s*$',
  'i',
);

const PRE_SPELLINGS: Record<string, 'a' | 'b' | 'rc'> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };

/**
 * Any spelling PEP 440 accepts (`V1.0-RC.1`, ` v1.0 `, `1.0-1`), or undefined. Callers that must be
 * stricter (a tag) check the text's shape before asking.
 */
export function parsePep440Version(text: string): Pep440 | undefined {
  const m = PATTERN.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const version: Pep440 = { epoch: BigInt(g.epoch ?? '0'), release: g.release!.split('.').map(BigInt) };
  if (g.pre_l) version.pre = { label: PRE_SPELLINGS[g.pre_l.toLowerCase()]!, number: BigInt(g.pre_n ?? '0') };
  if (g.post) version.post = BigInt(g.post_n1 ?? g.post_n2 ?? '0');
  if (g.dev) version.dev = BigInt(g.dev_n ?? '0');
  if (g.local) version.local = g.local.split(/[._-]/).map((part) => (/^[0-9]+$/.test(part) ? BigInt(part) : part.toLowerCase()));
  return version;
}

/** The normal form (what `str(Version(...))` gives and what a build writes into file names). */
export function formatPep440(v: Pep440): string {
  let text = v.release.join('.');
  if (v.epoch) text = `${v.epoch}!${text}`;
  if (v.pre) text += `${v.pre.label}${v.pre.number}`;
  if (v.post !== undefined) text += `.post${v.post}`;
  if (v.dev !== undefined) text += `.dev${v.dev}`;
  if (v.local) text += `+${v.local.join('.')}`;
  return text;
}

/** The version without its local label: the part an index accepts. */
export function publicPep440(v: Pep440): Pep440 {
  const { local: _local, ...rest } = v;
  return rest;
}

export function isPep440Prerelease(v: Pep440): boolean {
  return v.pre !== undefined || v.dev !== undefined;
}

/** PEP 440 ordering (packaging's `_cmpkey`): negative when `a` sorts before `b`. */
export function comparePep440(a: Pep440, b: Pep440): number {
  return (
    cmp(a.epoch, b.epoch) ||
    compareRelease(a.release, b.release) ||
    compareRanks(preRank(a), preRank(b)) ||
    compareRanks(a.post === undefined ? [-1n] : [0n, a.post], b.post === undefined ? [-1n] : [0n, b.post]) ||
    compareRanks(a.dev === undefined ? [1n] : [0n, a.dev], b.dev === undefined ? [1n] : [0n, b.dev]) ||
    compareLocal(a.local, b.local)
  );
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Trailing zeros do not count: 1.0 == 1.0.0 in ordering (not in file names). */
function compareRelease(a: bigint[], b: bigint[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = cmp(a[i] ?? 0n, b[i] ?? 0n);
    if (order) return order;
  }
  return 0;
}

const PRE_ORDER = { a: 0n, b: 1n, rc: 2n };

/** A bare `.devN` sorts before every pre-release; no pre-release sorts after all of them. */
function preRank(v: Pep440): bigint[] {
  if (!v.pre && v.post === undefined && v.dev !== undefined) return [-1n];
  if (!v.pre) return [1n];
  return [0n, PRE_ORDER[v.pre.label], v.pre.number];
}

function compareRanks(a: bigint[], b: bigint[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] === undefined || b[i] === undefined) return a[i] === undefined ? -1 : 1;
    const order = cmp(a[i]!, b[i]!);
    if (order) return order;
  }
  return 0;
}

/** No label sorts first; text parts before numbers, text by code point, numbers by value; a prefix first. */
function compareLocal(a: Array<string | bigint> | undefined, b: Array<string | bigint> | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1;
    const order = typeof x === 'bigint' ? cmp(x, y as bigint) : x < (y as string) ? -1 : x > (y as string) ? 1 : 0;
    if (order) return order;
  }
  return 0;
}
