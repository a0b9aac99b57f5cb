import { codeSpan, markdownLink } from '../github/markdown.js';
import { cell } from '../plan/render.js';
import type { SigstoreInstance } from '../sigstore/instance.js';
import { rekorEntryUrl, type AttestationRecord } from '../sigstore/record.js';
import { PYPI_PUBLISH_V1, SLSA_PROVENANCE_V1 } from '../sigstore/statement.js';
import type { StepOutcome } from './types.js';

/**
 * A record as a step reports it. `instance` (optional) names the Sigstore instance whose log holds
 * `logIndex`; without it, the instance of the step that reported the record (the `SigstoreInstance`
 * its plan entry carries, wherever it keeps it). Only a public-good entry is linked
 * (search.sigstore.dev shows that log alone); a private instance's index is shown as text.
 */
export type ReportedAttestation = AttestationRecord & { instance?: SigstoreInstance['name'] };

const INSTANCE_NAMES: ReadonlySet<string> = new Set(['public-good', 'github', 'custom']);

function isInstance(value: unknown): value is SigstoreInstance {
  return typeof value === 'object' && value !== null && INSTANCE_NAMES.has((value as SigstoreInstance).name) && typeof (value as SigstoreInstance).fulcioUrl === 'string';
}

/**
 * The Sigstore instance a planned step signs or verifies with: a `SigstoreInstance` among its fields
 * or one level down (`instance`, `attestations.instance`, `provenance.sigstore`), so the summary needs
 * to know no step kind.
 */
export function stepInstance(step: object | undefined): SigstoreInstance | undefined {
  for (const value of Object.values(step ?? {})) {
    if (isInstance(value)) return value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const nested = Object.values(value as object).find(isInstance);
      if (nested) return nested;
    }
  }
  return undefined;
}

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
export function collectAttestations(outcomes: readonly StepOutcome[], steps: readonly object[] = []): Row[] {
  const rows = new Map<string, Row>();
  const byId = new Map(steps.map((step) => [(step as { id?: unknown }).id, step]));
  for (const outcome of outcomes) {
    const instance = stepInstance(byId.get(outcome.id))?.name;
    for (const reported of recordsOf(outcome)) {
      const record = reported.instance || !instance ? reported : { ...reported, instance };
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

const REKOR_SEARCH = 'https://search.sigstore.dev/';

function links(record: ReportedAttestation): string {
  const out: string[] = [];
  // As a browser reads it (non-ASCII percent-encoded): the link leads where its text says.
  const url = record.url && URL.canParse(record.url) ? new URL(record.url).href : undefined;
  // Some steps give the Rekor entry as the record's URL: it is shown as the entry, not as the store.
  const urlIsRekor = url?.startsWith(REKOR_SEARCH) ?? false;
  if (record.logIndex !== undefined) {
    const rekor = (record.instance ? rekorEntryUrl({ name: record.instance, fulcioUrl: '' }, record.logIndex) : undefined) ?? (urlIsRekor ? url : undefined);
    out.push(rekor ? markdownLink(`Rekor entry ${record.logIndex}`, rekor) : `log entry ${cell(record.logIndex)}`);
  } else if (urlIsRekor) out.push(markdownLink('Rekor entry', url!));
  if (record.attestationId !== undefined) out.push(`attestation ${codeSpan(record.attestationId)}`);
  if (url && !urlIsRekor) out.push(markdownLink(`on ${STORES[record.store] ?? record.store}`, url));
  return out.join(' · ');
}

/**
 * The "Attested" section of the job summary; empty when nothing was attested. `steps`: the plan's,
 * to know each reporting step's Sigstore instance.
 */
export function renderAttested(outcomes: readonly StepOutcome[], steps: readonly object[] = []): string {
  const rows = collectAttestations(outcomes, steps);
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
