import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface NpmCall {
  argv: string[];
  /** The publish token variable was set for this command. */
  tokenInEnv: boolean;
  userconfig?: string;
  /** The npmrc as npm saw it, and its mode. */
  npmrc?: string;
  npmrcMode?: string;
}

/**
 * A real `npm` put first on PATH behind a wrapper that records each call's argv, whether the token
 * variable was in its environment, and the npmrc it was pointed at, then runs the real npm.
 */
export function spyOnNpm() {
  const real = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'tagship-npm-spy-'));
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(dir, 'npm'),
    `#!/bin/sh
{
  printf 'CALL\\n'
  for arg in "$@"; do printf 'arg %s\\n' "$arg"; done
  printf 'token %s\\n' "\${TAGSHIP_NPM_TOKEN:+set}"
  if [ -n "$NPM_CONFIG_USERCONFIG" ]; then
    printf 'userconfig %s\\n' "$NPM_CONFIG_USERCONFIG"
    [ -f "$NPM_CONFIG_USERCONFIG" ] && printf 'mode %s\\n' "$(stat -c %a "$NPM_CONFIG_USERCONFIG")" && sed 's/^/npmrc /' "$NPM_CONFIG_USERCONFIG"
  fi
} >> '${log}'
exec '${real}' "$@"
`,
  );
  chmodSync(join(dir, 'npm'), 0o755);
  const calls = (): NpmCall[] => {
    if (!existsSync(log)) return [];
    const result: NpmCall[] = [];
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      const [key, ...rest] = line.split(' ');
      const value = rest.join(' ');
      if (key === 'CALL') result.push({ argv: [], tokenInEnv: false });
      const call = result.at(-1);
      if (!call) continue;
      if (key === 'arg') call.argv.push(value);
      if (key === 'token') call.tokenInEnv = value === 'set';
      if (key === 'userconfig') call.userconfig = value;
      if (key === 'mode') call.npmrcMode = value;
      if (key === 'npmrc') call.npmrc = (call.npmrc ?? '') + value + '\n';
    }
    return result;
  };
  return {
    path: (base = process.env.PATH ?? '') => `${dir}${delimiter}${base}`,
    calls,
    /** The `npm <command>` calls. */
    commands: (command: string) => calls().filter((call) => call.argv[0] === command),
    reset: () => writeFileSync(log, ''),
  };
}
