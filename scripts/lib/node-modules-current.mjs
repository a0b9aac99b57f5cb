// Exit 0 when node_modules already holds what `npm ci` would install from package-lock.json, so
// scripts/setup can skip a minute of npm ci on a re-run; else exit 1, printing why.
//
// npm records what it installed in node_modules/.package-lock.json (its "hidden lockfile"): the same
// `packages` entries as package-lock.json, minus the root and the optional packages this platform skipped.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const read = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

/** Why node_modules is not what `npm ci` would install, or null when it is. */
export function staleReason(root = '.') {
  const lock = read(`${root}/package-lock.json`);
  if (!lock?.packages) return 'there is no readable package-lock.json';
  const installed = read(`${root}/node_modules/.package-lock.json`)?.packages;
  if (!installed) return 'node_modules is not installed';
  // package.json edited since the lock was written: npm ci must run (and will say they disagree).
  const manifest = read(`${root}/package.json`) ?? {};
  const locked = lock.packages[''] ?? {};
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    if (JSON.stringify(manifest[field] ?? {}) !== JSON.stringify(locked[field] ?? {})) return `package.json ${field} differ from package-lock.json`;
  }
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    const have = installed[path];
    if (!have) {
      if (entry.optional) continue;
      return `${path} is not installed`;
    }
    for (const field of ['version', 'resolved', 'integrity']) {
      if (have[field] !== entry[field]) return `${path} is not the version package-lock.json names`;
    }
  }
  for (const path of Object.keys(installed)) if (!(path in lock.packages)) return `${path} is installed but not in package-lock.json`;
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const reason = staleReason();
  if (reason) {
    console.log(reason);
    process.exit(1);
  }
}
