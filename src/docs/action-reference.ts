import { parse } from 'yaml';

interface ActionYaml {
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
}

/** docs/action.md: the inputs and outputs tables, generated from action.yml. */
export function renderActionReference(actionYaml: string): string {
  const action = parse(actionYaml) as ActionYaml;
  const esc = (text = '') => text.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();
  return [
    '# Action inputs and outputs',
    '',
    '<!-- Generated from action.yml by `npm run docs`. Do not edit by hand. -->',
    '',
    '## Inputs',
    '',
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs ?? {}).map(([name, input]) => `| \`${name}\` | ${input.default ? `\`${esc(input.default)}\`` : ''} | ${esc(input.description)} |`),
    '',
    '## Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs ?? {}).map(([name, output]) => `| \`${name}\` | ${esc(output.description)} |`),
    '',
  ].join('\n');
}
