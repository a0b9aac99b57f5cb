import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/main.js';
import { recordingRunner } from '../verify/support/runner.js';
import { BUILD_COMMAND, copyProject, makeProject } from './support/project.js';
import { startPypiIndex, type PypiIndex } from './support/pypi-server.js';

let index: PypiIndex;
let project: string;
beforeAll(async () => {
  index = await startPypiIndex();
  project = makeProject('tagship-fixture', '1.2.3');
});
afterAll(() => index.close());

/** The action end to end, in-process: inputs → plan → build → upload → summary. */
function actionEnv(workspace: string, inputs: Record<string, string>): NodeJS.ProcessEnv {
  const event = join(mkdtempSync(join(tmpdir(), 'tagship-event-')), 'event.json');
  writeFileSync(event, JSON.stringify({ ref: 'refs/tags/v1.2.3' }));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    'INPUT_KNOWN-VERSIONS': '1.0.0',
    INPUT_STAGES: 'release',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

describe('the action publishes to the index configured in .github/tagship.yml', () => {
  it('builds and uploads with the pypi-token input, masks it, and links each file in the summary', async () => {
    const workspace = copyProject(project);
    mkdirSync(join(workspace, '.github'));
    writeFileSync(
      join(workspace, '.github', 'tagship.yml'),
      `python:\n  build-command: ${JSON.stringify(BUILD_COMMAND)}\n  repository-url: ${index.uploadUrl}\ngithub-release: { enabled: false }\nverify: { enabled: false }\n`,
    );
    index.tokens.add('pypi-action-token');
    const { runner, lines, masked } = recordingRunner();
    const code = await run(actionEnv(workspace, { 'pypi-token': 'pypi-action-token' }), runner);
    expect(code, lines.join('\n')).toBe(0);
    expect(masked).toContain('pypi-action-token');
    expect([...index.files.keys()]).toEqual(['tagship_fixture-1.2.3-py3-none-any.whl', 'tagship-fixture-1.2.3.tar.gz']);
    const summary = lines.find((l) => l.includes('#### Results'))!;
    expect(summary).toContain(`[tagship\\_fixture-1.2.3-py3-none-any.whl](${index.url}/project/tagship-fixture/1.2.3/#files)`);
    expect(summary).toContain(`[tagship-fixture-1.2.3.tar.gz](${index.url}/project/tagship-fixture/1.2.3/#files)`);
    expect(lines.join('\n')).not.toContain('pypi-action-token');
  }, 60_000);
});
