/**
 * The job summary checked the way people see it: read by a GFM parser (micromark), and its mermaid
 * diagram rendered by mermaid's own bundle in Debian's chromium. The summaries are real: the built
 * action's, against the local PyPI index and GitHub API, for a dry run, a release, a rehearsal, a
 * failure and a rebuild; the executed rebuild's from real planning (its builds need a Docker with buildx).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHeadline } from '../../src/execute/headline.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import { textWithCode } from '../../src/github/markdown.js';
import { cell, mermaidChain, renderSummary } from '../../src/plan/render.js';
import { repoRoot, runBuiltAction, runBuiltActionAsync, type ActionRun } from '../support/action-run.js';
import { openMermaidBrowser, type Drawing, type MermaidBrowser, type Rendered } from '../support/browser.js';
import { parseGfm, plainText, type GfmDocument } from '../support/gfm.js';
import { GithubApiServer } from '../support/github-api-server.js';
import { HOSTILE_TEXT } from '../support/hostile-strings.js';
import { tagPush } from '../support/payloads.js';
import { dockerPlan } from '../docker/support.js';
import { BUILD_COMMAND, copyProject, makeProject } from '../python/support/project.js';
import { startPypiIndex, type PypiIndex } from '../python/support/pypi-server.js';

let browser: MermaidBrowser;
let index: PypiIndex;
let testIndex: PypiIndex;
let github: GithubApiServer;
let python: string;
/** The dry run with a plain npm package name: what the hostile names are compared with. */
let plainPackageRun: ActionRun;
const summaries: Record<string, { summary: string; run?: ActionRun }> = {};

const IMAGES = 'docker:\n  images: [ghcr.io/acme/crawl4ai]\n';

/** The seed Python project with Docker images configured, for the plans that draw parallel builds. */
function seedWithImages(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-rendered-'));
  cpSync(join(repoRoot, 'test/fixtures/projects/python-seed'), dir, { recursive: true });
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/tagship.yml'), config);
  return dir;
}

/**
 * The built action, executing for real: a Python project to a local index, a release on the local API.
 * `project` changes the copy first (a broken build).
 */
function pythonRun(tag: string, options: { index: PypiIndex; token: string; project?: (dir: string) => void }): Promise<ActionRun> {
  const workspace = copyProject(python);
  options.project?.(workspace);
  mkdirSync(join(workspace, '.github'));
  const url = JSON.stringify(options.index.uploadUrl);
  writeFileSync(join(workspace, '.github/tagship.yml'), `python:\n  build-command: ${JSON.stringify(BUILD_COMMAND)}\n  repository-url: ${url}\n  rehearsal-repository-url: ${url}\nverify: { enabled: false }\n`);
  return runBuiltActionAsync({
    eventName: 'push',
    ref: `refs/tags/${tag}`,
    payload: tagPush(tag),
    workspace,
    inputs: { 'known-versions': '1.0.0', stages: 'release', 'pypi-token': options.token, 'github-token': 'test-token' },
    env: { GITHUB_API_URL: github.apiUrl, GITHUB_SERVER_URL: github.serverUrl },
  });
}

/** A build backend that is not installed: `python -m build` fails the way a broken project does. */
const brokenBackend = (dir: string) => {
  const pyproject = join(dir, 'pyproject.toml');
  writeFileSync(pyproject, readFileSync(pyproject, 'utf8').replace('setuptools.build_meta', 'no_such_backend.build'));
};

const started = Date.now();
let browserReadyMs = 0;
beforeAll(async () => {
  [browser, index, testIndex, github] = await Promise.all([openMermaidBrowser().finally(() => (browserReadyMs = Date.now() - started)), startPypiIndex(), startPypiIndex(), GithubApiServer.start({ owner: 'acme', repo: 'app' })]);
  index.tokens.add('pypi-rendered-token');
  testIndex.tokens.add('pypi-rendered-token');
  github.commit('feat: first version');
  github.tag('v1.2.3');
  github.tag('test-v1.2.3');
  python = makeProject('rendered-fixture', '1.2.3');

  const dryRun = runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: seedWithImages(IMAGES), inputs: { 'dry-run': 'true', 'known-versions': '1.0.0' } });
  const rebuild = runBuiltAction({ eventName: 'push', ref: 'refs/tags/docker-rebuild-v1.2.3', payload: tagPush('docker-rebuild-v1.2.3'), workspace: seedWithImages(IMAGES), inputs: { 'dry-run': 'true', 'known-versions': '1.2.3' } });
  summaries['dry run'] = { summary: dryRun.summary, run: dryRun };
  summaries['rebuild (dry run)'] = { summary: rebuild.summary, run: rebuild };
  plainPackageRun = dryRunWithPackage('widget');
  // In this order: the failures must find nothing uploaded; the rehearsal has an index of its own.
  const token = 'pypi-rendered-token';
  const failure = await pythonRun('v1.2.3', { index, token, project: brokenBackend });
  const refused = await pythonRun('v1.2.3', { index, token: 'not-the-token' });
  const release = await pythonRun('v1.2.3', { index, token });
  const rehearsal = await pythonRun('test-v1.2.3', { index: testIndex, token });
  summaries['failure (build)'] = { summary: failure.summary, run: failure };
  summaries['failure (upload refused)'] = { summary: refused.summary, run: refused };
  summaries.release = { summary: release.summary, run: release };
  summaries.rehearsal = { summary: rehearsal.summary, run: rehearsal };

  // An executed rebuild: the plan from real planning, every step finished.
  const plan = { ...dockerPlan({ kind: 'docker-rebuild', known: ['1.2.3'] }), dryRun: false };
  const report = { outcomes: plan.stages.flatMap((stage) => stage.steps).map((step) => ({ id: step.id, status: 'done' as const, detail: 'done' })), notRun: [] };
  summaries.rebuild = { summary: renderSummary(plan, runHeadline(plan, report)) + '\n' + renderOutcomes(report) };
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await index?.close();
  await testIndex?.close();
  await github?.stop();
  console.log(`summary-rendered: chromium with mermaid ready in ${browserReadyMs} ms; the file took ${Date.now() - started} ms`);
  if (process.env.TAGSHIP_DUMP_SUMMARIES) for (const [name, { summary }] of Object.entries(summaries)) writeFileSync(join(process.env.TAGSHIP_DUMP_SUMMARIES, `${name}.md`), summary);
});

/** What the Stages table says runs, in order: `stage: kind`, a parallel build with its platform. */
function claimedSteps(doc: GfmDocument): Array<{ label: string; parallel: boolean }> {
  const stages = doc.tables.find((t) => t.header.join('|') === 'stage|step|target')!;
  const active = stages.rows.filter(([, step]) => step !== 'skipped');
  const builds = active.filter(([, step]) => step === 'docker-build').length;
  return active.map(([stage, step, target]) => {
    const parallel = step === 'docker-build' && builds > 1;
    return { label: `${stage}: ${step}${parallel ? ` ${target!.split(' → ')[0]}` : ''}`, parallel };
  });
}

function drawn(rendered: Rendered): Drawing {
  if ('error' in rendered) throw new Error(`mermaid could not render the diagram: ${rendered.error}`);
  return rendered;
}

const labelled = (drawing: Drawing): Array<[string, string]> => drawing.edges.map((e) => [drawing.nodes[e.from]!.label, drawing.nodes[e.to]!.label]);

const SCENARIOS = [
  ['dry run', '### tagship plan: 1.2.3 (dry run)'],
  ['rebuild (dry run)', '### tagship plan: 1.2.3 (dry run)'],
  // A rebuild publishes the images again: told as a release of the version.
  ['rebuild', '### tagship rebuilt the images of 1.2.3'],
  ['release', '### tagship released: 1.2.3'],
  ['rehearsal', '### tagship rehearsed: 1.2.3'],
  ['failure (build)', '### tagship failed: 1.2.3'],
  ['failure (upload refused)', '### tagship failed: 1.2.3'],
] as const;

describe('the mermaid diagram, rendered by mermaid in chromium', () => {
  it.each(SCENARIOS)('%s: renders without a syntax error and draws every step the Stages table lists, in order', async (name, title) => {
    const { summary } = summaries[name]!;
    const doc = parseGfm(summary);
    expect(doc.headings[0]).toBe(title.replace(/^### /, ''));
    const diagrams = doc.code.filter((c) => c.lang === 'mermaid');
    expect(diagrams).toHaveLength(1);
    const drawing = drawn(await browser.render(diagrams[0]!.value));
    const claimed = claimedSteps(doc);
    expect(drawing.nodes.map((n) => n.label)).toEqual(['version guard', ...claimed.map((c) => c.label)]);
    // Each line's ends touch the nodes it is read as joining (arrowheads stop a few pixels short).
    for (const edge of drawing.edges) expect(edge.gap).toBeLessThan(12);
    // Left to right: every edge goes from a column to a later one.
    for (const edge of drawing.edges) expect(drawing.nodes[edge.to]!.x).toBeGreaterThan(drawing.nodes[edge.from]!.x + drawing.nodes[edge.from]!.width - 1);
    // Steps that are not parallel builds each have a column of their own: drawn as a chain.
    const serial = drawing.nodes.filter((n, i) => i === 0 || !claimed[i - 1]!.parallel);
    expect(new Set(serial.map((n) => Math.round(n.x))).size).toBe(serial.length);
    expect(drawing.markup).toEqual([]);
  });

  it.each(SCENARIOS.filter(([name]) => name.startsWith('rebuild') || name === 'dry run'))('%s: the two platform builds are drawn side by side, between the same two steps', async (name) => {
    const drawing = drawn(await browser.render(parseGfm(summaries[name]!.summary).code[0]!.value));
    const builds = drawing.nodes.filter((n) => n.label.startsWith('docker: docker-build '));
    expect(builds.map((n) => n.label)).toEqual(['docker: docker-build linux/amd64', 'docker: docker-build linux/arm64']);
    const [amd, arm] = builds as [typeof builds[0], typeof builds[0]];
    expect(Math.round(amd.x)).toBe(Math.round(arm.x));
    expect(amd.y + amd.height <= arm.y || arm.y + arm.height <= amd.y).toBe(true);
    const edges = labelled(drawing);
    const before = edges.filter(([, to]) => to.startsWith('docker: docker-build ')).map(([from]) => from);
    const after = edges.filter(([from]) => from.startsWith('docker: docker-build ')).map(([, to]) => to);
    expect(before).toHaveLength(2);
    // The dry run's release stage ends with github-attest (the release's assets attested after it).
    expect(new Set(before)).toEqual(new Set([name === 'dry run' ? 'release: github-attest' : 'version guard']));
    // Both lead to the scan of their digests, which comes before the merge.
    expect(after).toEqual(['docker: docker-scan', 'docker: docker-scan']);
    // Nothing else leads into or out of a build: they are not a chain.
    expect(edges.filter(([from, to]) => from.startsWith('docker: docker-build ') && to.startsWith('docker: docker-build '))).toEqual([]);
  });

  it('a Python release is one chain: build, upload, release, each edge to the next step', async () => {
    const drawing = drawn(await browser.render(parseGfm(summaries.release!.summary).code[0]!.value));
    expect(labelled(drawing)).toEqual([
      ['version guard', 'release: python-build'],
      ['release: python-build', 'release: pypi-upload'],
      ['release: pypi-upload', 'release: github-release'],
    ]);
  });

  it('a broken diagram is reported, not drawn: the check can fail', async () => {
    const rendered = await browser.render('flowchart LR\n  a["x " y"]\n  a --> b');
    expect('error' in rendered && rendered.error).toMatch(/Parse error/);
  });
});

/** Ids as the renderer takes them for parallel builds: the platform part comes from the step id. */
const MERMAID_HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['quote ending the label', 'amd64"] --> evil["pwned'],
  ['an edge and a node', 'x --> y\n  z["injected"]'],
  ['brackets and braces', 'a[b]{c}(d)((e))>f]'],
  ['HTML', '<img src=x onerror=alert(1)><b>bold</b><script>alert(1)</script>'],
  ['entity codes', '#quot; #34; &quot; &lt;b&gt;'],
  ['comment and statement separators', '%% comment ; end ; subgraph s'],
  ['click and class directives', 'click guard call alert() ::: cls'],
  ['markdown string', '`**bold**` _x_'],
  ...HOSTILE_TEXT,
];

describe('hostile text in the diagram', () => {
  it.each(MERMAID_HOSTILE)('%s in a platform build label: renders, no node or markup injected', async (_label, text) => {
    const plan = dockerPlan();
    const docker = plan.stages.find((s) => s.name === 'docker')!;
    const steps = docker.steps.map((step, i) => (step.kind === 'docker-build' ? { ...step, id: `docker-build:${text}${i}` } : step));
    const source = mermaidChain([{ ...docker, steps }]).slice(1, -1).join('\n');
    const drawing = drawn(await browser.render(source));
    expect(drawing.nodes.map((n) => n.label.replace(/docker-build .*/s, 'docker-build'))).toEqual(['version guard', 'docker: docker-build', 'docker: docker-build', 'docker: docker-scan', 'docker: docker-merge', 'docker: docker-attest']);
    expect(labelled(drawing).map(([from, to]) => [from.split(' ').slice(0, 2).join(' '), to.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['version guard', 'docker: docker-build'],
      ['version guard', 'docker: docker-build'],
      ['docker: docker-build', 'docker: docker-scan'],
      ['docker: docker-build', 'docker: docker-scan'],
      ['docker: docker-scan', 'docker: docker-merge'],
      ['docker: docker-merge', 'docker: docker-attest'],
    ]);
    expect(drawing.markup).toEqual([]);
  });

  it('the built action: a hostile package name leaves the diagram and every table as they were', async () => {
    const run = dryRunWithPackage('w"] --> x["<img src=x onerror=alert(1)>\n| a | b |\n```');
    expect(run.status, run.stdout).toBe(0);
    const doc = parseGfm(run.summary);
    expect(doc.html).toEqual([]);
    expect(doc.code.map((c) => c.lang)).toEqual(['mermaid']);
    const drawing = drawn(await browser.render(doc.code[0]!.value));
    expect(drawing.nodes.map((n) => n.label)).toEqual(['version guard', ...claimedSteps(doc).map((c) => c.label)]);
    expect(drawing.nodes.map((n) => n.label)).toContain('release: npm-publish');
    expect(drawing.markup).toEqual([]);
  });
});

/** The tables a summary has, by header, with each row's cell count. */
const shape = (doc: GfmDocument) => doc.tables.map((t) => [t.header.join('|'), t.rows.length, ...new Set(t.rows.map((r) => r.length))]);

/**
 * A link works when it is http(s) or mailto and a browser resolves it to itself: no backslash escape
 * taken into the URL (read as `/`), no space or quote turned into something else.
 */
function brokenLinks(doc: GfmDocument): string[] {
  return doc.links.filter((l) => !/^(https?:\/\/|mailto:)/.test(l.url) || l.url.includes('\\') || new URL(l.url).href !== l.url).map((l) => `${l.text} → ${l.url}`);
}

/** The built action's dry run on the seed project with images and an npm package named `name`. */
function dryRunWithPackage(name: string): ActionRun {
  const dir = seedWithImages(IMAGES + 'npm:\n  enabled: true\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.2.3' }));
  return runBuiltAction({ eventName: 'push', ref: 'refs/tags/v1.2.3', payload: tagPush('v1.2.3'), workspace: dir, inputs: { 'dry-run': 'true', 'known-versions': '1.0.0' } });
}

describe('the summary as GitHub-flavoured Markdown', () => {
  it.each(SCENARIOS)('%s: a title, then the tables, each row as wide as its header; every link works', (name) => {
    const doc = parseGfm(summaries[name]!.summary);
    expect(doc.blocks[0]).toBe('heading');
    for (const table of doc.tables) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
    expect(doc.html).toEqual([]);
    expect(doc.code.map((c) => c.lang)).toEqual(['mermaid']);
    const headers = doc.tables.map((t) => t.header.join('|'));
    expect(headers.slice(0, 3)).toEqual(['trigger|version|prerelease|latest|rehearsal', '|source|found|tag says', 'stage|step|target']);
    if (name !== 'dry run' && name !== 'rebuild (dry run)') {
      expect(headers.at(-1)).toBe('|step|detail');
      // The status line: one paragraph of one line, right under the title.
      const status = doc.root.children[1]!;
      expect(status.type).toBe('paragraph');
      expect(status.position!.start.line).toBe(status.position!.end.line);
    }
    expect(brokenLinks(doc)).toEqual([]);
  });

  it('the release: the Results table links each file and the release, to the run\'s own pages', () => {
    const { summary, run } = summaries.release!;
    expect(run!.status, run!.stdout).toBe(0);
    const doc = parseGfm(summary);
    const results = doc.tables.at(-1)!;
    expect(results.rows.map((r) => [r[0], r[1]])).toEqual([
      ['✅ done', 'python-build'],
      ['✅ done', 'pypi-upload'],
      ['✅ done', 'github-release'],
    ]);
    const project = `${index.uploadUrl.replace(/\/legacy\/$/, '')}/project/rendered-fixture/1.2.3/#files`;
    const linked = (text: string) => doc.links.filter((l) => l.text === text).map((l) => l.url);
    expect(linked('rendered_fixture-1.2.3-py3-none-any.whl')).toEqual([project]);
    expect(linked('rendered-fixture-1.2.3.tar.gz')).toEqual([project]);
    expect(linked('release v1.2.3')).toEqual([run!.outputs['release-url']]);
  });

  it('a failed build: the status line names the step; the Results table shows what did not run', () => {
    const { summary, run } = summaries['failure (build)']!;
    expect(run!.status).toBe(1);
    const doc = parseGfm(summary);
    expect(plainText(doc.root.children[1]!)).toMatch(/^❌ Failed at python-build: /);
    expect(doc.tables.at(-1)!.rows.map((r) => [r[0], r[1]])).toEqual([
      ['❌ failed', 'python-build'],
      ['⏭️ not run', 'pypi-upload'],
      ['⏭️ not run', 'github-release'],
    ]);
  });

  it('an upload the index refused: the URL in the index\'s message reads as it was sent; linked, it leads there', () => {
    const { summary, run } = summaries['failure (upload refused)']!;
    expect(run!.status).toBe(1);
    const doc = parseGfm(summary);
    const status = plainText(doc.root.children[1]!);
    expect(status).toMatch(/^❌ Failed at pypi-upload: .*HTTP 403/);
    expect(status).toContain('See http://localhost/help/#invalid-auth for more information.');
    for (const link of doc.links.filter((l) => l.url.startsWith('http://localhost/'))) expect(link.url).toBe('http://localhost/help/#invalid-auth');
    expect(brokenLinks(doc)).toEqual([]);
  });

  it.each([
    ['a URL with a fragment and underscores', 'see https://pypi.org/help/#invalid_auth now'],
    ['www and an e-mail address', 'ask www.example.org/a_b#c or ops@example.org'],
    ['a scoped package at a version', '@acme/widget@1.2.3 on https://npm.example.test/@acme%2fwidget?x=1&y=[2]'],
  ])('%s in a cell or a status line reads as written; any link made of it works', (_label, text) => {
    const doc = parseGfm(`${textWithCode(text)}\n\n| a |\n| --- |\n| ${cell(text)} |\n`);
    expect(plainText(doc.root.children[0]!)).toBe(text);
    expect(doc.tables[0]!.rows).toEqual([[text]]);
    expect(brokenLinks(doc)).toEqual([]);
  });

  it.each(HOSTILE_TEXT)('%s as a package name: the built action\'s summary keeps its blocks, tables and links', (_label, text) => {
    const plain = parseGfm(plainPackageRun.summary);
    const run = dryRunWithPackage(text);
    expect(run.status, run.stdout).toBe(0);
    const doc = parseGfm(run.summary);
    // The same blocks, tables and rows as the same project with a plain package name.
    expect(doc.blocks).toEqual(plain.blocks);
    expect(shape(doc)).toEqual(shape(plain));
    expect(doc.html).toEqual([]);
    // A URL in the name may read as a link, but one that leads where its text says.
    expect(brokenLinks(doc)).toEqual([]);
  });
});
