import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/python/zip.js';
import { SYSTEM_PYTHON } from './support/project.js';

/** Archives written by Python's own zipfile: deflated and stored entries, a comment, zip64 records. */
function pythonZip(options: { zip64?: boolean } = {}): Buffer {
  const path = join(mkdtempSync(join(tmpdir(), 'tagship-zip-')), 'a.whl');
  const script = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("demo/__init__.py"), "x = 1\\n", compress_type=zipfile.ZIP_STORED)
    z.writestr("demo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: demo\\nVersion: 1.0\\n\\n" + "long text " * 500, compress_type=zipfile.ZIP_DEFLATED)
    z.comment = b"made by a test"
    if sys.argv[2] == "1":
        zipfile.ZIP64_LIMIT = 0  # every size and offset in zip64 records, as a > 4 GiB wheel has them
`;
  execFileSync(SYSTEM_PYTHON, ['-c', script, path, options.zip64 ? '1' : '0']);
  return readFileSync(path);
}

describe('reading a wheel’s entries with Node’s zlib', () => {
  it('inflates a deflated entry and copies a stored one, past an archive comment', () => {
    const entries = readZipEntries(pythonZip(), () => true);
    expect([...entries.keys()]).toEqual(['demo/__init__.py', 'demo-1.0.dist-info/METADATA']);
    expect(entries.get('demo/__init__.py')!.toString()).toBe('x = 1\n');
    expect(entries.get('demo-1.0.dist-info/METADATA')!.toString()).toMatch(/^Metadata-Version: 2\.1\nName: demo\nVersion: 1\.0\n\n(long text ){500}$/);
  });

  it('follows zip64 end records', () => {
    const entries = readZipEntries(pythonZip({ zip64: true }), (name) => name.endsWith('METADATA'));
    expect([...entries.keys()]).toEqual(['demo-1.0.dist-info/METADATA']);
  });

  it('refuses what is not a zip archive', () => {
    expect(() => readZipEntries(Buffer.from('not a zip at all, just some text that is long enough'), () => true)).toThrow(/invalid zip/);
  });
});
