/**
 * The summary's "Attested" section, read the way GitHub shows it (micromark with the GFM extensions):
 * one row per attestation the run's finished steps made or checked, its digest short, its type in
 * words, where it is stored and links that lead where they say.
 */
import { describe, expect, it } from 'vitest';
import { renderAttested, shortDigest, stepInstance, type ReportedAttestation } from '../../src/execute/attested.js';
import type { ExecutionReport } from '../../src/execute/run.js';
import { renderOutcomes } from '../../src/execute/summary.js';
import type { StepOutcome } from '../../src/execute/types.js';
import type { PlannedStep } from '../../src/plan/types.js';
import { PUBLIC_GOOD } from '../../src/sigstore/instance.js';
import { PYPI_PUBLISH_V1, SLSA_PROVENANCE_V1 } from '../../src/sigstore/statement.js';
import { parseGfm, plainText, type GfmDocument } from '../support/gfm.js';
import { HOSTILE_TEXT } from '../support/hostile-strings.js';
import { blockOpeners } from '../support/markdown-structure.js';

const SHA256 = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';
const SHA512 = 'e7ba9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36';

const outcome = (id: string, attestations: ReportedAttestation[]): StepOutcome => ({ id, status: 'done', detail: 'done', produced: { attestations } });

const wheel: ReportedAttestation = { subject: 'widget-1.2.3-py3-none-any.whl', digest: `sha256:${SHA256}`, predicateType: PYPI_PUBLISH_V1, store: 'pypi', logIndex: '1520334', instance: 'public-good', url: 'https://pypi.org/project/widget/1.2.3/#files' };
const asset: ReportedAttestation = { subject: 'SHA256SUMS', digest: `sha256:${'b'.repeat(64)}`, predicateType: SLSA_PROVENANCE_V1, store: 'github', attestationId: '8812', url: 'https://github.com/acme/widget/attestations/8812' };
const image: ReportedAttestation = { subject: `ghcr.io/acme/widget@sha256:${'c'.repeat(64)}`, digest: `sha256:${'c'.repeat(64)}`, predicateType: 'https://sigstore.dev/cosign/sign/v1', store: 'registry', logIndex: '77', instance: 'custom' };
const npm: ReportedAttestation = { subject: '@acme/widget@1.2.3', digest: `sha512:${SHA512}`, predicateType: SLSA_PROVENANCE_V1, store: 'npm', logIndex: '99', instance: 'public-good', url: 'https://www.npmjs.com/package/@acme/widget/v/1.2.3#provenance' };

const table = (doc: GfmDocument) => doc.tables.find((t) => t.header.join('|') === '|what|digest|attestation|stored in|links')!;

/** Links that are http(s) and resolve to themselves: no escape taken into the URL. */
const brokenLinks = (doc: GfmDocument) => doc.links.filter((l) => !/^https?:\/\//.test(l.url) || l.url.includes('\\') || new URL(l.url).href !== l.url);

describe('the Attested section', () => {
  const outcomes = [
    outcome('pypi-upload', [wheel]),
    outcome('github-attest', [asset]),
    outcome('docker-attest', [image]),
    // Read back from the outside: the same PyPI record (the verify step knows no log index), and npm's.
    outcome('verify-python:widget', [{ ...wheel, logIndex: undefined, instance: undefined }]),
    outcome('verify-npm:@acme/widget', [npm]),
  ];

  it('lists every attestation once: what, short digest, type in words, store; checked ones marked verified', () => {
    const doc = parseGfm(renderAttested(outcomes));
    expect(doc.headings).toEqual(['Attested']);
    expect(table(doc).rows).toEqual([
      ['✅ verified', 'widget-1.2.3-py3-none-any.whl', `sha256:${SHA256.slice(0, 12)}…`, 'PyPI publish', 'PyPI', 'Rekor entry 1520334 · on PyPI'],
      ['🔏 signed', 'SHA256SUMS', `sha256:${'b'.repeat(12)}…`, 'SLSA provenance', 'GitHub attestations', 'attestation 8812 · on GitHub attestations'],
      ['🔏 signed', `ghcr.io/acme/widget@sha256:${'c'.repeat(64)}`, `sha256:${'c'.repeat(12)}…`, 'signature', 'image registry', 'log entry 77'],
      ['✅ verified', '@acme/widget@1.2.3', `sha512:${SHA512.slice(0, 12)}…`, 'SLSA provenance', 'npm registry', 'Rekor entry 99 · on npm registry'],
    ]);
  });

  it('links the public log\'s entries on search.sigstore.dev, a private instance\'s index only as text, and each store\'s page', () => {
    const doc = parseGfm(renderAttested(outcomes));
    expect(doc.links.map((l) => [l.text, l.url])).toEqual([
      ['Rekor entry 1520334', 'https://search.sigstore.dev/?logIndex=1520334'],
      ['on PyPI', 'https://pypi.org/project/widget/1.2.3/#files'],
      ['on GitHub attestations', 'https://github.com/acme/widget/attestations/8812'],
      ['Rekor entry 99', 'https://search.sigstore.dev/?logIndex=99'],
      ['on npm registry', 'https://www.npmjs.com/package/@acme/widget/v/1.2.3#provenance'],
    ]);
    expect(brokenLinks(doc)).toEqual([]);
  });

  it('follows the Results table; a run that attested nothing has no such section', () => {
    const report: ExecutionReport = { outcomes, notRun: [] };
    const doc = parseGfm(renderOutcomes(report));
    expect(doc.headings).toEqual(['Results', 'Attested']);
    expect(renderOutcomes({ outcomes: [{ id: 'npm-publish:x', status: 'done', detail: 'published' }], notRun: [] })).not.toContain('Attested');
  });

  it('a failed step claims nothing: only finished steps\' attestations are listed', () => {
    const failedStep = { kind: 'docker-attest', id: 'docker-attest', target: 'ghcr.io/acme/widget' } as unknown as PlannedStep;
    const report: ExecutionReport = { outcomes: [outcome('pypi-upload', [wheel])], failed: { step: failedStep, error: new Error('Rekor answered 503') }, notRun: [] };
    const rows = table(parseGfm(renderOutcomes(report))).rows;
    expect(rows.map((r) => r[1])).toEqual(['widget-1.2.3-py3-none-any.whl']);
  });

  it('ignores what is not a record (a step that produced something else under that name)', () => {
    expect(renderAttested([{ id: 'x', status: 'done', detail: '', produced: { attestations: 'none' } }, { id: 'y', status: 'done', detail: '', produced: { attestations: [null, 3, { subject: 1 }] } }])).toBe('');
  });

  it('shortens only well-formed digests', () => {
    expect(shortDigest(`sha256:${SHA256}`)).toBe(`sha256:${SHA256.slice(0, 12)}…`);
    expect(shortDigest('sha256:abc')).toBe('sha256:abc');
    expect(shortDigest('md5:`x`')).toBe('md5:`x`');
  });
});

describe('which log an entry is in', () => {
  it('a record without `instance` takes its step\'s (wherever the plan entry keeps it); a Rekor URL given as the record\'s URL is the entry\'s link', () => {
    const steps = [
      { kind: 'pypi-upload', id: 'pypi-upload', target: 'widget', attestations: { instance: PUBLIC_GOOD, required: false } },
      { kind: 'docker-attest', id: 'docker-attest', target: 'ghcr.io/acme/widget', instance: { name: 'custom', fulcioUrl: 'https://fulcio.example' } },
    ];
    const signature = { ...image, instance: undefined, logIndex: '5', url: 'https://search.sigstore.dev/?logIndex=5' };
    const doc = parseGfm(renderAttested([outcome('pypi-upload', [{ ...wheel, instance: undefined }]), outcome('docker-attest', [{ ...image, instance: undefined }, { ...signature, predicateType: SLSA_PROVENANCE_V1 }])], steps));
    expect(table(doc).rows.map((r) => r.at(-1))).toEqual(['Rekor entry 1520334 · on PyPI', 'log entry 77', 'Rekor entry 5']);
    expect(doc.links.map((l) => l.url)).toEqual(['https://search.sigstore.dev/?logIndex=1520334', 'https://pypi.org/project/widget/1.2.3/#files', 'https://search.sigstore.dev/?logIndex=5']);
    // Without the plan, nothing says the PyPI entry is in the public log: its index is shown, not linked.
    expect(table(parseGfm(renderAttested([outcome('pypi-upload', [{ ...wheel, instance: undefined }])]))).rows[0]!.at(-1)).toBe('log entry 1520334 · on PyPI');
  });

  it('finds the instance in the plan entries of every signing and checking step', () => {
    expect(stepInstance({ kind: 'verify-npm', provenance: { requested: true, sigstore: PUBLIC_GOOD } })).toBe(PUBLIC_GOOD);
    expect(stepInstance({ kind: 'github-attest', instance: PUBLIC_GOOD })).toBe(PUBLIC_GOOD);
    expect(stepInstance({ kind: 'python-build', files: [PUBLIC_GOOD] })).toBeUndefined();
    expect(stepInstance(undefined)).toBeUndefined();
  });
});

describe('hostile text in the Attested section', () => {
  it.each(HOSTILE_TEXT)('%s as subject, digest, log index, attestation id and URL: one row of six cells, no markup, every link works', (_label, text) => {
    const hostile: ReportedAttestation = { subject: `${text} widget`, digest: text, predicateType: text, store: 'github', logIndex: text, instance: 'public-good', attestationId: text, url: `https://github.com/acme/widget/attestations/${text}` };
    const markdown = renderOutcomes({ outcomes: [outcome('github-attest', [hostile, npm])], notRun: [] });
    const doc = parseGfm(markdown);
    expect(doc.headings).toEqual(['Results', 'Attested']);
    expect(doc.html).toEqual([]);
    expect(blockOpeners(markdown)).toEqual([]);
    const rows = table(doc).rows;
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(6);
    expect(rows[0]![1]).toMatch(/widget$/);
    expect(rows[1]).toEqual(['🔏 signed', '@acme/widget@1.2.3', `sha512:${SHA512.slice(0, 12)}…`, 'SLSA provenance', 'npm registry', 'Rekor entry 99 · on npm registry']);
    // A log index that is not a number gets no link to the public log.
    expect(doc.links.filter((l) => l.url.startsWith('https://search.sigstore.dev/')).map((l) => l.url)).toEqual(['https://search.sigstore.dev/?logIndex=99']);
    expect(brokenLinks(doc)).toEqual([]);
    expect(doc.root.children.every((node) => !plainText(node).includes('\n::'))).toBe(true);
  });
});
