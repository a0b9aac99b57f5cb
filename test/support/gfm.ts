/**
 * A Markdown text read as GitHub-flavoured Markdown by micromark (CommonMark + the GFM extensions, the
 * parser that passes the cmark-gfm spec tests): what a person sees in the job summary, as a tree.
 */
import type { Code, Heading, Html, Link, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export interface GfmDocument {
  root: Root;
  /** Top-level blocks in order, by type: what the reader sees as headings, paragraphs, tables, code. */
  blocks: string[];
  headings: string[];
  tables: Array<{ header: string[]; rows: string[][] }>;
  links: Array<{ text: string; url: string }>;
  code: Array<{ lang: string | null; value: string }>;
  /** Raw HTML nodes anywhere: GitHub would sanitise them, but text was never meant to make them. */
  html: string[];
}

/** The text a reader sees of a node: inline code and text, markup dropped. */
export function plainText(node: RootContent | Root): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

function walk(node: Root | RootContent, visit: (node: RootContent) => void): void {
  if (node.type !== 'root') visit(node);
  if ('children' in node) for (const child of node.children as RootContent[]) walk(child, visit);
}

export function parseGfm(markdown: string): GfmDocument {
  const root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const doc: GfmDocument = { root, blocks: root.children.map((c) => c.type), headings: [], tables: [], links: [], code: [], html: [] };
  walk(root, (node) => {
    if (node.type === 'heading') doc.headings.push(plainText(node as Heading));
    else if (node.type === 'table') {
      const [head, ...body] = (node as Table).children;
      doc.tables.push({ header: head!.children.map(plainText), rows: body.map((row) => row.children.map(plainText)) });
    } else if (node.type === 'link') doc.links.push({ text: plainText(node as Link), url: (node as Link).url });
    else if (node.type === 'code') doc.code.push({ lang: (node as Code).lang ?? null, value: (node as Code).value });
    else if (node.type === 'html') doc.html.push((node as Html).value);
  });
  return doc;
}
