import { replaceJsonString } from './json-string.js';

/** `"version"` of a package.json (the root's or a workspace member's). */
export function editPackageJson(text: string, file: string, version: string): string {
  return replaceJsonString(text, ['version'], version, file);
}
