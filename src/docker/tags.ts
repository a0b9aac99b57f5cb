import { UserError } from '../errors.js';
import type { ResolvedVersion } from '../version/guard.js';
import { isHighestInLine } from '../version/released.js';

/** The placeholders a `docker.tags` template may use. */
export const TEMPLATE_PLACEHOLDERS = ['version', 'major', 'minor', 'patch', 'sha', 'raw'] as const;
type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/**
 * What a template follows. `version`: unique to this release (it names `{{version}}`, `{{raw}}` or
 * `{{sha}}`), always written. The others are aliases, which move only forwards: `patch` to the highest
 * release of that major.minor.patch, `minor` of that major.minor, `major` of that major, `all` (a
 * template without placeholders, like `latest`) to the highest stable release of all.
 */
export type TagLine = 'version' | 'patch' | 'minor' | 'major' | 'all';
/** Write order: a failure part-way never leaves an alias ahead of the version tag. */
const WRITE_ORDER: readonly TagLine[] = ['version', 'patch', 'minor', 'major', 'all'];

const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export interface TagFacts {
  templates: readonly string[];
  version: ResolvedVersion;
  /** The release tag as pushed (`v1.2.3`). */
  tag: string;
  /** The full commit, when known (needed by `{{sha}}`). */
  commit?: string;
  /** Versions already released, this one excluded. */
  knownVersions: readonly string[];
  rehearsal: boolean;
  /** Give 0.x the `{{major}}` alias. */
  majorZero: boolean;
}

export function templateLine(template: string): TagLine {
  const used = new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as Placeholder));
  if (used.has('version') || used.has('raw') || used.has('sha')) return 'version';
  if (used.has('patch')) return 'patch';
  if (used.has('minor')) return 'minor';
  if (used.has('major')) return 'major';
  return 'all';
}

/** One rendered tag and the line it follows (`version` tags are this release's own, never moved). */
export interface PlannedTag {
  tag: string;
  line: TagLine;
}

/**
 * The tags every image of this release gets, in write order (version tags first, then
 * `major.minor`, `major`, `latest`). Pure. Throws a `UserError` when a template gives an invalid tag,
 * or when no template gives a tag at all (the images would be pushed untagged).
 */
export function imageTags(facts: TagFacts): string[] {
  return plannedTags(facts).map((planned) => planned.tag);
}

/** `imageTags` with each tag's line: the merge never moves a `version` tag outside a docker-rebuild. */
export function plannedTags(facts: TagFacts): PlannedTag[] {
  const { version } = facts;
  const values: Record<Placeholder, () => string> = {
    // `+build` metadata is not allowed in a tag; Docker's own convention writes it as `-`.
    version: () => (version.semver ?? version.normalized).replace(/\+/g, '-'),
    major: () => String(version.major),
    minor: () => String(version.minor),
    patch: () => String(version.patch),
    raw: () => facts.tag.replace(/\+/g, '-'),
    sha: () => {
      if (!facts.commit) throw new UserError('docker.tags uses {{sha}}, but the commit is not known (GITHUB_SHA is not set): set it, or drop {{sha}}.');
      return facts.commit.slice(0, 7);
    },
  };
  let templates = facts.templates;
  // A prerelease takes no alias. With only aliases configured it takes its full version instead, as
  // docker/metadata-action renders every type=semver pattern as the full version for a prerelease.
  if (version.prerelease && !templates.some((template) => templateLine(template) === 'version')) templates = [...templates, '{{version}}'];
  const moves = (line: TagLine) => aliasMoves(line, facts);
  const tags: PlannedTag[] = [];
  for (const line of WRITE_ORDER) {
    if (!moves(line)) continue;
    for (const template of templates) {
      if (templateLine(template) !== line) continue;
      const tag = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: Placeholder) => values[name]());
      if (!OCI_TAG.test(tag)) {
        throw new UserError(
          `docker.tags template ${JSON.stringify(template)} gives ${JSON.stringify(tag)} for ${facts.tag}, which is not an image tag (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"). Change the template.`,
        );
      }
      if (!tags.some((planned) => planned.tag === tag)) tags.push({ tag, line });
    }
  }
  if (!tags.length) {
    // Images pushed by digest with no tag are invisible garbage, and there would be nothing to verify.
    throw new UserError(
      `docker.tags (${facts.templates.map((t) => JSON.stringify(t)).join(', ') || 'empty'}) gives ${facts.tag} no image tag: every template is an alias, and ${version.text} is not the highest release of their lines. Add "{{version}}" to docker.tags so every release is tagged, or leave docker out of this run (stages input).`,
    );
  }
  return tags;
}

function aliasMoves(line: TagLine, facts: TagFacts): boolean {
  if (line === 'version') return true;
  const { version } = facts;
  // A prerelease or a rehearsal gets only its own tags; aliases name stable releases.
  if (version.prerelease || facts.rehearsal) return false;
  // A plain x.y.z is the head of its own patch line; a post-release follows its minor line.
  if (line === 'patch' && version.normalized === `${version.major}.${version.minor}.${version.patch}`) return true;
  if (line === 'major' && version.major === 0 && !facts.majorZero) return false;
  const scope = line === 'patch' ? 'minor' : line;
  return isHighestInLine(version.normalized, facts.knownVersions, version.scheme, scope);
}
