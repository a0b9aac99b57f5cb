/** Types of tools.mjs, for the tests that read what the demo can run. */
export declare const arm64Busybox: (env?: NodeJS.ProcessEnv) => string;

export interface DemoTools {
  python: { path: string } | { why: string; install: string[] };
  images: { platforms: string[]; busybox: Record<string, string>; note?: string } | { why: string };
  engine: { ok: true } | { why: string };
}

export declare function probeDemoTools(env?: NodeJS.ProcessEnv): DemoTools;
