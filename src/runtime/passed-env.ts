import type { ExecutionContext } from '../execute/types.js';

/**
 * The variables a config names for a child (`python.build-env`, `npm.script-env`), read from the
 * step's environment; unset ones are left out. The config schema refuses the names no child may get.
 */
export function passedEnv(ctx: Pick<ExecutionContext, 'env'>, names: readonly string[] = []): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of names) {
    const value = ctx.env[name];
    if (value !== undefined && value !== '') passed[name] = value;
  }
  return passed;
}
