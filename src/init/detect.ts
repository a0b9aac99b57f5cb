/** The edge of `tagship init`: reads the project and the origin remote into `InitFacts`. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectEntryExists, readNamedFile } from '../project/files.js';
import { runProcess } from '../runtime/process.js';
import { detectProject } from '../version/sources/detect.js';
import type { InitFacts, NotifyChannel } from './templates.js';

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
    notify: notifyChannels(root),
  };
}

/** The webhook inputs (or the secrets reusable workflows take for them) a workflow passes, per channel. */
const CHANNEL_MARKS: Array<[NotifyChannel, RegExp]> = [
  ['slack', /\bslack-webhook-url\s*:|\bSLACK_WEBHOOK_URL\b/],
  ['discord', /\bdiscord-webhook-url\s*:|\bDISCORD_WEBHOOK_URL\b/],
  ['webhook', /(?<![\w-])webhook-url\s*:|(?<![\w])WEBHOOK_URL\b/],
];

/**
 * Channels the project notifies on today: those its workflows pass (an earlier tagship workflow, or one
 * init is asked to replace with --force). A config with a `notify` section but no workflow passing a
 * webhook names none of them, so every channel is passed: a secret that is not set sends nothing.
 */
function notifyChannels(root: string): NotifyChannel[] {
  const texts: string[] = [];
  const read = (path: string) => {
    try {
      // Comment lines say nothing (init's own hints are commented-out inputs).
      texts.push(readNamedFile(join(root, path), path, { maxBytes: 1024 * 1024 }).toString('utf8').replace(/^[ \t]*#.*$/gm, ''));
    } catch {
      // Unreadable: says nothing about notifications.
    }
  };
  let workflows: string[] = [];
  try {
    workflows = readdirSync(join(root, '.github', 'workflows')).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    // No workflows yet.
  }
  for (const name of workflows) read(`.github/workflows/${name}`);
  const used = CHANNEL_MARKS.filter(([, mark]) => texts.some((text) => mark.test(text))).map(([channel]) => channel);
  if (used.length) return used;
  texts.length = 0;
  if (projectEntryExists(root, '.github/tagship.yml')) read('.github/tagship.yml');
  return texts.some((text) => /^notify\s*:/m.test(text)) ? ['slack', 'discord', 'webhook'] : [];
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
