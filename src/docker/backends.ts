import type { BuildBackend } from './backend.js';
import { buildah } from './buildah.js';
import { buildx } from './buildx.js';

/** The builders by `docker.backend`. */
export const BACKENDS: Record<'buildx' | 'buildah', BuildBackend> = { buildx, buildah };
