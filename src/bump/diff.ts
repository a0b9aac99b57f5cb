/**
 * A unified diff (`diff -u` / `git diff` shape) of one file's text before and after, for `--dry-run`.
 * Myers' O(ND) algorithm: a bump changes a handful of lines, so D is small even in a large lockfile.
 */
export function unifiedDiff(file: string, before: string | undefined, after: string, context = 3): string {
  const a = before === undefined ? [] : splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  if (!ops.some((op) => op.kind !== '=')) return '';
  const header = [`--- ${before === undefined ? '/dev/null' : `a/${file}`}`, `+++ b/${file}`];
  return [...header, ...hunks(ops, context)].join('\n') + '\n';
}

type Op = { kind: '=' | '-' | '+'; line: string; aIndex: number; bIndex: number };

/** Lines without their terminator; a CR of a CRLF file is shown as nothing (git shows it as ^M only with whitespace checks). */
function splitLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice());
        break outer;
      }
    }
  }
  // Walk back through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: '=', line: a[x]!, aIndex: x, bIndex: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      ops.push({ kind: '+', line: b[y]!, aIndex: x, bIndex: y });
    } else {
      x--;
      ops.push({ kind: '-', line: a[x]!, aIndex: x, bIndex: y });
    }
  }
  return ops.reverse();
}

function hunks(ops: readonly Op[], context: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < ops.length) {
    const firstChange = ops.findIndex((op, j) => j >= i && op.kind !== '=');
    if (firstChange < 0) break;
    const start = Math.max(i, firstChange - context);
    // Extend while the next change is within 2 × context of the last one.
    let end = firstChange;
    for (let j = firstChange; j < ops.length; j++) {
      if (ops[j]!.kind !== '=') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    const aCount = slice.filter((op) => op.kind !== '+').length;
    const bCount = slice.filter((op) => op.kind !== '-').length;
    const aStart = slice[0]!.aIndex + (aCount ? 1 : 0);
    const bStart = slice[0]!.bIndex + (bCount ? 1 : 0);
    // As diff -u and git print them: a range of one line is just its start.
    const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
    for (const op of slice) out.push(`${op.kind === '=' ? ' ' : op.kind}${op.line}`);
    i = stop;
  }
  return out;
}
