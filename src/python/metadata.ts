/**
 * Core metadata (PKG-INFO / METADATA): RFC 822 style headers, folded continuation lines, and a body
 * after the first blank line that holds the long description (metadata 2.1+). Repeated fields
 * (Classifier, Requires-Dist, …) keep every value in order.
 */
export interface CoreMetadata {
  /** Field name, lower-cased → every value (plain data, so it survives JSON). */
  fields: Record<string, string[]>;
  /** The long description: the body, or the older `Description` header. */
  description?: string;
}

export function parseMetadata(text: string): CoreMetadata {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fields = Object.create(null) as Record<string, string[]>;
  let index = 0;
  let last: { key: string; at: number } | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) {
      // A folded line continues the previous value (multi-line License and old-style Description).
      const values = fields[last.key]!;
      values[last.at] += `\n${line.replace(/^(?: {8}|\t| {7}\||\s)/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const values = Object.hasOwn(fields, key) ? fields[key]! : (fields[key] = []);
    values.push(value);
    last = { key, at: values.length - 1 };
  }
  const body = lines.slice(index + 1).join('\n');
  const description = body.trim() ? body : fields.description?.[0];
  return { fields, ...(description !== undefined ? { description } : {}) };
}

/** The first value of a field (`Name`, `Version`, `Summary`, …). */
export function field(metadata: CoreMetadata, name: string): string | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(metadata.fields, key) ? metadata.fields[key]![0] : undefined;
}

/**
 * Metadata field → the legacy upload form's field name. Multiple-use fields are sent once per value
 * under these names, as twine does.
 */
const FORM_NAMES: Record<string, string> = {
  'metadata-version': 'metadata_version',
  name: 'name',
  version: 'version',
  summary: 'summary',
  'home-page': 'home_page',
  'download-url': 'download_url',
  author: 'author',
  'author-email': 'author_email',
  maintainer: 'maintainer',
  'maintainer-email': 'maintainer_email',
  license: 'license',
  'license-expression': 'license_expression',
  'license-file': 'license_file',
  keywords: 'keywords',
  platform: 'platform',
  'supported-platform': 'supported_platform',
  classifier: 'classifiers',
  'requires-python': 'requires_python',
  'requires-dist': 'requires_dist',
  'requires-external': 'requires_external',
  'provides-dist': 'provides_dist',
  'obsoletes-dist': 'obsoletes_dist',
  'provides-extra': 'provides_extras',
  'project-url': 'project_urls',
  'description-content-type': 'description_content_type',
  dynamic: 'dynamic',
  requires: 'requires',
  provides: 'provides',
  obsoletes: 'obsoletes',
};

/** The form fields of a file's metadata, in the order they were written, description last. */
export function metadataFormFields(metadata: CoreMetadata): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, values] of Object.entries(metadata.fields)) {
    const name = FORM_NAMES[key];
    if (!name) continue;
    for (const value of values) out.push([name, value]);
  }
  if (metadata.description !== undefined) out.push(['description', metadata.description]);
  return out;
}
