import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ProjectSpec = Record<string, string | { link: string }>;

/** Temp projects written from a path → content (or `{ link }`) table; `removeAll` deletes them. */
export function projectWriter(prefix: string) {
  const dirs: string[] = [];
  return {
    project(files: ProjectSpec): string {
      const root = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(root);
      for (const [path, spec] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        if (typeof spec === 'string') writeFileSync(join(root, path), spec);
        else symlinkSync(spec.link, join(root, path));
      }
      return root;
    },
    removeAll: () => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}
