import type { VersionReading } from '../../version/sources/reading.js';
import { lineStart, refuse, withoutBom } from './text.js';

/**
 * `version = 1.2.3` under `[metadata]` of a setup.cfg: the value's characters only. A value continued
 * on the next line (configparser's multi-line values) or set twice is refused.
 */
export function editSetupCfg(text: string, reading: VersionReading, version: string): string {
  const { file } = reading;
  const old = reading.value ?? '';
  return withoutBom(text, (body) => {
    const lines = body.split('\n').map((l) => l.replace(/\r$/, ''));
    let section = '';
    const found: number[] = [];
    lines.forEach((raw, i) => {
      const header = /^\s*\[([^\]]*)\]/.exec(raw);
      if (header) section = header[1]!.trim();
      else if (section === 'metadata' && /^\s*version\s*=/.test(raw)) found.push(i);
    });
    if (found.length !== 1) {
      refuse(file, found.length ? found[1]! + 1 : reading.line, found.length ? '[metadata] version is set twice' : '[metadata] version was not found', 'keep one version = … line');
    }
    const index = found[0]!;
    const next = lines[index + 1];
    if (next !== undefined && /^[ \t]+\S/.test(next) && !/^\s*[#;]/.test(next)) refuse(file, index + 2, 'the version continues on the next line', 'write version = … on one line');
    const raw = lines[index]!;
    const valueAt = raw.indexOf(old, raw.indexOf('=') + 1);
    if (!old || valueAt < 0) refuse(file, index + 1, 'the version is not written as read', 'write version = 1.2.3');
    const start = lineStart(body, index + 1) + valueAt;
    return body.slice(0, start) + version + body.slice(start + old.length);
  });
}
