import { z } from 'zod/mini';

/**
 * zod/mini has no `.describe()`: the description goes into zod's global registry, where the docs
 * generator (toJSONSchema) and the loader's error hints read it. It registers `schema` itself rather than
 * a clone (cheaper at start-up), so pass a schema built for this one key, never a shared one.
 */
export function described<T extends z.core.$ZodType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}
