import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { formatAnnotation, formatCommand, formatMask, neutralizeUntrusted, type AnnotationProperties } from './workflow-commands.js';

/**
 * The action's edge to the runner: inputs in, outputs/summary/logs out. Only `main.ts` builds one
 * from `process.env`; everything deeper gets plain values.
 *
 * Every message is untrusted text and is made safe here, once, so no caller has to: `info` text is
 * neutralised line by line (no line of it can be read as a workflow command), and the messages of
 * `debug`, `warning`, `error` and `group` travel as escaped command data, one line whatever they hold.
 * The only commands written are the ones these methods format themselves.
 */
export interface Runner {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  mask(secret: string): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): void;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
}

/** Reads an action input the way the runner passes it: `INPUT_<NAME>` with spaces as `_`, upper-cased. */
export function readInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** `name<<DELIM` heredoc form used by GITHUB_OUTPUT and GITHUB_ENV. */
export function formatFileCommand(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`output ${name} contains its own delimiter`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** `write` is the trusted path: it gets whole lines, either tagship's own commands or neutralised text. */
export function createRunner(env: NodeJS.ProcessEnv, write: (line: string) => void = (l) => process.stdout.write(l + EOL)): Runner {
  const outputFile = env.GITHUB_OUTPUT;
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const debugEnabled = env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true';
  return {
    info: (message) => write(neutralizeUntrusted(message)),
    debug: (message) => {
      if (debugEnabled) write(formatCommand('debug', {}, message));
    },
    warning: (message, properties) => write(formatAnnotation('warning', message, properties)),
    error: (message, properties) => write(formatAnnotation('error', message, properties)),
    mask: (secret) => {
      if (secret) write(formatMask(secret));
    },
    setOutput: (name, value) => {
      if (outputFile) appendFileSync(outputFile, formatFileCommand(name, value));
    },
    appendSummary: (markdown) => {
      if (summaryFile) appendFileSync(summaryFile, markdown.endsWith(EOL) ? markdown : markdown + EOL);
    },
    group: async (title, body) => {
      write(formatCommand('group', {}, title));
      try {
        return await body();
      } finally {
        write(formatCommand('endgroup', {}, ''));
      }
    },
  };
}
