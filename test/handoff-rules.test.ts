/**
 * The GitHub rules model (test/support/github-rules.ts) for hand-off workflows (docs/handoffs.md): a
 * tagship step given `version` runs every stage whatever the event, so a push-to-main workflow must
 * grant what a release needs; release-please's and changesets' own jobs need what their READMEs say.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflow, UNKNOWN_PROJECT, type Workflow } from './support/github-rules.js';

const handoff = (release: string, tagship: string) => `
on: { push: { branches: [main] } }
permissions: {}
jobs:
  release-please:
    runs-on: ubuntu-24.04
    permissions: ${release}
    outputs:
      version: \${{ steps.release.outputs.version }}
    steps:
      - id: release
        uses: googleapis/release-please-action@v4
  publish:
    needs: release-please
    runs-on: ubuntu-24.04
    permissions: ${tagship}
    steps:
      - uses: tagship/tagship@v0
        with:
          version: \${{ needs.release-please.outputs.version }}
`;

const stepFindings = (yaml: string) =>
  checkWorkflow(parse(yaml) as Workflow, { file: 'handoff.yml', repositoryOwner: 'acme', project: { ...UNKNOWN_PROJECT, dockerImages: false, ghcrImages: false }, text: yaml })
    .filter((f) => f.rule === 'step-permissions')
    .map((f) => `${f.where}: ${f.message}`);

describe('hand-off workflows under the GitHub rules model', () => {
  it('a tagship step given a version on a branch push releases: it needs contents, id-token and attestations write', () => {
    const found = stepFindings(handoff('{ contents: write, pull-requests: write }', '{ contents: read }'));
    expect(found.join('\n')).toMatch(/publish[\s\S]*contents: write[\s\S]*id-token: write[\s\S]*attestations: write/);
    expect(stepFindings(handoff('{ contents: write, pull-requests: write }', '{ contents: write, id-token: write, attestations: write }'))).toEqual([]);
  });

  it('without a version the same branch push releases nothing, so it needs nothing', () => {
    const withoutVersion = handoff('{ contents: write, pull-requests: write }', '{ contents: read }').replace(/\n {8}with:\n {10}version: .*\n/, '\n');
    expect(withoutVersion).not.toContain('version: ${{ needs');
    expect(stepFindings(withoutVersion)).toEqual([]);
  });

  it("release-please's job needs contents and pull-requests write", () => {
    expect(stepFindings(handoff('{ contents: write }', '{ contents: write, id-token: write, attestations: write }')).join('\n')).toMatch(/release-please[\s\S]*pull-requests: write/);
  });
});
