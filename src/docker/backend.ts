import { lstatSync } from 'node:fs';
import { UserError } from '../errors.js';
import { readNamedFile } from '../project/files.js';

/** Everything a build needs, decided by the planner; a backend turns it into commands. */
export interface BuildSpec {
  platforms: string[];
  /** Canonical repositories the build pushes to, by digest. */
  repositories: string[];
  file: string;
  context: string;
  pull: boolean;
  buildArgs: Record<string, string>;
  secrets: { id: string; env: string }[];
  labels: Record<string, string>;
  /** `org.opencontainers.image.*` annotations for the image manifests. */
  annotations: Record<string, string>;
  /** Also annotate the index the build itself makes (single mode; a one-platform build has none to annotate). */
  indexAnnotations: boolean;
  provenance: false | 'min' | 'max';
  sbom: boolean;
  /** gha cache scope, or undefined for no cache. */
  cacheScope?: string;
  /** Directory for the build's own files (metadata, digest, local layout). */
  workDir: string;
  /** Unique name of this build within the run (`app-linux-arm64-1762074000000`). */
  name: string;
  /** The sources' time (`SOURCE_DATE_EPOCH`, seconds): every timestamp the builder writes, for reproducible images. */
  sourceDateEpoch?: number;
}

/** The commands one build step runs, in order, and where the pushed digest ends up. */
export interface BuildCommands {
  commands: string[][];
  /** File the digest is read from after the commands ran. */
  digestFile: string;
  /** buildx's `--metadata-file`. */
  metadataFile?: string;
}

/** Marks where a command takes the digest an earlier command of the same step wrote. */
export const DIGEST_PLACEHOLDER = '{{digest}}';

/** One module per builder, behind this interface. `commands`, `login` and `logout` are pure. */
export interface BuildBackend {
  commands(spec: BuildSpec): BuildCommands;
  /** argv of the login; the password goes on stdin. */
  login(host: string, username: string): string[];
  /** argv of the logout that removes that login again. */
  logout(host: string): string[];
  /** The digest the push wrote (`sha256:…`). */
  readDigest(files: BuildCommands): string;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function checkDigest(text: string, from: string): string {
  const digest = text.trim();
  if (!DIGEST.test(digest)) throw new UserError(`The build wrote no image digest to ${from} (found ${JSON.stringify(digest.slice(0, 80))}): see the build log above.`);
  return digest;
}

export function readText(file: string): string {
  if (!lstatSync(file, { throwIfNoEntry: false })) throw new UserError(`The build did not write ${file}: see the build log above.`);
  return readNamedFile(file, file).toString('utf8');
}

/** `--label k=v` pairs, in key order so plans diff cleanly. */
export function pairs(flag: string, values: Record<string, string>, prefix = ''): string[] {
  return Object.keys(values)
    .sort()
    .flatMap((key) => [flag, `${prefix}${key}=${values[key]}`]);
}
