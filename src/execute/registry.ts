import type { ExecutorRegistry } from './types.js';

/**
 * Step kind → executor module, imported lazily so that planning and dry runs never load HTTP
 * clients. Each publishing issue adds its executor here.
 */
export const executors: ExecutorRegistry = {
  'github-release': () => import('../github/executor.js').then((m) => m.executeGithubRelease),
  'workflow-dispatch': () => import('../github/dispatch.js').then((m) => m.executeWorkflowDispatch),
};
