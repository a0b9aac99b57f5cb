import type { ProjectFacts } from '../../version/sources/detect.js';
import type { VersionReading } from '../../version/sources/reading.js';
import { editPackageJson } from './package-json.js';
import { editPackageLock } from './package-lock.js';
import type { PlannedTexts } from './planned-texts.js';

const manifestOf = (dir: string) => (dir === '.' ? 'package.json' : `${dir}/package.json`);
const dirOf = (file: string) => (file === 'package.json' ? '.' : file.slice(0, -'/package.json'.length));

/**
 * The npm side of a bump: each package.json the guard reads gets `next` (`nextFor` gives the reading's
 * form), every manifest of the workspace follows a sibling it pins to the previous version, and
 * package-lock.json / npm-shrinkwrap.json repeat both.
 */
export function planNpmEdits(texts: PlannedTexts, project: ProjectFacts, readings: readonly VersionReading[], nextFor: (reading: VersionReading) => string, semverText: string): void {
  if (!readings.length) return;
  const pinned = project.npm.flatMap((pkg) => {
    const reading = readings.find((r) => r.file === manifestOf(pkg.dir));
    return reading ? [{ name: pkg.name, previous: reading.value! }] : [];
  });
  for (const reading of readings) texts.edit(reading.file, (text) => editPackageJson(text, reading.file, nextFor(reading), pinned, semverText));
  // Manifests whose version the guard does not read (a private workspace root or member) may still pin a sibling.
  for (const pkg of project.npm) {
    const file = manifestOf(pkg.dir);
    if (pinned.length && !readings.some((r) => r.file === file)) texts.edit(file, (text) => editPackageJson(text, file, undefined, pinned, semverText));
  }
  const bumped = readings.map((r) => ({ dir: dirOf(r.file) }));
  for (const lock of ['package-lock.json', 'npm-shrinkwrap.json']) {
    if (texts.exists(lock)) texts.edit(lock, (text) => editPackageLock(text, lock, bumped, project.npm.map((pkg) => pkg.dir), pinned, semverText));
  }
}
