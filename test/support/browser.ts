/**
 * Debian's chromium, driven by playwright-core, with mermaid's dist bundle from node_modules: the
 * summary's diagram rendered the way a person's browser renders it. Offline: nothing is fetched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, usesTools } from './system-tools.js';

usesTools('chromium');

export interface DrawnNode {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A drawn diagram: nodes with their boxes on the page, edges as indexes into `nodes`. */
export interface Drawing {
  nodes: DrawnNode[];
  /** `gap`: how far (px) the line's ends stop from the nodes they are read as joining. */
  edges: Array<{ from: number; to: number; gap: number }>;
  /** Elements inside node labels other than the label's own div/span/p: markup smuggled in by text. */
  markup: string[];
}

export type Rendered = Drawing | { error: string };

export interface MermaidBrowser {
  render(source: string): Promise<Rendered>;
  close(): Promise<void>;
}

const MERMAID_BUNDLE = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const PAGE_SCRIPT = fileURLToPath(new URL('./mermaid-page.js', import.meta.url));

/** Fails, never skips, without chromium: the check is what the issue asks for, not an optional extra. */
export function requireChromium(): string {
  const path = chromiumPath();
  if (!path) throw new Error("No chromium on PATH: install Debian's package `chromium` (scripts/setup installs it), then run the tests again.");
  return path;
}

export async function openMermaidBrowser(): Promise<MermaidBrowser> {
  const executablePath = requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'tagship-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  // addScriptTag with a path inlines the file: no server, no URL to fetch.
  await page.addScriptTag({ path: MERMAID_BUNDLE });
  await page.addScriptTag({ path: PAGE_SCRIPT });
  return {
    render: (source) => page.evaluate((text) => (globalThis as unknown as { renderDiagram(s: string): Promise<Rendered> }).renderDiagram(text), source),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
