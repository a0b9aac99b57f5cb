export const id = 478;
export const ids = [478];
export const modules = {

/***/ 5478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $b: () => (/* binding */ CHECKOUT),
  tz: () => (/* binding */ ONE_CLICK_FILE),
  Cj: () => (/* binding */ ONE_CLICK_PATH),
  dK: () => (/* binding */ PIN_NOTE),
  LU: () => (/* binding */ PYPI_ENVIRONMENT),
  DU: () => (/* binding */ SETUP_NODE),
  BQ: () => (/* binding */ SETUP_PYTHON),
  bG: () => (/* binding */ TAGSHIP_REF),
  renderInit: () => (/* binding */ renderInit)
});

// UNUSED EXPORTS: CONFIG_PATH, WORKFLOW_FILE, WORKFLOW_PATH

;// CONCATENATED MODULE: ./src/init/one-click-template.ts

// Pinned by the same commits as the repository's reusable docker.yml.
const SETUP_QEMU = 'docker/setup-qemu-action@29109295f81e9208d7d86ff1c6c12d2833863392 # v3.6.0';
const SETUP_BUILDX = 'docker/setup-buildx-action@b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2 # v3.10.0';
/**
 * The one-click release workflow (docs/one-click.md): Run workflow → choose the bump. One job does it all,
 * because the tag it pushes with GITHUB_TOKEN starts no workflow: the bump, the push, then every stage for
 * the new version. Its permissions are the release's plus the push (`contents: write` covers both).
 */
function oneClickWorkflow(facts) {
    const python = !!facts.python;
    const npm = facts.npmPackages.length > 0;
    const images = facts.dockerfile;
    const setup = [
        ...(python ? [`      - uses: ${SETUP_PYTHON}`, '        with:', "          python-version: '3.12'", '      - run: python -m pip install --upgrade build'] : []),
        ...(npm ? [`      - uses: ${SETUP_NODE}`, '        with:', "          node-version: '24'"] : []),
        ...(images ? [`      - uses: ${SETUP_QEMU}`, `      - uses: ${SETUP_BUILDX}`] : []),
    ];
    const publisher = [
        python ? `# PyPI's trusted publisher names the workflow file: add one for \`${ONE_CLICK_FILE}\` (environment \`${PYPI_ENVIRONMENT}\`) beside release.yml's.` : '',
        npm ? `# npm's trusted publisher names the workflow file: name \`${ONE_CLICK_FILE}\` there, or keep NPM_TOKEN for this workflow.` : '',
    ]
        .filter(Boolean)
        .join('\n');
    return `# One-click release: Actions → "one-click release" → Run workflow, choose the bump. tagship rewrites every
# version file (and CHANGELOG.md), commits and tags as github-actions[bot], pushes both in one atomic push
# with this job's token, then releases the new version in this same job: a tag pushed with GITHUB_TOKEN
# starts no workflow. A protected branch or a ruleset that forbids the push stops the run with one line.
# Written by \`tagship init --one-click\`; see docs/one-click.md.
${publisher ? `${publisher}\n` : ''}${PIN_NOTE}
name: one-click release
on:
  workflow_dispatch:
    inputs:
      bump:
        description: 'How to move the version (auto: from the conventional commits since the last release)'
        required: true
        type: choice
        options: [patch, minor, major, auto, prepatch, preminor, premajor, prerelease]
        default: patch
      preid:
        description: 'Prerelease id for the pre* bumps, e.g. rc (Python: a, b or rc)'
        required: false
        type: string
        default: ''
permissions: {}
# One release at a time: a second run waits, then bumps from the first one's tag.
concurrency:
  group: one-click-release
  cancel-in-progress: false
jobs:
  release:
    runs-on: ubuntu-24.04
${python ? `    environment: ${PYPI_ENVIRONMENT}\n` : ''}    permissions:
      contents: write # pushes the release commit and tag, and writes the GitHub release
${python || npm || images ? `      id-token: write # ${[python || npm ? 'trusted publishing' : '', images ? 'signing the images' : ''].filter(Boolean).join(', ')}\n` : ''}${python ? '      attestations: write # the release assets\' build provenance\n' : ''}${images ? '      packages: write # GHCR\n' : ''}    steps:
      - uses: ${CHECKOUT}
        with:
          ref: \${{ github.ref }} # the dispatched branch: the release commit goes on its tip
          fetch-depth: 0 # the bump reads the release tags and the commits since the last one
          persist-credentials: false # tagship pushes with its github-token, given to git alone
${setup.join('\n')}${setup.length ? '\n' : ''}      - uses: tagship/tagship@${TAGSHIP_REF}
${npm || images ? '        with:\n' : ''}${npm ? '          # Only until npm trusted publishing names this file; then drop it.\n          npm-token: ${{ secrets.NPM_TOKEN }}\n' : ''}${images ? '          registry-credentials: ${{ secrets.REGISTRY_CREDENTIALS }}\n' : ''}`;
}
/** What to do for the one-click workflow, after init's other steps; or how to get it. */
function oneClickSteps(facts, written) {
    if (!written)
        return '\nA one-click release (Run workflow → patch/minor/major, no tag to push by hand): tagship init --one-click (docs/one-click.md).';
    const lines = [
        `\nOne-click release (${ONE_CLICK_PATH}):`,
        '- It pushes the release commit to the branch it runs on: if the branch is protected (or a ruleset covers it), let github-actions[bot] push there, or the run stops with one line naming the rule.',
    ];
    if (facts.python)
        lines.push(`- PyPI: add a trusted publisher for workflow ${ONE_CLICK_FILE}, environment ${PYPI_ENVIRONMENT}.`);
    if (facts.npmPackages.length)
        lines.push(`- npm: the trusted publisher names one workflow file; name ${ONE_CLICK_FILE} there if this is how you release, or keep the NPM_TOKEN secret.`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/init/templates.ts

const WORKFLOW_FILE = 'release.yml';
const WORKFLOW_PATH = `.github/workflows/${WORKFLOW_FILE}`;
const CONFIG_PATH = '.github/tagship.yml';
const ONE_CLICK_FILE = 'one-click.yml';
const ONE_CLICK_PATH = `.github/workflows/${ONE_CLICK_FILE}`;
const PYPI_ENVIRONMENT = 'pypi';
// Third-party actions pinned by the same commits as the repository's own workflows (never invented here).
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const SETUP_PYTHON = 'actions/setup-python@0b93645e9fea7318ecaed2b359559ac225c90a2b # v5.3.0';
const SETUP_NODE = 'actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0';
/**
 * tagship itself. The CLI cannot know the commit of the release it belongs to (dist/ is built before that
 * commit exists), so the file names the major tag and says how to pin it.
 */
const TAGSHIP_REF = 'v0';
const PIN_NOTE = `# tagship is named by its major tag @${TAGSHIP_REF} (moves with each 0.x release). For an immutable pin,
# replace every @${TAGSHIP_REF} below with the full commit SHA of a release, the version as a comment:
#   tagship/tagship@<40-hex sha> # v0.1.0   (the same SHA on every line; Dependabot keeps them together)`;
/** The action inputs and the secrets behind them, per channel (the reusable workflows take the same secret names). */
const NOTIFY_INPUTS = {
    slack: [['slack-webhook-url', 'SLACK_WEBHOOK_URL']],
    discord: [['discord-webhook-url', 'DISCORD_WEBHOOK_URL']],
    webhook: [
        ['webhook-url', 'WEBHOOK_URL'],
        ['webhook-secret', 'WEBHOOK_SECRET'],
    ],
};
const NOTIFY_HINT = 'Notifications (notify in docs/configuration.md): add the secret, then uncomment its line.';
/** `with:` lines of a tagship step: the used channels' inputs, or all of them commented out. */
function notifyInputs(facts, indent, hint) {
    const used = facts.notify ?? [];
    if (used.length)
        return used.flatMap((channel) => NOTIFY_INPUTS[channel].map(([input, secret]) => `\n${indent}${input}: \${{ secrets.${secret} }}`)).join('');
    if (!hint)
        return '';
    const all = Object.keys(NOTIFY_INPUTS).flatMap((channel) => NOTIFY_INPUTS[channel]);
    return [`\n${indent}# ${NOTIFY_HINT}`, ...all.map(([input, secret]) => `\n${indent}# ${input}: \${{ secrets.${secret} }}`)].join('');
}
/** `secrets:` lines for a reusable workflow: the used channels' secrets, or all of them commented out. */
function notifySecrets(facts, indent, hint) {
    const used = facts.notify ?? [];
    const secrets = (channels) => channels.flatMap((channel) => NOTIFY_INPUTS[channel].map(([, secret]) => secret));
    if (used.length)
        return secrets(used).map((secret) => `\n${indent}${secret}: \${{ secrets.${secret} }}`).join('');
    if (!hint)
        return '';
    return [`\n${indent}# ${NOTIFY_HINT}`, ...secrets(['slack', 'discord', 'webhook']).map((secret) => `\n${indent}# ${secret}: \${{ secrets.${secret} }}`)].join('');
}
function renderInit(facts, options = {}) {
    const workflow = facts.python || facts.dockerfile ? ownJobsWorkflow(facts) : npmReusableWorkflow(facts);
    return {
        files: [
            { path: WORKFLOW_PATH, text: workflow },
            ...(options.oneClick ? [{ path: ONE_CLICK_PATH, text: oneClickWorkflow(facts) }] : []),
            { path: CONFIG_PATH, text: starterConfig(facts) },
        ],
        nextSteps: nextSteps(facts) + oneClickSteps(facts, options.oneClick === true),
    };
}
function npmReusableWorkflow(facts) {
    return `# Release on a version tag: \`v1.4.0\` publishes to npm and writes the GitHub release; \`test-v1.4.0-rc.1\`
# rehearses (npm dist-tag rc, a draft release). Written by \`tagship init\`.
# npm's trusted publisher names this repository and this file, \`${WORKFLOW_FILE}\`: npm checks the calling
# workflow, so the reusable workflow may publish.
${PIN_NOTE}
name: release
on:
  push:
    tags: ['v*', 'test-v*']
permissions: {}
jobs:
  release:
    uses: tagship/tagship/.github/workflows/release.yml@${TAGSHIP_REF}
    permissions:
      contents: write # the GitHub release
      id-token: write # npm trusted publishing and provenance
      attestations: write # the called release job asks for it: release assets, when any, get build provenance
    secrets:
      # Only until npm trusted publishing is set up for the package; then drop it.
      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}${notifySecrets(facts, '      ', true)}
`;
}
function ownJobsWorkflow(facts) {
    const python = !!facts.python;
    const npm = facts.npmPackages.length > 0;
    const images = facts.dockerfile;
    const toolSetup = (indent, build) => [
        ...(python ? [`${indent}- uses: ${SETUP_PYTHON}`, `${indent}  with:`, `${indent}    python-version: '3.12'`] : []),
        ...(npm ? [`${indent}- uses: ${SETUP_NODE}`, `${indent}  with:`, `${indent}    node-version: '24'`] : []),
        ...(python && build ? [`${indent}- run: python -m pip install --upgrade build`] : []),
    ].join('\n');
    const checkout = (indent, history) => [`${indent}- uses: ${CHECKOUT}`, `${indent}  with:`, ...(history ? [`${indent}    fetch-depth: 0 # the changelog walks the history`] : []), `${indent}  persist-credentials: false`]
        .join('\n')
        .replace(`${indent}  persist-credentials`, `${indent}    persist-credentials`);
    const why = [
        python ? `# The upload to PyPI runs in this file's own \`release\` job: PyPI's trusted publisher names this repository,\n# this workflow file (\`${WORKFLOW_FILE}\`) and the environment \`${PYPI_ENVIRONMENT}\`; PyPI refuses a reusable workflow.` : '',
        npm ? `# npm's trusted publisher names this repository and this workflow file (\`${WORKFLOW_FILE}\`).` : '',
        images ? `# Images build on native runners right after the plan, beside the release job, and push by digest only;\n# \`images-publish\` writes the tags once the release job succeeded. \`docker-rebuild-v1.2.3\` rebuilds the images\n# of 1.2.3 from the commit of \`v1.2.3\`.` : '',
    ]
        .filter(Boolean)
        .join('\n');
    const header = `# Release on a version tag: \`v1.2.3\` publishes and writes the GitHub release; \`test-v1.2.3rc1\` rehearses
# (TestPyPI, npm dist-tag, a draft release). Written by \`tagship init\`.
${why}
${PIN_NOTE}
name: release`;
    const releaseJobCommon = (needsPlan) => `  release:
${needsPlan ? "    needs: plan\n    if: contains(needs.plan.outputs.stages, 'release')\n" : ''}    runs-on: ubuntu-24.04
${python ? `    environment: ${PYPI_ENVIRONMENT}\n` : ''}${needsPlan ? '    concurrency:\n      group: release-${{ needs.plan.outputs.version }}\n      cancel-in-progress: false\n' : ''}    permissions:
      contents: write # the GitHub release
      id-token: write # trusted publishing${npm ? ' (and npm provenance)' : ''}${python ? ', signing the release assets\' provenance' : ''}
${python ? '      attestations: write # stores that provenance, for `gh attestation verify`\n' : ''}    steps:
${checkout('      ', true)}
${toolSetup('      ', true)}
      - uses: tagship/tagship@${TAGSHIP_REF}
        with:
          stages: release${npm ? '\n          # Only until npm trusted publishing is set up for the package; then drop it.\n          npm-token: ${{ secrets.NPM_TOKEN }}' : ''}${notifyInputs(facts, '          ', true)}
`;
    const verifyJob = (needsPlan) => `  # The smoke tests install what was published and run it: a job without id-token or write access.
  verify:
    needs: ${needsPlan ? '[plan, release]' : 'release'}
${needsPlan ? "    if: contains(needs.plan.outputs.stages, 'verify')\n" : ''}    runs-on: ubuntu-24.04
    permissions:
      contents: read
${python ? "      attestations: read # verify-assets reads the release assets' attestations\n" : ''}    steps:
${checkout('      ', false)}
${toolSetup('      ', false)}
      - uses: tagship/tagship@${TAGSHIP_REF}
        with:
          stages: verify
          verify-of: release${notifyInputs(facts, '          ', false)}
`;
    if (!images) {
        return `${header}
on:
  push:
    tags: ['v*', 'test-v*']
permissions: {}
jobs:
${releaseJobCommon(false)}
${verifyJob(false)}`;
    }
    return `${header}
on:
  push:
    tags: ['v*', 'test-v*', 'docker-rebuild-v*']
  workflow_dispatch:
    inputs:
      version:
        description: Version to release or rebuild, e.g. 1.2.3
        required: true
        type: string
      stages:
        description: 'Stages to run: release, docker, verify'
        required: false
        type: string
        default: docker
permissions: {}
jobs:
  plan:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      packages: read # the registries' tags count as released versions (a private GHCR image too)
    outputs:
      version: \${{ steps.plan.outputs.version }}
      stages: \${{ steps.plan.outputs.stages }}
      matrix: \${{ steps.plan.outputs.matrix }}
      source-ref: \${{ steps.plan.outputs.source-ref }}
    steps:
${checkout('      ', false)}
      - id: plan
        uses: tagship/tagship@${TAGSHIP_REF}
        with:
          dry-run: true
          registry-credentials: \${{ secrets.REGISTRY_CREDENTIALS }}

${releaseJobCommon(true)}
${verifyJob(true)}
  images:
    needs: plan
    if: contains(needs.plan.outputs.stages, 'docker')
    uses: tagship/tagship/.github/workflows/docker.yml@${TAGSHIP_REF}
    permissions:
      contents: read
      packages: write # GHCR, by digest
      # Not used by the build jobs, but GitHub checks every job of a called workflow against what its
      # caller grants, and this file's publishing jobs ask for it.
      id-token: write
    with:
      part: build
      matrix: \${{ needs.plan.outputs.matrix }}
      source-ref: \${{ needs.plan.outputs.source-ref }}
    secrets:
      # One line a registry: "docker.io USER TOKEN". GHCR uses GITHUB_TOKEN. Mapped one by one:
      # \`secrets: inherit\` passes nothing to a workflow of another organization.
      REGISTRY_CREDENTIALS: \${{ secrets.REGISTRY_CREDENTIALS }}${notifySecrets(facts, '      ', false)}

  images-publish:
    needs: [plan, release, images]
    # After the release job succeeded, or without one (a rebuild, a dispatch of \`docker\`).
    if: \${{ !cancelled() && contains(needs.plan.outputs.stages, 'docker') && contains(fromJSON('["success", "skipped"]'), needs.images.result) && contains(fromJSON('["success", "skipped"]'), needs.release.result) }}
    uses: tagship/tagship/.github/workflows/docker.yml@${TAGSHIP_REF}
    permissions:
      contents: read
      packages: write # GHCR tags
      id-token: write # the index is signed, with SLSA provenance (attestations.images)
    with:
      part: publish
      matrix: \${{ needs.plan.outputs.matrix }}
      source-ref: \${{ needs.plan.outputs.source-ref }}
    secrets:
      REGISTRY_CREDENTIALS: \${{ secrets.REGISTRY_CREDENTIALS }}${notifySecrets(facts, '      ', false)}
`;
}
/** The image GHCR would hold for this repository (GHCR names are lower case). */
function imageName(facts) {
    if (facts.repository)
        return `ghcr.io/${facts.repository.toLowerCase()}`;
    const name = (facts.projectName ?? 'app').toLowerCase().replace(/^@/, '').replace(/[^a-z0-9._/-]+/g, '-');
    return `ghcr.io/your-org/${name.split('/').pop() || 'app'}`;
}
function starterConfig(facts) {
    const lines = ['# tagship configuration (docs/configuration.md). Written by `tagship init`; the defaults need no entry.'];
    if (facts.dockerfile) {
        lines.push('docker:', facts.repository ? '  # Add docker.io/USER/NAME to publish to Docker Hub too (secret REGISTRY_CREDENTIALS).' : '  # Put your organization here: the origin remote did not name a GitHub repository.', '  images:', `    - ${imageName(facts)}`);
    }
    else {
        lines.push('# tag-prefix: v          # release tags look like v1.2.3', '# changelog: true        # the GitHub release lists the commits since the last release');
    }
    return lines.join('\n') + '\n';
}
function nextSteps(facts) {
    const [owner, repo] = facts.repository ? facts.repository.split('/') : ['OWNER', 'REPOSITORY'];
    const unknown = facts.repository ? '' : ' (the origin remote names no GitHub repository: use yours)';
    const lines = ['Next:', `1. Commit ${WORKFLOW_PATH} and ${CONFIG_PATH}.`, `2. Set up trusted publishing${unknown}:`];
    if (facts.python) {
        lines.push(`   PyPI (project ${facts.python.name ?? '?'}: Manage → Publishing; a new project: your account's Publishing → pending publisher):`, `     owner ${owner}, repository ${repo}, workflow ${WORKFLOW_FILE}, environment ${PYPI_ENVIRONMENT}`, `   Create the environment ${PYPI_ENVIRONMENT} in the repository's Settings → Environments. For rehearsals, the same on TestPyPI.`);
    }
    for (const name of facts.npmPackages) {
        lines.push(`   npm (${name}: Settings → Trusted publisher → GitHub Actions): owner ${owner}, repository ${repo}, workflow ${WORKFLOW_FILE}, no environment`);
    }
    if (facts.npmPackages.length)
        lines.push('   (a package not yet on npm: publish it once with a token in the secret NPM_TOKEN, then add the trusted publisher)');
    if (facts.dockerfile)
        lines.push('   Images: GHCR uses GITHUB_TOKEN; for Docker Hub add the secret REGISTRY_CREDENTIALS ("docker.io USER TOKEN").');
    const rehearsal = `test-v${facts.version ?? '<version>'}`;
    lines.push(`3. Pin tagship: replace @${TAGSHIP_REF} in ${WORKFLOW_PATH} by a release's full commit SHA (optional, recommended).`, `4. Rehearse: git tag ${rehearsal} && git push origin ${rehearsal}`);
    return lines.join('\n');
}


/***/ })

};
