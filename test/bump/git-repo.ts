import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A real git repository in a temp dir, with an identity of its own and no user or system config
 * (so a developer's `commit.gpgSign` or hooks never reach the tests). `env` is what tagship gets.
 */
export interface TestRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  git: (...args: string[]) => string;
  write: (file: string, text: string) => void;
  commit: (message: string, files?: Record<string, string>) => string;
}

export function makeRepo(prefix = 'tagship-bump-', options: { bare?: boolean } = {}): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const home = mkdtempSync(join(tmpdir(), 'tagship-home-'));
  const globalConfig = join(home, 'gitconfig');
  writeFileSync(globalConfig, '[user]\n\tname = Test Person\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgSign = false\n[tag]\n\tgpgSign = false\n');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', LANG: 'C' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: env as Record<string, string>, encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  let counter = 0;
  const commit = (message: string, files: Record<string, string> = { [`change-${++counter}.txt`]: `${counter}\n` }) => {
    for (const [file, text] of Object.entries(files)) write(file, text);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []));
  return { dir, env, git, write, commit };
}
