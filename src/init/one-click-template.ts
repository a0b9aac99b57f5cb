import { CHECKOUT, ONE_CLICK_FILE, ONE_CLICK_PATH, PIN_NOTE, PYPI_ENVIRONMENT, SETUP_NODE, SETUP_PYTHON, TAGSHIP_REF, type InitFacts } from './templates.js';

// Pinned by the same commits as the repository's reusable docker.yml.
const SETUP_QEMU = 'docker/setup-qemu-action@29109295f81e9208d7d86ff1c6c12d2833863392 # v3.6.0';
const SETUP_BUILDX = 'docker/setup-buildx-action@b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2 # v3.10.0';

/**
 * The one-click release workflow (docs/one-click.md): Run workflow → choose the bump. One job does it all,
 * because the tag it pushes with GITHUB_TOKEN starts no workflow: the bump, the push, then every stage for
 * the new version. Its permissions are the release's plus the push (`contents: write` covers both).
 */
export function oneClickWorkflow(facts: InitFacts): string {
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
export function oneClickSteps(facts: InitFacts, written: boolean): string {
  if (!written) return '\nA one-click release (Run workflow → patch/minor/major, no tag to push by hand): tagship init --one-click (docs/one-click.md).';
  const lines = [
    `\nOne-click release (${ONE_CLICK_PATH}):`,
    '- It pushes the release commit to the branch it runs on: if the branch is protected (or a ruleset covers it), let github-actions[bot] push there, or the run stops with one line naming the rule.',
  ];
  if (facts.python) lines.push(`- PyPI: add a trusted publisher for workflow ${ONE_CLICK_FILE}, environment ${PYPI_ENVIRONMENT}.`);
  if (facts.npmPackages.length) lines.push(`- npm: the trusted publisher names one workflow file; name ${ONE_CLICK_FILE} there if this is how you release, or keep the NPM_TOKEN secret.`);
  return lines.join('\n');
}
