import type { ProcessResult } from './process.js';

/**
 * The line of a failed tool's output that names the cause, for a one-line error. A build's last lines
 * are usually its wrapper's epilogue (a traceback's frames, `ERROR Backend subprocess exited…`, npm's
 * log path), while the cause sits higher up; a person scrolls up to the exception or `error:` line,
 * and this does the same.
 *
 * In order: the exception line that ends the last Python traceback (`RuntimeError: …`); else the last
 * line that says error (`error: command 'gcc' failed`, `ERROR: …`), a frontend's generic
 * "subprocess exited" line only when nothing else says error; else the last lines, as `tail` gives them.
 */
export function errorLine(result: ProcessResult, fallbackCount = 5): string {
  const lines = [...outputLines(result.stderr), ...outputLines(result.stdout)];
  const exception = lastException(outputLines(result.stderr)) ?? lastException(outputLines(result.stdout));
  const wrapper = lines.filter((line) => WRAPPER.test(line)).at(-1);
  const cause = exception ?? lines.filter((line) => SAYS_ERROR.test(line) && !WRAPPER.test(line) && !TRACEBACK_FRAME.test(line)).at(-1);
  if (cause) return wrapper ? `${cause} (${wrapper})` : cause;
  if (wrapper) return wrapper;
  const last = outputLines(result.stderr).length ? outputLines(result.stderr) : outputLines(result.stdout);
  return last.slice(-fallbackCount).join(' | ');
}

function outputLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** `python -m build`'s own epilogue: says that the backend failed, never why. */
const WRAPPER = /^(ERROR )?Backend subprocess exited when trying to invoke \S+|^ERROR Failed building a (wheel|sdist)\b/;
/** A line that says it reports an error, as compilers, pip, setuptools and most CLIs word it. */
const SAYS_ERROR = /(^|[\s:[(])(error|ERROR|Error|fatal|FATAL)\b[:\s!]|^\S+Error\b|^E\s{2,}/;
const TRACEBACK_FRAME = /^\s+File "/;

/**
 * The exception line after the last `Traceback (most recent call last):` block: the first line after it
 * that is not indented (frames and source excerpts are), e.g. `ModuleNotFoundError: No module named 'x'`.
 */
function lastException(lines: string[]): string | undefined {
  const start = lines.map((line) => line.startsWith('Traceback (most recent call last)')).lastIndexOf(true);
  if (start < 0) return undefined;
  return lines.slice(start + 1).find((line) => !/^\s/.test(line) && !line.startsWith('^'));
}
