import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { applyEdits, modify } from 'jsonc-parser';
import { UserError } from '../errors.js';
import type { NpmPublishStep } from '../plan/steps/npm.js';
import { isJsonObject, parseJsonText, stripBom } from '../project/json.js';
import { entryData, listTarEntries, replaceEntryData } from './tar-entries.js';
import { describeTarball, type PackedTarball } from './tarball.js';
import { workspaceSpecs, type WorkspaceRangeRewrite } from './workspace-ranges.js';

/**
 * The packed package.json made publishable: each planned `workspace:` specifier replaced by its real
 * range, in place (the file's formatting kept; jsonc-parser edits only the value), and the tarball
 * rewritten around it, so what is compared with the registry and then published is one file. A
 * tarball without `workspace:` specifiers is left byte for byte as `npm pack` wrote it.
 *
 * The packed manifest is checked against the plan: a specifier the plan did not resolve (a prepack
 * script added it, or the plan is older than the checkout) stops the step; `npm publish` would
 * otherwise send `workspace:^` verbatim, which no npm client can install.
 */
export function applyWorkspaceRanges(tarball: PackedTarball, step: NpmPublishStep): PackedTarball {
  const tar = gunzipSync(readFileSync(tarball.path));
  // npm reads the manifest from the tarball's top folder (`package/`); extraction lets a later entry win.
  const entry = listTarEntries(tar)
    .filter((e) => /^[^/]+\/package\.json$/.test(e.path) && (e.type === '0' || e.type === '\0'))
    .at(-1);
  if (!entry) throw new Error(`${tarball.filename} has no package.json`);
  const file = `${tarball.filename}: package/package.json`;
  const raw = entryData(tar, entry).toString('utf8');
  const packed = workspaceSpecs(manifestOf(raw, file));
  const planned = step.workspaceRanges ?? [];
  if (!packed.length && !planned.length) return tarball;

  const key = (r: { field: string; name: string }) => `${r.field}\0${r.name}`;
  const plannedByKey = new Map(planned.map((r) => [key(r), r]));
  const unplanned = packed.find((spec) => plannedByKey.get(key(spec))?.from !== spec.spec);
  const missing = planned.find((r) => !packed.some((spec) => key(spec) === key(r)));
  const changed = unplanned ? `${unplanned.field}.${unplanned.name} is ${JSON.stringify(unplanned.spec)}` : missing ? `${missing.field}.${missing.name} is no longer ${JSON.stringify(missing.from)}` : undefined;
  if (changed) {
    throw new UserError(
      `The packed package.json of ${step.package} differs from the plan: ${changed} (a prepack script or a change after planning): plan again from a clean checkout. ${step.target} was not published.`,
    );
  }

  const rewritten = rewriteSpecs(raw, planned);
  const check = workspaceSpecs(manifestOf(rewritten, file));
  if (check.length) throw new Error(`${step.target}: ${check[0]!.field}.${check[0]!.name} still reads ${check[0]!.spec} after the rewrite`);
  const bytes = gzipSync(replaceEntryData(tar, entry, Buffer.from(rewritten, 'utf8')));
  writeFileSync(tarball.path, bytes);
  return describeTarball(tarball.path, tarball.filename, bytes);
}

function manifestOf(text: string, file: string): Record<string, unknown> {
  const value = parseJsonText(text, file, Number.POSITIVE_INFINITY);
  if (!isJsonObject(value)) throw new UserError(`${file}: expected a JSON object at the top level. Nothing was published.`);
  return value;
}

/** Each specifier's value replaced where it stands; a leading BOM kept as npm keeps it. */
function rewriteSpecs(raw: string, rewrites: readonly WorkspaceRangeRewrite[]): string {
  const bom = raw.length !== stripBom(raw).length ? raw.slice(0, 1) : '';
  let text = stripBom(raw);
  for (const rewrite of rewrites) text = applyEdits(text, modify(text, [rewrite.field, rewrite.name], rewrite.to, {}));
  return bom + text;
}
