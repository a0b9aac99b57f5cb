import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflow, RULES, UNKNOWN_PROJECT, type CheckContext, type Finding, type ProjectFacts, type RuleId, type Workflow } from './support/github-rules.js';
import { shippedAndExampleWorkflows } from './support/workflow-files.js';

const USER_PROJECT: ProjectFacts = UNKNOWN_PROJECT;

/** Findings of one rule for a small workflow in a user's repository (owner `acme`). */
function findings(yaml: string, rule: RuleId, options: Partial<CheckContext> = {}): Finding[] {
  const workflow = parse(yaml) as Workflow;
  const context: CheckContext = { file: 'test.yml', repositoryOwner: 'acme', project: USER_PROJECT, text: yaml, ...options };
  return checkWorkflow(workflow, context).filter((f) => f.rule === rule);
}

const releaseWorkflow = (permissions: string, extraSteps = '') => `
on: { push: { tags: ['v*'] } }
permissions: {}
jobs:
  release:
    runs-on: ubuntu-24.04
    permissions: ${permissions}
    steps:
      - uses: actions/checkout@v5
${extraSteps}      - uses: tagship/tagship@v1
        with: { stages: release }
`;

/** A one-click release job (docs/one-click.md) with the given permissions and checkout inputs. */
function oneClick(permissions: string, checkoutWith: string): string {
  return `
on: { workflow_dispatch: { inputs: { bump: { type: choice, options: [patch, minor], default: patch } } } }
permissions: {}
jobs:
  release:
    runs-on: ubuntu-24.04
    permissions: ${permissions}
    steps:
      - uses: actions/checkout@v5
        with: ${checkoutWith}
      - uses: tagship/tagship@v1
`;
}

/** One small workflow that breaks each rule: a rule added without one fails the test below. */
const calledRelease = (): Workflow => parse(releaseWorkflow('{ contents: write, id-token: write }').replace("on: { push: { tags: ['v*'] } }", 'on: workflow_call')) as Workflow;
const BROKEN: Record<RuleId, { yaml: string; options?: Partial<CheckContext> }> = {
  'step-permissions': { yaml: releaseWorkflow('{ contents: read }') },
  'caller-permissions': {
    yaml: "on: push\npermissions: {}\njobs:\n  release:\n    uses: acme/shared/.github/workflows/release.yml@v1\n    permissions: { contents: read }\n",
    options: { resolveWorkflow: calledRelease },
  },
  'secrets-inherit': { yaml: 'on: push\npermissions: {}\njobs:\n  release:\n    uses: tagship/tagship/.github/workflows/release.yml@v1\n    secrets: inherit\n' },
  'pypi-reusable': {
    yaml: 'on: push\npermissions: {}\njobs:\n  release:\n    uses: tagship/tagship/.github/workflows/release.yml@v1\n    permissions: { contents: write, id-token: write }\n',
    options: { resolveWorkflow: calledRelease },
  },
  'skipped-needs': { yaml: "on: push\njobs:\n  a: { if: \"github.ref_type == 'tag'\", runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }\n  b: { needs: a, runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }\n" },
  'runner-visibility': { yaml: "on: push\njobs:\n  a: { runs-on: ubuntu-24.04-arm, steps: [{ run: 'true' }] }\n" },
  'buildx-setup': { yaml: "on: { push: { tags: ['docker-rebuild-v*'] } }\npermissions: { packages: write }\njobs:\n  a: { runs-on: ubuntu-24.04, steps: [{ uses: tagship/tagship@v1 }] }\n" },
  'qemu-setup': { yaml: "on: { push: { tags: ['docker-rebuild-v*'] } }\npermissions: { packages: write }\njobs:\n  a: { runs-on: ubuntu-24.04, steps: [{ uses: docker/setup-buildx-action@v3 }, { uses: tagship/tagship@v1 }] }\n" },
  'action-pin': { yaml: "on: workflow_call\njobs:\n  a: { runs-on: ubuntu-24.04, steps: [{ uses: tagship/tagship@v1, with: { dry-run: true } }] }\n" },
  'one-click': { yaml: oneClick('{ contents: read }', '{ fetch-depth: 1 }') },
};

describe('every rule of the model can fire', () => {
  it.each(RULES.map((rule) => [rule]))('%s', (rule) => {
    const { yaml, options } = BROKEN[rule];
    expect(findings(yaml, rule, options).length).toBeGreaterThan(0);
  });
});

describe('the rules model fires on small bad workflows (and not on their fixed versions)', () => {
  it('step-permissions: a release needs contents: write and id-token: write (and attestations: write for its assets)', () => {
    const bad = findings(releaseWorkflow('{ contents: read }'), 'step-permissions');
    expect(bad.map((f) => f.message).join('\n')).toMatch(/contents: write[\s\S]*id-token: write[\s\S]*attestations: write/);
    expect(findings(releaseWorkflow('{ contents: write, id-token: write, attestations: write }'), 'step-permissions')).toEqual([]);
  });

  it('step-permissions: a release that attests its assets without attestations: write is flagged; without assets to attest it needs none', () => {
    const bad = findings(releaseWorkflow('{ contents: write, id-token: write }'), 'step-permissions');
    expect(bad.map((f) => f.message)).toEqual([expect.stringMatching(/^needs attestations: write \(github-attest stores the release assets' build provenance\); the job gets attestations: none$/)]);
    // An npm-only project attaches no assets; attestations off, or assets off, attest nothing.
    expect(findings(releaseWorkflow('{ contents: write, id-token: write }'), 'step-permissions', { project: { ...USER_PROJECT, attestsAssets: false } })).toEqual([]);
    // Attesting needs an ID token even when nothing is published with trusted publishing.
    const tokenOnly: ProjectFacts = { ...USER_PROJECT, python: false, npm: false };
    expect(findings(releaseWorkflow('{ contents: write, attestations: write }'), 'step-permissions', { project: tokenOnly }).map((f) => f.message)).toEqual([
      expect.stringMatching(/^needs id-token: write \(signing the release assets' build provenance/),
    ]);
  });

  it('step-permissions: the verify job of a release reads the attestations (attestations: read); one that follows the Docker stage does not', () => {
    const verify = (permissions: string, verifyOf: string) => `
on: { push: { tags: ['v*'] } }
permissions: {}
jobs:
  verify:
    runs-on: ubuntu-24.04
    permissions: ${permissions}
    steps:
      - uses: tagship/tagship@v1
        with: { stages: verify, verify-of: ${verifyOf} }
`;
    expect(findings(verify('{ contents: read }', 'release'), 'step-permissions').map((f) => f.message)).toEqual([expect.stringMatching(/^needs attestations: read \(verify-assets/)]);
    expect(findings(verify('{ contents: read, attestations: read }', 'release'), 'step-permissions')).toEqual([]);
    expect(findings(verify('{ contents: read }', 'docker'), 'step-permissions')).toEqual([]);
  });

  it('step-permissions: a job without permissions gets the default read-only token', () => {
    const yaml = `
on: { push: { tags: ['v*'] } }
jobs:
  release:
    runs-on: ubuntu-24.04
    steps:
      - uses: softprops/action-gh-release@v2
`;
    expect(findings(yaml, 'step-permissions')[0]?.message).toMatch(/contents: write.*default token/);
  });

  it('step-permissions: GHCR pushes need packages: write, attestations need attestations: write and id-token: write', () => {
    const yaml = `
on: { push: { tags: ['docker-rebuild-v*'] } }
permissions: { contents: read }
jobs:
  images:
    runs-on: ubuntu-24.04
    steps:
      - uses: docker/setup-buildx-action@v3
      - uses: tagship/tagship@v1
        with: { docker-job: build, docker-platform: linux/amd64 }
      - uses: actions/attest-build-provenance@v2
        with: { subject-path: dist/* }
`;
    const scopes = findings(yaml, 'step-permissions').map((f) => f.message.split(':')[0]);
    expect(scopes).toEqual(['needs packages', 'needs id-token', 'needs attestations']);
  });

  it('step-permissions: dispatching the Docker workflow needs actions: write', () => {
    const dispatching: ProjectFacts = { ...USER_PROJECT, dispatchesDockerWorkflow: true };
    expect(findings(releaseWorkflow('{ contents: write, id-token: write, attestations: write }'), 'step-permissions', { project: dispatching })[0]?.message).toMatch(/actions: write/);
    expect(findings(releaseWorkflow('{ contents: write, id-token: write, attestations: write, actions: write }'), 'step-permissions', { project: dispatching })).toEqual([]);
  });

  it('step-permissions: a docker-rebuild tag or a dispatch defaulting to docker never runs the release stage', () => {
    const yaml = `
on:
  push: { tags: ['docker-rebuild-v*'] }
  workflow_dispatch: { inputs: { stages: { default: docker } } }
permissions: { contents: read, packages: write }
jobs:
  images:
    runs-on: ubuntu-24.04
    steps:
      - uses: tagship/tagship@v1
`;
    expect(findings(yaml, 'step-permissions')).toEqual([]);
  });

  it('caller-permissions: a called workflow cannot get more than the calling job grants', () => {
    const called: Workflow = parse(releaseWorkflow('{ contents: write, id-token: write }').replace("on: { push: { tags: ['v*'] } }", 'on: workflow_call')) as Workflow;
    const caller = (permissions: string) => `
on: { push: { tags: ['v*'] } }
permissions: {}
jobs:
  release:
    uses: acme/shared/.github/workflows/release.yml@v1
    ${permissions}
`;
    const resolveWorkflow = () => called;
    const bad = findings(caller('permissions: { contents: write }'), 'caller-permissions', { resolveWorkflow });
    expect(bad.map((f) => f.message).join('\n')).toMatch(/id-token: write.*grants id-token: none/);
    // No permissions on the calling job: the called workflow gets the default token, which cannot write.
    expect(findings(caller(''), 'caller-permissions', { resolveWorkflow }).length).toBeGreaterThan(0);
    expect(findings(caller('permissions: { contents: write, id-token: write }'), 'caller-permissions', { resolveWorkflow })).toEqual([]);
    // A called job that sets no permissions gets the grant as it is: its steps must make do with it.
    const undeclared = parse('on: workflow_call\njobs:\n  release:\n    runs-on: ubuntu-24.04\n    steps: [{ uses: tagship/tagship@v1, with: { stages: release } }]\n') as Workflow;
    expect(undeclared.jobs!.release!.permissions).toBeUndefined();
    const undeclaredFindings = findings(caller('permissions: { contents: write }'), 'caller-permissions', { resolveWorkflow: () => undeclared });
    expect(undeclaredFindings.map((f) => f.message)).toEqual([expect.stringMatching(/^needs id-token: write .*sets no permissions/), expect.stringMatching(/^needs attestations: write .*sets no permissions/)]);
    // The caller's trigger decides the stages: a docker-rebuild caller never runs the called release stage.
    const rebuildCaller = caller('permissions: { contents: read }').replace("on: { push: { tags: ['v*'] } }", "on: { push: { tags: ['docker-rebuild-v*'] } }");
    expect(findings(rebuildCaller, 'caller-permissions', { resolveWorkflow: () => undeclared })).toEqual([]);
  });

  it('secrets-inherit: `secrets: inherit` to another owner delivers nothing; the same owner is fine', () => {
    const yaml = (uses: string, secrets: string) => `
on: push
permissions: {}
jobs:
  release:
    uses: ${uses}
    secrets: ${secrets}
`;
    expect(findings(yaml('tagship/tagship/.github/workflows/release.yml@v1', 'inherit'), 'secrets-inherit')).toHaveLength(1);
    expect(findings(yaml('acme/shared/.github/workflows/release.yml@v1', 'inherit'), 'secrets-inherit')).toEqual([]);
    expect(findings(yaml('./.github/workflows/release.yml', 'inherit'), 'secrets-inherit')).toEqual([]);
    expect(findings(yaml('tagship/tagship/.github/workflows/release.yml@v1', '{ NPM_TOKEN: "${{ secrets.NPM_TOKEN }}" }'), 'secrets-inherit')).toEqual([]);
  });

  it("pypi-reusable: a Python project cannot publish by trusted publishing inside another repository's workflow", () => {
    const called = parse(releaseWorkflow('{ contents: write, id-token: write }').replace("on: { push: { tags: ['v*'] } }", 'on: workflow_call')) as Workflow;
    const yaml = (secrets: string) => `
on: { push: { tags: ['v*'] } }
permissions: {}
jobs:
  release:
    uses: tagship/tagship/.github/workflows/release.yml@v1
    permissions: { contents: write, id-token: write }
    ${secrets}
`;
    const resolveWorkflow = () => called;
    expect(findings(yaml(''), 'pypi-reusable', { resolveWorkflow })).toHaveLength(1);
    expect(findings(yaml('secrets: { PYPI_TOKEN: "${{ secrets.PYPI_TOKEN }}" }'), 'pypi-reusable', { resolveWorkflow })).toEqual([]);
    expect(findings(yaml(''), 'pypi-reusable', { resolveWorkflow, project: { ...USER_PROJECT, python: false } })).toEqual([]);
    // The same workflow in the user's own repository is their publisher: fine.
    expect(findings(yaml('').replace('tagship/tagship/', 'acme/app/'), 'pypi-reusable', { resolveWorkflow })).toEqual([]);
  });

  it('skipped-needs: a job behind a skippable job is skipped with it unless its if: uses a status function', () => {
    const yaml = (mergeIf: string) => `
on: push
permissions: {}
jobs:
  plan: { runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }
  build: { needs: plan, if: "needs.plan.outputs.matrix != ''", runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }
  single: { needs: plan, if: "needs.plan.outputs.matrix == ''", runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }
  merge:
    needs: build
    ${mergeIf}
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
  verify:
    needs: [merge, single]
    if: "needs.merge.result == 'success' || needs.single.result == 'success'"
    runs-on: ubuntu-24.04
    steps: [{ run: 'true' }]
`;
    const bad = findings(yaml(''), 'skipped-needs').map((f) => f.where);
    expect(bad).toEqual(['test.yml › merge', 'test.yml › verify']);
    const fixed = yaml("if: ${{ !cancelled() && needs.build.result == 'success' }}").replace('if: "needs.merge', 'if: "!cancelled() && (needs.merge').replace("'success'\"\n    runs-on: ubuntu-24.04\n    steps: [{ run: 'true' }]\n`", "'success')\"");
    expect(findings(fixed.replace(/single.result == 'success'"/, "single.result == 'success')\""), 'skipped-needs')).toEqual([]);
  });

  it('skipped-needs: a job with its own narrowing if: behind one skippable job is chained on purpose', () => {
    const yaml = `
on: push
permissions: {}
jobs:
  release: { if: "github.ref_type == 'tag'", runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }
  verify: { needs: release, if: "github.ref_type == 'tag'", runs-on: ubuntu-24.04, steps: [{ run: 'true' }] }
`;
    expect(findings(yaml, 'skipped-needs')).toEqual([]);
  });

  it('runner-visibility: a hard-coded arm64 runner must be documented public-only or configurable', () => {
    const yaml = (comment: string, runsOn: string) => `${comment}
on: push
permissions: {}
jobs:
  build:
    strategy: { matrix: { runner: [ubuntu-24.04, ubuntu-24.04-arm] } }
    runs-on: ${runsOn}
    steps: [{ run: 'true' }]
`;
    expect(findings(yaml('', '${{ matrix.runner }}'), 'runner-visibility')).toHaveLength(1);
    expect(findings(yaml('', 'ubuntu-24.04-arm').replace(', ubuntu-24.04-arm', ''), 'runner-visibility')).toHaveLength(1);
    expect(findings(yaml('# For public repositories only: arm64 runs on ubuntu-24.04-arm.', '${{ matrix.runner }}'), 'runner-visibility')).toEqual([]);
    expect(findings(yaml('', '${{ matrix.runner }}').replace(', ubuntu-24.04-arm', ''), 'runner-visibility')).toEqual([]);
  });

  it('buildx-setup and qemu-setup: an image build needs a buildx builder, one job for several platforms needs QEMU', () => {
    const yaml = (setup: string, withs = '') => `
on: { push: { tags: ['docker-rebuild-v*'] } }
permissions: { contents: read, packages: write }
jobs:
  images:
    runs-on: ubuntu-24.04
    steps:
${setup}      - uses: tagship/tagship@v1${withs}
`;
    expect(findings(yaml(''), 'buildx-setup')).toHaveLength(1);
    expect(findings(yaml(''), 'qemu-setup')).toHaveLength(1);
    const both = '      - uses: docker/setup-qemu-action@v3\n      - uses: docker/setup-buildx-action@v3\n';
    expect(findings(yaml(both), 'buildx-setup')).toEqual([]);
    expect(findings(yaml(both), 'qemu-setup')).toEqual([]);
    // One platform per job (distributed build): buildx, no QEMU.
    const perPlatform = '\n        with: { docker-job: build, docker-platform: linux/arm64 }';
    expect(findings(yaml('      - uses: docker/setup-buildx-action@v3\n', perPlatform), 'qemu-setup')).toEqual([]);
    // Set up after the build is too late.
    const late = yaml('').replace('uses: tagship/tagship@v1', 'uses: tagship/tagship@v1\n      - uses: docker/setup-buildx-action@v3');
    expect(findings(late, 'buildx-setup')).toHaveLength(1);
    // buildah needs no buildx; the merge writes over the registry API and builds nothing.
    expect(findings(yaml(''), 'buildx-setup', { project: { ...USER_PROJECT, dockerBackend: 'buildah' } })).toEqual([]);
    expect(findings(yaml('', '\n        with: { docker-job: merge }'), 'buildx-setup')).toEqual([]);
  });

  it("action-pin: a reusable workflow runs tagship's action at a commit, not a moving tag", () => {
    const yaml = (uses: string) => `
on: workflow_call
permissions: {}
jobs:
  plan:
    runs-on: ubuntu-24.04
    steps:
      - uses: ${uses}
        with: { dry-run: true }
`;
    expect(findings(yaml('tagship/tagship@v1'), 'action-pin')).toHaveLength(1);
    expect(findings(yaml(`tagship/tagship@${'a'.repeat(40)}`), 'action-pin')).toEqual([]);
    expect(findings(yaml('./.tagship/'), 'action-pin')).toEqual([]);
    // …and the model still knows that checkout is tagship's action: it needs its builder like any other.
    const local = yaml('./.tagship').replace('with: { dry-run: true }', 'with: { stages: docker }').replace('on: workflow_call', "on: { push: { tags: ['docker-rebuild-v*'] } }");
    expect(findings(local, 'buildx-setup')).toHaveLength(1);
    // A user's own (non-reusable) workflow may follow the major tag.
    expect(findings(yaml('tagship/tagship@v1').replace('on: workflow_call', 'on: push'), 'action-pin')).toEqual([]);
  });
});

describe('one-click: the push needs contents: write and a full checkout of the dispatched branch', () => {
  const messages = (yaml: string) => findings(yaml, 'one-click').map((f) => f.message);

  it('flags a read-only token, a shallow checkout and a checkout of a commit; passes the fixed job', () => {
    expect(messages(oneClick('{ contents: read }', '{ fetch-depth: 0 }'))).toEqual([expect.stringMatching(/needs contents: write; the job gets contents: read/)]);
    expect(messages(oneClick('{ contents: write }', '{ persist-credentials: false }'))).toEqual([expect.stringMatching(/fetch-depth 1 \(the default\)/)]);
    expect(messages(oneClick('{ contents: write }', "{ fetch-depth: 0, ref: '${{ github.sha }}' }"))).toEqual([expect.stringMatching(/checks out \$\{\{ github\.sha \}\}: the release commit goes on the dispatched branch/)]);
    expect(messages(oneClick('{ contents: write }', "{ fetch-depth: 0, ref: '${{ github.ref }}' }"))).toEqual([]);
    expect(messages(oneClick('{ contents: write }', '{ fetch-depth: 0 }'))).toEqual([]);
  });

  it('the default token of a job without permissions is read-only here', () => {
    expect(messages(oneClick('{ contents: write }', '{ fetch-depth: 0 }').replace('    permissions: { contents: write }\n', '').replace('permissions: {}\n', ''))).toEqual([
      expect.stringMatching(/contents: read/),
    ]);
  });

  it('a dispatch without bump, or a dry-run step, is not a one-click release', () => {
    expect(messages(oneClick('{ contents: read }', '{}').replace('bump:', 'version:'))).toEqual([]);
    expect(messages(oneClick('{ contents: read }', '{}').replace('- uses: tagship/tagship@v1', '- uses: tagship/tagship@v1\n        with: { dry-run: true }'))).toEqual([]);
  });
});

describe('shipped workflows and examples hold under the GitHub rules model', () => {
  const files = shippedAndExampleWorkflows(UNKNOWN_PROJECT);

  it('reads the reusable workflows and every example', () => {
    const names = files.map((f) => f.file);
    expect(names).toContain('.github/workflows/release.yml');
    expect(names).toContain('examples/python-app/.github/workflows/release.yml');
  });

  it.each(files.map((f) => [f.file, f] as const))('%s', (_name, f) => {
    const found = checkWorkflow(f.workflow, f.context).map((x) => `[${x.rule}] ${x.where}: ${x.message}`);
    expect(found).toEqual([]);
  });
});
