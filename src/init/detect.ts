/** The edge of `tagship init`: reads the project and the origin remote into `InitFacts`. */
import { projectEntryExists } from '../project/files.js';
import { runProcess } from '../runtime/process.js';
import { detectProject } from '../version/sources/detect.js';
import type { InitFacts } from './templates.js';

export async function readInitFacts(root: string, env: NodeJS.ProcessEnv): Promise<InitFacts> {
  const project = detectProject(root);
  const npmPackages = project.npm.filter((p) => !p.private).map((p) => p.name);
  const version = project.readings.find((r) => r.value)?.value;
  return {
    ...(project.python ? { python: { name: project.python.name, dynamicVersion: !!project.python.dynamic } } : {}),
    npmPackages,
    dockerfile: projectEntryExists(root, 'Dockerfile'),
    repository: await originRepository(root, env),
    version,
    projectName: project.python?.name ?? project.npm.find((p) => p.dir === '.')?.name ?? project.npm[0]?.name,
  };
}

/** `owner/name` of the origin remote when it is on github.com; undefined otherwise (no git, no remote). */
async function originRepository(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runProcess('git', ['remote', 'get-url', 'origin'], { parentEnv: env, tool: 'git', cwd, timeoutMs: 10_000 }).catch(() => undefined);
  return result?.code === 0 ? githubRepository(result.stdout.trim()) : undefined;
}

/** https://github.com/o/r(.git), git@github.com:o/r(.git), ssh://git@github.com/o/r(.git) → `o/r`. */
export function githubRepository(url: string): string | undefined {
  const match = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com(?::\d+)?\/)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
