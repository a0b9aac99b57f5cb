import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { UserError } from '../../errors.js';
import { lineAt, type VersionReading } from './reading.js';

export interface NpmManifest {
  name?: string;
  version?: string;
  private?: boolean;
  description?: string;
  license?: string;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export function parsePackageJson(text: string, file: string): { manifest: NpmManifest; reading?: VersionReading } {
  let manifest: NpmManifest;
  try {
    manifest = JSON.parse(text) as NpmManifest;
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}`, { file }, { cause: error });
  }
  if (typeof manifest.version !== 'string') return { manifest };
  const node = findNodeAtLocation(parseTree(text)!, ['version']);
  return {
    manifest,
    reading: {
      source: file,
      file,
      line: node ? lineAt(text, node.offset) : undefined,
      ecosystem: 'npm',
      value: manifest.version,
    },
  };
}

export function workspacePatterns(manifest: NpmManifest): string[] {
  const { workspaces } = manifest;
  if (Array.isArray(workspaces)) return workspaces;
  return workspaces?.packages ?? [];
}
