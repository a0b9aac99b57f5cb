import type { ExecutorRegistry } from './types.js';

/**
 * Step kind → executor module, imported lazily so that planning and dry runs never load HTTP
 * clients. Each publishing issue adds its executor here.
 */
export const executors: ExecutorRegistry = {};
