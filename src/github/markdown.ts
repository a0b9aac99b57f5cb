/**
 * Untrusted text (commit subjects, scopes, author names) put into Markdown as plain inline text: it
 * cannot open a link, an image, HTML, a heading, a table cell, a code span or a list. Every ASCII
 * punctuation character Markdown gives a meaning to is backslash-escaped (CommonMark renders `\x` as
 * `x` for any ASCII punctuation), line breaks become spaces, and the length is capped.
 */
export function escapeInline(text: string, maxLength = 200): string {
  const flat = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  const short = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
  return short.replace(/[\\`*_{}[\]()<>#+\-.!|~&:@]/g, (c) => `\\${c}`);
}
