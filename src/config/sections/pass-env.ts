import { z } from 'zod/mini';

/**
 * A variable of the step's environment a config hands on to one kind of child process, which runs
 * with an allow-list (src/runtime/child-env.ts). Never the action's inputs or the runner's OIDC and
 * cache credentials: those stay in tagship's own process whatever the config says.
 */
export const passedEnvName = z
  .string()
  .check(
    z.regex(
      /^(?!INPUT_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_CACHE_URL$|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_SERVICE_V2$)[A-Za-z_][A-Za-z0-9_]*$/i,
      "an environment variable name, other than INPUT_* and the runner's ACTIONS_ID_TOKEN_REQUEST_* and cache credentials",
    ),
  );
