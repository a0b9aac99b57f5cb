/**
 * Untrusted text (commit subjects, tag names, package names, error messages) put into Markdown: the
 * job summary's tables and the release notes. Tiny and import-free: the plan renderer uses it.
 *
 * A table row is one line, so every line separator must go: CommonMark's `\n`, `\r` and `\r\n` (a lone
 * `\r` ends a row just as `\n` does), and U+0085, U+2028, U+2029, VT and FF, which some renderers and
 * editors also break on. Then ASCII punctuation Markdown gives a meaning to is backslash-escaped
 * (CommonMark renders `\x` as `x` for any ASCII punctuation), so the text cannot open a link, image,
 * code span, HTML tag, emphasis or a new cell.
 */
const LINE_SEPARATORS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** A lone surrogate (which `encodeURIComponent` throws on) becomes U+FFFD. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Inline text for a table cell or a line of prose: one line, no markup. */
export function escapeText(text: string): string {
  const flat = wellFormed(text).replace(CONTROLS, '').replace(LINE_SEPARATORS, ' ');
  // `(`, `)` and `!` stay: with every `[` and `]` escaped they cannot make a link or an image.
  const escaped = neutraliseAutolinks(flat.replace(/[\\`*_{}[\]<>|#~&]/g, (c) => `\\${c}`));
  // At the start of a line (a paragraph, not a cell), these would open a block: indented code, a list,
  // a setext underline or thematic break, an ordered list.
  return escaped
    .replace(/^\s+/, '')
    .replace(/^[-+=](?=[\s\-+=]|$)/, (c) => `\\${c}`)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * GFM's parser turns a bare `http://…`, `www.…` or `name@host.tld` into a link as it reads the source,
 * taking the escapes above into the URL, where a browser reads `\#` as `/#`: a link that looks right
 * and leads elsewhere. One backslash before the `:`, `.` or `@` it keys on (read as the character) keeps
 * it from starting one there; a renderer that links URLs in the finished text gets them without escapes.
 */
function neutraliseAutolinks(escaped: string): string {
  return escaped
    .replace(/\b(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/\bwww\./gi, 'www\\.')
    .replace(/@(?=[\w\\-])/g, '\\@');
}

/**
 * Short inline text (a commit subject in a changelog list): also whitespace runs collapsed, capped at
 * `maxLength`, and `.`, `:`, `@`, `-`, `+` escaped too, so it cannot turn into an autolink or mention.
 */
export function escapeInline(text: string, maxLength = 200): string {
  const flat = wellFormed(text).replace(CONTROLS, '').replace(LINE_SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
  const short = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
  return short.replace(/[\\`*_{}[\]()<>#+\-.!|~&:@]/g, (c) => `\\${c}`);
}

/**
 * Text shown as code. Inside a code span backslashes are literal, so instead the fence is one backtick
 * longer than any run in the text (CommonMark), and a pipe is `\|` (GFM splits table cells before
 * reading code spans, even inside them).
 */
export function codeSpan(text: string): string {
  if (!text) return '';
  const flat = wellFormed(text).replace(CONTROLS, '').replace(LINE_SEPARATORS, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A URL from an API inside `(…)`: only http(s), and no character that could end the link early. */
export function safeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  return wellFormed(url).replace(/[()<>\s"'`\\|\u0085\u2028\u2029\u0000-\u001f\u007f]/g, percentEncode);
}

/** `encodeURIComponent` leaves `(` `)` `'` as they are; a link destination needs them encoded. */
function percentEncode(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c);
}

/** `[label](url)` with both parts escaped; a URL that is not http(s) leaves just the label. */
export function markdownLink(label: string, url: string): string {
  return /^https?:\/\//i.test(url) ? `[${escapeText(label)}](${safeUrl(url)})` : escapeText(label);
}

/**
 * A message that marks commands and names with backticks (tagship's own errors do: `python -m build`)
 * as Markdown: each paired backtick span becomes a code span, the rest is escaped prose. Escaping the
 * backticks too would show them as literal characters around unformatted text.
 */
export function textWithCode(text: string): string {
  const flat = wellFormed(text).replace(CONTROLS, '').replace(LINE_SEPARATORS, ' ');
  return flat
    .split(/(`[^`]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return codeSpan(part.slice(1, -1));
      // escapeText drops leading space (a line's indentation); between two spans it is a word break.
      const lead = i > 0 && /^\s/.test(part) ? ' ' : '';
      const trail = /\S\s+$/.test(part) || (part.trim() === '' && part !== '' && i > 0) ? ' ' : '';
      return part.trim() === '' ? (part ? ' ' : '') : `${lead}${escapeText(part).trimEnd()}${trail}`;
    })
    .join('');
}
