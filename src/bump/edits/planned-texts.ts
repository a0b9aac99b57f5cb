import { basename } from 'node:path';
import { projectEntryExists, readProjectText } from '../../project/files.js';
import { MAX_MANIFEST_BYTES } from '../../version/sources/package-json.js';
import { changedLines } from './text.js';

/** A file's text as read and as the bump leaves it. */
export interface PlannedText {
  before: string;
  after: string;
}

/**
 * The project's files a bump touches, read once each through the project-file rules (inside the
 * project, regular files, size-capped) and edited in memory, in order: several edits of one file
 * (pyproject's two tables, a lockfile's entries) build on each other.
 */
export class PlannedTexts {
  private readonly texts = new Map<string, PlannedText>();
  constructor(readonly root: string) {}

  exists(file: string): boolean {
    return projectEntryExists(this.root, file);
  }

  get(file: string): PlannedText {
    let entry = this.texts.get(file);
    if (!entry) {
      // A manifest or a JSON lockfile may be as large as npm reads; other sources the text cap.
      const large = basename(file) === 'package.json' || file.endsWith('.json');
      const before = readProjectText(this.root, file, large ? { maxBytes: MAX_MANIFEST_BYTES } : {});
      entry = { before, after: before };
      this.texts.set(file, entry);
    }
    return entry;
  }

  edit(file: string, change: (text: string) => string): void {
    const entry = this.get(file);
    entry.after = change(entry.after);
  }

  /** The files that changed, with the lines that did (1-based, in the text after). */
  changes(): Array<{ file: string; before: string; after: string; lines: number[] }> {
    return [...this.texts.entries()]
      .filter(([, { before, after }]) => before !== after)
      .map(([file, { before, after }]) => ({ file, before, after, lines: changedLines(before, after) }));
  }
}
