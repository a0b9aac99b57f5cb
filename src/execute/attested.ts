import { codeSpan, markdownLink } from '../github/markdown.js';
import { cell } from '../plan/render.js';
import type { SigstoreInstance } from '../sigstore/instance.js';
import { rekorEntryUrl, type AttestationRecord } from '../sigstore/record.js';
import { PYPI_PUBLISH_V1, SLSA_PROVENANCE_V1 } from '../sigstore/statement.js';
import type { StepOutcome } from './types.js';

/**
 * A record as a step reports it. `instance` (optional) names the Sigstore instance whose log holds
 * `logIndex`: only then can the summary link the entry (search.sigstore.dev shows the public-good log
 * alone; a private instance's index is shown as text).
 */
export type ReportedAttestation = AttestationRecord & { instance?: SigstoreInstance['name'] };

/** Predicate types in words: what a reader of the summary knows them as. */
const PREDICATES: Record<string, string> = {
  [PYPI_PUBLISH_V1]: 'PyPI publish',
  [SLSA_PROVENANCE_V1]: 'SLSA provenance',
  'https://slsa.dev/provenance/v0.2': 'SLSA provenance v0.2',
  'https://github.com/npm/attestation/tree/main/specs/publish/v0.1': 'npm publish',
  'https://sigstore.dev/cosign/sign/v1': 'signature',
};

const STORES: Record<AttestationRecord['store'], string> = {
  pypi: 'PyPI',
  npm: 'npm registry',
  github: 'GitHub attestations',
  registry: 'image registry',
};

export function predicateInWords(type: string): string {
  if (PREDICATES[type]) return PREDICATES[type];
  // cosign's signatures carry no in-toto predicate: their payload type names them.
  if (type === 'signature' || /cosign.*(sign|simplesigning)/i.test(type)) return 'signature';
  return type;
}

/** `sha256:0123456789ab…`: the algorithm and enough of the hex to tell digests apart at a glance. */
export function shortDigest(digest: string): string {
  const match = /^([a-z0-9]+):([0-9a-f]{12})[0-9a-f]*$/.exec(digest);
  return match ? `${match[1]}:${match[2]}…` : digest;
}

/** Outcome ids are `<kind>:<target>`: a verify-* step read the record back from the outside. */
const fromVerifyStep = (outcome: StepOutcome) => outcome.id.startsWith('verify-');

function recordsOf(outcome: StepOutcome): ReportedAttestation[] {
  const list = (outcome.produced as { attestations?: unknown } | undefined)?.attestations;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is ReportedAttestation => typeof r === 'object' && r !== null && typeof (r as AttestationRecord).subject === 'string' && typeof (r as AttestationRecord).digest === 'string');
}

interface Row {
  record: ReportedAttestation;
  verified: boolean;
}

/**
 * Every attestation the run's finished steps made or checked, one row each: a record a signing step
 * reported and a verify step confirmed is one row, marked verified. A failed step reports nothing,
 * so nothing half-signed is listed.
 */
export function collectAttestations(outcomes: readonly StepOutcome[]): Row[] {
  const rows = new Map<string, Row>();
  for (const outcome of outcomes) {
    for (const record of recordsOf(outcome)) {
      const key = [record.subject, record.digest, record.predicateType, record.store].join('\u0000');
      const seen = rows.get(key);
      // Fields one side knows and the other does not (an attestation id, a log index) are kept.
      rows.set(key, { record: { ...stripUndefined(record), ...(seen ? stripUndefined(seen.record) : {}) }, verified: (seen?.verified ?? false) || fromVerifyStep(outcome) });
    }
  }
  return [...rows.values()];
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function links(record: ReportedAttestation): string {
  const out: string[] = [];
  if (record.logIndex !== undefined) {
    const rekor = record.instance ? rekorEntryUrl({ name: record.instance, fulcioUrl: '' }, record.logIndex) : undefined;
    out.push(rekor ? markdownLink(`Rekor entry ${record.logIndex}`, rekor) : `log entry ${cell(record.logIndex)}`);
  }
  if (record.attestationId !== undefined) out.push(`attestation ${codeSpan(record.attestationId)}`);
  const url = record.url && URL.canParse(record.url) ? new URL(record.url).href : undefined;
  // As a browser reads it (non-ASCII percent-encoded): the link leads where its text says.
  if (url) out.push(markdownLink(`on ${STORES[record.store] ?? record.store}`, url));
  return out.join(' · ');
}

/** The "Attested" section of the job summary; empty when nothing was attested. */
export function renderAttested(outcomes: readonly StepOutcome[]): string {
  const rows = collectAttestations(outcomes);
  if (!rows.length) return '';
  const lines = rows.map(({ record, verified }) =>
    [
      verified ? '✅ verified' : '🔏 signed',
      cell(record.subject),
      codeSpan(shortDigest(record.digest)),
      cell(predicateInWords(record.predicateType)),
      cell(STORES[record.store] ?? record.store),
      links(record),
    ].join(' | '),
  );
  return ['#### Attested', '', '| | what | digest | attestation | stored in | links |', '| --- | --- | --- | --- | --- | --- |', ...lines.map((line) => `| ${line} |`), ''].join('\n');
}
