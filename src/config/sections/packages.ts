import { z } from 'zod/mini';
import { described } from '../describe.js';
import { attestationsSection } from './attestations.js';
import { deploySection } from './deploy.js';
import { dockerSection } from './docker.js';
import { githubReleaseSection } from './github-release.js';
import { npmSection } from './npm.js';
import { pythonSection } from './python.js';
import { verifySection } from './verify.js';

/** Sections a package may override; everything else (notify, rehearsal and rebuild prefixes) is the repository's. */
export const PACKAGE_SECTIONS = {
  python: pythonSection,
  npm: npmSection,
  'github-release': githubReleaseSection,
  docker: dockerSection,
  verify: verifySection,
  attestations: attestationsSection,
  deploy: deploySection,
} as const;

export type PackageSectionName = keyof typeof PACKAGE_SECTIONS;

/** `core`, `crawl.kit`, `@acme/core`: what `--package` and the `package` input name. */
const PACKAGE_NAME = /^(@[A-Za-z0-9._-]+\/)?[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * A package's tag prefix may carry `@` and `/` besides the top level's characters (`crawlkit@`,
 * `@acme/core@`, `core/v`: the forms changesets and release-please write), but only in shapes git
 * accepts in a tag name.
 */
const packagePrefix = z.string().check(
  z.minLength(1),
  z.regex(/^[A-Za-z0-9._@/-]*$/, 'only letters, digits, ".", "_", "-", "@" and "/"'),
  z.superRefine((prefix, ctx) => {
    if (prefix.startsWith('/') || prefix.startsWith('-') || prefix.includes('//') || prefix.includes('..') || prefix.includes('@{') || /(^|\/)\./.test(prefix) || /\.lock(\/|$)/.test(prefix)) {
      ctx.addIssue({ code: 'custom', message: 'not usable in a git tag name (no leading "/" or "-", no "//", "..", "@{", no part starting with "." or ending in ".lock")' });
    }
  }),
);

/**
 * A package's own section: validated by the top-level section's schema (same keys, same messages),
 * but kept as written, so that only the keys the package sets override the top level's (whose
 * defaults would otherwise win back every key the package leaves out). See src/config/packages.ts.
 */
function override(name: PackageSectionName) {
  const section = PACKAGE_SECTIONS[name];
  return described(
    z.optional(
      z.unknown().check(
        z.superRefine((value, ctx) => {
          const result = (section as z.core.$ZodType & { safeParse: typeof pythonSection.safeParse }).safeParse(value, { reportInput: true });
          if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodRawIssue) });
        }),
      ),
    ),
    `This package's \`${name}\` settings: the same keys as the top-level \`${name}\` section, each one set here replacing the top level's.`,
  );
}

const packageSchema = z.strictObject({
  path: described(
    z.string().check(
      z.minLength(1),
      z.superRefine((path, ctx) => {
        const problem = pathProblem(path);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    "The package's directory, relative to the project directory (`working-directory`, `--cwd`; usually the repository root): its version sources, build and Dockerfile are read there.",
  ),
  'tag-prefix': described(
    z.optional(packagePrefix),
    "Prefix of this package's release tags, e.g. `core-v` (`core-v1.2.3`) or `crawlkit@`. Default: the package name and `-v`. A tag selects the package whose prefix is the longest that fits it.",
  ),
  'version-scheme': described(z.optional(z.enum(['auto', 'semver', 'pep440'])), 'How this package’s tags are read; default: the top level’s `version-scheme`.'),
  'version-sources': described(
    z.optional(z.union([z.literal('auto'), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))])),
    "Files (relative to the package's path) that state its version; default: the top level’s `version-sources`.",
  ),
  python: override('python'),
  npm: override('npm'),
  'github-release': override('github-release'),
  docker: override('docker'),
  verify: override('verify'),
  attestations: override('attestations'),
  deploy: override('deploy'),
});

export type PackageSettings = z.output<typeof packageSchema>;

export const packagesSection = described(
  z._default(
    z.record(
      z.string().check(z.regex(PACKAGE_NAME, 'a package name: letters, digits, ".", "_", "-", optionally @scope/ in front')),
      packageSchema,
    ),
    {},
  ),
  'Packages of this repository released independently, by name: a tag with a package’s prefix (`core-v1.2.3`) releases that package alone, from its `path`, with its sections merged over the top level. Tags with the top-level `tag-prefix` still release the root project.',
);

/** Why a package path cannot be used, or undefined. Relative, inside the repository, forward slashes. */
function pathProblem(path: string): string | undefined {
  const slashed = path.replaceAll('\\', '/');
  if (path.includes('\0')) return 'not a path';
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'an absolute path; give the directory relative to the repository root';
  if (slashed.split('/').includes('..')) return 'leads out of the repository (".."); give a directory inside it';
  return undefined;
}

/** `core/` and `./core` → `core`; `.` and `./` → `.`. */
export function normalizePackagePath(path: string): string {
  const parts = path.replaceAll('\\', '/').split('/').filter((part) => part !== '' && part !== '.');
  return parts.length ? parts.join('/') : '.';
}

/** The tag prefix of a package: its own, or its name and `-v`. */
export function packagePrefixOf(name: string, settings: Pick<PackageSettings, 'tag-prefix'>): string {
  return settings['tag-prefix'] ?? `${name}-v`;
}

/**
 * Two prefixes overlap when one tag could be read as a version of both: equal prefixes, or one
 * extending the other by text that starts like a version (`core-` and `core-1`: `core-12.0.0`). A
 * package prefix must also not begin with the rehearsal or rebuild prefix (`test-core-v1.2.3` would be
 * a rehearsal of `core-v1.2.3` and a release of another package).
 */
export function prefixOverlapIssues(config: {
  'tag-prefix': string;
  'rehearsal-prefix': string;
  'rebuild-prefix': string;
  packages: Record<string, Pick<PackageSettings, 'tag-prefix'>>;
}): Array<{ path: PropertyKey[]; message: string; value: string }> {
  const issues: Array<{ path: PropertyKey[]; message: string; value: string }> = [];
  const owners: Array<{ name: string; prefix: string }> = [{ name: 'the top-level tag-prefix', prefix: config['tag-prefix'] }];
  for (const [name, settings] of Object.entries(config.packages)) {
    const prefix = packagePrefixOf(name, settings);
    // Pointing at the key when written, else at the package (whose default prefix it is).
    const path = settings['tag-prefix'] === undefined ? ['packages', name] : ['packages', name, 'tag-prefix'];
    for (const [special, label] of [
      [config['rehearsal-prefix'], 'rehearsal-prefix'],
      [config['rebuild-prefix'], 'rebuild-prefix'],
    ] as const) {
      if (prefix.startsWith(special)) issues.push({ path, value: prefix, message: `tag prefix ${JSON.stringify(prefix)} begins with the ${label} ${JSON.stringify(special)}, so its tags read as ${label === 'rehearsal-prefix' ? 'rehearsals' : 'rebuilds'}; choose another prefix` });
    }
    for (const other of owners) {
      const [shorter, longer] = prefix.length <= other.prefix.length ? [prefix, other.prefix] : [other.prefix, prefix];
      if (longer.startsWith(shorter) && (longer === shorter || /^\p{Nd}/u.test(longer.slice(shorter.length)))) {
        issues.push({ path, value: prefix, message: `tag prefix ${JSON.stringify(prefix)} overlaps ${other.name === 'the top-level tag-prefix' ? other.name : `package ${JSON.stringify(other.name)}`} (${JSON.stringify(other.prefix)}): a tag could belong to both; give each a prefix of its own` });
      }
    }
    owners.push({ name, prefix });
  }
  return issues;
}
