import { parseDocument } from 'yaml';
import { UserError } from '../../errors.js';

/**
 * The member globs of a pnpm workspace: `packages:` in pnpm-workspace.yaml (a list of strings;
 * `!glob` excludes). pnpm keeps its members there rather than in package.json "workspaces", so
 * without it a pnpm monorepo's packages would be invisible to the guard and to publishing.
 */
export function pnpmWorkspacePatterns(text: string, file: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw new UserError(`${file}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]}).`, { file });
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${file}: expected a mapping with a "packages" list at the top level.`, { file });
  const packages = (value as { packages?: unknown }).packages;
  if (packages === undefined || packages === null) return [];
  if (!Array.isArray(packages) || packages.some((entry) => typeof entry !== 'string')) {
    throw new UserError(`${file}: "packages" must be a list of glob strings (like - "packages/*").`, { file });
  }
  return packages as string[];
}
