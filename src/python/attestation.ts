/**
 * PEP 740 attestation objects, as PyPI's upload API takes them and its Integrity API serves them, and
 * their conversion to and from Sigstore bundles (what pypi-attestations' `Attestation.from_bundle` and
 * `to_bundle` do). Pure data: no Sigstore library is loaded here.
 *
 *   { version: 1,
 *     verification_material: { certificate: base64(DER), transparency_entries: [Rekor entry JSON, …] },
 *     envelope: { statement: base64(in-toto statement JSON), signature: base64(DSSE signature) } }
 *
 * The DSSE payload type is implied (`application/vnd.in-toto+json`); the DSSE signature is over the
 * PAE of that type and the statement bytes, so the envelope converts back to the signed bundle exactly.
 */

export const PYPI_PUBLISH_PREDICATE = 'https://docs.pypi.org/attestations/publish/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** twine's convention (`twine upload --attestations`): `<dist>.publish.attestation` beside the dist. */
export const PUBLISH_ATTESTATION_SUFFIX = '.publish.attestation';
const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export interface PepAttestation {
  version: 1;
  verification_material: { certificate: string; transparency_entries: Array<Record<string, unknown>> };
  envelope: { statement: string; signature: string };
}

/** PEP 740 provenance object: attestations grouped by the trusted publisher that uploaded them. */
export interface PepProvenance {
  version: 1;
  attestation_bundles: Array<{ publisher?: Record<string, unknown>; attestations: PepAttestation[] }>;
}

/** The parts of a serialized Sigstore bundle (v0.2/v0.3 JSON) a PEP 740 attestation is made of. */
interface BundleJson {
  mediaType?: string;
  verificationMaterial?: {
    certificate?: { rawBytes?: string };
    x509CertificateChain?: { certificates?: Array<{ rawBytes?: string }> };
    tlogEntries?: Array<Record<string, unknown>>;
  };
  dsseEnvelope?: { payload?: string; payloadType?: string; signatures?: Array<{ sig?: string }> };
}

/**
 * `Attestation.from_bundle`: the signing certificate, the transparency-log entries, and the envelope's
 * statement and only signature. PyPI takes no attestation without a transparency-log entry.
 */
export function attestationFromBundle(bundle: unknown): PepAttestation {
  const b = bundle as BundleJson;
  const certificate = b.verificationMaterial?.certificate?.rawBytes ?? b.verificationMaterial?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  const entries = b.verificationMaterial?.tlogEntries ?? [];
  const envelope = b.dsseEnvelope;
  if (!certificate) throw new Error('the Sigstore bundle has no signing certificate (keyless signing makes one)');
  if (!envelope?.payload || envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new Error('the Sigstore bundle holds no DSSE envelope of an in-toto statement');
  if (envelope.signatures?.length !== 1 || !envelope.signatures[0]!.sig) throw new Error(`expected exactly one signature, got ${envelope.signatures?.length ?? 0}`);
  if (!entries.length) throw new Error('the Sigstore bundle has no transparency-log entry, and PyPI takes attestations only with one (the Sigstore instance needs a Rekor URL)');
  return { version: 1, verification_material: { certificate, transparency_entries: entries }, envelope: { statement: envelope.payload, signature: envelope.signatures[0]!.sig } };
}

/** `Attestation.to_bundle`: a v0.3 bundle with the certificate, the first log entry and the DSSE envelope. */
export function bundleFromAttestation(attestation: PepAttestation): Record<string, unknown> {
  return {
    mediaType: BUNDLE_V03,
    verificationMaterial: {
      certificate: { rawBytes: attestation.verification_material.certificate },
      tlogEntries: attestation.verification_material.transparency_entries.slice(0, 1),
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: { payload: attestation.envelope.statement, payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ sig: attestation.envelope.signature, keyid: '' }] },
  };
}

/** The attestation's statement subjects and predicate type, read without verifying anything (for matching files). */
export function attestationStatement(attestation: PepAttestation): { subjects: Array<{ name?: string; sha256?: string }>; predicateType?: string } {
  try {
    const statement = JSON.parse(Buffer.from(attestation.envelope.statement, 'base64').toString('utf8')) as { subject?: Array<{ name?: string; digest?: { sha256?: string } }>; predicateType?: string };
    return { subjects: (statement.subject ?? []).map((s) => ({ name: s.name, sha256: s.digest?.sha256 })), predicateType: statement.predicateType };
  } catch {
    return { subjects: [] };
  }
}

/** Whether a value has the PEP 740 attestation shape (not whether it verifies). */
export function isPepAttestation(value: unknown): value is PepAttestation {
  const a = value as Partial<PepAttestation> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    a.version === 1 &&
    typeof a.verification_material?.certificate === 'string' &&
    Array.isArray(a.verification_material.transparency_entries) &&
    a.verification_material.transparency_entries.length > 0 &&
    typeof a.envelope?.statement === 'string' &&
    typeof a.envelope.signature === 'string'
  );
}

/** The Rekor log index of an attestation's first entry, when it has one. */
export function attestationLogIndex(attestation: PepAttestation): string | undefined {
  const index = attestation.verification_material.transparency_entries[0]?.logIndex;
  return typeof index === 'string' || typeof index === 'number' ? String(index) : undefined;
}

/** PyPI's Integrity API for one file: `<index>/integrity/<project>/<version>/<filename>/provenance`. */
export function provenanceUrl(indexUrl: string, project: string, version: string, filename: string): string {
  const normalized = project.toLowerCase().replace(/[-_.]+/g, '-');
  return `${indexUrl.replace(/\/+$/, '')}/integrity/${encodeURIComponent(normalized)}/${encodeURIComponent(version)}/${encodeURIComponent(filename)}/provenance`;
}
